/** Helpers shared by the numbering/* rules (not a rule). */
import type { SpeechDocument } from '../../model';

export type SequenceProblemKind = 'start' | 'gap' | 'duplicate' | 'order';

export interface SequenceProblem {
  /** Index of the offending item. */
  index: number;
  kind: SequenceProblemKind;
  /** The value the item should have at its position (index + 1). */
  expected: number;
  found: number;
  /** For a duplicate: the index of the earlier item with the same value. */
  earlier?: number;
}

/**
 * The problems of a series of values that should read 1, 2, 3 …, one per
 * cause: [1, 2, 4, 5] is one gap (at 4; 5 follows 4 and is not reported),
 * [1, 2, 2, 3] one duplicate, [2, 3] one wrong start, [1, 3, 2] two items
 * out of order.
 */
export function sequenceProblems(values: readonly number[]): SequenceProblem[] {
  const out: SequenceProblem[] = [];
  const seen = new Map<number, number>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const expected = i + 1;
    const prev = i > 0 ? values[i - 1] : 0;
    if (v !== expected) {
      const earlier = seen.get(v);
      if (earlier !== undefined) out.push({ index: i, kind: 'duplicate', expected, found: v, earlier });
      else if (i === 0) out.push({ index: i, kind: 'start', expected, found: v });
      else if (v < prev) out.push({ index: i, kind: 'order', expected, found: v });
      else if (v > prev + 1) {
        // the missing number comes later: out of order, not a gap
        const missing = prev + 1;
        const later = values.slice(i + 1).includes(missing);
        out.push({ index: i, kind: later ? 'order' : 'gap', expected, found: v });
      }
      // v === prev + 1 but off position: a consequence of an earlier problem
    }
    if (!seen.has(v)) seen.set(v, i);
  }
  return out;
}

/** The comma the draft uses: "，" unless half-width "," is the more frequent one. */
export function draftComma(doc: SpeechDocument): string {
  let full = 0;
  let half = 0;
  const t = doc.text;
  const n = Math.min(t.length, 200_000);
  for (let i = 0; i < n; i++) {
    const c = t.charCodeAt(i);
    if (c === 0xff0c) full++;
    else if (c === 44) half++;
  }
  return half > full ? ',' : '，';
}


/** A span without trailing whitespace (markers may include the spaces before the title). */
export function trimEnd(text: string, span: { start: number; end: number }): { start: number; end: number } {
  let e = span.end;
  while (e > span.start && /\s|\u3000/.test(text[e - 1])) e--;
  return { start: span.start, end: e };
}
