/**
 * Where a repetition finding sits: on the evidence. Of the occurrences that
 * make a cluster, the two nearest each other are what an editor sees first
 * ("推进……推进" in one sentence); the finding is put on the later of that
 * pair, the earlier one is its first related location, the rest follow.
 */
import type { LocalizedText, RelatedInfo } from '../../rule';
import type { Span } from '../../text';

/** Index of the later occurrence of the nearest pair (the first such pair on a tie); 0 for fewer than two. */
export function closePair(spans: readonly Span[]): number {
  let best = 0;
  let gap = Infinity;
  for (let i = 1; i < spans.length; i++) {
    const g = spans[i].start - spans[i - 1].end;
    if (g < gap) {
      gap = g;
      best = i;
    }
  }
  return best;
}

/** The finding's span and related locations for a cluster (at most `max` related entries). */
export function onClosePair(
  spans: readonly Span[],
  label: (n: number) => LocalizedText,
  pairLabel: LocalizedText,
  max: number,
): { span: Span; related: RelatedInfo[] } {
  const j = closePair(spans);
  const related: RelatedInfo[] = [];
  if (j > 0) related.push({ span: spans[j - 1], message: pairLabel });
  spans.forEach((s, n) => {
    if (n !== j && n !== j - 1 && related.length < max) related.push({ span: s, message: label(n + 1) });
  });
  return { span: spans[j], related };
}
