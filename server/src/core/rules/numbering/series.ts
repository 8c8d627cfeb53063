/**
 * numbering/series: inline series (一是/二是, 第一/第二, 首先/其次/再次/最后,
 * 一要/二要, 一方面/另一方面) — a gap, a duplicate, an item out of order, a
 * series that does not start at one, two forms mixed in one list (首先……
 * 其次……三是), 一方面 with no 另一方面. Markers count only at a clause start
 * (the parser's rule), so 统一是, 唯一是, 第一书记, 第一时间 are never series.
 */
import type { SeriesItem, SpeechDocument } from '../../model';
import { defineRule } from '../../rule';
import type { Fix, RelatedInfo } from '../../rule';
import { formatNumberLike, inlineSeriesEdits, inlineSeriesInfo, ORDER_WORDS } from '../../renumber';
import { sequenceProblems } from './shared';

/** The item as it should read at `position`. */
function itemAt(doc: SpeechDocument, it: SeriesItem, position: number): string {
  if (it.kind === 'order') return ORDER_WORDS[position - 1] ?? it.text;
  if (!it.numberSpan || !it.numberText) return it.text;
  const off = it.numberSpan.start - it.span.start;
  const t = doc.text.slice(it.span.start, it.span.end);
  return t.slice(0, off) + formatNumberLike(position, it.numberText) + t.slice(off + it.numberText.length);
}

/**
 * Is the series' expected first marker written earlier in the paragraph of
 * its first item, where the parser did not take it for a marker (因为一是……,
 * after a lead-in it does not know)? Then the series does start at one.
 */
function firstWrittenBefore(doc: SpeechDocument, first: SeriesItem): boolean {
  if (first.value < 2 || !first.numberSpan) return false;
  const want = itemAt(doc, first, 1);
  const p = doc.paragraphs[first.paragraph];
  return p !== undefined && doc.text.slice(p.span.start, first.span.start).includes(want);
}

const PARTNER = /另一方面|另外一方面|另一个方面|另方面|一方面/g;

export default defineRule({
  meta: {
    id: 'numbering/series',
    family: 'numbering',
    description: {
      zh: '段内序列（一是/二是、第一/第二、首先/其次、一要/二要、一方面/另一方面）跳号、重复、混用，或有“一方面”无“另一方面”',
      en: 'Inline series (一是/二是, 第一/第二, 首先/其次, 一要/二要, 一方面/另一方面) skip, repeat or mix forms, or 一方面 has no 另一方面',
    },
    defaultSeverity: 'warning',
    fixable: true,
    defaultOptions: {},
    notes: {
      leavesAlone: "A series after a lead-in (要、坚持、必须、就是、因为一是……) is read as one; 一是 inside a word (统一是, 唯一是), idioms with a numeral (第一书记, 第一时间, 一是一，二是二), a lone 其次/再次 opening a point in prose, a lone 一要 used for emphasis.",
      limits: "首先 opening a paragraph and 第二 opening a later one (a few body paragraphs on, same section) are read as one list in two forms and reported as mixed, with 其次 offered for a lone 第二; a 首先 further back or inside a paragraph is not linked. A marker after a lead-in the parser does not know (主要原因一是……) is not taken for an item; the series is then not reported as starting at 二是 when 一是 is written earlier in its paragraph, but a gap right after it is not seen either.",
    },
    examples: {
      wrong: '一是抓项目，二是抓招商，四是抓服务。首先要统一思想，其次要压实责任，三是要强化考核。',
      right: '一是抓项目，二是抓招商，三是抓服务。首先要统一思想，其次要压实责任，再次要强化考核。',
    },
  },
  messages: {
    start: { zh: '序列应从“{expected}”开始，此处为“{found}”', en: 'The series should start with "{expected}"; found "{found}"' },
    gap: { zh: '序列跳号：此处应为“{expected}”，实为“{found}”', en: 'The series skips a number: expected "{expected}", found "{found}"' },
    duplicate: { zh: '序列重复：“{found}”前面已用过，此处应为“{expected}”', en: 'Repeated in the series: "{found}" is already used above; expected "{expected}"' },
    order: { zh: '序列顺序颠倒：此处应为“{expected}”，实为“{found}”', en: 'Series out of order: expected "{expected}", found "{found}"' },
    mixed: {
      zh: '一组序列混用两种说法：前面用“{previous}”，此处接着用“{found}”',
      en: 'Two forms mixed in one list: "{previous}" before, "{found}" here',
    },
    unpaired: { zh: '有“一方面”而无“另一方面”', en: '"一方面" (on the one hand) without "另一方面" (on the other hand)' },
  },
  check({ doc, report }) {
    const renumberTitle = (n: number) => ({ zh: `本组序列重新编号（共 ${n} 项）`, en: `Renumber this series (${n} items)` });
    for (const info of inlineSeriesInfo(doc)) {
      const s = info.series;
      const first = s.items[0];
      if (first.kind === 'fangmian') continue;
      if (info.continues) {
        // 首先…… then a lone 第二: 其次 keeps the writer's first word (第一 would leave 首先……第一)
        const fixes: Fix[] =
          info.continues.text === '首先' && first.kind === 'di' && first.value === 2 && s.items.length === 1
            ? [{ title: { zh: '改为“其次”', en: 'Change to "其次"' }, edits: [{ start: first.span.start, end: first.span.end, newText: '其次' }], safe: false }]
            : [];
        report({
          messageId: 'mixed',
          data: { previous: info.continues.text, found: first.text },
          span: first.span,
          fixes,
          related: [{ span: info.continues.span, message: { zh: `前面的“${info.continues.text}”`, en: `the earlier "${info.continues.text}"` } }],
        });
        continue;
      }
      let problems = sequenceProblems(s.items.map((it) => it.value));
      // a lone 其次/再次 opens a point without 首先 in ordinary prose
      if (first.kind === 'order' || firstWrittenBefore(doc, first)) problems = problems.filter((p) => p.kind !== 'start');
      if (problems.length === 0) continue;
      const edits = inlineSeriesEdits(doc, s);
      // a real series has a few dozen items at most; a pathological one reports its first problems only
      for (const p of problems.slice(0, 20)) {
        const it = s.items[p.index];
        const fixes: Fix[] = edits.length
          ? [{ title: renumberTitle(s.items.length), edits, safe: !problems.some((q) => q.kind === 'start') }]
          : [];
        const related: RelatedInfo[] = [];
        if (p.kind === 'duplicate' && p.earlier !== undefined) {
          const e = s.items[p.earlier];
          related.push({ span: e.span, message: { zh: `前面的“${e.text}”`, en: `the earlier "${e.text}"` } });
        } else if (p.index > 0) {
          const e = s.items[p.index - 1];
          related.push({ span: e.span, message: { zh: `上一项“${e.text}”`, en: `the previous item "${e.text}"` } });
        }
        report({ messageId: p.kind, data: { expected: itemAt(doc, it, p.expected), found: it.text }, span: it.span, fixes, related });
      }
    }

    // 一方面 … 另一方面 (or a second 一方面) in the same paragraph or the next one
    const items = doc.series.flatMap((s) => s.items).filter((it) => it.kind === 'fangmian').sort((a, b) => a.span.start - b.span.start);
    const consumed = new Set<number>();
    for (const it of items) {
      if (it.value !== 1 || consumed.has(it.span.start)) continue;
      let end = doc.paragraphs[it.paragraph]?.span.end ?? it.span.end;
      const next = doc.paragraphs[it.paragraph + 1];
      if (next && (next.kind === 'body' || next.kind === 'closing' || next.kind === 'heading')) end = next.span.end;
      const window = doc.text.slice(it.span.end, end);
      PARTNER.lastIndex = 0;
      const m = PARTNER.exec(window);
      if (m) {
        if (m[0] === '一方面') consumed.add(it.span.end + m.index);
        continue;
      }
      report({ messageId: 'unpaired', span: it.span });
    }
  },
});
