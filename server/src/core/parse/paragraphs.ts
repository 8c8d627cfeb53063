/**
 * Pass 7, paragraphs and sentences. Reads the blocks, the residue and comment
 * lines; adds `paragraphs` (in document order, residue and comment lines as
 * paragraphs of their own kinds), `headings` (linked both ways with their
 * paragraphs), each paragraph's body span and sentences, the `residue` spans
 * (lines and the residue pass's inline residue) and `spokenChars`.
 */
import type { Paragraph } from '../model';
import { countSpokenChars, isIndentSpace } from '../text';
import { splitSentences } from './sentences';
import type { Block, ParseState } from './state';

export function paragraphsPass(st: ParseState): void {
  const { text, blocks } = st;
  for (const ln of st.contentLines) {
    if (st.residueLines.has(ln.index)) {
      st.residue.push({ start: ln.start, end: ln.end });
      blocks.push({ kind: 'residue', start: ln.start, end: ln.end, line: ln.index });
    } else if (st.commentLines.has(ln.index)) {
      blocks.push({ kind: 'comment', start: ln.start, end: ln.end, line: ln.index });
    }
  }
  blocks.sort((a, b) => a.start - b.start);
  for (const blk of blocks) st.paragraphs.push(paragraphOf(st, blk));
  for (const p of st.paragraphs) {
    if (p.kind !== 'residue' && p.kind !== 'comment') st.spokenChars += countSpokenChars(text, p.span.start, p.span.end);
  }
  // residue inside a line of the speech (on a line that stayed in it) is not spoken either
  for (const r of st.inlineResidue) {
    const line = st.lines.lineAt(r.start);
    if (st.residueLines.has(line) || st.commentLines.has(line)) continue;
    st.residue.push(r);
    st.spokenChars -= countSpokenChars(text, r.start, r.end);
  }
  st.residue.sort((a, b) => a.start - b.start);
}

function paragraphOf(st: ParseState, blk: Block): Paragraph {
  const { text } = st;
  const p: Paragraph = {
    kind: blk.kind,
    span: { start: blk.start, end: blk.end },
    bodySpan: { start: blk.start, end: blk.end },
    sentences: [],
    line: blk.line,
  };
  if (blk.heading) {
    const h = blk.heading;
    h.paragraph = st.paragraphs.length;
    p.heading = st.headings.length;
    st.headings.push(h);
    let bs = h.span.end;
    while (bs < blk.end && isIndentSpace(text.charCodeAt(bs))) bs++;
    p.bodySpan = { start: Math.min(bs, blk.end), end: blk.end };
    h.inline = p.bodySpan.end > p.bodySpan.start;
  }
  if (p.kind === 'body' || p.kind === 'closing' || p.kind === 'heading') p.sentences = splitSentences(text, p.bodySpan.start, p.bodySpan.end);
  return p;
}
