/**
 * typography/ellipsis: the ellipsis written as 。。。, ..., ···, ⋯ or a
 * single or tripled … (GB/T 15834-2011 §4.11: the 省略号 is "……", two U+2026;
 * twelve dots "…………" mark a whole omitted paragraph and are left alone).
 * "..." counts only next to Chinese (not in Latin text, numbers or URLs).
 */
import { defineRule } from '../../rule';
import { matchesInSpeech } from './matches';
import { isChinese } from './shared';

const RE = /。{3,}|\.{3,}|[·•・]{3,}|⋯+|…+/g;

export default defineRule({
  meta: {
    id: 'typography/ellipsis',
    family: 'typography',
    description: {
      zh: '省略号写法不规范（。。。、...、···、⋯、单个“…”），应为“……”（GB/T 15834—2011 第4.11条）',
      en: 'An ellipsis written 。。。, ..., ···, ⋯ or a single "…"; it takes "……" (GB/T 15834-2011 §4.11)',
    },
    defaultSeverity: 'info',
    fixable: true,
    defaultOptions: {},
    examples: { wrong: '请赵副市长发言。。。', right: '请赵副市长发言……' },
  },
  messages: {
    ellipsis: { zh: '省略号“{text}”应写作“……”', en: 'The ellipsis "{text}" is written "……"' },
  },
  check({ doc, report }) {
    const text = doc.text;
    for (const m of matchesInSpeech(doc, RE)) {
      const s = text.slice(m.start, m.end);
      if (s[0] === '…' && s.length % 2 === 0) continue; // ……, ………… (a whole paragraph left out)
      if (s[0] === '.' || s[0] === '·' || s[0] === '•' || s[0] === '・') {
        const prev = m.start > 0 ? text.charCodeAt(m.start - 1) : -1;
        const next = m.end < text.length ? text.charCodeAt(m.end) : -1;
        if (!isChinese(prev) && !isChinese(next)) continue;
      }
      const len = s[0] === '…' && s.length > 4 ? 4 : 2;
      report({
        messageId: 'ellipsis',
        data: { text: s.length > 12 ? s.slice(0, 12) + '…' : s },
        span: { start: m.start, end: m.end },
        fixes: [{ title: { zh: '改为“……”', en: 'Use "……"' }, edits: [{ start: m.start, end: m.end, newText: '…'.repeat(len) }], safe: true }],
      });
    }
  },
});
