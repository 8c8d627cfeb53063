/**
 * What pasting from the web, a document viewer or a PDF leaves in a draft
 * (DOMAIN.md "Residue"), recognised on the raw text: whole residue lines
 * (site banners, breadcrumbs, 预览结束, download and login prompts, contact
 * and copyright lines …), residue inside a line (a page counter glued to a
 * word, a site name injected mid-sentence, an uploader's note on the title),
 * and lines broken every 25-35 characters. Pure and linear; the parser's
 * residue pass, the residue rules and the "join broken lines" command use it.
 */
import type { Span } from './text';
import { isHan } from './text';

export type ResidueLineKind =
  | 'site'
  | 'navigation'
  | 'viewer-label'
  | 'tips'
  | 'byline'
  | 'preview-end'
  | 'download'
  | 'hidden'
  | 'contact'
  | 'copyright'
  | 'page-thumbnail'
  | 'tags'
  | 'blurb'
  | 'related'
  | 'stray';

/** Whole-line patterns, tested on a trimmed line of at most 200 characters. */
const LINE_PATTERNS: [ResidueLineKind, RegExp][] = [
  ['preview-end', /^(?:全文)?预览(?:阅读)?(?:已)?结束|^预览结束|^试读结束|^(?:此处|以下)内容需要权限查看$|^会员免费查看$/],
  ['hidden', /^[-—\s]*此处隐藏\s*\d+\s*字|^\s*[-—]*\s*以下内容(?:需|仅)/],
  ['download', /^(?:点击|立即|免费)?下载(?:本文档|全文|此文档|文档|word|Word|WORD)?$|^部分文章缺省word文档下载|下载后(?:查看|无此问题)|^(?:\d[.．、]\s*)?下载(?:前请|文档时)|^下载本文档$|^正文复制$|^复制全文$|^点击下载$/],
  ['navigation', /^(?:您的)?当前位置[:：]|^首页\s*[>＞»]|^多个关键词搜索|^[-—]?\s*[上下]一(?:篇|页)?$|^-\s*下一$/],
  // a document site's section labels above the text ("内容预览:", "文档简介", "论文部分内容阅读")
  ['viewer-label', /^内容预览[:：]?$|^论文部分内容阅读$|^文档简介$/],
  // a download site's notice block: "温馨提示:" and its numbered items about downloading and copyright
  ['tips', /^温馨提示[:：]?$/],
  ['byline', /^(?:更新|发布|发表)?时间[:：]\s*\d{4}[-年/.]\d{1,2}.*(?:作者|来源|栏目|点击|浏览|阅读)|^更新时间[:：]|^发布(?:时间|日期)[:：]|^本文\d{4}-\d{2}-\d{2}.*发表|^本文链接[:：]|^来源[:：].{0,20}$|^作者[:：].{0,20}$|^\d{4}-\d{2}-\d{2}\s+\S{0,20}(?:的)?版权声明$/],
  // (a contact with its number or id: "要畅通客服电话" in a speech is no residue)
  ['contact', /客服\s*(?:VX|vx|微信|QQ|qq|电话)\s*[:：]\s*[\w-]+|^(?:VX|QQ|微信)[:：]\s*\w+|^您需要登录后才可以|^(?:登录|注册|登录\s*或者?\s*注册)$|会员登录后|^网站客服[:：]\s*\d+$/],
  ['copyright', /^Copyright\s*©|^©\s*\d{4}|^版权(?:说明|声明|所有)[:：]|^免责声明|^本站(?:所有|部分)?(?:文章|内容|资源)|仅供学习[，,]?请勿他用|^(?:\d[.．、]\s*)?本文档由用户(?:提供并)?上传/],
  ['page-thumbnail', /\.(?:docx?|pdf|pptx?)_第\s*\d+\s*页$/],
  ['related', /^(?:最新文档|热门文章|相关推荐|相关文章|推荐阅读|猜你喜欢|精选范文|推荐访问)$|^评论\s*\d+$/],
  ['blurb', /^前言[:：]\s*本站|^(?:本站|小编)(?:为你|為你|为大家|為大家)(?:精心)?整理|^由互联网用户分享整理/],
  // (not ---, *** or ___: a Markdown thematic break)
  ['stray', /^[`'"|｜·•~]{1,4}$/],
];

/** The kind of residue a whole line is, or undefined for a line of the speech. */
export function residueLineKind(line: string): ResidueLineKind | undefined {
  const t = line.trim();
  if (t.length === 0 || t.length > 200) return undefined;
  for (const [kind, re] of LINE_PATTERNS) if (re.test(t)) return kind;
  // a site banner: a domain name on a line of its own or leading it ("公文汇 gongwenhui.com ,汇集……")
  if (/^[\u4e00-\u9fff]{2,8}\s+[a-z0-9-]+\.(?:com|cn|net|org)\b/i.test(t) || /^(?:官方)?(?:微信)?公众号$/.test(t)) return 'site';
  return undefined;
}

export type InlineResidueKind = 'page-counter' | 'injected' | 'title-note' | 'prompt' | 'pinyin' | 'stray-mark';

export interface InlineResidue extends Span {
  kind: InlineResidueKind;
}

// 第1页共4页 glued to a word; 原創: / 原创: injected; "|动员部署会议" after a title; a prompt glued to a heading
// (原創: only after punctuation or at the line's start: "要鼓励原创：……" is speech); a lone ' after a quotation mark ("六个导向"'即要)
const INLINE_RE = /第\s*\d{1,4}\s*页\s*[,，/]?\s*共\s*\d{1,4}\s*页|(?<=^|[、，,。；;！!？?\s])原[創创][:：]|会员免费查看|此处内容需要权限查看|(?<=["“”])'(?=[\u4e00-\u9fff])/g;

const TITLE_NOTE_RE = /[|｜][\u4e00-\u9fff]{2,12}\s*$|[-_—]\s*[\u4e00-\u9fffA-Za-z0-9]{1,12}(?:网|平台|文库|网站|站|之家)\s*$|\s*篇\s*[0-9一二三四五六七八九十]{1,2}$|范文[一二三四五六七八九十0-9]{1,2}篇/g;

// 領(lǐng)導(dǎo): a reading a site printed after a character (at least one tone mark, so "(a)" or "(GDP)" never counts)
const PINYIN_RE = /(?<=[\u4e00-\u9fff])[(（][a-zü]{0,5}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{0,5}[)）]/g;

/** Residue inside one line [start, end) of `text`. */
export function inlineResidue(text: string, start: number, end: number): InlineResidue[] {
  const out: InlineResidue[] = [];
  const line = text.slice(start, end);
  INLINE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = INLINE_RE.exec(line))) {
    const s = start + m.index;
    const kind: InlineResidueKind = m[0].startsWith('第') ? 'page-counter' : m[0].startsWith('原') ? 'injected' : m[0] === "'" ? 'stray-mark' : 'prompt';
    // a whole line of it is a residue line, not inline residue
    if (m[0].length === line.trim().length) continue;
    out.push({ start: s, end: s + m[0].length, kind });
  }
  // "在……的讲话|动员部署会议": a category an uploader put after the title; "……报告-某某平台": a site name;
  // "……讲话稿 篇1", "……述职报告范文五篇": the numbering of a download site's collection (callers keep these on the title line)
  PINYIN_RE.lastIndex = 0;
  while ((m = PINYIN_RE.exec(line))) out.push({ start: start + m.index, end: start + m.index + m[0].length, kind: 'pinyin' });
  // "[县长在县委书记]县长在……的讲话": a site's bracketed label before the title (half-width brackets, which a Chinese title never opens with)
  const lead = /^\s*(\[[\u4e00-\u9fff]{2,12}\])(?=[\u4e00-\u9fff]{4})/.exec(line);
  if (lead) out.push({ start: start + lead.index + lead[0].length - lead[1].length, end: start + lead[0].length, kind: 'title-note' });
  TITLE_NOTE_RE.lastIndex = 0;
  while ((m = TITLE_NOTE_RE.exec(line))) {
    if (m.index > 0 && isHan(line.charCodeAt(m.index - 1))) out.push({ start: start + m.index, end: start + m.index + m[0].trimEnd().length, kind: 'title-note' });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Characters that end a sentence or a heading at the end of a line. */
const LINE_END = /[。！？!?；;：:…”’」』）)\]】》]$/;

export interface BrokenRun {
  /** The lines of the run (0-based), first to last. */
  first: number;
  last: number;
  /** The line breaks inside the run that join sentence parts: offsets of the break and of the next line's content. */
  breaks: { start: number; end: number }[];
}

interface LineInfo {
  start: number;
  contentEnd: number;
  next: number;
}

function splitLines(text: string): LineInfo[] {
  const out: LineInfo[] = [];
  let s = 0;
  while (s <= text.length) {
    let e = text.indexOf('\n', s);
    if (e < 0) e = text.length;
    const contentEnd = e > s && text.charCodeAt(e - 1) === 13 ? e - 1 : e;
    out.push({ start: s, contentEnd, next: e + 1 });
    if (e >= text.length) break;
    s = e + 1;
  }
  return out;
}

/** A line that opens a heading or a new block: 一、 （一） (一) 1. 第一 同志们： */
const BLOCK_START = /^\s*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、]\s*\S|第[一二三四五六七八九十]+[，,、]|#)/;

/**
 * Runs of lines broken mid-sentence, as a PDF copy leaves them: at least
 * `minLines` consecutive non-empty lines of similar length (within
 * [minChars, maxChars]) of which all but the last end without closing
 * punctuation. A heading broken over two lines is joined too: its second
 * line is short and the first ends mid-phrase. Real paragraph breaks (a line
 * ending in 。, an empty line, a line opening a heading) are kept.
 */
export function brokenLineRuns(text: string, minLines = 3, minChars = 18, maxChars = 45): BrokenRun[] {
  // residue/line, residue/inline (through it) and residue/broken-lines each ask for the runs of the same text in one check
  if (lastRuns && lastRuns.text === text && lastRuns.key === `${minLines},${minChars},${maxChars}`) return lastRuns.runs;
  const runs = findBrokenLineRuns(text, minLines, minChars, maxChars);
  lastRuns = { text, key: `${minLines},${minChars},${maxChars}`, runs };
  return runs;
}

/** The runs of the text checked last (callers only read them). */
let lastRuns: { text: string; key: string; runs: BrokenRun[] } | undefined;

function findBrokenLineRuns(text: string, minLines: number, minChars: number, maxChars: number): BrokenRun[] {
  const lines = splitLines(text);
  const len = (k: number) => lines[k].contentEnd - lines[k].start;
  const content = (k: number) => text.slice(lines[k].start, lines[k].contentEnd);
  const firstLine = lines.findIndex((l) => l.contentEnd > l.start);
  // lines that never join: residue, the title line (but a title split in two), a line repeated;
  // worked out once per line (broken, continues and the loop each ask about the same lines)
  const stops = lines.map((_, k) => residueLineKind(content(k)) !== undefined || (k > 0 && content(k).trim() === content(k - 1).trim()));
  const stop = (k: number) => stops[k];
  // a line is "broken" when it ends mid-sentence and is about as long as the page is wide
  const broken = (k: number) => {
    const c = content(k).trimEnd();
    if (c.length < minChars || c.length > maxChars || LINE_END.test(c) || stop(k) || k === firstLine) return false;
    const last = c.charCodeAt(c.length - 1);
    return isHan(last) || /[，,、“‘（(《0-9A-Za-z]$/.test(c);
  };
  const continues = (k: number) => len(k) > 0 && !BLOCK_START.test(content(k)) && !stop(k);
  const out: BrokenRun[] = [];
  let k = 0;
  while (k < lines.length) {
    let j = k;
    if (broken(k)) {
      while (j + 1 < lines.length && broken(j) && continues(j + 1)) j++;
      if (j - k + 1 < minLines) j = k;
    } else if (k + 1 < lines.length && !stop(k) && continues(k + 1) && splitInTwo(content(k), content(k + 1), k <= firstLine + 2)) j = k + 1;
    if (j > k) {
      const breaks = [];
      for (let b = k; b < j; b++) breaks.push({ start: lines[b].contentEnd, end: lines[b + 1].start + leadingBlanks(content(b + 1)) });
      out.push({ first: k, last: j, breaks });
    }
    k = j + 1;
  }
  return out;
}

/**
 * Two lines that are one: a title broken in two (at the top of the draft), a heading whose last words
 * went to the next line ("一、……筑牢“不想腐”" / "的思想堤坝"), or a long paragraph cut after a comma
 * (no paragraph ends in ，; short lines ending in ， are verse and stay).
 */
function splitInTwo(first: string, second: string, atTop: boolean): boolean {
  if (atTop && isSplitTitle(first, second)) return true;
  const s = second.trim();
  if (BLOCK_START.test(first) && first.trim().length <= 45 && /^的/.test(s) && s.length <= 12 && !LINE_END.test(s)) return true;
  return first.trimEnd().length > 45 && /[，,]$/.test(first.trimEnd()) && s.length > 0;
}

/** A title broken in two (at the top of the draft): a long first part, a short second part that ends it. */
function isSplitTitle(first: string, second: string): boolean {
  const f = first.trim();
  const s = second.trim();
  if (f.length < 8 || f.length > 45 || s.length === 0 || s.length > 25 || LINE_END.test(f) || BLOCK_START.test(s)) return false;
  // "……警示教育大会上 / 的讲话"; "……的工作激情和 / 必胜的信心" (a line cannot end on a connective)
  return /^的/.test(s) || /[和与及的在对把为、]$/.test(f);
}

function leadingBlanks(s: string): number {
  let n = 0;
  while (n < s.length && (s[n] === ' ' || s[n] === '\t' || s[n] === '\u3000')) n++;
  return n;
}

/**
 * Spaces (not U+3000, which pads names in lists) between two Han characters
 * in [start, end), but not the one after a title run into the text (……的讲话 尊敬的……).
 */
export function spacesBetweenHan(text: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  for (let i = start + 1; i < end - 1; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 0xa0) continue;
    let j = i;
    while (j < end && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 0xa0)) j++;
    // after a title's last word the space is a flattened paragraph break, not a split word
    const afterTitle = /(?:讲话|发言|致辞|主持词)$/.test(text.slice(Math.max(start, i - 3), i));
    if (j < end && j - i <= 2 && isHan(text.charCodeAt(i - 1)) && isHan(text.charCodeAt(j)) && !afterTitle) out.push({ start: i, end: j });
    i = j - 1;
  }
  return out;
}
