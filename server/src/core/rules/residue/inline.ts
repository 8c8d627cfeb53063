/**
 * residue/inline: residue inside a line of the speech: a viewer's page
 * counter glued to a word (会议精第1页共4页神), a site name injected into a
 * sentence (原創:), a membership prompt glued to a heading (会员免费查看二、),
 * a category an uploader added to the title (……的讲话|动员部署会议), pinyin
 * readings a site printed after the characters (領(lǐng)導(dǎo); one finding
 * per line), and the title printed again at the start of the text. The fix
 * deletes it.
 */
import type { SpeechDocument } from '../../model';
import { inlineResidue } from '../../residue';
import type { InlineResidue } from '../../residue';
import { defineRule } from '../../rule';
import { speechParagraphs } from '../typography/shared';
import { residueLines } from './line';
import { INLINE_KINDS } from './shared';

type Found = Omit<InlineResidue, 'kind'> & { kind: InlineResidue['kind'] | 'duplicate-title' };

/** The title printed again at the start of a later paragraph ("内容预览: 在……的讲话 同志们: ……"). */
function repeatedTitle(doc: SpeechDocument): Found[] {
  if (doc.title === undefined) return [];
  const t = doc.paragraphs[doc.title].span;
  const title = doc.text.slice(t.start, t.end).replace(/[|｜].*$/, '').trim();
  if (title.length < 6) return [];
  const out: Found[] = [];
  for (const p of speechParagraphs(doc)) {
    if (p.span.start <= t.start) continue;
    const body = doc.text.slice(p.span.start, p.span.end);
    if (body.length > title.length + 1 && body.startsWith(title)) {
      let end = p.span.start + title.length;
      while (end < p.span.end && /\s/.test(doc.text[end])) end++;
      out.push({ start: p.span.start, end, kind: 'duplicate-title' });
    }
  }
  return out;
}

export function inlineFindings(doc: SpeechDocument): Found[] {
  const out: Found[] = [];
  // a line residue/line deletes whole has nothing left to clean inside
  const lines = new Set<number>(residueLines(doc).keys());
  for (const p of speechParagraphs(doc)) {
    const line = doc.lines.lineAt(p.span.start);
    if (lines.has(line)) continue;
    lines.add(line);
    const found = inlineResidue(doc.text, doc.lines.lineStart(line), doc.lines.contentEnd(line));
    // an uploader's note belongs on the title line only
    out.push(...found.filter((f) => f.kind !== 'title-note' || (doc.title !== undefined && doc.paragraphs[doc.title].line === line)));
  }
  out.push(...repeatedTitle(doc));
  return out.sort((a, b) => a.start - b.start);
}

/** Each finding alone, but the pinyin readings of one line together (a page of them is one thing to delete). */
function groupPinyin(doc: SpeechDocument, found: Found[]): Found[][] {
  const out: Found[][] = [];
  let lastLine = -1;
  for (const f of found) {
    const line = doc.lines.lineAt(f.start);
    const prev = out[out.length - 1];
    if (f.kind === 'pinyin' && prev && prev[0].kind === 'pinyin' && line === lastLine) prev.push(f);
    else out.push([f]);
    lastLine = line;
  }
  return out;
}

export default defineRule({
  meta: {
    id: 'residue/inline',
    family: 'residue',
    description: {
      zh: '正文中夹带的网页或文档预览残留（页码“第1页共4页”、插入的网站字样、标题后的分类、重复的标题）',
      en: 'Residue inside the text: a viewer\'s page counter ("第1页共4页"), words a site injected, a category after the title, the title printed again',
    },
    defaultSeverity: 'warning',
    fixable: true,
    defaultOptions: {},
    examples: { wrong: '就贯彻落实本次会议精第1页共4页神，我再强调两点意见。', right: '就贯彻落实本次会议精神，我再强调两点意见。' },
  },
  messages: {
    inline: { zh: '网页残留：{whatZh}“{text}”，应删除', en: 'Web residue: {whatEn} "{text}"; delete it' },
    pinyin: { zh: '网页残留：本行有 {count} 处{whatZh}（如“{text}”），应删除', en: 'Web residue: {count} {whatEn} on this line ("{text}" …); delete them' },
  },
  check({ doc, report }) {
    for (const group of groupPinyin(doc, inlineFindings(doc))) {
      const f = group[0];
      const what = INLINE_KINDS[f.kind];
      const text = doc.text.slice(f.start, f.end).trim();
      report({
        messageId: group.length > 1 ? 'pinyin' : 'inline',
        data: { whatZh: what.zh, whatEn: what.en, text: text.length > 24 ? text.slice(0, 24) + '…' : text, count: group.length },
        span: { start: f.start, end: f.end },
        fixes: [{ title: { zh: '删除', en: 'Delete it' }, edits: group.map((g) => ({ start: g.start, end: g.end, newText: '' })), safe: true }],
      });
    }
  },
});
