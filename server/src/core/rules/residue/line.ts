/**
 * residue/line: whole lines a web page, a document viewer or a download site
 * left in the draft (site names and banners, breadcrumbs, posting date and
 * author lines, 预览结束, download, login and membership prompts, 此处隐藏N字,
 * contact and copyright lines, a viewer's page lines, related-article lists,
 * tag lines, lines of stray symbols, the page title above the document
 * title). The model leaves these lines out of the speech (no heading, no
 * count, no balance figure); this rule says so, and its fix deletes the line.
 *
 * Lines the parser set aside only because they come before the title are
 * reported when they repeat the title, or stand among other residue lines
 * and do not look like a speech's title themselves; a title split over two
 * lines is residue/broken-lines' to join, not a line to delete.
 */
import type { SpeechDocument } from '../../model';
import { brokenLineRuns, inlineResidue, residueLineKind } from '../../residue';
import { defineRule } from '../../rule';
import { deleteLineEdit, LINE_KINDS } from './shared';

const TITLE_LIKE = /(?:讲话|发言|致辞|主持词|讲稿|报告|材料|党课)$/;

function lineText(doc: SpeechDocument, line: number): string {
  return doc.text.slice(doc.lines.lineStart(line), doc.lines.contentEnd(line)).trim();
}

/** The kind of residue on each line of the draft (the lines of the speech are absent). */
export function residueLines(doc: SpeechDocument): Map<number, string> {
  // residue/line and residue/inline both ask for it in one check
  let lines = residueLinesOf.get(doc);
  if (!lines) residueLinesOf.set(doc, (lines = findResidueLines(doc)));
  return lines;
}

const residueLinesOf = new WeakMap<SpeechDocument, Map<number, string>>();

function findResidueLines(doc: SpeechDocument): Map<number, string> {
  const parserResidue = new Set(doc.paragraphs.filter((p) => p.kind === 'residue').map((p) => doc.lines.lineAt(p.span.start)));
  const inRun = new Set(brokenLineRuns(doc.text).flatMap((r) => Array.from({ length: r.last - r.first + 1 }, (_, k) => r.first + k)));
  const title = doc.title !== undefined ? lineText(doc, doc.lines.lineAt(doc.paragraphs[doc.title].span.start)) : '';
  const out = new Map<number, string>();
  for (let line = 0; line < doc.lines.lineCount; line++) {
    const kind = residueLineKind(lineText(doc, line));
    if (kind) out.set(line, kind);
  }
  const neighbour = (line: number, step: number) => {
    let k = line + step;
    while (k >= 0 && k < doc.lines.lineCount && lineText(doc, k) === '') k += step;
    return k;
  };
  for (const line of parserResidue) {
    if (out.has(line) || inRun.has(line)) continue;
    const t = lineText(doc, line);
    if (t === '') continue;
    const repeatsTitle = title.length >= 4 && t.length >= 4 && (title.includes(t) || t.includes(title));
    const amongResidue = [neighbour(line, -1), neighbour(line, 1)].some((k) => out.has(k) || parserResidue.has(k));
    // a word or two of a title scattered over a cover page ("园区" "工委" … "讲话"): no title of its own, even when it reads 讲话
    if (amongResidue && t.length <= 4) out.set(line, 'fragment');
    // "《……的讲话》由互联网用户分享整理。文章地址:……": a site's note that names the title
    else if (/由互联网用户分享整理|文章地址[:：]|原文地址[:：]/.test(t)) out.set(line, 'blurb');
    else if (repeatsTitle) out.set(line, 'repeated-title');
    else if (amongResidue && !TITLE_LIKE.test(t)) out.set(line, 'page');
  }
  repeatedTitleLines(doc, out);
  return out;
}

/**
 * Lines that print the title again anywhere (web-19 prints it after the text), or the title without
 * a collection's note ("……述职报告" and "……述职报告篇1" under "……述职报告范文五篇-某平台"): then the
 * title line itself is the page's title, and the document's own title is further down.
 */
function repeatedTitleLines(doc: SpeechDocument, out: Map<number, string>): void {
  if (doc.title === undefined) return;
  const titleLine = doc.lines.lineAt(doc.paragraphs[doc.title].span.start);
  const title = lineText(doc, titleLine);
  const notes = inlineResidue(doc.text, doc.lines.lineStart(titleLine), doc.lines.contentEnd(titleLine)).filter((r) => r.kind === 'title-note');
  let core = title;
  for (const n of notes) core = core.replace(doc.text.slice(n.start, n.end), '');
  core = core.trim();
  if (core.length < 6) return;
  let coreRepeated = false;
  for (let line = 0; line < doc.lines.lineCount; line++) {
    if (line === titleLine || out.has(line)) continue;
    const t = lineText(doc, line);
    if (t === title || t === core || t.replace(/\s*篇\s*[0-9一二三四五六七八九十]{1,2}$/, '') === core) {
      out.set(line, 'repeated-title');
      coreRepeated ||= t !== title;
    }
  }
  if (coreRepeated && core !== title && !out.has(titleLine)) out.set(titleLine, 'page');
}

export default defineRule({
  meta: {
    id: 'residue/line',
    family: 'residue',
    description: {
      zh: '从网页、文档预览或下载站粘贴带入的整行残留（网站名、导航、发布信息、“预览结束”、下载登录提示、客服、版权声明等）',
      en: 'Whole lines pasted along from a web page, a document viewer or a download site (site names, navigation, bylines, "preview ended", download and login prompts, contacts, copyright lines)',
    },
    defaultSeverity: 'warning',
    fixable: true,
    defaultOptions: {},
    examples: { wrong: '……必须坚决落实。\n预览结束,会员登录后免费立即下载', right: '……必须坚决落实。' },
    notes: {
      leavesAlone:
        'a line of the speech that only mentions a site, a download or a hotline ("要畅通客服电话"); a line before the title that reads like a title itself (ends in 讲话, 报告, 党课 …) unless it repeats the title; a Markdown thematic break (---). 讲话稿中提到客服、下载的句子；标题前本身像标题的行（重复标题的除外）。',
      limits:
        'each message names the kind of line (site banner, navigation, a document site\'s section label such as 内容预览 or 文档简介, a download site\'s 温馨提示 block, posting date, download or copyright notice, contact, a fragment of a cover-page title, the title printed again, another page title); the title printed again is caught anywhere (also after the text), and so is the title without a download site\'s collection note (……报告 / ……报告篇1 under ……报告范文五篇-某平台: then the note-laden title line goes whole); a page title that does not repeat the document title is only caught among other residue lines, and the model still takes such a page title for the title. 每条提示说明该行是什么；与标题不同的网页标题只在其他残留行之间才能识别。',
    },
  },
  messages: {
    line: { zh: '网页残留：{whatZh}，应删除', en: 'Web residue: {whatEn}; delete it' },
  },
  check({ doc, report }) {
    for (const [line, kind] of [...residueLines(doc)].sort((a, b) => a[0] - b[0])) {
      const what = LINE_KINDS[kind];
      const start = doc.lines.lineStart(line);
      let s = start;
      while (s < doc.lines.contentEnd(line) && /\s/.test(doc.text[s])) s++;
      report({
        messageId: 'line',
        data: { whatZh: what.zh, whatEn: what.en },
        span: { start: s, end: doc.lines.contentEnd(line) },
        fixes: [{ title: { zh: '删除此行', en: 'Delete this line' }, edits: [deleteLineEdit(doc, line)], safe: true }],
      });
    }
  },
});
