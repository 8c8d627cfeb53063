/**
 * numbering/sequence: the numbered headings under one parent (one series per
 * marker style) must read 1, 2, 3 …: no gap, no duplicate, no item out of
 * order, starting at one. The quick fix renumbers the whole series.
 */
import type { Marker, SpeechDocument } from '../../model';
import { defineRule } from '../../rule';
import type { RelatedInfo } from '../../rule';
import { formatNumberLike, headingSeries, headingSeriesEdits } from '../../renumber';
import { sequenceProblems } from './shared';

/** The marker as written ("四、", "（二）", "04") and as it should read with `value`. */
function markerText(doc: SpeechDocument, m: Marker, value?: number): string {
  const written = doc.text.slice(m.span.start, m.span.end).trim();
  if (value === undefined) return written;
  const num = doc.text.slice(m.numberSpan.start, m.numberSpan.end);
  const off = m.numberSpan.start - m.span.start;
  return written.slice(0, off) + formatNumberLike(value, num) + written.slice(off + num.length);
}

const MAX_REPORTS_PER_SERIES = 20;

/**
 * Is the number before the series' first item written just before it, glued
 * to other text ("会员免费查看二、持续实施……" after a paywall)? Then the parser
 * could not see that heading, and where the series starts is not known: it
 * is not reported as starting at the wrong number (the residue is the fault).
 */
function previousGlued(doc: SpeechDocument, series: ReturnType<typeof headingSeries>[number]): boolean {
  const m = series.items[0].heading.marker!;
  if (m.value < 2) return false;
  const prev = markerText(doc, m, m.value - 1);
  const from = series.parent ? series.parent.heading.span.end : 0;
  const before = doc.text.slice(from, m.span.start);
  for (let i = before.indexOf(prev); i >= 0; i = before.indexOf(prev, i + 1)) {
    if (i > 0 && !/[\r\n]/.test(before[i - 1])) return true;
  }
  return false;
}

export default defineRule({
  meta: {
    id: 'numbering/sequence',
    family: 'numbering',
    description: {
      zh: '同级标题序号跳号、重复、颠倒或不从一开始',
      en: 'Heading numbers at one level skip, repeat, run out of order or do not start at one',
    },
    defaultSeverity: 'warning',
    fixable: true,
    defaultOptions: {},
    notes: {
      leavesAlone: "Markers as numbers only at a line's start (a heading); a series that starts at the wrong number is not reported when the number before is written just before it, glued to other text (会员免费查看二、……: the residue is the fault); under an inverted hierarchy (numbering/hierarchy reports it).",
      limits: "A heading the parser does not see (run into pasted residue, or a number alone in a scanned PDF line) leaves a gap it cannot explain; drafts cut off mid-way (a web excerpt) end early, which is never reported.",
    },
    examples: {
      wrong: '一、统一思想 …… 二、突出重点 …… 四、加强领导',
      right: '一、统一思想 …… 二、突出重点 …… 三、加强领导',
    },
  },
  messages: {
    start: {
      zh: '本级序号应从“{expected}”开始，此处为“{found}”',
      en: 'This level should start at "{expected}"; found "{found}"',
    },
    gap: {
      zh: '序号跳号：此处应为“{expected}”，实为“{found}”',
      en: 'Numbering skips a number: expected "{expected}", found "{found}"',
    },
    duplicate: {
      zh: '序号重复：“{found}”前面已用过，此处应为“{expected}”',
      en: 'Duplicate number: "{found}" is already used above; expected "{expected}"',
    },
    order: {
      zh: '序号顺序颠倒：此处应为“{expected}”，实为“{found}”',
      en: 'Numbers out of order: expected "{expected}", found "{found}"',
    },
  },
  check({ doc, report }) {
    for (const series of headingSeries(doc)) {
      if (series.inverted) continue; // numbering/hierarchy reports it; the numbers cannot be told apart
      const values = series.items.map((s) => s.heading.marker!.value);
      const problems = sequenceProblems(values).filter((p) => p.kind !== 'start' || !previousGlued(doc, series));
      if (problems.length === 0) continue;
      const edits = headingSeriesEdits(doc, series);
      const fixes = edits.length
        ? [{ title: { zh: `本级重新编号（共 ${series.items.length} 项）`, en: `Renumber this level (${series.items.length} items)` }, edits, safe: true }]
        : [];
      // a real series has a few dozen items at most; a pathological one reports its first problems only
      for (const p of problems.slice(0, MAX_REPORTS_PER_SERIES)) {
        const m = series.items[p.index].heading.marker!;
        const related: RelatedInfo[] = [];
        if (p.kind === 'duplicate' && p.earlier !== undefined) {
          const e = series.items[p.earlier].heading;
          related.push({ span: e.marker!.span, message: { zh: `前面的“${markerText(doc, e.marker!)}”`, en: `the earlier "${markerText(doc, e.marker!)}"` } });
        }
        if (p.kind === 'order' || p.kind === 'gap') {
          const prev = series.items[p.index - 1]?.heading.marker;
          if (prev) related.push({ span: prev.span, message: { zh: `上一项“${markerText(doc, prev)}”`, en: `the previous item "${markerText(doc, prev)}"` } });
        }
        report({
          messageId: p.kind,
          data: { expected: markerText(doc, m, p.expected), found: markerText(doc, m) },
          span: m.numberSpan,
          fixes,
          related,
        });
      }
    }
  },
});
