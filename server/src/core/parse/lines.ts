/**
 * Pass 1, lines and indentation. Reads the text; adds `contentLines`: each
 * line that holds something, with its content span (indentation, trailing
 * spaces and NULs left out).
 */
import { isIndentSpace } from '../text';
import type { ParseState } from './state';

export function linesPass(st: ParseState): void {
  const { text, lines } = st;
  for (let i = 0; i < lines.lineCount; i++) {
    let s = lines.lineStart(i);
    let e = lines.contentEnd(i);
    while (s < e && isIndentSpace(text.charCodeAt(s))) s++;
    while (e > s && (isIndentSpace(text.charCodeAt(e - 1)) || text.charCodeAt(e - 1) === 0)) e--;
    if (e > s) st.contentLines.push({ start: s, end: e, index: i });
  }
}
