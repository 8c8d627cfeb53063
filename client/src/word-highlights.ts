/**
 * A textual fallback for document highlights. Pure (no `vscode` import).
 *
 * The server highlights repeated Chinese words (jieba). Once an extension
 * provides document highlights for a language, VS Code no longer highlights
 * the word under the cursor by itself, so for the words the server leaves
 * alone (Latin words and numbers: GDP, 5G, 2025) and for documents the prose
 * gate keeps from the server (an English .txt), the client does what VS Code
 * would: every whole-word, case-sensitive occurrence of the word under the
 * cursor. Han characters are never a word here (VS Code's own word would be
 * the whole run of Han characters up to a space: a sentence).
 */

export interface OffsetRange {
  start: number;
  end: number;
}

/** At most this many ranges (a huge file of the same word must not flood the editor). */
export const MAX_TEXTUAL = 2000;

const WORD_CHAR = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Nd}_]/u;

function isWordChar(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  return WORD_CHAR.test(text[i]);
}

/** The Latin (Greek, Cyrillic) word or number at `offset` (the cursor right after it counts too); undefined elsewhere. */
export function wordAt(text: string, offset: number): OffsetRange | undefined {
  if (!Number.isInteger(offset) || offset < 0 || offset > text.length) return undefined;
  let at = offset;
  if (!isWordChar(text, at)) {
    if (!isWordChar(text, at - 1)) return undefined;
    at--;
  }
  let start = at;
  let end = at + 1;
  while (isWordChar(text, start - 1)) start--;
  while (isWordChar(text, end)) end++;
  return { start, end };
}

/** Every whole-word occurrence of the word at `offset`, in order (at most `max`); [] when there is no such word. */
export function textualOccurrences(text: string, offset: number, max = MAX_TEXTUAL): OffsetRange[] {
  const w = wordAt(text, offset);
  if (!w) return [];
  const word = text.slice(w.start, w.end);
  const out: OffsetRange[] = [];
  for (let i = text.indexOf(word); i >= 0 && out.length < max; i = text.indexOf(word, i + 1)) {
    if (!isWordChar(text, i - 1) && !isWordChar(text, i + word.length)) out.push({ start: i, end: i + word.length });
  }
  return out;
}
