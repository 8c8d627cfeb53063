/**
 * `npm run bench:peers`: speechlint's CLI side by side with the linters
 * writers of Chinese already know, as whole processes (start-up included,
 * as a writer runs them), on the same inputs:
 *
 * - textlint with the Chinese rules that install from npm (brackets' width,
 *   spacing between Chinese and Latin),
 * - AutoCorrect (autocorrect-node: a Rust core behind a Node binding),
 * - lint-md (@lint-md/cli) and zhlint.
 *
 * The peers are installed from npm on first run, at pinned versions, into
 * bench/.peers/ (git-ignored). Inputs: each corpus draft alone
 * (test/fixtures/corpus), the thirty web drafts in one run
 * (test/fixtures/corpus-web), a 1.4 MB file made deterministically from all
 * of them (bench/drafts.ts `materialFile`), and a 3-line draft (start-up).
 *
 * Runs are paired and interleaved: every round runs every tool on an input
 * one after the other, the order rotating from round to round, so that a
 * machine busy with something else slows all tools alike; a ratio is taken
 * within a round (speechlint ÷ peer, same input, same moment), and the
 * figure reported is the median of those ratios. Peak RSS is the process's
 * high-water mark, from /usr/bin/time when installed (Debian package
 * `time`), else from polling /proc/<pid>/status (VmHWM); /usr/bin/time also
 * gives the CPU time (user + system), which a busy machine disturbs less
 * than the wall time (details.tools.*.oneDraftCpuRatio, bigCpuRatio).
 *
 * Writes bench/peers.json. Raw figures (speechlint ÷ peer, medians):
 * oneDraftVsTextlint, oneDraftVsAutocorrect, bigVsTextlint, rssVsTextlint,
 * and more per input and tool; bigJsonRatio: bytes of `--format json` on the
 * 1.4 MB file ÷ the file's bytes.
 *
 * Options: --rounds N (default 5; the 1.4 MB input runs at most 3), --quick
 * (2 rounds, the 1.4 MB input once, nothing written), --verbose (every run),
 * --skip-install, --speechlint <bin/speechlint.js of another build> (to
 * compare builds), --out <file> (instead of bench/peers.json).
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { CORPUS_DIR, WEB_DIR, materialFile } from './drafts';

const ROOT = path.resolve(__dirname, '..', '..');
const PEERS_DIR = path.join(ROOT, 'bench', '.peers');
const INPUTS = path.join(PEERS_DIR, 'inputs');
const outArg = process.argv.indexOf('--out');
const OUT = outArg >= 0 ? path.resolve(process.argv[outArg + 1]) : path.join(ROOT, 'bench', 'peers.json');
const args = process.argv.slice(2);
const speechlintArg = args.indexOf('--speechlint');
/** The CLI measured: this checkout's, or another build's (`--speechlint path/to/bin/speechlint.js`, to compare). */
const SPEECHLINT = speechlintArg >= 0 ? path.resolve(args[speechlintArg + 1]) : path.join(ROOT, 'bin', 'speechlint.js');
const BIG_BYTES = 1_400_000;

/** The peers, pinned. */
const PACKAGES: Record<string, string> = {
  textlint: '15.8.0',
  'textlint-rule-zh-half-and-full-width-bracket': '1.1.0',
  'textlint-rule-ja-space-between-half-and-full-width': '3.0.3',
  'autocorrect-node': '2.14.0',
  '@lint-md/cli': '2.2.4',
  zhlint: '0.8.2',
};

/**
 * textlint's rules for Chinese text that install from npm: brackets' width,
 * and spacing between CJK and Latin (written for Japanese, right for Chinese
 * too). The generic rules built on sentence-splitter (sentence-length,
 * max-comma, no-unmatched-pair) are left out: each made textlint two to
 * three times slower on a 100 KB file, which would measure sentence-splitter
 * rather than textlint.
 */
const TEXTLINT_RC = {
  rules: {
    'zh-half-and-full-width-bracket': true,
    'ja-space-between-half-and-full-width': { space: 'never' },
  },
};

interface Tool {
  name: string;
  /** The command line for input files (names relative to the inputs folder, without extension). */
  argv(files: string[]): string[];
}

const bin = (name: string) => path.join(PEERS_DIR, 'node_modules', '.bin', name);

const TOOLS: Tool[] = [
  { name: 'speechlint', argv: (f) => [process.execPath, SPEECHLINT, ...f.map((x) => x + '.txt')] },
  { name: 'textlint', argv: (f) => [bin('textlint'), '--config', path.join(PEERS_DIR, 'textlintrc.json'), ...f.map((x) => x + '.txt')] },
  { name: 'autocorrect', argv: (f) => [bin('autocorrect'), '--lint', ...f.map((x) => x + '.txt')] },
  // lint-md reads Markdown files only; zhlint wants paths relative to where it runs
  { name: 'lint-md', argv: (f) => [bin('lint-md'), ...f.map((x) => x + '.md')] },
  { name: 'zhlint', argv: (f) => [bin('zhlint'), ...f.map((x) => x + '.md')] },
];

interface Input {
  name: string;
  files: string[];
  bytes: number;
  /** Counted in the one-draft figures. */
  oneDraft: boolean;
  rounds: number;
}

interface Run {
  wallMs: number;
  peakMB: number;
  /** User + system CPU time (from /usr/bin/time; NaN without it): steadier than wall time on a busy machine. */
  cpuMs: number;
  code: number | null;
}

const quick = args.includes('--quick');
const verbose = args.includes('--verbose');
const roundsArg = args.indexOf('--rounds');
const ROUNDS = quick ? 2 : roundsArg >= 0 ? Math.max(1, Number(args[roundsArg + 1]) || 5) : 5;
const log = (m: string): void => void process.stderr.write(m + '\n');
const round = (x: number, d = 2): number => Math.round(x * 10 ** d) / 10 ** d;

function median(xs: number[]): number {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

// ------------------------------------------------------------------ set-up

function installPeers(): void {
  const stamp = path.join(PEERS_DIR, 'installed.json');
  const want = JSON.stringify(PACKAGES);
  const have = fs.existsSync(stamp) ? fs.readFileSync(stamp, 'utf8') : '';
  fs.mkdirSync(PEERS_DIR, { recursive: true });
  fs.writeFileSync(path.join(PEERS_DIR, 'textlintrc.json'), JSON.stringify(TEXTLINT_RC, null, 2) + '\n');
  if (have === want && TOOLS.every((t) => t.name === 'speechlint' || fs.existsSync(t.argv([])[0]))) return;
  if (args.includes('--skip-install')) throw new Error('the peers are not installed (run without --skip-install)');
  log(`installing the peers into ${path.relative(process.cwd(), PEERS_DIR) || PEERS_DIR} (once)…`);
  fs.writeFileSync(path.join(PEERS_DIR, 'package.json'), JSON.stringify({ private: true, description: 'npm run bench:peers (generated)', dependencies: PACKAGES }, null, 2) + '\n');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['install', '--no-audit', '--no-fund', '--no-package-lock'], { cwd: PEERS_DIR, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) throw new Error(`npm install of the peers failed (exit ${r.status})`);
  fs.writeFileSync(stamp, want);
}

function makeInputs(): Input[] {
  fs.mkdirSync(INPUTS, { recursive: true });
  // written only when different: another run (of another build) may be reading them
  const put = (file: string, text: string) => {
    const f = path.join(INPUTS, file);
    if (!fs.existsSync(f) || fs.readFileSync(f, 'utf8') !== text) fs.writeFileSync(f, text);
  };
  const write = (name: string, text: string): number => {
    put(name + '.txt', text);
    put(name + '.md', text);
    return Buffer.byteLength(text);
  };
  const inputs: Input[] = [];
  const rounds = ROUNDS;
  for (const f of fs.readdirSync(CORPUS_DIR).filter((x) => x.endsWith('.txt')).sort()) {
    const name = 'corpus-' + f.replace(/\.txt$/, '');
    inputs.push({ name, files: [name], bytes: write(name, fs.readFileSync(path.join(CORPUS_DIR, f), 'utf8')), oneDraft: true, rounds });
  }
  const web = fs.readdirSync(WEB_DIR).filter((x) => /^web-\d+\.txt$/.test(x)).sort();
  let webBytes = 0;
  const webNames = web.map((f) => {
    const name = f.replace(/\.txt$/, '');
    webBytes += write(name, fs.readFileSync(path.join(WEB_DIR, f), 'utf8'));
    return name;
  });
  inputs.push({ name: 'web-30', files: webNames, bytes: webBytes, oneDraft: false, rounds });
  inputs.push({ name: 'big-1.4MB', files: ['big'], bytes: write('big', materialFile(BIG_BYTES)), oneDraft: false, rounds: quick ? 1 : Math.min(3, rounds) });
  inputs.push({ name: 'start-up', files: ['tiny'], bytes: write('tiny', '关于加强安全生产工作的讲话\n\n同志们：\n'), oneDraft: false, rounds });
  return inputs;
}

// ------------------------------------------------------------------ running

const TIME = '/usr/bin/time';
const haveTime = process.platform === 'linux' && fs.existsSync(TIME);

function vmHWM(pid: number): number {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** One whole process: wall time from spawn to exit, peak RSS. Output is discarded. */
function runOnce(argv: string[]): Promise<Run> {
  const peakFile = path.join(os.tmpdir(), `speechlint-peers-${process.pid}.rss`);
  const full = haveTime ? [TIME, '-f', '%M %U %S', '-o', peakFile, ...argv] : argv;
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(full[0], full.slice(1), { cwd: INPUTS, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      if (err.length < 4000) err += d.toString();
    });
    let peak = NaN;
    let cpuMs = NaN;
    const poll = haveTime ? undefined : setInterval(() => (peak = Math.max(Number.isNaN(peak) ? 0 : peak, vmHWM(child.pid!))), 5);
    child.on('error', reject);
    child.on('exit', (code) => {
      const wallMs = performance.now() - t0;
      if (poll) clearInterval(poll);
      if (haveTime) {
        try {
          // the last line (a non-zero exit adds one before it): peak KB, user s, system s
          const [kb, user, sys] = fs.readFileSync(peakFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
          peak = kb / 1024;
          cpuMs = (user + sys) * 1000;
        } catch {
          peak = NaN;
        }
      }
      // linters exit 1 when they find something; anything else is a failed run
      if (code !== 0 && code !== 1) log(`  ${path.basename(argv[1] ?? argv[0])} exited ${code}: ${err.trim().split('\n').slice(-3).join(' | ')}`);
      resolve({ wallMs, peakMB: peak, cpuMs, code });
    });
  });
}

type Results = Map<string, Map<string, Run[]>>; // input → tool → runs (index = round)

async function runAll(inputs: Input[]): Promise<Results> {
  const results: Results = new Map(inputs.map((i) => [i.name, new Map(TOOLS.map((t) => [t.name, [] as Run[]]))]));
  // one warm-up run of everything (disk cache, npm's .bin shims)
  for (const t of TOOLS) await runOnce(t.argv(inputs[0].files));
  const maxRounds = Math.max(...inputs.map((i) => i.rounds));
  for (let r = 0; r < maxRounds; r++) {
    const t0 = performance.now();
    for (const input of inputs) {
      if (r >= input.rounds) continue;
      // rotate the order: each tool runs first, second … in turn
      for (let k = 0; k < TOOLS.length; k++) {
        const tool = TOOLS[(k + r) % TOOLS.length];
        const run = await runOnce(tool.argv(input.files));
        results.get(input.name)!.get(tool.name)![r] = run;
        if (verbose) log(`    ${input.name} ${tool.name}: ${round(run.wallMs / 1000)} s, ${round(run.peakMB, 0)} MB`);
      }
    }
    log(`  round ${r + 1}/${maxRounds}: ${round((performance.now() - t0) / 1000, 1)} s (load ${os.loadavg()[0].toFixed(2)})`);
  }
  return results;
}

/** Median of the paired ratios speechlint ÷ tool over the rounds of the given inputs. */
function pairedRatio(results: Results, inputs: Input[], tool: string, pick: (r: Run) => number): number {
  const ratios: number[] = [];
  for (const i of inputs) {
    const s = results.get(i.name)!.get('speechlint')!;
    const p = results.get(i.name)!.get(tool)!;
    for (let r = 0; r < s.length; r++) if (s[r] && p[r] && ok(s[r]) && ok(p[r])) ratios.push(pick(s[r]) / pick(p[r]));
  }
  return median(ratios);
}

const ok = (r: Run) => r.code === 0 || r.code === 1;

function jsonSize(big: Input): { bytes: number; ratio: number } {
  const r = spawnSync(process.execPath, [SPEECHLINT, '--format', 'json', big.files[0] + '.txt'], { cwd: INPUTS, maxBuffer: 1 << 30 });
  const bytes = r.stdout ? r.stdout.length : NaN;
  return { bytes, ratio: bytes / big.bytes };
}

// ------------------------------------------------------------------ report

const TARGETS: Record<string, number> = { oneDraftVsTextlint: 0.8, oneDraftVsAutocorrect: 3, bigVsTextlint: 0.5, rssVsTextlint: 1, bigJsonRatio: 3 };

function table(rows: string[][]): string {
  const w = rows[0].map((_, i) => Math.max(...rows.map((r) => [...r[i]].length)));
  const line = (r: string[]) => r.map((x, i) => (i === 0 ? x.padEnd(w[i]) : x.padStart(w[i]))).join('  ').trimEnd();
  return [line(rows[0]), w.map((n) => '-'.repeat(n)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

async function main(): Promise<void> {
  const t0 = performance.now();
  if (speechlintArg < 0 && !fs.existsSync(path.join(ROOT, 'out', 'server', 'src', 'cli.js'))) throw new Error('speechlint is not built (npm run bench:peers builds it first)');
  if (!fs.existsSync(SPEECHLINT)) throw new Error(`no such file: ${SPEECHLINT}`);
  installPeers();
  const inputs = makeInputs();
  log(`speechlint and its peers, whole processes, ${ROUNDS} rounds, peak RSS from ${haveTime ? '/usr/bin/time' : '/proc VmHWM polling'}${quick ? ' (quick)' : ''}`);
  const loadStart = os.loadavg()[0];
  const results = await runAll(inputs);
  const one = inputs.filter((i) => i.oneDraft);
  const big = inputs.find((i) => i.name === 'big-1.4MB')!;
  const tiny = inputs.find((i) => i.name === 'start-up')!;
  const web = inputs.find((i) => i.name === 'web-30')!;
  const peers = TOOLS.slice(1).map((t) => t.name);
  const wall = (r: Run) => r.wallMs;
  const rss = (r: Run) => r.peakMB;
  const cpu = (r: Run) => r.cpuMs;
  const med = (input: Input, tool: string, pick: (r: Run) => number) => median(results.get(input.name)!.get(tool)!.filter(ok).map(pick));

  // seconds per extra MB: (1.4 MB − 3-line draft) ÷ MB
  const perMB = (tool: string) => (med(big, tool, wall) - med(tiny, tool, wall)) / 1000 / ((big.bytes - tiny.bytes) / 1e6);
  const json = jsonSize(big);
  const figures = {
    oneDraftVsTextlint: round(pairedRatio(results, one, 'textlint', wall)),
    oneDraftVsAutocorrect: round(pairedRatio(results, one, 'autocorrect', wall)),
    bigVsTextlint: round(pairedRatio(results, [big], 'textlint', wall)),
    rssVsTextlint: round(pairedRatio(results, one, 'textlint', rss)),
    bigJsonRatio: round(json.ratio),
  };
  const perTool: Record<string, Record<string, number>> = {};
  for (const t of TOOLS) {
    const o: Record<string, number> = {};
    for (const i of inputs) o[`${i.name}WallMs`] = round(med(i, t.name, wall), 0);
    o.oneDraftWallMs = round(median(one.map((i) => med(i, t.name, wall))), 0);
    o.oneDraftPeakRssMB = round(median(one.map((i) => med(i, t.name, rss))), 0);
    o.oneDraftCpuMs = round(median(one.map((i) => med(i, t.name, cpu))), 0);
    o.bigCpuMs = round(med(big, t.name, cpu), 0);
    o.startUpCpuMs = round(med(tiny, t.name, cpu), 0);
    o.bigPeakRssMB = round(med(big, t.name, rss), 0);
    o.secondsPerExtraMB = round(perMB(t.name));
    if (t.name !== 'speechlint') {
      o.oneDraftRatio = round(pairedRatio(results, one, t.name, wall));
      o.web30Ratio = round(pairedRatio(results, [web], t.name, wall));
      o.bigRatio = round(pairedRatio(results, [big], t.name, wall));
      o.startUpRatio = round(pairedRatio(results, [tiny], t.name, wall));
      o.oneDraftRssRatio = round(pairedRatio(results, one, t.name, rss));
      o.oneDraftCpuRatio = round(pairedRatio(results, one, t.name, cpu));
      o.bigCpuRatio = round(pairedRatio(results, [big], t.name, cpu));
    }
    perTool[t.name] = o;
  }

  const s = perTool.speechlint;
  const fmtS = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const rows = [
    ['input', 'speechlint', ...peers.map((p) => `${p} (speechlint ÷)`)],
    [`one corpus draft (${one.map((i) => Math.round(i.bytes / 1000)).join(', ')} KB), wall`, fmtS(s.oneDraftWallMs), ...peers.map((p) => `${fmtS(perTool[p].oneDraftWallMs)} (${perTool[p].oneDraftRatio}×)`)],
    [`30 web drafts, ${Math.round(web.bytes / 1000)} KB, one run`, fmtS(s['web-30WallMs']), ...peers.map((p) => `${fmtS(perTool[p]['web-30WallMs'])} (${perTool[p].web30Ratio}×)`)],
    [`one file of ${(big.bytes / 1e6).toFixed(2)} MB`, fmtS(s['big-1.4MBWallMs']), ...peers.map((p) => `${fmtS(perTool[p]['big-1.4MBWallMs'])} (${perTool[p].bigRatio}×)`)],
    ['start-up on a 3-line draft', fmtS(s['start-upWallMs']), ...peers.map((p) => `${fmtS(perTool[p]['start-upWallMs'])} (${perTool[p].startUpRatio}×)`)],
    ['cost per extra MB', `${s.secondsPerExtraMB} s`, ...peers.map((p) => `${perTool[p].secondsPerExtraMB} s`)],
    ['CPU time, one corpus draft', fmtS(s.oneDraftCpuMs), ...peers.map((p) => `${fmtS(perTool[p].oneDraftCpuMs)} (${perTool[p].oneDraftCpuRatio}×)`)],
    [`CPU time, ${(big.bytes / 1e6).toFixed(2)} MB`, fmtS(s.bigCpuMs), ...peers.map((p) => `${fmtS(perTool[p].bigCpuMs)} (${perTool[p].bigCpuRatio}×)`)],
    ['peak RSS, one corpus draft', `${s.oneDraftPeakRssMB} MB`, ...peers.map((p) => `${perTool[p].oneDraftPeakRssMB} MB (${perTool[p].oneDraftRssRatio}×)`)],
  ];
  process.stdout.write(table(rows) + '\n\n');
  const trows = [['target (speechlint ÷ peer, median of paired runs)', 'value', 'target', 'ok']];
  for (const [k, max] of Object.entries(TARGETS)) {
    const v = (figures as Record<string, number>)[k];
    trows.push([k, String(v), `≤ ${max}`, v <= max ? 'yes' : 'NO']);
  }
  process.stdout.write(table(trows) + '\n');
  const cpus = os.cpus();
  const machine = {
    cpus: cpus.length,
    model: cpus[0]?.model ?? 'unknown',
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    date: new Date().toISOString(),
    loadAverage: round(loadStart),
    loadAverageAtEnd: round(os.loadavg()[0]),
    peakRss: haveTime ? '/usr/bin/time' : '/proc VmHWM polling',
  };
  const seconds = round((performance.now() - t0) / 1000, 1);
  process.stdout.write(`\n${machine.cpus} CPUs (${machine.model}), ${machine.os}, Node ${machine.node}; load average ${machine.loadAverage} → ${machine.loadAverageAtEnd}; ${seconds} s\n`);
  if (!quick) {
    const out = {
      ...figures,
      targets: Object.fromEntries(Object.entries(TARGETS).map(([k, v]) => [k, `<= ${v}`])),
      machine,
      details: {
        rounds: ROUNDS,
        speechlint: path.relative(ROOT, SPEECHLINT),
        packages: PACKAGES,
        inputs: inputs.map((i) => ({ name: i.name, files: i.files.length, bytes: i.bytes, rounds: i.rounds })),
        bigJsonBytes: json.bytes,
        tools: perTool,
        seconds,
      },
    };
    fs.writeFileSync(OUT, JSON.stringify(out, null, 2) + '\n');
    process.stdout.write(`written: ${path.relative(process.cwd(), OUT) || OUT}\n`);
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`bench:peers failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
