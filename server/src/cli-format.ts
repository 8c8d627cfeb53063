/**
 * Output formats of the `speechlint` CLI: ESLint's `json` shape and its
 * `stylish` table. Offsets become 1-based lines and UTF-16 columns here, at
 * the edge, through `LineIndex`; the core never sees a line number.
 */
import { applyEdits } from './core/lint';
import type { Finding, Locale, Severity, TextEdit } from './core/rule';
import { localize } from './core/rule';
import { LineIndex } from './core/text';

/** One checked draft, after any fixes. */
export interface FileReport {
  /** Absolute path (or "<text>" for unnamed stdin). */
  filePath: string;
  /** The path as shown to the user. */
  display: string;
  /** The text the findings refer to (after fixes, BOM removed). */
  text: string;
  /** The draft's line-break style, used for the text of fixes. */
  eol: string;
  findings: Finding[];
  /** The fixed text, when `--fix` changed the draft. */
  output?: string;
  /**
   * A Word document read as one line per paragraph: positions are shown as
   * paragraph and character (第 12 段 5 字), and each line's added characters
   * (a "# " before an unnumbered Word heading) are not counted in the column.
   */
  paragraphs?: { prefixLengths: readonly number[] };
}

/** 1-based line (paragraph) and column of an offset, as the user sees the draft. */
export function reportPosition(r: FileReport, lines: LineIndex, offset: number): { line: number; column: number } {
  const pos = lines.positionAt(offset);
  const shift = r.paragraphs?.prefixLengths[pos.line] ?? 0;
  return { line: pos.line + 1, column: Math.max(0, pos.character - shift) + 1 };
}

export interface EslintFix {
  range: [number, number];
  text: string;
  /**
   * speechlint's addition, present when the fix's edits lie far apart (a
   * whole series renumbered): the whole fix as minimal edits, each a marker's
   * numeral. `range`/`text` then hold the part of the fix at the finding
   * itself, so an ESLint-style consumer that applies fixes pass after pass
   * still converges, and no fix carries the text between the markers.
   */
  edits?: { range: [number, number]; text: string }[];
}

export interface EslintMessage {
  ruleId: string;
  /** 2 for error, 1 for warning, info and hint. */
  severity: 1 | 2;
  /** The real severity: error, warning, info or hint. */
  speechlintSeverity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: EslintFix;
  suggestions?: { desc: string; fix: EslintFix }[];
}

export interface EslintResult {
  filePath: string;
  messages: EslintMessage[];
  suppressedMessages: never[];
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  usedDeprecatedRules: never[];
  output?: string;
}

/** Line breaks inside a fix's text follow the draft's own style. */
export function normalizeEol(s: string, eol: string): string {
  return eol === '\n' ? s.replace(/\r\n?/g, '\n') : s.replace(/\r\n|\r|\n/g, eol);
}

export function normalizeEdits(edits: readonly TextEdit[], eol: string): TextEdit[] {
  return edits.map((e) => ({ start: e.start, end: e.end, newText: normalizeEol(e.newText, eol) }));
}

/** ESLint's fix is one range: several edits become one covering range, its new text computed from the original. */
export function mergeEdits(text: string, edits: readonly TextEdit[], eol: string): EslintFix | undefined {
  if (edits.length === 0) return undefined;
  const norm = normalizeEdits(edits, eol);
  let start = norm[0].start;
  let end = norm[0].end;
  for (const e of norm) {
    start = Math.min(start, e.start);
    end = Math.max(end, e.end);
  }
  try {
    const replaced = applyEdits(
      text.slice(start, end),
      norm.map((e) => ({ start: e.start - start, end: e.end - start, newText: e.newText })),
    );
    return { range: [start, end], text: replaced };
  } catch {
    return undefined; // overlapping edits: not expressible
  }
}

/** Unchanged text a merged fix may carry between its edits; edits farther apart are given one by one (EslintFix.edits). */
export const MAX_MERGED_GAP = 200;

/**
 * A finding's fix in ESLint's shape. Edits close together (brackets of one
 * marker, a sentence's two ends) are merged into one range as ESLint does;
 * edits spread over the draft (a series renumbered) are not: `range`/`text`
 * is the part at the finding (`at`), and `edits` lists them all, minimal.
 */
export function eslintFix(text: string, edits: readonly TextEdit[], eol: string, at: { start: number; end: number }): EslintFix | undefined {
  if (edits.length === 0) return undefined;
  const sorted = normalizeEdits(edits, eol).sort((a, b) => a.start - b.start || a.end - b.end);
  let changed = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0 && sorted[i].start < sorted[i - 1].end) return undefined; // overlapping edits: not expressible
    changed += sorted[i].end - sorted[i].start;
  }
  if (sorted[sorted.length - 1].end - sorted[0].start - changed <= MAX_MERGED_GAP) return mergeEdits(text, sorted, eol);
  const own = sorted.filter((e) => e.start <= at.end && e.end >= at.start);
  const part = mergeEdits(text, own.length ? own : sorted.slice(0, 1), eol);
  return part && { ...part, edits: sorted.map((e) => ({ range: [e.start, e.end], text: e.newText })) };
}

export function eslintSeverity(s: Severity): 1 | 2 {
  return s === 'error' ? 2 : 1;
}

export function toEslintResult(r: FileReport, locale: Locale): EslintResult {
  const lines = new LineIndex(r.text);
  const messages: EslintMessage[] = [];
  let errorCount = 0;
  let warningCount = 0;
  let fixableErrorCount = 0;
  let fixableWarningCount = 0;
  for (const f of r.findings) {
    const s = reportPosition(r, lines, f.span.start);
    const e = reportPosition(r, lines, f.span.end);
    const severity = eslintSeverity(f.severity);
    const m: EslintMessage = {
      ruleId: f.ruleId,
      severity,
      speechlintSeverity: f.severity,
      message: localize(f.message, locale),
      line: s.line,
      column: s.column,
      endLine: e.line,
      endColumn: e.column,
    };
    // a Word document is not rewritten: its findings carry no fixes (their ranges would be in the derived text)
    const fixesOf = r.paragraphs ? [] : f.fixes;
    const safe = fixesOf.find((x) => x.safe);
    const fix = safe ? eslintFix(r.text, safe.edits, r.eol, f.span) : undefined;
    if (fix) m.fix = fix;
    const others = fixesOf.filter((x) => x !== safe || !fix);
    const suggestions = others
      .map((x) => ({ desc: localize(x.title, locale), fix: eslintFix(r.text, x.edits, r.eol, f.span) }))
      .filter((x): x is { desc: string; fix: EslintFix } => x.fix !== undefined);
    if (suggestions.length) m.suggestions = suggestions;
    messages.push(m);
    if (severity === 2) {
      errorCount++;
      if (m.fix) fixableErrorCount++;
    } else {
      warningCount++;
      if (m.fix) fixableWarningCount++;
    }
  }
  const result: EslintResult = {
    filePath: r.filePath,
    messages,
    suppressedMessages: [],
    errorCount,
    fatalErrorCount: 0,
    warningCount,
    fixableErrorCount,
    fixableWarningCount,
    usedDeprecatedRules: [],
  };
  if (r.output !== undefined) result.output = r.output;
  return result;
}

export function formatJson(reports: readonly FileReport[], locale: Locale): string {
  return JSON.stringify(reports.map((r) => toEslintResult(r, locale))) + '\n';
}

// ---------------------------------------------------------------- stylish

/** Terminal columns taken by a string: CJK, full-width forms and emoji take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 32 || (c >= 0x7f && c < 0xa0) || (c >= 0x300 && c <= 0x36f) || c === 0x200b || c === 0x200d || (c >= 0xfe00 && c <= 0xfe0f)) continue;
    if (
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0x303e) ||
      (c >= 0x3041 && c <= 0x33ff) ||
      (c >= 0x3400 && c <= 0x4dbf) ||
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0xa000 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x1f300 && c <= 0x1faff) ||
      (c >= 0x20000 && c <= 0x3fffd)
    ) {
      w += 2;
    } else w += 1;
  }
  return w;
}

function padEndWidth(s: string, width: number): string {
  const w = displayWidth(s);
  return w >= width ? s : s + ' '.repeat(width - w);
}

const SEVERITY_WORDS: Record<Locale, Record<Severity, string>> = {
  zh: { error: '错误', warning: '警告', info: '信息', hint: '提示' },
  en: { error: 'error', warning: 'warning', info: 'info', hint: 'hint' },
};

export function severityWord(s: Severity, locale: Locale): string {
  return SEVERITY_WORDS[locale][s];
}

interface Palette {
  red(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  dim(s: string): string;
  underline(s: string): string;
  bold(s: string): string;
}

function palette(color: boolean): Palette {
  const wrap = (open: number, close: number) => (s: string) => (color ? `\x1b[${open}m${s}\x1b[${close}m` : s);
  return { red: wrap(31, 39), yellow: wrap(33, 39), cyan: wrap(36, 39), dim: wrap(90, 39), underline: wrap(4, 24), bold: wrap(1, 22) };
}

/** A Word document's position: "第 12 段 5 字" / "paragraph 12, char 5", aligned like line:col. */
function paragraphPosition(line: string, col: string, wLine: number, wCol: number, locale: Locale): string {
  return locale === 'zh' ? `第 ${line.padStart(wLine)} 段 ${col.padStart(wCol)} 字` : `paragraph ${line.padStart(wLine)}, char ${col.padEnd(wCol)}`;
}

function countWord(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * ESLint's stylish table: per file, "line:col  severity  message  rule-id",
 * aligned (CJK counts double); then a summary line. Nothing when nothing is found.
 */
export function formatStylish(reports: readonly FileReport[], locale: Locale, color: boolean): string {
  const p = palette(color);
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  let fixable = 0;
  let fixableErrors = 0;
  let out = '';
  for (const r of reports) {
    if (r.findings.length === 0) continue;
    const lines = new LineIndex(r.text);
    const rows = r.findings.map((f) => {
      const pos = reportPosition(r, lines, f.span.start);
      counts[f.severity]++;
      if (!r.paragraphs && f.fixes.some((x) => x.safe)) {
        fixable++;
        if (f.severity === 'error') fixableErrors++;
      }
      return {
        line: String(pos.line),
        col: String(pos.column),
        sev: f.severity,
        word: severityWord(f.severity, locale),
        msg: localize(f.message, locale).replace(/\s*[\r\n]+\s*/g, ' ').trim(),
        rule: f.ruleId,
      };
    });
    // loops, not Math.max(...rows): a huge draft can have more findings than a call takes arguments
    let wLine = 0;
    let wCol = 0;
    let wSev = 0;
    let wMsg = 0;
    for (const x of rows) {
      wLine = Math.max(wLine, x.line.length);
      wCol = Math.max(wCol, x.col.length);
      wSev = Math.max(wSev, displayWidth(x.word));
      wMsg = Math.max(wMsg, displayWidth(x.msg));
    }
    out += `\n${p.underline(r.display)}\n`;
    for (const x of rows) {
      const pos = r.paragraphs ? paragraphPosition(x.line, x.col, wLine, wCol, locale) : `${x.line.padStart(wLine)}:${x.col.padEnd(wCol)}`;
      const sevText = padEndWidth(x.word, wSev);
      const sev = x.sev === 'error' ? p.red(sevText) : x.sev === 'warning' ? p.yellow(sevText) : x.sev === 'info' ? p.cyan(sevText) : p.dim(sevText);
      out += `  ${p.dim(pos)}  ${sev}  ${padEndWidth(x.msg, wMsg)}  ${p.dim(x.rule)}\n`;
    }
  }
  const total = counts.error + counts.warning + counts.info + counts.hint;
  if (total === 0) return out;
  const parts: string[] = [];
  let summary: string;
  if (locale === 'zh') {
    for (const s of ['error', 'warning', 'info', 'hint'] as const) if (counts[s] || s === 'error' || s === 'warning') parts.push(`${counts[s]} 个${SEVERITY_WORDS.zh[s]}`);
    summary = `共 ${total} 个问题（${parts.join('，')}）`;
  } else {
    parts.push(countWord(counts.error, 'error', 'errors'), countWord(counts.warning, 'warning', 'warnings'));
    if (counts.info) parts.push(`${counts.info} info`);
    if (counts.hint) parts.push(countWord(counts.hint, 'hint', 'hints'));
    summary = `${countWord(total, 'problem', 'problems')} (${parts.join(', ')})`;
  }
  const mark = counts.error ? p.red(p.bold(`✖ ${summary}`)) : counts.warning ? p.yellow(p.bold(`✖ ${summary}`)) : p.bold(`ℹ ${summary}`);
  out += `\n${mark}\n`;
  if (fixable > 0) {
    out +=
      locale === 'zh'
        ? `  其中 ${fixable} 个${fixableErrors ? `（${fixableErrors} 个错误）` : ''}可用 \`--fix\` 选项自动修复。\n`
        : `  ${countWord(fixableErrors, 'error', 'errors')} and ${countWord(fixable - fixableErrors, 'other problem', 'other problems')} potentially fixable with the \`--fix\` option.\n`;
  }
  return out + '\n';
}
