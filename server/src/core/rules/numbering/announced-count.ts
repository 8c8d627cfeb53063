/**
 * numbering/announced-count: an announcement ("讲三点意见", "以下四个方面",
 * "五大体系") whose number differs from the items it announces — the sections
 * that follow, an inline series, or a 、-list right before or after it. The
 * parser links announcements to their items; "几点" announces no number and
 * an announcement the parser could not link is left alone. The fix (offered,
 * never applied in bulk) changes the announced number to the actual count.
 */
import type { Announcement, SpeechDocument } from '../../model';
import { parseArabic, toCnNumeral } from '../../numerals';
import { defineRule } from '../../rule';
import { formatNumberLike } from '../../renumber';

function countText(written: string, n: number): string {
  if (!Number.isNaN(parseArabic(written))) return formatNumberLike(n, written);
  return n === 2 ? '两' : toCnNumeral(n);
}

/**
 * Fewer sections than announced and the draft ends inside the last of them
 * (nothing but web residue after it: no closing, no date, no further section):
 * the list is unfinished (a web excerpt cut off after 一、, a writer who has
 * typed 讲三点意见 and 一、 but not yet 二、), not miscounted. Changing 三 to 一
 * would damage the announcement.
 */
function unfinished(doc: SpeechDocument, a: Announcement): boolean {
  const target = a.target!;
  if (target.kind !== 'sections' || target.items.length >= a.count) return false;
  const lastHeading = target.items[target.items.length - 1];
  const section = doc.allSections.find((s) => s.heading.span.start === lastHeading.start);
  if (!section) return false;
  return doc.paragraphs.every((p) => p.span.start < section.span.end || p.kind === 'residue' || p.kind === 'comment');
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
      leavesAlone: "a list left unfinished (fewer sections than announced and the draft ends inside the last of them), 几点 / 几个方面 (no number), counts that announce nothing (十四五, 第一动力), an announcement the parser could not link to its items, a count that is itself an item of a list (两个中心、三大基地: names of programmes), a list after a colon that matches the count when 和 joins its last two items or when it does not.",
      limits: "Fewer sections than announced with nothing after the last of them (no closing, no date, no further section: a web excerpt cut off after 一、, a draft still being written) is taken as an unfinished list and not reported, so a complete draft whose closing is not recognized as one (it does not open with 同志们， or the like) loses this finding; a 、-list right before the count reads A、B和C as three items, so 装备制造、钢铁和新材料两大产业 (钢铁和新材料 meant as one) is reported.",
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
      if (actual === a.count || unfinished(doc, a)) continue;
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
