/**
 * numbering/announced-count: an announcement ("讲三点意见", "以下四个方面",
 * "五大体系") whose number differs from the items it announces — the sections
 * that follow, an inline series, or a 、-list right before or after it. The
 * parser links announcements to their items; "几点" announces no number and
 * an announcement the parser could not link is left alone. The fix (offered,
 * never applied in bulk) changes the announced number to the actual count.
 */
import { parseArabic, toCnNumeral } from '../../numerals';
import { defineRule } from '../../rule';
import { formatNumberLike } from '../../renumber';

function countText(written: string, n: number): string {
  if (!Number.isNaN(parseArabic(written))) return formatNumberLike(n, written);
  return n === 2 ? '两' : toCnNumeral(n);
}

export default defineRule({
  meta: {
    id: 'numbering/announced-count',
    family: 'numbering',
    description: {
      zh: '预告的数目（“讲三点意见”“五大体系”）与后面或前面实际列出的项数不符',
      en: 'An announced count ("讲三点意见", "五大体系") differs from the number of items that follow or precede it',
    },
    defaultSeverity: 'warning',
    fixable: true,
    defaultOptions: {},
    notes: {
      leavesAlone: "几点 / 几个方面 (no number), counts that announce nothing (十四五, 第一动力), an announcement the parser could not link to its items, a count that is itself an item of a list (两个中心、三大基地: names of programmes), a list after a colon that matches the count when 和 joins its last two items or when it does not.",
      limits: "A draft cut off before its last point (a web excerpt, a paste that lost its end) is reported as having fewer items than announced, which is true of the text but not of the speech; a 、-list right before the count reads A、B和C as three items, so 装备制造、钢铁和新材料两大产业 (钢铁和新材料 meant as one) is reported.",
    },
    examples: {
      wrong: '下面，我讲四点意见。一、统一思想…… 二、突出重点…… 三、加强领导……',
      right: '下面，我讲三点意见。一、统一思想…… 二、突出重点…… 三、加强领导……',
    },
  },
  messages: {
    mismatch: {
      zh: '“{text}”与实际项数不符：{where}列出 {actual} 项',
      en: '"{text}" does not match the items: {actual} {whereEn}',
    },
  },
  check({ doc, report }) {
    const t = doc.text;
    for (const a of doc.announcements) {
      const target = a.target;
      if (!target || target.items.length === 0) continue;
      const items = target.items;
      const actual = items.length;
      if (actual === a.count) continue;
      if (target.kind === 'list') {
        if (items.some((s) => t.slice(s.start, s.end).trim().length === 0)) continue;
        const last = t.slice(items[actual - 1].start, items[actual - 1].end).trim();
        // "A、B等三大产业": 等 leaves the list open
        if (actual < a.count && /等+$/.test(last)) continue;
      }
      const before = items[0].start < a.span.start;
      const written = t.slice(a.countSpan.start, a.countSpan.end);
      const newCount = countText(written, actual);
      const off = a.countSpan.start - a.span.start;
      const fixed = a.text.slice(0, off) + newCount + a.text.slice(off + written.length);
      report({
        messageId: 'mismatch',
        data: {
          text: a.text,
          actual,
          where: before ? '前面' : '后面',
          whereEn: before ? (actual === 1 ? 'item precedes it' : 'items precede it') : actual === 1 ? 'item follows' : 'items follow',
        },
        span: a.span,
        related: items.map((s, i) => ({ span: s, message: { zh: `第${i + 1}项`, en: `item ${i + 1}` } })),
        fixes:
          actual >= 1 && actual <= 99
            ? [{ title: { zh: `改为“${fixed}”`, en: `Change to "${fixed}"` }, edits: [{ start: a.countSpan.start, end: a.countSpan.end, newText: newCount }], safe: false }]
            : [],
      });
    }
  },
});
