/** Fast scanning with a sticky regex: a helper of the series and announcements passes. */

/** A table of the characters a match can start with. */
export function firstChars(chars: string): Uint8Array {
  const t = new Uint8Array(65536);
  for (let i = 0; i < chars.length; i++) t[chars.charCodeAt(i)] = 1;
  return t;
}

/**
 * The next match of the sticky `re` in `s` at or after `from`: what a global
 * regex's exec gives (the leftmost match), but the regex is run only where a
 * match can start (`first`), not at every character of a long draft.
 */
export function execFrom(re: RegExp, first: Uint8Array, s: string, from: number): RegExpExecArray | null {
  for (let i = from; i < s.length; i++) {
    if (first[s.charCodeAt(i)] === 0) continue;
    re.lastIndex = i;
    const m = re.exec(s);
    if (m) return m;
  }
  return null;
}
