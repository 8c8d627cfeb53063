/**
 * The verdict corpus: an editor's reading of every finding speechlint reports
 * on the real drafts of the fixtures, kept as data beside them
 * (test/fixtures/verdicts/<family>/<draft>.json, one array per family and
 * draft). This module lints the drafts through the CLI's own path (so the
 * findings are exactly what `speechlint --format json` prints), pairs each
 * finding with its verdict, and sums them per rule for `npm run eval` and the
 * verdict test. Placeholder findings are not part of the corpus.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { CliIO } from '../cli';
import { main } from '../cli';
import type { EslintResult } from '../cli-format';
import { createRegistry } from '../core/rules';
import { LineIndex } from '../core/text';

export type Verdict = 'accept' | 'debatable' | 'dismiss';
export const VERDICTS: readonly Verdict[] = ['accept', 'debatable', 'dismiss'];

/** One entry of a verdict file. */
export interface VerdictEntry {
  rule: string;
  line: number;
  column: number;
  /** The text the finding covers, or its first 20 characters. */
  excerpt: string;
  verdict: Verdict;
  reason: string;
}

/** One finding on one draft, as the CLI reports it. */
export interface CorpusFinding {
  draft: string;
  rule: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  /** The text the finding covers. */
  text: string;
  /** A few characters either side, for reading the finding in place. */
  context: string;
}

export interface Paired {
  finding: CorpusFinding;
  verdict?: VerdictEntry;
}

export interface LoadedVerdict extends VerdictEntry {
  draft: string;
  /** The file it came from, relative to the verdicts folder. */
  file: string;
}

export interface Pairing {
  paired: Paired[];
  /** Verdicts whose finding is no longer reported. */
  gone: LoadedVerdict[];
  /** Malformed entries and files (file: problem). */
  problems: string[];
}

export const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');
export const VERDICTS_DIR = path.join(FIXTURES, 'verdicts');
/** Folders of real drafts: every .txt in them is part of the corpus. */
export const DRAFT_DIRS = ['corpus', 'corpus-web'];
/** Findings of these families carry no verdict (placeholders are found, not judged). */
export const EXCLUDED_FAMILIES = ['placeholder'];

const EXCERPT_CHARS = 20;

/** The real drafts of the fixtures, as absolute paths, sorted. */
export function corpusDrafts(fixtures = FIXTURES): string[] {
  const out: string[] = [];
  for (const d of DRAFT_DIRS) {
    const dir = path.join(fixtures, d);
    if (!fs.existsSync(dir)) continue;
    for (const f of fs.readdirSync(dir).sort()) if (f.endsWith('.txt')) out.push(path.join(dir, f));
  }
  return out;
}

export function draftName(file: string): string {
  return path.basename(file).replace(/\.txt$/, '');
}

/** The first 20 characters (code points) of a text: what two excerpts are compared on. */
export function excerptKey(s: string): string {
  return Array.from(s).slice(0, EXCERPT_CHARS).join('');
}

/** An empty configuration: the corpus is judged on the defaults, whatever .speechlintrc.json lies above the checkout. */
export const DEFAULTS_CONFIG = path.join(VERDICTS_DIR, 'defaults.speechlintrc.json');

/** Lint the drafts exactly as `speechlint --format json` does (default config, English messages). */
export async function lintCorpus(drafts: readonly string[] = corpusDrafts()): Promise<CorpusFinding[]> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: { write: (s) => (stdout += typeof s === 'string' ? s : Buffer.from(s).toString('utf8')), isTTY: false },
    stderr: { write: (s) => (stderr += typeof s === 'string' ? s : Buffer.from(s).toString('utf8')), isTTY: false },
    cwd: ROOT,
    env: { LANG: 'en_US.UTF-8' },
  };
  const code = await main(['--format', 'json', '--locale', 'en', '--config', DEFAULTS_CONFIG, ...drafts], io);
  if (code === 2) throw new Error(`speechlint failed on the corpus: ${stderr.trim()}`);
  const results = JSON.parse(stdout) as EslintResult[];
  const out: CorpusFinding[] = [];
  for (const r of results) {
    const text = fs.readFileSync(r.filePath, 'utf8').replace(/^\uFEFF/, '');
    const lines = new LineIndex(text);
    for (const m of r.messages) {
      if (EXCLUDED_FAMILIES.includes(m.ruleId.split('/')[0])) continue;
      const start = lines.offsetAt({ line: m.line - 1, character: m.column - 1 });
      const end = lines.offsetAt({ line: m.endLine - 1, character: m.endColumn - 1 });
      out.push({
        draft: draftName(r.filePath),
        rule: m.ruleId,
        severity: m.speechlintSeverity,
        message: m.message,
        line: m.line,
        column: m.column,
        text: text.slice(start, end),
        context: text.slice(Math.max(0, start - 30), Math.min(text.length, end + 30)),
      });
    }
  }
  return out;
}

function entryProblem(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null) return 'not an object';
  const v = e as Record<string, unknown>;
  if (typeof v.rule !== 'string' || !/^[a-z]+\/[a-z][a-z0-9-]*$/.test(v.rule)) return 'rule must be "family/name"';
  if (!Number.isInteger(v.line) || (v.line as number) < 1) return 'line must be a positive integer';
  if (!Number.isInteger(v.column) || (v.column as number) < 1) return 'column must be a positive integer';
  if (typeof v.excerpt !== 'string' || v.excerpt === '') return 'excerpt must be a non-empty string';
  if (!VERDICTS.includes(v.verdict as Verdict)) return `verdict must be one of ${VERDICTS.join(', ')}`;
  if (typeof v.reason !== 'string' || v.reason.trim() === '') return 'reason must be a non-empty string';
  return undefined;
}

/** Every verdict file of every family found under the verdicts folder. */
export function loadVerdicts(dir = VERDICTS_DIR): { verdicts: LoadedVerdict[]; problems: string[] } {
  const verdicts: LoadedVerdict[] = [];
  const problems: string[] = [];
  if (!fs.existsSync(dir)) return { verdicts, problems };
  for (const family of fs.readdirSync(dir).sort()) {
    const fdir = path.join(dir, family);
    if (!fs.statSync(fdir).isDirectory()) continue;
    for (const f of fs.readdirSync(fdir).sort()) {
      if (!f.endsWith('.json')) continue;
      const rel = `${family}/${f}`;
      let data: unknown;
      try {
        data = JSON.parse(fs.readFileSync(path.join(fdir, f), 'utf8'));
      } catch (e) {
        problems.push(`${rel}: not JSON (${(e as Error).message})`);
        continue;
      }
      if (!Array.isArray(data)) {
        problems.push(`${rel}: not an array`);
        continue;
      }
      data.forEach((e, i) => {
        const p = entryProblem(e) ?? ((e as VerdictEntry).rule.split('/')[0] !== family ? `rule ${(e as VerdictEntry).rule} is not of family ${family}` : undefined);
        if (p) problems.push(`${rel}[${i}]: ${p}`);
        else verdicts.push({ ...(e as VerdictEntry), draft: f.replace(/\.json$/, ''), file: rel });
      });
    }
  }
  return { verdicts, problems };
}

function key(draft: string, rule: string, line: number, column: number): string {
  return `${draft}|${rule}|${line}|${column}`;
}

/**
 * Pair findings with verdicts on draft, rule, line and column; the excerpt
 * must agree too (its first 20 characters), so that a verdict never passes to
 * other text that moved into its place.
 */
export function pair(findings: readonly CorpusFinding[], verdicts: readonly LoadedVerdict[]): Pairing {
  const byKey = new Map<string, LoadedVerdict>();
  const problems: string[] = [];
  for (const v of verdicts) {
    const k = key(v.draft, v.rule, v.line, v.column);
    if (byKey.has(k)) problems.push(`${v.file}: two verdicts for ${v.rule} at ${v.line}:${v.column}`);
    else byKey.set(k, v);
  }
  const used = new Set<LoadedVerdict>();
  const paired: Paired[] = findings.map((finding) => {
    const v = byKey.get(key(finding.draft, finding.rule, finding.line, finding.column));
    if (!v || excerptKey(v.excerpt) !== excerptKey(finding.text)) return { finding };
    used.add(v);
    return { finding, verdict: v };
  });
  return { paired, gone: verdicts.filter((v) => !used.has(v)), problems };
}

export interface RuleRow {
  rule: string;
  severity: string;
  findings: number;
  accepted: number;
  debatable: number;
  dismissed: number;
  unjudged: number;
  /** accepted / (accepted + dismissed); undefined when both are 0. */
  precision?: number;
  /** 0.90 for warning- and error-level rules, 0.85 for the others. */
  target: number;
}

export function targetFor(severity: string): number {
  return severity === 'warning' || severity === 'error' ? 0.9 : 0.85;
}

/** Per rule (every registered rule outside the excluded families, found or not), and a total row. */
export function summarize(paired: readonly Paired[]): { rows: RuleRow[]; total: RuleRow } {
  const rows = new Map<string, RuleRow>();
  const row = (rule: string, severity: string): RuleRow => {
    let r = rows.get(rule);
    if (!r) rows.set(rule, (r = { rule, severity, findings: 0, accepted: 0, debatable: 0, dismissed: 0, unjudged: 0, target: targetFor(severity) }));
    return r;
  };
  for (const rule of createRegistry().all()) {
    if (!EXCLUDED_FAMILIES.includes(rule.meta.family)) row(rule.meta.id, rule.meta.optIn ? 'off' : rule.meta.defaultSeverity);
  }
  const total: RuleRow = { rule: 'all', severity: '', findings: 0, accepted: 0, debatable: 0, dismissed: 0, unjudged: 0, target: 0 };
  for (const p of paired) {
    for (const r of [row(p.finding.rule, p.finding.severity), total]) {
      r.findings++;
      if (!p.verdict) r.unjudged++;
      else if (p.verdict.verdict === 'accept') r.accepted++;
      else if (p.verdict.verdict === 'debatable') r.debatable++;
      else r.dismissed++;
    }
  }
  const sorted = [...rows.values()].sort((a, b) => (a.rule < b.rule ? -1 : 1));
  for (const r of [...sorted, total]) r.precision = r.accepted + r.dismissed ? r.accepted / (r.accepted + r.dismissed) : undefined;
  return { rows: sorted, total };
}

function pct(p: number | undefined): string {
  return p === undefined ? '—' : `${Math.round(p * 100)}%`;
}

/** The eval table, in Markdown (for the terminal and the README alike). */
export function formatTable(rows: readonly RuleRow[], total: RuleRow): string {
  const out = ['| rule | default | findings | accepted | debatable | dismissed | no verdict | precision |', '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |'];
  for (const r of [...rows, total]) {
    const name = r === total ? '**all rules**' : `\`${r.rule}\``;
    out.push(`| ${name} | ${r.severity} | ${r.findings} | ${r.accepted} | ${r.debatable} | ${r.dismissed} | ${r.unjudged} | ${pct(r.precision)} |`);
  }
  return out.join('\n');
}

/** Rules whose precision is below their target. */
export function belowTarget(rows: readonly RuleRow[]): RuleRow[] {
  return rows.filter((r) => r.precision !== undefined && r.precision < r.target);
}

export const EVAL_START = '<!-- eval:start -->';
export const EVAL_END = '<!-- eval:end -->';

/** The README with its eval table replaced (unchanged when the markers are missing). */
export function replaceEvalBlock(readme: string, table: string): string {
  const a = readme.indexOf(EVAL_START);
  const b = readme.indexOf(EVAL_END);
  if (a < 0 || b < a) return readme;
  return readme.slice(0, a + EVAL_START.length) + '\n' + table + '\n' + readme.slice(b);
}

export const README = path.join(ROOT, 'README.md');
