/**
 * residue/broken-lines: a draft copied from a PDF or a Word file with hard
 * line breaks inside its sentences (a break every 25-35 characters, titles
 * and headings split too). One finding per broken run; its fix, and the
 * command "合并断行 / Join broken lines", rejoin the lines inside each
 * paragraph and keep the real paragraph breaks and headings.
 */
import type { SpeechDocument } from '../../model';
import { brokenLineRuns } from '../../residue';
import type { TextEdit } from '../../rule';
import { defineRule } from '../../rule';

/** The edits that rejoin every broken run of the draft (the "Join broken lines" command). */
export function joinBrokenLinesEdits(doc: SpeechDocument): TextEdit[] {
  return brokenLineRuns(doc.text).flatMap((r) => r.breaks.map((b) => ({ start: b.start, end: b.end, newText: '' })));
}

export default defineRule({
  meta: {
    id: 'residue/broken-lines',
    family: 'residue',
    description: {
      zh: '从PDF或Word粘贴带入的句中硬换行（每行二三十字就断开，标题也被拆开）',
      en: 'Hard line breaks inside sentences, pasted from a PDF or Word file (a break every 25-35 characters, titles split too)',
    },
    defaultSeverity: 'warning',
    fixable: true,
    defaultOptions: {},
    examples: { wrong: '今天我们召开全市领导干部警示教育大会,主要目的是\n深入贯彻落实关于全面从严治党的重要论述和系列重要指\n示精神。', right: '今天我们召开全市领导干部警示教育大会,主要目的是深入贯彻落实关于全面从严治党的重要论述和系列重要指示精神。' },
    notes: {
      leavesAlone:
        'real paragraph breaks (a line ending in 。！？：…, an empty line, a line opening a heading or 同志们：), short lines ending in ， (verse, couplets), residue lines and a line repeated. 真正的段落分隔、以逗号结尾的短句（诗句、对联）不连。',
      limits:
        'a run needs three lines of about a page\'s width (18-45 characters); two lines are joined only for a title split at the top, a heading whose last words went to the next line (……筑牢“不想腐” / 的思想堤坝), or a long paragraph (over 45 characters) cut after a comma. 两行的断行只在标题、标题尾字下行、长段逗号处断开时才连。',
    },
  },
  messages: {
    run: { zh: '第 {first}—{last} 行在句中断行（{count} 处），应合并为段落', en: 'Lines {first}-{last} are broken mid-sentence (line breaks: {count}); join them into paragraphs' },
  },
  check({ doc, report }) {
    for (const r of brokenLineRuns(doc.text)) {
      const start = doc.lines.lineStart(r.first);
      report({
        messageId: 'run',
        data: { first: r.first + 1, last: r.last + 1, count: r.breaks.length },
        span: { start, end: doc.lines.contentEnd(r.first) },
        fixes: [{ title: { zh: '合并断行', en: 'Join broken lines' }, edits: r.breaks.map((b) => ({ start: b.start, end: b.end, newText: '' })), safe: true }],
      });
    }
  },
});
