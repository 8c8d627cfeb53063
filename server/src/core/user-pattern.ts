/**
 * Regular expressions written by users (placeholder/marker `patterns`,
 * `--rule`), compiled with RE2JS: a linear-time engine with no backtracking,
 * so that no pattern a workspace supplies can hang a check (`([^Z]+)+Z` runs
 * in time proportional to the draft, like any other).
 *
 * The syntax is RE2's (https://github.com/google/re2/wiki/Syntax), which is
 * JavaScript's without lookaround ((?=…), (?!…), (?<=…), (?<!…)) and
 * backreferences (\1). JavaScript's \uXXXX and \u{X} escapes are accepted
 * (rewritten to RE2's \x{X}), as is an escaped character that needs no escape
 * (\中). Matching is Unicode-aware (\p{Han}, a code point outside the BMP is
 * one character); offsets are UTF-16, as everywhere else.
 */
import { RE2JS } from 're2js';
import type { LocalizedText } from './rule';

/** At most this many matches of one pattern in one draft are taken (bounds the work and the findings). */
export const MAX_PATTERN_MATCHES = 1000;
/** Longest pattern accepted. */
export const MAX_PATTERN_LENGTH = 1000;
/** At most this many patterns of one rule are used (each is one pass over the draft). */
export const MAX_PATTERNS = 20;

/** A pattern as the user wrote it, for a message: JSON, cut to 60 characters. */
export function shownPattern(source: string): string {
  const s = JSON.stringify(source);
  return s.length > 60 ? `${s.slice(0, 59)}…` : s;
}

const cache = new Map<string, UserPattern | { error: LocalizedText }>();

export interface UserPattern {
  source: string;
  /** Non-empty matches in `text` as [start, end) UTF-16 offsets, at most MAX_PATTERN_MATCHES. */
  matches(text: string): { start: number; end: number }[];
  /** Does the pattern match the empty string? */
  matchesEmpty: boolean;
}

const UNSUPPORTED: { re: RegExp; what: LocalizedText }[] = [
  { re: /\(\?<?[=!]/, what: { zh: '不支持前后查找（(?=…)、(?!…)、(?<=…)、(?<!…)）', en: 'lookaround ((?=…), (?!…), (?<=…), (?<!…)) is not supported' } },
  { re: /\\[1-9]|\\k</, what: { zh: '不支持反向引用（\\1、\\k<名称>）', en: 'backreferences (\\1, \\k<name>) are not supported' } },
];

const SYNTAX_NOTE: LocalizedText = {
  zh: '正则表达式按 RE2 语法（线性时间，不会卡住）',
  en: 'patterns use RE2 syntax (linear time, they cannot hang)',
};

/** JavaScript escapes RE2 does not know → RE2's: \uXXXX (with surrogate pairs), \u{X} → \x{X}; \中 → 中. */
export function toRe2Syntax(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c !== '\\' || i + 1 >= source.length) {
      out += c;
      continue;
    }
    const next = source[i + 1];
    const braced = /^u\{([0-9a-fA-F]{1,6})\}/.exec(source.slice(i + 1, i + 10));
    const four = /^u([0-9a-fA-F]{4})/.exec(source.slice(i + 1, i + 6));
    if (braced) {
      out += `\\x{${braced[1]}}`;
      i += braced[0].length;
    } else if (four) {
      let cp = parseInt(four[1], 16);
      i += 5;
      const low = /^\\u(d[c-f][0-9a-f]{2})/i.exec(source.slice(i + 1, i + 7));
      if (cp >= 0xd800 && cp <= 0xdbff && low) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (parseInt(low[1], 16) - 0xdc00);
        i += 6;
      }
      out += `\\x{${cp.toString(16)}}`;
    } else if (next.charCodeAt(0) >= 0x80) {
      out += next; // an identity escape of a non-ASCII character
      i++;
    } else {
      out += c + next;
      i++;
    }
  }
  return out;
}

/** Compile a user pattern (once per source), or say why it cannot be used (naming what is not supported). */
export function compileUserPattern(source: string): UserPattern | { error: LocalizedText } {
  let r = cache.get(source);
  if (!r) {
    r = compile(source);
    if (cache.size >= 200) cache.delete(cache.keys().next().value as string);
    cache.set(source, r);
  }
  return r;
}

function compile(source: string): UserPattern | { error: LocalizedText } {
  if (source.length > MAX_PATTERN_LENGTH) {
    return { error: { zh: `过长（${source.length} 个字符，上限 ${MAX_PATTERN_LENGTH}）`, en: `too long (${source.length} characters; at most ${MAX_PATTERN_LENGTH})` } };
  }
  for (const u of UNSUPPORTED) {
    if (u.re.test(source)) return { error: { zh: `${u.what.zh}；${SYNTAX_NOTE.zh}`, en: `${u.what.en}; ${SYNTAX_NOTE.en}` } };
  }
  let re: RE2JS;
  try {
    re = RE2JS.compile(toRe2Syntax(source));
  } catch (e) {
    const msg = (e instanceof Error ? e.message : String(e)).replace(/^error parsing regexp: /, '');
    return { error: { zh: `${msg}；${SYNTAX_NOTE.zh}`, en: `${msg}; ${SYNTAX_NOTE.en}` } };
  }
  return {
    source,
    matchesEmpty: re.matches(''),
    matches(text: string) {
      const out: { start: number; end: number }[] = [];
      const m = re.matcher(text);
      while (out.length < MAX_PATTERN_MATCHES && m.find()) {
        const start = m.start();
        const end = m.end();
        if (end > start) out.push({ start, end });
      }
      return out;
    },
  };
}
