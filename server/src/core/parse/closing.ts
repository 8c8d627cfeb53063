/**
 * Pass 6, closing. Reads the blocks; turns into `closing` the last body block
 * after the last heading that opens with 同志们， (or 同事们， 各位…！ …).
 */
import type { ParseState } from './state';

const RE_CLOSING = /^(同志们|同事们|朋友们|同学们|各位[\u4e00-\u9fff]{1,10})[，,！!]/;

export function closingPass(st: ParseState): void {
  const { text, blocks } = st;
  for (let b = blocks.length - 1; b >= 0; b--) {
    const blk = blocks[b];
    if (blk.kind === 'heading') return;
    if (blk.kind === 'body' && RE_CLOSING.test(text.slice(blk.start, Math.min(blk.end, blk.start + 20)))) {
      blk.kind = 'closing';
      return;
    }
  }
}
