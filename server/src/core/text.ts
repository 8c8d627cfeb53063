/**
 * Offsets, lines and characters. Every offset in the core is a UTF-16 code
 * unit index into the original text (the LSP default); conversion to
 * line/character happens only at the edges (server, CLI).
 */

export interface Span {
  /** inclusive start, UTF-16 code units */
  start: number;
  /** exclusive end, UTF-16 code units */
  end: number;
}

export interface Position {
  /** 0-based line */
  line: number;
  /** 0-based UTF-16 column */
  character: number;
}

/** Line starts of a text; lines end at \n, \r\n or a lone \r. */
export class LineIndex {
  readonly starts: number[];
  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 0-based line containing offset (offset clamped into the text). */
  lineAt(offset: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    const o = Math.max(0, Math.min(offset, this.text.length));
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  positionAt(offset: number): Position {
    const line = this.lineAt(offset);
    const o = Math.max(0, Math.min(offset, this.text.length));
    return { line, character: o - this.starts[line] };
  }

  offsetAt(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.starts.length) return this.text.length;
    const start = this.starts[pos.line];
    const end = this.contentEnd(pos.line);
    return Math.max(start, Math.min(start + Math.max(0, pos.character), end));
  }

  /** Start offset of the line. */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** End of the line's content, before its line break. */
  contentEnd(line: number): number {
    const next = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    let end = next;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }
}

export function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

export function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * Clamp an offset into [0, text.length] and move it off the middle of a
 * surrogate pair (to the pair's start).
 */
export function safeOffset(text: string, offset: number): number {
  let o = Math.max(0, Math.min(Math.floor(offset), text.length));
  if (o > 0 && o < text.length && isLowSurrogate(text.charCodeAt(o)) && isHighSurrogate(text.charCodeAt(o - 1))) o--;
  return o;
}

/** A span clamped into the text, never splitting a surrogate pair, start <= end. */
export function safeSpan(text: string, span: Span): Span {
  const start = safeOffset(text, span.start);
  let end = Math.max(start, Math.min(Math.floor(span.end), text.length));
  if (end > 0 && end < text.length && isLowSurrogate(text.charCodeAt(end)) && isHighSurrogate(text.charCodeAt(end - 1))) end++;
  return { start, end };
}

/** CJK ideographs (basic, extension A, compatibility). */
export function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || c === 0x3007;
}

/** Whitespace used for indentation in drafts: space, tab, U+3000, NBSP, BOM. */
export function isIndentSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0x3000 || c === 0xa0 || c === 0xfeff;
}

/**
 * Characters that count for the speaking time of a draft: Han characters,
 * digits and Latin letters (each digit run or Latin word is read as one or
 * more syllables; counting each character is the convention of word
 * processors' "字数").
 */
export function countSpokenChars(text: string, start = 0, end = text.length): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isHan(c) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xff10 && c <= 0xff19)) n++;
  }
  return n;
}

/** Minutes to read `chars` characters aloud at `rate` characters a minute. */
export function speakingMinutes(chars: number, rate: number): number {
  return rate > 0 ? chars / rate : 0;
}

/** "1分30秒" / "1 min 30 s" style durations. */
export function formatDuration(minutes: number, locale: 'zh' | 'en'): string {
  const total = Math.round(minutes * 60);
  const m = Math.floor(total / 60);
  const s = total % 60;
  if (locale === 'zh') return m > 0 ? `${m}分${s > 0 ? `${s}秒` : '钟'}` : `${s}秒`;
  return m > 0 ? `${m} min${s > 0 ? ` ${s} s` : ''}` : `${s} s`;
}
