/** Run the parse passes up to one of them on a small input, to test that pass on its own. */
import { PASSES } from '../../server/src/core/parse';
import { createState, ParseState } from '../../server/src/core/parse/state';

export function runUpTo(text: string, last: string): ParseState {
  const st = createState(text);
  const end = PASSES.findIndex((p) => p.name === last);
  if (end < 0) throw new Error(`no pass named ${last}`);
  for (const pass of PASSES.slice(0, end + 1)) pass.run(st);
  return st;
}

/** The text of a span. */
export const textOf = (st: ParseState, s: { start: number; end: number }): string => st.text.slice(s.start, s.end);

/** Kinds and texts of the blocks, in document order. */
export function blocksOf(st: ParseState): string[] {
  return [...st.blocks].sort((a, b) => a.start - b.start).map((b) => `${b.kind}:${st.text.slice(b.start, b.end)}`);
}
