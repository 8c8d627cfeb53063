/**
 * balance/subsection-count: sibling sections divided very unevenly — one
 * with six sub-sections beside one with a single sub-section.
 *
 * By default a sibling with no sub-sections at all takes no part: a section
 * written as continuous prose beside one broken into （一）…（七） is a
 * common, deliberate structure (the "认识" part in prose, the "任务" part in
 * points), not an imbalance. `countEmpty` turns that comparison on.
 */
import type { Section } from '../../model';
import { defineRule } from '../../rule';
import { median, siblingGroups } from '../../sections';

export interface SubsectionCountOptions {
  /** Report when the largest count is at least this multiple of the smallest. */
  minRatio: number;
  /** …and exceeds it by at least this many sub-sections. */
  minDifference: number;
  /** Compare only groups with at least this many (counted) siblings. */
  minSiblings: number;
  /** Count siblings that have no sub-sections (0 against 6). */
  countEmpty: boolean;
}

export default defineRule<SubsectionCountOptions>({
  meta: {
    id: 'balance/subsection-count',
    family: 'balance',
    description: {
      zh: '同级各节所分小节数量悬殊（如一节六个小节、另一节只有一个）',
      en: 'Sibling sections divided into very different numbers of sub-sections (six against one)',
    },
    defaultSeverity: 'info',
    fixable: false,
    defaultOptions: { minRatio: 3, minDifference: 3, minSiblings: 2, countEmpty: false },
    options: {
      minRatio: { type: 'number', min: 1, description: { zh: '最多者至少为最少者的几倍才报告', en: 'report when the largest count is at least this multiple of the smallest' } },
      minDifference: { type: 'number', min: 1, description: { zh: '最多者至少比最少者多几个才报告', en: '…and exceeds it by at least this many' } },
      minSiblings: { type: 'number', min: 2, description: { zh: '参与比较的同级节至少几个', en: 'compare only groups with at least this many sibling sections' } },
      countEmpty: { type: 'boolean', description: { zh: '没有小节的同级节也参与比较', en: 'include siblings that have no sub-sections' } },
    },
    notes: {
      leavesAlone: "Siblings with no sub-sections at all (prose beside points is a deliberate form, unless countEmpty); the usual 3-4-2 rhythm.",
      limits: "Counts only numbered sub-sections; unnumbered sub-heads are not weighed.",
    },
    examples: {
      wrong: '一、……（一）…（六）　二、……（一）',
      right: '一、……（一）…（四）　二、……（一）…（三）',
    },
  },
  messages: {
    few: {
      zh: '本节只有{count}个小节，而同级的“{other}”有{otherCount}个',
      en: 'This section has only {count} {unit}, while its sibling "{other}" has {otherCount}',
    },
    many: {
      zh: '本节有{count}个小节，而同级的“{other}”只有{otherCount}个',
      en: 'This section has {count} sub-sections, while its sibling "{other}" has only {otherCount}',
    },
  },
  check({ doc, options, report }) {
    for (const group of siblingGroups(doc)) {
      const members = options.countEmpty ? group : group.filter((s) => s.children.length > 0);
      if (members.length < Math.max(2, options.minSiblings)) continue;
      let lo: Section = members[0];
      let hi: Section = members[0];
      for (const s of members) {
        if (s.children.length < lo.children.length) lo = s;
        if (s.children.length > hi.children.length) hi = s;
      }
      const min = lo.children.length;
      const max = hi.children.length;
      if (max - min < options.minDifference || max < min * options.minRatio) continue;
      // report the extreme farther from the group's median (ties: the thin one)
      const med = median(members.map((s) => s.children.length));
      const reportHigh = min > 0 ? max / med > med / min : med === 0 || max - med > med - min;
      const target = reportHigh ? hi : lo;
      const other = reportHigh ? lo : hi;
      report({
        messageId: reportHigh ? 'many' : 'few',
        data: {
          count: target.children.length,
          unit: target.children.length === 1 ? 'sub-section' : 'sub-sections',
          other: short(other.heading.title),
          otherCount: other.children.length,
        },
        span: target.heading.span,
        related: [
          {
            span: other.heading.span,
            message: { zh: `此节有${other.children.length}个小节`, en: `this section has ${other.children.length} sub-section${other.children.length === 1 ? '' : 's'}` },
          },
        ],
      });
    }
  },
});

function short(s: string): string {
  const chars = Array.from(s);
  return chars.length > 16 ? chars.slice(0, 15).join('') + '…' : s;
}
