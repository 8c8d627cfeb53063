/**
 * placeholder/marker: template placeholders left in the draft.
 *
 * Forms (DOMAIN.md "Placeholders"): XX, XXX, xx; x.x, xx.x (the % after it is
 * the unit and stays outside the span: "xx.x%" is one finding on "xx.x");
 * a single X/x in Chinese context (X市, X同志, X月X日, 第X届); 20XX / 20xx /
 * 202X (the year digits belong to the placeholder); ×, ××, ××× (隐讳号);
 * ○○ standing alone (○○乡); □□; 某某; runs of underscores (3+ "_" or 2+
 * full-width "＿"); empty brackets （ ）( )【 】[ ]〔 〕［ ］ with only spaces.
 *
 * Look-alikes left alone: X光, X线, X射线, X染色体, X轴, X型 …; X inside or
 * next to Latin words and abbreviations (XY染色体, Xbox, iPhone X, X-ray); the
 * roman numerals of centuries (XX世纪); ○ inside written numbers (二○○八年);
 * × between numbers or letters (3×4, 3 × 4, a×b); 某些/某个/某地 (a single
 * 某 is a word); brackets with content; a line of "___" alone (a Markdown
 * rule); "[ ]" after a list bullet (a Markdown task box), "()" after a
 * Latin identifier, "[]" before "(" (a Markdown link); web residue.
 *
 * Searched on the raw text, not on tokens (jieba splits XX into letters), in
 * one linear pass: no backtracking regular expression runs over the text.
 */
import type { OptionProblem } from '../../rule';
import { defineRule } from '../../rule';
import { compileUserPattern, MAX_PATTERNS, shownPattern } from '../../user-pattern';
import {
  allowTest,
  bracketPairs,
  isBlank,
  isCjkPunct,
  isCnNumeral,
  isDigit,
  isHan,
  isLatin,
  isX,
  nextNonBlank,
  prevNonBlank,
  residueTest,
  shown,
} from './scan';

export interface MarkerOptions {
  /** Extra regular expressions (JavaScript syntax) that mark a placeholder. */
  patterns: string[];
  /** Words that contain a marker but are real text ("X战警"), on top of the global `allow`. */
  allow: string[];
}

/** After a single X: real words, not placeholders (X光, X射线, X染色体 …). */
const SINGLE_X_WORDS = ['光', '线', '射线', '染色体', '轴', '型', '形', '波段', '刀', '战警', '档案', '因子', '连锁'];

/** Longest content of an empty bracket (spaces only) that still counts. */
const MAX_EMPTY_BRACKET = 40;

export interface MarkerSpan {
  start: number;
  end: number;
}

function isRomanCentury(text: string, i: number, j: number): boolean {
  // XX世纪, XIX世纪 is Latin-adjacent anyway; uppercase only, 1-3 X
  if (j - i > 3) return false;
  for (let k = i; k < j; k++) if (text.charCodeAt(k) !== 0x58) return false;
  return text.startsWith('世纪', j);
}

/**
 * The year form: 1-3 digits starting with 1 or 2 directly before the X run,
 * four characters in all (20XX, 20xx, 202X, 19XX). Returns the start of the
 * digits, or -1.
 */
function yearStart(text: string, i: number, j: number): number {
  let k = i;
  while (k > 0 && isDigit(text.charCodeAt(k - 1)) && i - k < 4) k--;
  const digits = i - k;
  const total = digits + (j - i);
  // 20XX, 202X, 20××, 20**, 20__; three in all only before 年 or 届 (20x年)
  if (digits < 1 || (total !== 4 && !(total === 3 && (text[j] === '年' || text[j] === '届')))) return -1;
  if (k > 0 && isDigit(text.charCodeAt(k - 1))) return -1;
  const first = text.charCodeAt(k);
  if (first !== 0x31 && first !== 0x32 && first !== 0xff11 && first !== 0xff12) return -1;
  return k;
}

/** Is this line nothing but "___" (and blanks)? A Markdown thematic break, not a blank to fill. */
function underscoreLineOnly(text: string, i: number, j: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13) break;
    if (!isBlank(c)) return false;
  }
  for (let k = j; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13) break;
    if (!isBlank(c)) return false;
  }
  for (let k = i; k < j; k++) if (text.charCodeAt(k) !== 0x5f) return false;
  return true;
}

/** "- [ ]" / "* [ ]" / "1. [ ]": a Markdown task box, not an empty bracket. */
function afterListBullet(text: string, open: number): boolean {
  let k = open - 1;
  while (k >= 0 && isBlank(text.charCodeAt(k))) k--;
  if (k < 0) return false;
  const c = text.charCodeAt(k);
  let b = k;
  if (c === 0x2d || c === 0x2a || c === 0x2b) b = k - 1;
  else if (c === 0x2e || c === 0x29) {
    b = k - 1;
    while (b >= 0 && isDigit(text.charCodeAt(b))) b--;
    if (b === k - 1) return false;
  } else return false;
  while (b >= 0 && isBlank(text.charCodeAt(b))) b--;
  return b < 0 || text.charCodeAt(b) === 10 || text.charCodeAt(b) === 13;
}

/** Scans the marker form starting at text[i]; pushes what it finds; returns where to go on (> i). */
type Scanner = (text: string, i: number, out: MarkerSpan[]) => number;

/** The end of the run of characters satisfying `same` starting at i. */
function runEnd(text: string, i: number, same: (c: number) => boolean): number {
  let j = i + 1;
  while (j < text.length && same(text.charCodeAt(j))) j++;
  return j;
}

/** X x Ｘ ｘ: runs, dotted numbers, years, single letters in Chinese context. */
const scanX: Scanner = (text, i, out) => {
  const n = text.length;
  const end = runEnd(text, i, isX);
  let j = end;
  let dotted = false;
  // x.x, xx.x, x.xx, X．X: dots between X runs
  while (j + 1 < n && (text.charCodeAt(j) === 0x2e || text.charCodeAt(j) === 0xff0e) && isX(text.charCodeAt(j + 1))) {
    j = runEnd(text, j + 1, isX);
    dotted = true;
  }
  const prev = i > 0 ? text.charCodeAt(i - 1) : -1;
  const next = j < n ? text.charCodeAt(j) : -1;
  if (isLatin(prev) || isLatin(next)) return j; // part of a Latin word or abbreviation (Xbox, XML, TEXT, XY染色体)
  if (dotted) {
    if (!isDigit(prev) && prev !== 0x2e && prev !== 0xff0e) out.push({ start: i, end: j });
    return j;
  }
  const y = yearStart(text, i, end);
  if (y >= 0) {
    if (!isDigit(next)) out.push({ start: y, end });
  } else if (end - i >= 2) {
    if (!isRomanCentury(text, i, end)) out.push({ start: i, end });
  } else if (singleXIsPlaceholder(text, i, end)) out.push({ start: i, end });
  return j;
};

/** × (U+00D7), the 隐讳号: runs (with the year digits: 20××); a single × between numbers or letters is a product. */
const scanTimes: Scanner = (text, i, out) => {
  const j = runEnd(text, i, (c) => c === 0xd7);
  const y = yearStart(text, i, j);
  if (y >= 0 && !isDigit(j < text.length ? text.charCodeAt(j) : -1)) out.push({ start: y, end: j });
  else if (j - i > 1 || !isProduct(text, i, j)) out.push({ start: i, end: j });
  return j;
};

const isCircle = (c: number) => c === 0x25cb || c === 0x25ef || c === 0x3007;

/** ○○ / ◯◯ / 〇〇 standing alone (not inside a written number: 二○○八年). */
const scanCircles: Scanner = (text, i, out) => {
  const j = runEnd(text, i, isCircle);
  const prev = i > 0 ? text.charCodeAt(i - 1) : -1;
  const next = j < text.length ? text.charCodeAt(j) : -1;
  if (j - i >= 2 && !isCnNumeral(prev) && !isCnNumeral(next) && !isDigit(prev) && !isDigit(next)) out.push({ start: i, end: j });
  return j;
};

/** □□ (虚缺号 used as a blank) and 某某. */
const scanDoubled: Scanner = (text, i, out) => {
  const c = text.charCodeAt(i);
  const j = runEnd(text, i, (d) => d === c);
  if (j - i >= 2) out.push({ start: i, end: j });
  return j;
};

/** Underscores: 3+ "_" or 2+ "＿" (a full-width one is two columns wide); one or two inside Chinese (市__会议, 20__年). */
const scanUnderscores: Scanner = (text, i, out) => {
  const j = runEnd(text, i, (c) => c === 0x5f || c === 0xff3f);
  let width = 0;
  for (let k = i; k < j; k++) width += text.charCodeAt(k) === 0x5f ? 1 : 2;
  if (width >= 3) {
    if (!underscoreLineOnly(text, i, j)) out.push({ start: i, end: j });
    return j;
  }
  const y = yearStart(text, i, j);
  const next = j < text.length ? text.charCodeAt(j) : -1;
  if (y >= 0 && isHan(next)) out.push({ start: y, end: j });
  else if (i > 0 && isHan(text.charCodeAt(i - 1)) && isHan(next)) out.push({ start: i, end: j });
  return j;
};

/** * ** *** (a removed name: 林*, *局长, **镇; 20**), not Markdown emphasis, bullets or 5*3. */
const scanAsterisks: Scanner = (text, i, out) => {
  const c = text.charCodeAt(i);
  const j = runEnd(text, i, (d) => d === c);
  const skipTo = asteriskSkip(text, i, j);
  if (skipTo >= 0) return Math.max(skipTo, j);
  const y = yearStart(text, i, j);
  out.push({ start: y >= 0 ? y : i, end: j });
  return j;
};

/** ☆ standing for a name (not a ★☆ rating), ~ standing for a year or number (在~乘势而上). */
const scanStarTilde: Scanner = (text, i, out) => {
  const c = text.charCodeAt(i);
  const j = runEnd(text, i, (d) => d === c);
  if (c === 0x2606 ? starIsPlaceholder(text, i, j) : tildeIsPlaceholder(text, i, j)) out.push({ start: i, end: j });
  return j;
};

function scannerFor(c: number): Scanner | undefined {
  if (isX(c)) return scanX;
  if (c === 0xd7) return scanTimes;
  if (isCircle(c)) return scanCircles;
  if (c === 0x25a1 || c === 0x67d0) return scanDoubled;
  if (c === 0x5f || c === 0xff3f) return scanUnderscores;
  if (c === 0x2a || c === 0xff0a) return scanAsterisks;
  if (c === 0x2606 || c === 0x7e || c === 0xff5e) return scanStarTilde;
  return undefined;
}

/** Empty brackets （ ）( )【 】[ ]〔 〕［ ］〖 〗 (only blanks inside), not f(), [](url), - [ ], a[]. */
function emptyBrackets(text: string, out: MarkerSpan[]): void {
  const n = text.length;
  for (const p of bracketPairs(text, MAX_EMPTY_BRACKET)) {
    let empty = true;
    for (let k = p.contentStart; k < p.contentEnd && empty; k++) empty = isBlank(text.charCodeAt(k));
    if (!empty) continue;
    const open = text.charCodeAt(p.open);
    const prev = p.open > 0 ? text.charCodeAt(p.open - 1) : -1;
    const next = p.close + 1 < n ? text.charCodeAt(p.close + 1) : -1;
    if (open === 0x28 && (isLatin(prev) || isDigit(prev) || prev === 0x5f)) continue; // f(), foo_bar()
    if (open === 0x5b && (next === 0x28 || afterListBullet(text, p.open) || isLatin(prev) || isDigit(prev))) continue; // [](url), - [ ], a[]
    out.push({ start: p.open, end: p.close + 1 });
  }
}

/** Built-in forms, in document order, without residue or allow filtering. */
export function scanMarkers(text: string): MarkerSpan[] {
  const out: MarkerSpan[] = [];
  let i = 0;
  while (i < text.length) {
    const scan = scannerFor(text.charCodeAt(i));
    i = scan ? scan(text, i, out) : i + 1;
  }
  emptyBrackets(text, out);
  out.sort((a, b) => a.start - b.start || a.end - b.end);
  return out;
}

/** Longest Markdown emphasis looked for after an opening * run. */
const EMPHASIS_MAX = 200;

/** The end of the line holding offset i, looking at most EMPHASIS_MAX characters on. */
function lineEnd(text: string, i: number): number {
  let k = i;
  const max = Math.min(text.length, i + EMPHASIS_MAX);
  while (k < max && text.charCodeAt(k) !== 10 && text.charCodeAt(k) !== 13) k++;
  return k;
}

/**
 * A run of * at [i, j): -1 when it stands for a removed name or number;
 * else the offset to continue from (past a Markdown emphasis pair's closer,
 * or j for a bullet, a product, a thematic break or Latin text).
 */
function asteriskSkip(text: string, i: number, j: number): number {
  const prev = i > 0 ? text.charCodeAt(i - 1) : -1;
  const next = j < text.length ? text.charCodeAt(j) : -1;
  const pb = prevNonBlank(text, i);
  const na = nextNonBlank(text, j);
  if ((isDigit(pb) || isLatin(pb) || pb === 0x29) && (isDigit(na) || isLatin(na) || na === 0x28)) return j; // 5*3, a * b
  if (!isHan(prev) && !isHan(next) && !(isDigit(prev) && yearStart(text, i, j) >= 0)) return j; // bullets, ***, footnote marks
  // Markdown emphasis: a run of the same length later on the line, text hugging both
  if (!isBlank(next) && next !== -1) {
    // emphasis spans a phrase, not a page: look at most EMPHASIS_MAX characters on (keeps the scan linear)
    const end = Math.min(lineEnd(text, j), j + EMPHASIS_MAX);
    const run = text.slice(i, j);
    let k = text.indexOf(run, j + 1);
    while (k >= 0 && k < end) {
      const after = k + run.length;
      const closeNext = after < text.length ? text.charCodeAt(after) : -1;
      const exact = closeNext !== text.charCodeAt(i) && text.charCodeAt(k - 1) !== text.charCodeAt(i);
      if (exact && !isBlank(text.charCodeAt(k - 1))) {
        // emphasis when the pair is set off on at least one side (start of line, space, punctuation)
        if (!isHan(prev) || !isHan(closeNext)) return after;
        break;
      }
      k = text.indexOf(run, k + 1);
    }
  }
  return -1;
}

/** ☆ run: a name left out (林☆同志), not a rating (★★★☆☆, 推荐指数☆☆☆☆). */
function starIsPlaceholder(text: string, i: number, j: number): boolean {
  const prev = i > 0 ? text.charCodeAt(i - 1) : -1;
  const next = j < text.length ? text.charCodeAt(j) : -1;
  if (prev === 0x2605 || next === 0x2605) return false;
  if (isHan(prev) && isHan(next)) return true;
  return j - i <= 2 && (isHan(prev) || isHan(next));
}

/** ~ or ～ standing for a removed year or number (在~乘势而上, ~度), not a range (20～30人) nor a path. */
function tildeIsPlaceholder(text: string, i: number, j: number): boolean {
  const pb = prevNonBlank(text, i);
  const na = nextNonBlank(text, j);
  if (isDigit(pb) || isDigit(na) || isLatin(pb) || isLatin(na) || na === 0x2f) return false;
  return isHan(pb) || isHan(na);
}

function singleXIsPlaceholder(text: string, i: number, j: number): boolean {
  const prev = i > 0 ? text.charCodeAt(i - 1) : -1;
  const next = j < text.length ? text.charCodeAt(j) : -1;
  if (isDigit(prev) || isDigit(next)) return false; // 3x4, 2X
  const pb = prevNonBlank(text, i);
  const na = nextNonBlank(text, j);
  if (isLatin(pb) || isDigit(pb) || isLatin(na) || isDigit(na)) return false; // iPhone X, 3 x 4
  // X-ray, X·Men, Model-X
  if ((next === 0x2d || next === 0xb7) && j + 1 < text.length && isLatin(text.charCodeAt(j + 1))) return false;
  if ((prev === 0x2d || prev === 0xb7) && i >= 2 && isLatin(text.charCodeAt(i - 2))) return false;
  for (const w of SINGLE_X_WORDS) if (text.startsWith(w, j)) return false;
  // Chinese context: a Han character on either side, or CJK punctuation on both ("（X）", "“X”")
  return isHan(pb) || isHan(na) || (isCjkPunct(pb) && (isCjkPunct(na) || na === -1)) || (pb === -1 && isCjkPunct(na));
}

function isProduct(text: string, i: number, j: number): boolean {
  const pb = prevNonBlank(text, i);
  const na = nextNonBlank(text, j);
  const left = isDigit(pb) || isLatin(pb) || pb === 0x29 || pb === 0xff09 || pb === 0x25 || pb === 0xff05;
  const right = isDigit(na) || isLatin(na) || na === 0x28 || na === 0xff08;
  if (left && right) return true;
  // a mark beside a check mark (√ ×, ✓ ✗) in a table
  return pb === 0x221a || pb === 0x2713 || pb === 0x2714 || na === 0x221a || na === 0x2713 || na === 0x2714;
}

export default defineRule<MarkerOptions>({
  meta: {
    id: 'placeholder/marker',
    family: 'placeholder',
    description: {
      zh: '模板占位符尚未替换（XX、xx、x.x、X市、x%、20XX、20x、×、○○、某某、林*、☆、~、____、市__会议、空括号）',
      en: 'Template placeholders not yet filled in (XX, xx, x.x, X市, x%, 20XX, 20x, ×, ○○, 某某, 林*, ☆, ~, ____, 市__会议, empty brackets)',
    },
    defaultSeverity: 'info',
    finalSeverity: 'error',
    fixable: false,
    defaultOptions: { patterns: [], allow: [] },
    options: {
      patterns: {
        type: 'string[]',
        description: { zh: '额外的占位符正则表达式（RE2 语法：不支持前后查找与反向引用，不会卡住）', en: 'extra placeholder regular expressions (RE2 syntax: no lookaround or backreferences; they cannot hang)' },
      },
      allow: {
        type: 'string[]',
        description: { zh: '含占位符字样但应保留的词（另有全局 allow）', en: 'words that contain a marker but are real text (besides the global allow)' },
      },
    },
    validateOptions(options): OptionProblem[] {
      const problems: OptionProblem[] = [];
      const patterns = options.patterns ?? [];
      if (patterns.length > MAX_PATTERNS) {
        problems.push({
          key: 'patterns',
          message: { zh: `正则表达式共 ${patterns.length} 个，只用前 ${MAX_PATTERNS} 个`, en: `${patterns.length} regular expressions; only the first ${MAX_PATTERNS} are used` },
        });
      }
      patterns.slice(0, MAX_PATTERNS).forEach((p, k) => {
        const r = compileUserPattern(p);
        const shown = shownPattern(p);
        if ('error' in r) {
          problems.push({
            key: `patterns[${k}]`,
            message: { zh: `正则表达式 ${shown} 无效（${r.error.zh}），已忽略`, en: `invalid regular expression ${shown} (${r.error.en}); ignored` },
          });
        } else if (r.matchesEmpty) {
          problems.push({
            key: `patterns[${k}]`,
            message: { zh: `正则表达式 ${shown} 可匹配空串，空匹配不报告`, en: `regular expression ${shown} matches the empty string; empty matches are not reported` },
          });
        }
      });
      return problems;
    },
    notes: {
      leavesAlone: "X光, X线, X染色体 and other words with a Latin X; Latin words and abbreviations (GDP, WTO, 5G, XY染色体); roman numerals of centuries (XX世纪); ○ inside written years (二○○八年); × between numbers (3×4); 某些, 某个, 某地; brackets with content; web residue.",
      limits: "Not part of the verdict corpus (placeholders are found, not judged). Of the letters a site puts in place of sensitive words only X is found (X的创新理论 for 党); ZZ for 政治 (ZZ立场) is not, because a doubled capital between Chinese characters is as often a real name (QQ群, AA制, BB霜, PP棉): add a site's mask with the option patterns, e.g. \"ZZ\" (the patterns are RE2 syntax: no lookaround).",
    },
    examples: { wrong: '实现公共财政预算收入XX亿元，增长x.x%', right: '实现公共财政预算收入12.6亿元，增长8.5%' },
  },
  messages: {
    placeholder: { zh: '占位符“{text}”尚未替换', en: 'Placeholder "{text}" has not been filled in' },
  },
  check({ doc, options, settings, report }) {
    const text = doc.text;
    const residue = residueTest(doc);
    const allowed = allowTest(text, [...settings.allowWords, ...(options.allow ?? [])]);
    const found = scanMarkers(text).filter((s) => !residue(s.start) && !allowed(s.start, s.end));

    // user patterns: matches that overlap a built-in finding are not reported twice
    const extra: MarkerSpan[] = [];
    for (const p of (options.patterns ?? []).slice(0, MAX_PATTERNS)) {
      const re = compileUserPattern(p);
      if ('error' in re) continue; // reported by the config layer (validateOptions)
      for (const m of re.matches(text)) {
        if (!residue(m.start) && !allowed(m.start, m.end)) extra.push(m);
      }
    }
    const all = mergeExtra(found, extra);
    for (const s of all) {
      report({ messageId: 'placeholder', data: { text: shown(text.slice(s.start, s.end)) }, span: { start: s.start, end: s.end } });
    }
  },
});

/** Add user matches that overlap nothing already found (nor each other). */
function mergeExtra(found: MarkerSpan[], extra: MarkerSpan[]): MarkerSpan[] {
  if (extra.length === 0) return found;
  const all = [...found];
  const sorted = [...found].sort((a, b) => a.start - b.start);
  const overlaps = (s: MarkerSpan) => {
    // binary search the first found span ending after s.start
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid].end <= s.start) lo = mid + 1;
      else hi = mid;
    }
    return lo < sorted.length && sorted[lo].start < s.end;
  };
  extra.sort((a, b) => a.start - b.start || b.end - a.end);
  let lastEnd = -1;
  for (const s of extra) {
    if (s.start < lastEnd || overlaps(s)) continue;
    all.push(s);
    lastEnd = s.end;
  }
  return all.sort((a, b) => a.start - b.start || a.end - b.end);
}
