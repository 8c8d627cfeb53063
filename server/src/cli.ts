/**
 * The `speechlint` command line. `main(argv, io)` holds all the logic and
 * returns the exit code; `bin/speechlint.js` only wires it to the process.
 *
 *   speechlint [options] <files or folders>
 *
 * Exit codes: 0 no error-level finding, 1 at least one (or more warnings
 * than --max-warnings), 2 a usage or I/O error or a rule that failed (one
 * line on stderr each; the other files and rules are still checked and
 * reported).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { FileReport } from './cli-format';
import { formatJson, formatStylish, normalizeEdits } from './cli-format';
import type { RawConfig, ResolvedConfig } from './core/config';
import { effectiveSeverity, resolveConfig } from './core/config';
import { applyEdits, collectSafeEdits, lint } from './core/lint';
import { parse } from './core/parse';
import type { Registry } from './core/registry';
import type { Finding, LocalizedText, Locale } from './core/rule';
import { detectLocale, localize } from './core/rule';
import { createRegistry } from './core/rules';
import type { Segmenter } from './core/segment';
import { SegmentCache, segmentDocument } from './core/segment';
import type { FileProblem, LoadedConfig } from './node/config-file';
import { findConfigFile, formatProblem, loadConfigFor } from './node/config-file';
import { addUserDictionary, loadJieba } from './node/jieba';
import { packageVersion } from './node/package';
import type { DraftFile } from './node/textfile';
import {
  decodeDraft,
  DRAFT_EXTENSIONS,
  encodeDraft,
  expandPaths,
  FileLimitError,
  ioCause,
  ioReason,
  isInside,
  MAX_DRAFT_BYTES,
  readRegularFile,
  writeFileAtomic,
} from './node/textfile';
import { isDocxPath, readDocxFile } from './node/docx-read';
import type * as CliExport from './cli-export';

export interface OutStream {
  write(chunk: string | Uint8Array): unknown;
  isTTY?: boolean;
}

export interface CliIO {
  stdout: OutStream;
  stderr: OutStream;
  /** Read only with --stdin: a stream, or the whole input as a string or bytes. */
  stdin?: AsyncIterable<Buffer | string> | string | Uint8Array;
  cwd: string;
  env: Record<string, string | undefined>;
}

/** Seams for tests; the defaults are the real thing. */
export interface CliDeps {
  registry?: Registry;
  /** Read a draft's bytes (default fs.readFileSync). */
  readFile?: (absPath: string) => Uint8Array;
  /** Load word segmentation (default jieba via loadJieba). */
  loadSegmenter?: () => { segmenter?: Segmenter; error?: string };
  /** Add a user dictionary to the segmenter (default jieba's addUserDictionary). */
  addUserDictionary?: (absPath: string) => { error?: string };
}

export const MAX_FIX_PASSES = 3;
/** Progress is shown on stderr above this many files (and on a terminal above a few). */
export const PROGRESS_MIN_FILES = 20;
const PROGRESS_MIN_FILES_TTY = 5;

type Format = 'stylish' | 'json';

interface Options {
  format: Format;
  config?: string;
  fix: boolean;
  stdin: boolean;
  stdinFilename?: string;
  mode?: 'draft' | 'final';
  locale?: Locale;
  rules: { id: string; value: unknown }[];
  maxWarnings?: number;
  color?: boolean;
  help: boolean;
  version: boolean;
  paths: string[];
}

class UsageError extends Error {
  constructor(readonly text: LocalizedText) {
    super(text.en);
  }
}

function t(zh: string, en: string): LocalizedText {
  return { zh, en };
}

const VALUE_OPTIONS = new Set(['--format', '-f', '--config', '-c', '--stdin-filename', '--mode', '--locale', '--rule', '--max-warnings']);

export function parseArgs(argv: readonly string[]): Options {
  const o: Options = { format: 'stylish', fix: false, stdin: false, rules: [], help: false, version: false, paths: [] };
  let i = 0;
  let onlyPaths = false;
  while (i < argv.length) {
    const arg = argv[i++];
    if (onlyPaths || arg === '-' || !arg.startsWith('-')) {
      o.paths.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPaths = true;
      continue;
    }
    let name = arg;
    let value: string | undefined;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 2) {
      name = arg.slice(0, eq);
      value = arg.slice(eq + 1);
    }
    if (VALUE_OPTIONS.has(name)) {
      if (value === undefined) {
        if (i >= argv.length) throw new UsageError(t(`选项 ${name} 需要一个值`, `option ${name} needs a value`));
        value = argv[i++];
      }
    } else if (value !== undefined) {
      throw new UsageError(t(`选项 ${name} 不接受值`, `option ${name} takes no value`));
    }
    switch (name) {
      case '-h':
      case '--help':
        o.help = true;
        break;
      case '-v':
      case '--version':
        o.version = true;
        break;
      case '--fix':
        o.fix = true;
        break;
      case '--stdin':
        o.stdin = true;
        break;
      case '--color':
        o.color = true;
        break;
      case '--no-color':
        o.color = false;
        break;
      case '-f':
      case '--format':
        if (value !== 'stylish' && value !== 'json') throw new UsageError(t(`--format 应为 stylish 或 json，实际为“${value}”`, `--format must be stylish or json, got "${value}"`));
        o.format = value;
        break;
      case '-c':
      case '--config':
        o.config = value;
        break;
      case '--stdin-filename':
        o.stdinFilename = value;
        break;
      case '--mode':
        if (value !== 'draft' && value !== 'final') throw new UsageError(t(`--mode 应为 draft 或 final，实际为“${value}”`, `--mode must be draft or final, got "${value}"`));
        o.mode = value;
        break;
      case '--locale':
        if (value !== 'zh' && value !== 'en') throw new UsageError(t(`--locale 应为 zh 或 en，实际为“${value}”`, `--locale must be zh or en, got "${value}"`));
        o.locale = value;
        break;
      case '--rule': {
        const v = value!;
        const colon = v.indexOf(':');
        if (colon <= 0) throw new UsageError(t(`--rule 的格式为 规则ID:级别，如 placeholder/marker:error；实际为“${v}”`, `--rule takes rule-id:severity, e.g. placeholder/marker:error; got "${v}"`));
        const id = v.slice(0, colon).trim();
        const rest = v.slice(colon + 1).trim();
        let parsed: unknown = rest;
        if (rest.startsWith('[') || rest.startsWith('{')) {
          try {
            parsed = JSON.parse(rest);
          } catch {
            throw new UsageError(t(`--rule ${id}：选项不是有效的 JSON`, `--rule ${id}: the options are not valid JSON`));
          }
        }
        o.rules.push({ id, value: parsed });
        break;
      }
      case '--max-warnings': {
        const n = Number(value);
        if (!/^\d+$/.test(value!) || !Number.isSafeInteger(n)) throw new UsageError(t(`--max-warnings 应为非负整数，实际为“${value}”`, `--max-warnings must be a non-negative integer, got "${value}"`));
        o.maxWarnings = n;
        break;
      }
      default:
        throw new UsageError(t(`未知选项 ${name}（见 speechlint --help）`, `unknown option ${name} (see speechlint --help)`));
    }
  }
  return o;
}

/** --locale, else LC_ALL, LC_MESSAGES, LANG (core/rule.ts; the language server uses it too). */

function prescanLocale(argv: readonly string[]): Locale | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    const v = a === '--locale' ? argv[i + 1] : a.startsWith('--locale=') ? a.slice(9) : undefined;
    if (v === 'zh' || v === 'en') return v;
  }
  return undefined;
}

export const HELP = `speechlint — 讲话稿检查 / checks Chinese speech drafts

用法 Usage:
  speechlint [选项 options] <文件或文件夹 files or folders>
  speechlint --stdin [--stdin-filename <名称 name>] [选项 options]
  speechlint export <讲话稿 draft> [-o <文件 file>.docx] [--mode draft|final] [--force]

文件夹中检查 .speech、.txt、.md 和 Word（.docx）文件（跳过 node_modules 和以 . 开头的文件夹）。
Word 文档按段落检查，位置显示为“第 N 段 M 字”（json 中 line 为段落序号）。
Folders are searched for .speech, .txt, .md and Word (.docx) files (node_modules and dot-folders
are skipped). A Word document is checked paragraph by paragraph: positions read "paragraph N,
char M" (in json, line is the paragraph number).
export 将讲话稿导出为 GB/T 9704 版式的 Word 文档（见 speechlint export --help）。
export writes a draft as a Word document laid out to GB/T 9704 (see speechlint export --help).

选项 Options:
  -f, --format stylish|json   输出格式（默认 stylish；json 与 ESLint 相同）
                              output format (default stylish; json is ESLint's shape)
  -c, --config <file>         使用此配置文件，不再查找 .speechlintrc.json
                              use this config file instead of the nearest .speechlintrc.json
      --fix                   写回安全的自动修复（原子写入，保留换行符和 BOM）
                              write safe fixes back (atomically; line breaks and BOM kept)
      --stdin                 从标准输入读取讲话稿 / read the draft from standard input
      --stdin-filename <name> 标准输入的文件名（决定配置，显示在结果中；配合 --fix 时
                              修复后的全文输出到标准输出）
                              name for stdin (picks the config, shown in the output; with
                              --fix the fixed text is printed to stdout)
      --mode draft|final      草稿模式或定稿模式（定稿模式下占位符为错误）
                              draft or final mode (placeholders are errors in final mode)
      --rule <id:severity>    覆盖某条规则的级别，可多次使用，如 --rule placeholder/marker:error
                              set a rule's severity, repeatable (error|warning|info|hint|off)
      --max-warnings <n>      警告多于 n 个时退出码为 1 / exit 1 when there are more than n warnings
      --locale zh|en          消息语言（默认按 LC_ALL/LC_MESSAGES/LANG，未设置时为中文）
                              message language (default from LC_ALL/LC_MESSAGES/LANG; zh when unset)
      --color, --no-color     强制开启或关闭颜色（默认仅在终端且未设置 NO_COLOR 时着色）
                              force colour on or off (default: only on a terminal without NO_COLOR)
  -h, --help                  显示帮助 / show this help
  -v, --version               显示版本 / show the version

退出码 Exit codes:
  0  没有错误级别的问题 / no error-level finding
  1  至少一个错误级别的问题，或警告超过 --max-warnings / at least one error, or too many warnings
  2  用法错误、文件读写错误或规则出错 / usage or I/O error, or a rule failed
`;

interface RunState {
  io: CliIO;
  opts: Options;
  locale: Locale;
  registry: Registry;
  deps: CliDeps;
  overrides: RawConfig[];
  configFile?: string;
  failed: boolean;
  /** Config lookups: folder → config file (or null), config file → loaded config. */
  dirConfig: Map<string, string | null>;
  loaded: Map<string, LoadedConfig>;
  /** Lines written to stderr that are not written again (config problems, a rule failing on every fix pass). */
  shownLines: Set<string>;
  /** Word segmentation: undefined until first needed, null when it could not be loaded. */
  segmenter?: Segmenter | null;
  dictionaries: Set<string>;
  segCache: SegmentCache;
}

function errLine(st: RunState, display: string, reason: LocalizedText): void {
  st.io.stderr.write(`speechlint: ${display}: ${localize(reason, st.locale)}\n`);
  st.failed = true;
}

function displayPath(cwd: string, abs: string): string {
  const rel = path.relative(cwd, abs);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
}

function configFor(st: RunState, docDir: string): LoadedConfig {
  let file: string | null | undefined = st.configFile;
  if (file === undefined) {
    file = st.dirConfig.get(docDir);
    if (file === undefined) {
      file = findConfigFile(docDir) ?? null;
      st.dirConfig.set(docDir, file);
    }
  }
  const key = file ?? '';
  let loaded = st.loaded.get(key);
  if (!loaded) {
    loaded = loadConfigFor(st.registry, { configFile: file ?? undefined, docDir, overrides: st.overrides });
    st.loaded.set(key, loaded);
    for (const p of loaded.problems) reportProblem(st, p);
  }
  return loaded;
}

/** Write a line to stderr unless it was written already. */
function lineOnce(st: RunState, line: string): void {
  if (st.shownLines.has(line)) return;
  st.shownLines.add(line);
  st.io.stderr.write(line + '\n');
}

function reportProblem(st: RunState, p: FileProblem): void {
  const shown: FileProblem = { ...p, file: p.file ? displayPath(st.io.cwd, p.file) : undefined };
  lineOnce(st, `speechlint: ${formatProblem(shown, st.locale)}`);
}

function needsSegmentation(st: RunState, config: ResolvedConfig): boolean {
  return st.registry.all().some((r) => {
    if (!r.meta.needsSegmentation) return false;
    const setting = config.rules.get(r.meta.id);
    return setting !== undefined && effectiveSeverity(r, setting, config.settings) !== 'off';
  });
}

function segmenterFor(st: RunState, loaded: LoadedConfig): Segmenter | undefined {
  if (!needsSegmentation(st, loaded.config)) return undefined;
  if (st.segmenter === undefined) {
    const load =
      st.deps.loadSegmenter ??
      (() => {
        const r = loadJieba();
        return { segmenter: r.segmenter, error: r.status.error };
      });
    let r: { segmenter?: Segmenter; error?: string };
    try {
      r = load();
    } catch (e) {
      r = { error: e instanceof Error ? e.message : String(e) };
    }
    st.segmenter = r.segmenter ?? null;
    if (!r.segmenter) {
      const skipped = st.registry
        .all()
        .filter((x) => x.meta.needsSegmentation)
        .map((x) => x.meta.id)
        .join(', ');
      st.io.stderr.write(
        `speechlint: ${localize(
          t(`警告：无法加载分词（jieba：${r.error ?? '未知错误'}），以下规则未运行：${skipped}`, `warning: word segmentation (jieba) could not be loaded (${r.error ?? 'unknown error'}); these rules did not run: ${skipped}`),
          st.locale,
        )}\n`,
      );
    }
  }
  const seg = st.segmenter ?? undefined;
  if (seg && loaded.dictionaryPath && !st.dictionaries.has(loaded.dictionaryPath)) {
    st.dictionaries.add(loaded.dictionaryPath);
    const add = st.deps.addUserDictionary ?? ((p: string) => addUserDictionary(p));
    const r = add(loaded.dictionaryPath);
    if (r.error) {
      reportProblem(st, { file: loaded.file, key: 'dictionary', message: t(`无法读取用户词典 ${loaded.dictionaryPath}：${r.error}`, `cannot read the user dictionary ${loaded.dictionaryPath}: ${r.error}`) });
    }
  }
  return seg;
}

function lintText(st: RunState, display: string, text: string, loaded: LoadedConfig, segmenter: Segmenter | undefined): Finding[] {
  const doc = parse(text);
  const segmentation = segmenter ? segmentDocument(doc, segmenter, st.segCache) : undefined;
  return lint(doc, st.registry, loaded.config, {
    phase: 'all',
    segmentation,
    onRuleError: (ruleId, e) => {
      // a rule that did not run may have missed errors: no clean exit code (once per draft, however many fix passes)
      const msg = e instanceof Error ? e.message : String(e);
      lineOnce(st, `speechlint: ${display}: ${localize(t(`规则 ${ruleId} 出错，已跳过：${msg}`, `rule ${ruleId} failed and was skipped: ${msg}`), st.locale)}`);
      st.failed = true;
    },
  });
}

interface Checked {
  report: FileReport;
  /** Findings fixed, over every pass. */
  fixCount: number;
}

/** Lint a decoded draft; with --fix, apply safe fixes until nothing changes (at most MAX_FIX_PASSES passes). */
function checkDraft(st: RunState, display: string, filePath: string, docDir: string, text: string, eol: string, fix = st.opts.fix): Checked {
  const loaded = configFor(st, docDir);
  const segmenter = segmenterFor(st, loaded);
  let current = text;
  let findings = lintText(st, display, current, loaded, segmenter);
  let fixCount = 0;
  if (fix) {
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      const edits = collectSafeEdits(findings);
      if (edits.length === 0) break;
      const chosen = new Set(edits);
      const fixes = findings.filter((f) => f.fixes.find((x) => x.safe)?.edits.every((e) => chosen.has(e))).length;
      let next: string;
      try {
        next = applyEdits(current, normalizeEdits(edits, eol));
      } catch {
        break; // overlapping edits: collectSafeEdits should prevent it; never write a guess
      }
      if (next === current) break;
      current = next;
      fixCount += fixes;
      findings = lintText(st, display, current, loaded, segmenter);
    }
  }
  const report: FileReport = { filePath, display, text: current, eol, findings };
  if (current !== text) report.output = current;
  return { report, fixCount };
}

/**
 * The draft on standard input, at most MAX_DRAFT_BYTES (then a FileLimitError).
 * With `passThrough` (--fix, where stdout carries the draft), a draft too large
 * is copied through unchanged as it streams, so a filter never replaces it with nothing.
 */
async function readStdin(stdin: CliIO['stdin'], passThrough?: (b: Buffer) => void): Promise<Buffer> {
  if (stdin === undefined) return Buffer.alloc(0);
  if (typeof stdin === 'string') return Buffer.from(stdin, 'utf8');
  if (stdin instanceof Uint8Array) return Buffer.from(stdin);
  const chunks: Buffer[] = [];
  let total = 0;
  let over = false;
  for await (const c of stdin) {
    const b = typeof c === 'string' ? Buffer.from(c, 'utf8') : Buffer.from(c);
    total += b.length;
    if (over) passThrough?.(b);
    else if (total > MAX_DRAFT_BYTES) {
      over = true;
      if (!passThrough) break;
      for (const x of chunks) passThrough(x);
      chunks.length = 0;
      passThrough(b);
    } else chunks.push(b);
  }
  if (over) throw new FileLimitError(t(`输入过大（上限 ${MAX_DRAFT_BYTES / 1024 / 1024} MB），未检查`, `the input is too large (at most ${MAX_DRAFT_BYTES / 1024 / 1024} MB); not checked`));
  return Buffer.concat(chunks);
}

class Progress {
  private readonly tty: boolean;
  private readonly enabled: boolean;
  private readonly step: number;
  private shown = false;
  constructor(
    private readonly io: CliIO,
    private readonly total: number,
    private readonly locale: Locale,
  ) {
    this.tty = Boolean(io.stderr.isTTY);
    this.enabled = total > PROGRESS_MIN_FILES || (this.tty && total > PROGRESS_MIN_FILES_TTY);
    this.step = Math.max(10, Math.ceil(total / 20));
  }
  tick(done: number): void {
    if (!this.enabled) return;
    const text = this.locale === 'zh' ? `已检查 ${done}/${this.total} …` : `checked ${done}/${this.total} …`;
    if (this.tty) {
      this.io.stderr.write(`\r\x1b[K${text}`);
      this.shown = true;
    } else if (done % this.step === 0 || done === this.total) {
      this.io.stderr.write(text + '\n');
    }
  }
  /** Clear the updating line before anything else is written to the terminal. */
  clear(): void {
    if (this.tty && this.shown) {
      this.io.stderr.write('\r\x1b[K');
      this.shown = false;
    }
  }
}

export async function main(argv: readonly string[], io: CliIO, deps: CliDeps = {}): Promise<number> {
  if (argv[0] === 'export') {
    // loaded only for `export` (it brings the Word writer): a check does not pay for it
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { runExport } = require('./cli-export') as typeof CliExport;
    return runExport(argv.slice(1), io, deps.registry);
  }
  let locale = detectLocale(io.env, prescanLocale(argv));
  let opts: Options;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`speechlint: ${localize(e.text, locale)}\n`);
      return 2;
    }
    throw e;
  }
  locale = detectLocale(io.env, opts.locale);
  const usage = (text: LocalizedText): number => {
    io.stderr.write(`speechlint: ${localize(text, locale)}\n`);
    return 2;
  };
  if (opts.help) {
    io.stdout.write(HELP);
    return 0;
  }
  if (opts.version) {
    io.stdout.write(`speechlint ${packageVersion() ?? '0.0.0'}\n`);
    return 0;
  }
  if (opts.stdin && opts.paths.length > 0) return usage(t('使用 --stdin 时不能再指定文件', '--stdin takes no file arguments'));
  if (!opts.stdin && opts.stdinFilename !== undefined) return usage(t('--stdin-filename 需与 --stdin 一起使用', '--stdin-filename needs --stdin'));
  if (!opts.stdin && opts.paths.length === 0) return usage(t('未指定文件（见 speechlint --help）', 'no files given (see speechlint --help)'));

  let registry: Registry;
  try {
    registry = deps.registry ?? createRegistry();
  } catch (e) {
    return usage(t(`规则注册失败：${(e as Error).message}`, `the rule registry failed: ${(e as Error).message}`));
  }

  // Command-line layers go on top of the config file; they are checked once, here.
  const overrides: RawConfig[] = [];
  if (opts.mode) overrides.push({ mode: opts.mode });
  if (opts.rules.length) overrides.push({ rules: Object.fromEntries(opts.rules.map((r) => [r.id, r.value])) });
  if (overrides.length) {
    const unknown = opts.rules.find((r) => !registry.get(r.id));
    if (unknown) return usage(t(`--rule：未知的规则“${unknown.id}”`, `--rule: unknown rule "${unknown.id}"`));
    const { problems } = resolveConfig(registry, overrides);
    if (problems.length) return usage(t(`--rule：${problems[0].message.zh}`, `--rule: ${problems[0].message.en}`));
  }

  let configFile: string | undefined;
  if (opts.config !== undefined) {
    configFile = path.resolve(io.cwd, opts.config);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(configFile);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
        const r = ioCause(e);
        return usage(t(`无法读取配置文件 ${opts.config}：${r.zh}`, `cannot read the config file ${opts.config}: ${r.en}`));
      }
    }
    if (!stat) return usage(t(`找不到配置文件 ${opts.config}`, `config file not found: ${opts.config}`));
    if (!stat.isFile()) return usage(t(`配置文件 ${opts.config} 不是文件`, `the config file ${opts.config} is not a file`));
  }

  const colorOut = (stream: OutStream) => opts.color ?? (Boolean(stream.isTTY) && !io.env.NO_COLOR);
  const st: RunState = {
    io,
    opts,
    locale,
    registry,
    deps,
    overrides,
    configFile,
    failed: false,
    dirConfig: new Map(),
    loaded: new Map(),
    shownLines: new Set(),
    dictionaries: new Set(),
    segCache: new SegmentCache(),
  };

  const reports: FileReport[] = [];

  if (opts.stdin) {
    let bytes: Buffer;
    try {
      bytes = await readStdin(io.stdin, opts.fix ? (b) => io.stdout.write(b) : undefined);
    } catch (e) {
      errLine(st, '<stdin>', ioReason(e));
      return 2;
    }
    const name = opts.stdinFilename;
    const abs = name !== undefined ? path.resolve(io.cwd, name) : '<text>';
    const display = name ?? '<stdin>';
    const decoded = decodeDraft(bytes);
    if (!decoded.ok) {
      errLine(st, display, decoded.reason);
      // with --fix, stdout carries the draft: give it back as it came, so that a
      // filter (Vim's :%!, an editor's format-on-save) never replaces it with nothing
      if (opts.fix) io.stdout.write(bytes);
      return 2;
    }
    const docDir = name !== undefined ? path.dirname(abs) : io.cwd;
    const { report } = checkDraft(st, display, abs, docDir, decoded.text, decoded.eol);
    reports.push(report);
    if (opts.fix) {
      // stdout carries the (fixed) draft, so the report goes to stderr
      io.stdout.write((decoded.bom ? '\uFEFF' : '') + report.text);
      writeReport(io.stderr, reports, opts.format, locale, colorOut(io.stderr));
    } else {
      writeReport(io.stdout, reports, opts.format, locale, colorOut(io.stdout));
    }
    return exitCode(st, reports);
  }

  const { files, errors, skipped } = expandPaths(opts.paths, io.cwd, CHECKED_EXTENSIONS);
  for (const e of errors) errLine(st, e.display, e.reason);
  // links out of a folder given are left out on purpose: said once per folder, not a failure
  for (const e of skipped) io.stderr.write(`speechlint: ${e.display}: ${localize(e.reason, locale)}\n`);
  const progress = new Progress(io, files.length, locale);
  const origWrite = io.stderr.write.bind(io.stderr);
  const stderrWithProgress: OutStream = {
    isTTY: io.stderr.isTTY,
    write: (s) => {
      progress.clear();
      return origWrite(s);
    },
  };
  st.io = { ...io, stderr: stderrWithProgress };
  let done = 0;
  for (const f of files) {
    const checked = checkFile(st, f);
    if (checked) reports.push(checked);
    progress.tick(++done);
  }
  progress.clear();
  writeReport(io.stdout, reports, opts.format, locale, colorOut(io.stdout));
  return exitCode(st, reports);
}

/** Folders are searched for text drafts and Word documents (Word's "~$" owner files left out). */
const CHECKED_EXTENSIONS = [...DRAFT_EXTENSIONS, '.docx'];

/**
 * A Word document, checked as one line per paragraph (server/src/docx); it is
 * never rewritten: with --fix its findings are reported and a line says why.
 */
function checkDocxFile(st: RunState, f: DraftFile): FileReport | undefined {
  if (/^~\$/.test(path.basename(f.abs))) return undefined;
  let res: ReturnType<typeof readDocxFile>;
  try {
    res = readDocxFile(f.abs);
  } catch (e) {
    errLine(st, f.display, ioReason(e));
    return undefined;
  }
  if (!res.ok) {
    errLine(st, f.display, res.reason);
    return undefined;
  }
  if (st.opts.fix) lineOnce(st, `speechlint: ${f.display}: ${localize(t('Word 文档不会被改写，--fix 未应用（可用“打开为讲话稿”修改后再导出）', 'Word documents are not rewritten; --fix was not applied (open it as a draft, fix, and export it again)'), st.locale)}`);
  const { report } = checkDraft(st, f.display, f.abs, path.dirname(f.abs), res.draft.text, '\n', false);
  report.paragraphs = { prefixLengths: res.draft.paragraphs.map((p) => p.prefixLength) };
  return report;
}

function checkFile(st: RunState, f: DraftFile): FileReport | undefined {
  if (isDocxPath(f.abs)) return checkDocxFile(st, f);
  // a regular file of at most MAX_DRAFT_BYTES (a FIFO, /dev/zero or a 200 MB file gets one line, never a hang or a crash)
  const read = st.deps.readFile ?? ((p: string) => readRegularFile(p, { maxBytes: MAX_DRAFT_BYTES }));
  let before: fs.Stats | undefined;
  let bytes: Uint8Array;
  try {
    if (st.opts.fix) before = fs.statSync(f.abs);
    bytes = read(f.abs);
  } catch (e) {
    errLine(st, f.display, ioReason(e));
    return undefined;
  }
  const decoded = decodeDraft(bytes);
  if (!decoded.ok) {
    errLine(st, f.display, decoded.reason);
    return undefined;
  }
  const checked = checkDraft(st, f.display, f.abs, path.dirname(f.abs), decoded.text, decoded.eol);
  if (checked.report.output !== undefined) {
    try {
      if (f.root !== undefined && !isInside(f.root, f.abs)) {
        // the draft (or a folder on its path) became a link out of the folder given since the walk
        errLine(st, f.display, t('文件已指向所检查的文件夹之外，未写入修复', 'the file now leads out of the folder being checked; fixes not written'));
      } else if (changedOnDisk(f.abs, before, bytes)) {
        errLine(st, f.display, t('检查期间文件被修改，未写入修复', 'the file changed on disk while it was being checked; fixes not written'));
      } else {
        writeFileAtomic(f.abs, encodeDraft(checked.report.output, decoded.bom));
        st.io.stderr.write(
          `speechlint: ${f.display}: ${localize(t(`已写入 ${checked.fixCount} 处修复`, `${checked.fixCount} ${checked.fixCount === 1 ? 'fix' : 'fixes'} written`), st.locale)}\n`,
        );
      }
    } catch (e) {
      const r = ioCause(e, 'write');
      errLine(st, f.display, t(`无法写入修复：${r.zh}`, `cannot write the fixes: ${r.en}`));
    }
  }
  return checked.report;
}

/**
 * Did the draft change since it was read? Size and mtime first, then the
 * bytes themselves: a save of the same size within the file system's mtime
 * granularity (2 s on FAT, a typo fixed in place) leaves both unchanged.
 */
function changedOnDisk(abs: string, before: fs.Stats | undefined, bytes: Uint8Array): boolean {
  const now = fs.statSync(abs);
  if (before && (now.mtimeMs !== before.mtimeMs || now.size !== before.size)) return true;
  return !Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).equals(fs.readFileSync(abs));
}

function writeReport(out: OutStream, reports: readonly FileReport[], format: Format, locale: Locale, color: boolean): void {
  const text = format === 'json' ? formatJson(reports, locale) : formatStylish(reports, locale, color);
  if (text) out.write(text);
}

function exitCode(st: RunState, reports: readonly FileReport[]): number {
  if (st.failed) return 2;
  let errors = 0;
  let warnings = 0;
  for (const r of reports) {
    for (const f of r.findings) {
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
    }
  }
  if (errors > 0) return 1;
  if (st.opts.maxWarnings !== undefined && warnings > st.opts.maxWarnings) {
    st.io.stderr.write(
      `speechlint: ${localize(t(`警告过多（${warnings} 个，上限 ${st.opts.maxWarnings}）`, `too many warnings (${warnings}; maximum ${st.opts.maxWarnings})`), st.locale)}\n`,
    );
    return 1;
  }
  return 0;
}
