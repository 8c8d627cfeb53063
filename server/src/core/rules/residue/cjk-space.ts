/**
 * residue/cjk-space: spaces between Chinese characters that a PDF copy left
 * (各 位领导, 对我 院进行): Chinese text has no spaces between words. Only
 * paragraphs with two or more are reported (one finding each, with one fix);
 * the ideographic space U+3000 that pads names in a list (王　伟) is left
 * alone.
 */
import { spacesBetweenHan } from '../../residue';
import { defineRule } from '../../rule';
import { speechParagraphs } from '../typography/shared';

export default defineRule({
  meta: {
    id: 'residue/cjk-space',
    family: 'residue',
    description: {
      zh: '汉字之间夹有空格（从PDF粘贴带入）',
      en: 'Spaces between Chinese characters (left by a PDF copy)',
    },
    defaultSeverity: 'warning',
    fixable: true,
    defaultOptions: {},
    examples: { wrong: '尊敬的各 位领导，刘院长带领专家对我 院进行了全面检查。', right: '尊敬的各位领导，刘院长带领专家对我院进行了全面检查。' },
    notes: {
      leavesAlone:
        'the ideographic space U+3000 that pads names (王　伟); a paragraph with a single space; the space after a title run into the text (……的讲话 尊敬的……), which is a lost line break, not a split word: the fix keeps it. 全角空格、只有一处空格的段落、标题与称呼之间的空格（那是丢失的换行，不删）。',
      limits:
        'the finding sits on the first space inside a word; a title run into the salutation is not reported as such. 标题与称呼连在一行本身不报。',
    },
  },
  messages: {
    spaces: { zh: '本段汉字之间有 {count} 处空格，应删除', en: '{count} spaces between Chinese characters in this paragraph; delete them' },
  },
  check({ doc, report }) {
    for (const p of speechParagraphs(doc)) {
      const spaces = spacesBetweenHan(doc.text, p.span.start, p.span.end);
      if (spaces.length < 2) continue;
      report({
        messageId: 'spaces',
        data: { count: spaces.length },
        span: spaces[0],
        fixes: [{ title: { zh: '删除汉字间空格', en: 'Delete the spaces' }, edits: spaces.map((s) => ({ ...s, newText: '' })), safe: true }],
      });
    }
  },
});
