/**
 * `npm run bench`: speed and memory of speechlint on the corpus drafts and on
 * bigger drafts made from them (bench/drafts.ts: 10k, 30k, 100k, 1M
 * characters). Prints a table and writes bench/results.json. Never part of
 * `npm test`: timings depend on the machine and on what else runs on it.
 *
 * What each figure means (milliseconds unless named otherwise; "median" is
 * the median of several runs after warm-up runs):
 *
 * In this process, through the core API with the real segmenter (jieba-rs,
 * native: @node-rs/jieba):
 * - segmentFloorMs10k: the segmenter's `cut` alone on the whole 10k draft, one call.
 *   No check can be faster than cutting its words once: the floor.
 * - full10kMs: what one complete check of the 10k draft costs: parse, word
 *   segmentation of every paragraph, topic keywords (jieba's TF-IDF, computed
 *   from those words as the server does, node/keywords.ts), every rule (fast
 *   and segmented). The paragraph cache (SegmentCache) is EMPTY on every run, so
 *   every paragraph is cut again: the same work as the first check of a draft,
 *   and the honest figure to compare with the floor. floorRatio = full10kMs /
 *   segmentFloorMs10k.
 * - details.full10kWarmCacheMs: the same with the cache kept between runs
 *   (what a re-check after an edit costs in the server: only the edited
 *   paragraph is cut again).
 * - full1MMs: the complete check of the 1M draft, empty cache.
 *
 * `npm run bench -- --quick` runs fewer iterations and writes nothing;
 * `-- --material` runs the material-file case alone (to profile it).
 *
 * Over a real LSP connection (the language server as the VSIX ships it, the
 * production bundle dist/server.js with dist/idf.bin, started as a child
 * process with `--stdio`, JSON-RPC over its stdio, debounce 0 via
 * initializationOptions.debounceMs):
 * - coldFirstDiagMs: from spawning the server process (before `initialize`)
 *   to the first publishDiagnostics of the 10k draft, opened right after
 *   `initialized` (the fast rules: they never wait for jieba).
 * - coldAllDiagMs: from spawning to the publish that carries the findings of
 *   the rules that need jieba (dictionary load included). Median of 3 starts.
 *   details.coldAllCpuMs: the CPU time (all threads) the server process had
 *   used by then, which depends far less on other work running than the
 *   wall time does.
 * - rssMB: the server process's resident memory (VmRSS, worker threads
 *   included) once both are in.
 * - rssMB3: the same with three drafts open (the 10k draft and two corpus
 *   drafts), once the segmented findings of all three are in.
 * - details.wasm: coldAllDiagMs and rssMB with the WebAssembly segmenter
 *   (SPEECHLINT_SEGMENTER=wasm, as the universal VSIX runs), one start.
 * - editP50Ms / editP95Ms: a one-character edit of the 30k draft (didChange,
 *   insertions and deletions alternating, spread over the body paragraphs)
 *   until the first publishDiagnostics of that version (fast findings plus
 *   the segmented ones carried across the edit). The next edit is sent once
 *   the segmented phase of the previous one has published too
 *   (details.editAllP50Ms / editAllP95Ms: until that second publish).
 * - editMaterialP50Ms / editMaterialP95Ms: the same one-character edits, in
 *   a fresh server, of a writer's material file: the corpus drafts and web
 *   excerpts pasted one after another into one 30k file (bench/drafts.ts
 *   materialFile), with the three corpus drafts open beside it. Real text:
 *   every pasted draft restarts its numbering and phrases repeat across
 *   drafts, unlike the generated 30k draft.
 * - rssMaterialMB: that server's resident memory with the three drafts and the
 *   material file open, after the edits.
 * - symbolDuring1MMs: textDocument/documentSymbol sent while the 1M draft is
 *   being checked (the first right after didOpen, then every 100 ms until
 *   its complete diagnostics arrive): the slowest answer.
 */
import { execSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { defaultConfig } from '../server/src/core/config';
import { lint } from '../server/src/core/lint';
import { parse } from '../server/src/core/parse';
import { createRegistry } from '../server/src/core/rules';
import { SegmentCache, segmentDocument } from '../server/src/core/segment';
import type { Segmenter } from '../server/src/core/segment';
import { loadJieba } from '../server/src/node/jieba';
import { TestClient } from '../test/protocol/client';
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { corpusDrafts, makeDraft, materialFile } from './drafts';

const ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(ROOT, 'bench', 'results.json');
const SEGMENTED_RULES = new Set(['repetition/stutter', 'repetition/filler', 'repetition/overused-phrase']);

const TARGETS = {
  floorRatio: { max: 1.5 },
  full10kMs: { max: 25 },
  editP95Ms: { max: 50 },
  editMaterialP95Ms: { max: 50 },
  rssMaterialMB: { max: 200 },
  full1MMs: { max: 3000 },
  symbolDuring1MMs: { max: 200 },
  coldFirstDiagMs: { max: 500 },
  coldAllDiagMs: { max: 500 },
  rssMB: { max: 150 },
  rssMB3: { max: 200 },
} as const;

const quick = process.argv.includes('--quick');
const log = (m: string): void => void process.stderr.write(m + '\n');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

const round = (x: number, d = 1): number => Math.round(x * 10 ** d) / 10 ** d;

/** Median time of `fn` over `runs` runs after `warm` warm-up runs. */
function time(fn: () => void, runs: number, warm: number): number {
  for (let i = 0; i < warm; i++) fn();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    xs.push(performance.now() - t);
  }
  return median(xs);
}

function rssOf(pid: number): { rss: number; peak: number } | undefined {
  try {
    const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(s)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

/** CPU time (user + system, all threads) a process has used so far, in ms; undefined off Linux. */
function cpuMsOf(pid: number): number | undefined {
  try {
    // fields after the command name (which may hold spaces): utime and stime are the 12th and 13th
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

interface Machine {
  cpus: number;
  model: string;
  memoryGB: number;
  os: string;
  node: string;
  date: string;
  loadAverage: number;
}

function machine(): Machine {
  const cpus = os.cpus();
  let available = cpus.length;
  try {
    available = Number(execSync('nproc', { encoding: 'utf8' }).trim()) || available;
  } catch {
    // not on Linux
  }
  return {
    cpus: available,
    model: cpus[0]?.model ?? 'unknown',
    memoryGB: round(os.totalmem() / 1024 ** 3),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    date: new Date().toISOString(),
    /** 1-minute load average when the bench started: timings on a busy machine are not the machine's */
    loadAverage: round(os.loadavg()[0], 2),
  };
}

// ------------------------------------------------------------------ in process

function inProcess(segmenter: Segmenter, drafts: Map<string, string>, corpus: { name: string; text: string }[]) {
  const registry = createRegistry();
  const config = defaultConfig(registry);
  const full = (text: string, cache: SegmentCache) => {
    const doc = parse(text);
    const segmentation = segmentDocument(doc, segmenter, cache);
    return lint(doc, registry, config, { phase: 'all', segmentation });
  };
  const d10k = drafts.get('10k')!;
  const runs = quick ? 10 : 60;
  // warm-up: enough runs for V8 to have optimised the rules' hot code (the server checks the same code over and over)
  const warmup = quick ? 5 : 30;
  const segmentFloorMs10k = time(() => segmenter.cut(d10k), runs, warmup);
  const full10kMs = time(() => full(d10k, new SegmentCache()), runs, warmup);
  const warm = new SegmentCache();
  const full10kWarmCacheMs = time(() => full(d10k, warm), runs, warmup);
  // where the time goes (10k, empty cache)
  const doc10k = parse(d10k);
  const parse10kMs = time(() => parse(d10k), runs, 5);
  const segment10kMs = time(() => segmentDocument(doc10k, segmenter, new SegmentCache()), runs, 5);
  // the cuts segmentation cannot avoid: every checked paragraph once
  const texts10k = doc10k.paragraphs.filter((p) => p.kind === 'body' || p.kind === 'heading' || p.kind === 'closing').map((p) => d10k.slice(p.span.start, p.span.end));
  const cutParagraphs10kMs = time(() => texts10k.forEach((t) => segmenter.cut(t)), runs, 5);
  const seg10k = segmentDocument(doc10k, segmenter, new SegmentCache());
  const fastRules10kMs = time(() => lint(doc10k, registry, config, { phase: 'fast' }), runs, 5);
  const segRules10kMs = time(() => lint(doc10k, registry, config, { phase: 'segmented', segmentation: seg10k }), runs, 5);
  log(`  10k: floor ${round(segmentFloorMs10k)} ms, full ${round(full10kMs)} ms (parse ${round(parse10kMs)}, segmentation ${round(segment10kMs)} of which cutting the paragraphs ${round(cutParagraphs10kMs)}, fast rules ${round(fastRules10kMs)}, segmented rules ${round(segRules10kMs)}), warm cache ${round(full10kWarmCacheMs)} ms`);

  const sizes: Record<string, { chars: number; ms: number; findings: number }> = {};
  for (const [name, text] of drafts) {
    if (name === '1M') continue;
    const ms = time(() => full(text, new SegmentCache()), name === '100k' ? 5 : 10, 2);
    sizes[name] = { chars: text.length, ms: round(ms), findings: full(text, new SegmentCache()).length };
  }
  for (const c of corpus) {
    const ms = time(() => full(c.text, new SegmentCache()), 10, 2);
    sizes[c.name] = { chars: c.text.length, ms: round(ms), findings: full(c.text, new SegmentCache()).length };
  }
  const d1M = drafts.get('1M')!;
  let findings1M = 0;
  const full1MMs = time(() => (findings1M = full(d1M, new SegmentCache()).length), quick ? 1 : 3, 1);
  const doc1M = parse(d1M);
  const parse1MMs = time(() => parse(d1M), quick ? 1 : 3, 1);
  const segment1MMs = time(() => segmentDocument(doc1M, segmenter, new SegmentCache()), quick ? 1 : 3, 1);
  sizes['1M'] = { chars: d1M.length, ms: round(full1MMs), findings: findings1M };
  log(`  1M: full ${round(full1MMs)} ms (parse ${round(parse1MMs)}, segmentation ${round(segment1MMs)}), ${findings1M} findings`);
  return {
    segmentFloorMs10k,
    full10kMs,
    full1MMs,
    details: {
      full10kWarmCacheMs: round(full10kWarmCacheMs),
      parse10kMs: round(parse10kMs),
      segment10kMs: round(segment10kMs),
      cutParagraphs10kMs: round(cutParagraphs10kMs),
      fastRules10kMs: round(fastRules10kMs),
      segmentedRules10kMs: round(segRules10kMs),
      parse1MMs: round(parse1MMs),
      segment1MMs: round(segment1MMs),
      drafts: sizes,
    },
  };
}

// ------------------------------------------------------------------ over LSP

const versionOf = (p: PublishDiagnosticsParams) => p.version ?? -1;
const segmentedCount = (p: PublishDiagnosticsParams) => p.diagnostics.filter((d) => SEGMENTED_RULES.has(String(d.code))).length;

/** Wait for the n-th publish (1-based) of `uri` at `version` after `since`. */
function nthPublish(c: TestClient, uri: string, version: number, n: number, since: number, timeoutMs = 120000): Promise<PublishDiagnosticsParams> {
  return c.waitFor(
    () => c.diagnostics.slice(since).filter((p) => p.uri === uri && versionOf(p) === version)[n - 1],
    `publish #${n} of ${uri} v${version}`,
    timeoutMs,
  );
}

/** The server as the VSIX runs it: the production bundle (npm run bench bundles first), with the prepared idf table beside it. */
const SERVER = path.join(ROOT, 'dist', 'server.js');
const INIT = { initializationOptions: { debounceMs: 0 }, locale: 'en', serverPath: SERVER };

async function cold(d10k: string, env?: Record<string, string>): Promise<{ first: number; all: number; cpu?: number; rss?: { rss: number; peak: number }; c: TestClient }> {
  const t0 = performance.now();
  const c = await TestClient.start({ ...INIT, env });
  const uri = 'untitled:bench-10k.speech';
  c.open(uri, d10k);
  const first = await nthPublish(c, uri, 1, 1, 0);
  const tFirst = performance.now() - t0;
  const all = await nthPublish(c, uri, 1, 2, 0);
  const tAll = performance.now() - t0;
  const cpu = cpuMsOf(c.proc.pid!);
  if (segmentedCount(first) !== 0 || segmentedCount(all) === 0) {
    log(`  warning: expected the first publish without and the second with segmented findings (got ${segmentedCount(first)} and ${segmentedCount(all)})`);
  }
  // steady state (the worker's result message freed)
  await new Promise((r) => setTimeout(r, 1000));
  return { first: tFirst, all: tAll, cpu, rss: rssOf(c.proc.pid!), c };
}

/** RSS of a fresh server with three drafts open, once all their segmented findings are in. */
async function threeOpen(d10k: string): Promise<{ rss: number; peak: number } | undefined> {
  const c = await TestClient.start(INIT);
  try {
    const drafts = [d10k, ...corpusDrafts().slice(0, 2).map((d) => d.text)];
    const waits = drafts.map((text, i) => {
      const uri = `untitled:bench-open-${i}.speech`;
      c.open(uri, text);
      return nthPublish(c, uri, 1, 2, 0);
    });
    await Promise.all(waits);
    await new Promise((r) => setTimeout(r, 1000));
    return rssOf(c.proc.pid!);
  } finally {
    await c.stop();
  }
}

async function edits(c: TestClient, d30k: string, uri = 'untitled:bench-30k.speech') {
  let since = c.mark();
  c.open(uri, d30k);
  await nthPublish(c, uri, 1, 2, since);
  // body lines (long ones), to spread the edits over the draft
  const lines = d30k.split('\n');
  const body = lines.map((l, i) => ({ l, i })).filter((x) => x.l.length > 100).map((x) => x.i);
  const n = quick ? 20 : 80;
  const warm = 5;
  const firstMs: number[] = [];
  const allMs: number[] = [];
  let version = 1;
  for (let k = 0; k < n + warm; k++) {
    const line = body[(k >> 1) * 7 % body.length];
    const character = 10 + ((k >> 1) % 40);
    const insert = k % 2 === 0;
    version++;
    since = c.mark();
    const t = performance.now();
    c.change(uri, version, [
      insert
        ? { range: { start: { line, character }, end: { line, character } }, text: '的' }
        : { range: { start: { line, character }, end: { line, character: character + 1 } }, text: '' },
    ]);
    await nthPublish(c, uri, version, 1, since);
    const t1 = performance.now() - t;
    await nthPublish(c, uri, version, 2, since);
    const t2 = performance.now() - t;
    if (k >= warm) {
      firstMs.push(t1);
      allMs.push(t2);
    }
  }
  c.close(uri);
  return { p50: percentile(firstMs, 50), p95: percentile(firstMs, 95), allP50: percentile(allMs, 50), allP95: percentile(allMs, 95), n };
}

/**
 * A writer's material file: the corpus drafts and web excerpts pasted into
 * one 30k file (bench/drafts.ts materialFile), typed into while three drafts
 * are open beside it. Real text, unlike the generated 30k draft: every pasted
 * draft restarts its numbering, its phrases repeat across drafts.
 */
async function material() {
  const c = await TestClient.start(INIT);
  const drafts = corpusDrafts();
  const open = drafts.slice(0, 3).map((d, i) => ({ uri: `untitled:bench-open-${i + 1}.speech`, text: d.text }));
  for (const d of open) {
    const since = c.mark();
    c.open(d.uri, d.text);
    await nthPublish(c, d.uri, 1, 2, since);
  }
  const text = materialFile(30_000, 'chars');
  const ed = await edits(c, text, 'untitled:bench-material-30k.speech');
  await new Promise((r) => setTimeout(r, 1000));
  const rss = rssOf(c.proc.pid!);
  await c.stop();
  return { ...ed, chars: text.length, rss };
}

async function during1M(c: TestClient, d1M: string) {
  const uri = 'untitled:bench-1M.speech';
  const since = c.mark();
  const t0 = performance.now();
  c.open(uri, d1M);
  let done = false;
  const complete = nthPublish(c, uri, 1, 2, since).then((p) => {
    done = true;
    return p;
  });
  const firstPublish = nthPublish(c, uri, 1, 1, since).then(() => performance.now() - t0);
  const times: number[] = [];
  let symbols = 0;
  while (!done) {
    const t = performance.now();
    const r = await c.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
    times.push(performance.now() - t);
    symbols = Array.isArray(r) ? r.length : 0;
    if (!done) await new Promise((r) => setTimeout(r, 100));
  }
  const p = await complete;
  const tAll = performance.now() - t0;
  const tFirst = await firstPublish;
  // the outline of the 1M draft, after its check (first call and cached call)
  let t = performance.now();
  await c.request('speechlint/outline', { uri });
  const outline = performance.now() - t;
  // after a one-character edit (no cache for the new version)
  const since2 = c.mark();
  c.change(uri, 2, [{ range: { start: { line: 5, character: 3 }, end: { line: 5, character: 3 } }, text: '的' }]);
  await nthPublish(c, uri, 2, 2, since2);
  t = performance.now();
  await c.request('speechlint/outline', { uri });
  const outlineAfterEdit = performance.now() - t;
  const rss = rssOf(c.proc.pid!);
  c.close(uri);
  const byRule: Record<string, number> = {};
  for (const d of p.diagnostics) byRule[String(d.code)] = (byRule[String(d.code)] ?? 0) + 1;
  return { max: Math.max(...times), first: times[0], requests: times.length, symbols, firstPublish: tFirst, allPublish: tAll, diagnostics: p.diagnostics.length, byRule, outline, outlineAfterEdit, rss };
}

// ------------------------------------------------------------------ main

async function main(): Promise<void> {
  const t0 = performance.now();
  log('speechlint benchmark' + (quick ? ' (quick)' : ''));
  const machineInfo = machine();
  const load = os.loadavg()[0];
  if (load > os.cpus().length * 0.5) log(`  note: load average ${load.toFixed(2)} on ${os.cpus().length} CPUs: other work is running, timings will be high`);
  if (process.argv.includes('--material')) {
    // the material-file case alone (to profile it), nothing written
    const mat = await material();
    process.stdout.write(`material file: p50 ${round(mat.p50)} ms, p95 ${round(mat.p95)} ms (with the segmented phase ${round(mat.allP50)} / ${round(mat.allP95)} ms), RSS ${mat.rss ? round(mat.rss.rss) : '?'} MB\n`);
    return;
  }
  const drafts = new Map<string, string>();
  // the drafts are also written to bench/inputs/ (git-ignored), to look at or to profile with
  const inputs = path.join(ROOT, 'bench', 'inputs');
  fs.mkdirSync(inputs, { recursive: true });
  for (const n of [10_000, 30_000, 100_000, 1_000_000]) {
    const d = makeDraft(n);
    drafts.set(d.name, d.text);
    fs.writeFileSync(path.join(inputs, `draft-${d.name}.speech`), d.text);
  }
  const corpus = corpusDrafts();
  if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} is missing: run node scripts/bundle.js --production first (npm run bench does)`);

  log('in process (core API, real jieba)…');
  const tj = performance.now();
  const { segmenter, status } = loadJieba();
  if (!segmenter) throw new Error(`jieba cannot be loaded: ${status.error}`);
  log(`  segmenter: ${status.engine}`);
  const jiebaLoadMs = performance.now() - tj;
  const core = inProcess(segmenter, drafts, corpus);

  log('language server (JSON-RPC over stdio)…');
  const colds: { first: number; all: number; cpu?: number; rss?: { rss: number; peak: number } }[] = [];
  let c: TestClient | undefined;
  const starts = quick ? 1 : 3;
  for (let i = 0; i < starts; i++) {
    const r = await cold(drafts.get('10k')!);
    colds.push(r);
    log(`  cold start ${i + 1}: first diagnostics ${round(r.first)} ms, with jieba ${round(r.all)} ms (server CPU ${r.cpu ?? '?'} ms), RSS ${r.rss ? round(r.rss.rss) : '?'} MB`);
    if (i < starts - 1) await r.c.stop();
    else c = r.c;
  }
  const rssMB = median(colds.map((x) => x.rss?.rss ?? NaN));
  const three = await threeOpen(drafts.get('10k')!);
  log(`  three drafts open: RSS ${three ? round(three.rss) : '?'} MB`);
  const w = await cold(drafts.get('10k')!, { SPEECHLINT_SEGMENTER: 'wasm' });
  await w.c.stop();
  log(`  WebAssembly segmenter: first diagnostics ${round(w.first)} ms, with jieba ${round(w.all)} ms, RSS ${w.rss ? round(w.rss.rss) : '?'} MB`);
  const ed = await edits(c!, drafts.get('30k')!);
  log(`  edits (30k, ${ed.n}): p50 ${round(ed.p50)} ms, p95 ${round(ed.p95)} ms; with the segmented phase p50 ${round(ed.allP50)} ms, p95 ${round(ed.allP95)} ms`);
  const big = await during1M(c!, drafts.get('1M')!);
  log(`  1M: ${big.requests} documentSymbol requests during the check, slowest ${round(big.max)} ms, first ${round(big.first)} ms; diagnostics ${round(big.firstPublish)} / ${round(big.allPublish)} ms (${big.diagnostics}); outline ${round(big.outline)} ms, after an edit ${round(big.outlineAfterEdit)} ms`);
  await c!.stop();
  const mat = await material();
  log(`  material file (${mat.chars} characters, three drafts open, ${mat.n} edits): p50 ${round(mat.p50)} ms, p95 ${round(mat.p95)} ms; with the segmented phase p50 ${round(mat.allP50)} ms, p95 ${round(mat.allP95)} ms; RSS ${mat.rss ? round(mat.rss.rss) : '?'} MB`);

  const results = {
    segmentFloorMs10k: round(core.segmentFloorMs10k, 2),
    full10kMs: round(core.full10kMs, 2),
    floorRatio: round(core.full10kMs / core.segmentFloorMs10k, 2),
    full1MMs: round(core.full1MMs),
    editP50Ms: round(ed.p50),
    editP95Ms: round(ed.p95),
    editMaterialP50Ms: round(mat.p50),
    editMaterialP95Ms: round(mat.p95),
    rssMaterialMB: mat.rss ? round(mat.rss.rss) : NaN,
    symbolDuring1MMs: round(big.max),
    coldFirstDiagMs: round(median(colds.map((x) => x.first))),
    coldAllDiagMs: round(median(colds.map((x) => x.all))),
    rssMB: round(rssMB),
    rssMB3: three ? round(three.rss) : NaN,
    machine: { ...machineInfo, loadAverageAtEnd: round(os.loadavg()[0], 2) },
    targets: Object.fromEntries(Object.entries(TARGETS).map(([k, v]) => [k, `<= ${v.max}`])),
    details: {
      ...core.details,
      segmenter: status.engine,
      jiebaLoadInProcessMs: round(jiebaLoadMs),
      wasm: { coldFirstDiagMs: round(w.first), coldAllDiagMs: round(w.all), cpuMs: w.cpu ?? null, rssMB: w.rss ? round(w.rss.rss) : null },
      full10kColdCache: 'full10kMs cuts every paragraph again (empty SegmentCache on every run)',
      rssPeakMB: round(median(colds.map((x) => x.rss?.peak ?? NaN))),
      coldStarts: colds.map((x) => ({ firstMs: round(x.first), allMs: round(x.all), cpuMs: x.cpu ?? null, rssMB: x.rss ? round(x.rss.rss) : null })),
      coldAllCpuMs: median(colds.map((x) => x.cpu ?? NaN)),
      edits: ed.n,
      editAllP50Ms: round(ed.allP50),
      editAllP95Ms: round(ed.allP95),
      editMaterialAllP50Ms: round(mat.allP50),
      editMaterialAllP95Ms: round(mat.allP95),
      materialChars: mat.chars,
      symbolRequestsDuring1M: big.requests,
      symbolFirstDuring1MMs: round(big.first),
      lsp1MFirstDiagMs: round(big.firstPublish),
      lsp1MAllDiagMs: round(big.allPublish),
      lsp1MDiagnostics: big.diagnostics,
      lsp1MDiagnosticsByRule: big.byRule,
      outline1MMs: round(big.outline),
      outline1MAfterEditMs: round(big.outlineAfterEdit),
      rssAfter1MMB: big.rss ? round(big.rss.rss) : null,
      rssPeakAfter1MMB: big.rss ? round(big.rss.peak) : null,
      benchSeconds: 0,
    },
  };
  results.details.benchSeconds = round((performance.now() - t0) / 1000);

  const rows: [string, string, string, string][] = [['metric', 'value', 'target', 'ok']];
  for (const k of Object.keys(results) as (keyof typeof results)[]) {
    const v = results[k];
    if (typeof v !== 'number') continue;
    const target = (TARGETS as Record<string, { max: number }>)[k];
    rows.push([k, String(v), target ? `≤ ${target.max}` : '', target ? (v <= target.max ? 'yes' : 'NO') : '']);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const out = rows.map((r) => r.map((x, i) => (i === 1 ? x.padStart(widths[i]) : x.padEnd(widths[i]))).join('  ').trimEnd());
  out.splice(1, 0, widths.map((n) => '-'.repeat(n)).join('  '));
  process.stdout.write(out.join('\n') + '\n');
  const m = results.machine;
  process.stdout.write(`\n${m.cpus} CPUs (${m.model}), ${m.memoryGB} GB, ${m.os}, Node ${m.node}; load average ${m.loadAverage} → ${m.loadAverageAtEnd}; ${results.details.benchSeconds} s\n`);
  if (!quick) {
    fs.writeFileSync(OUT, JSON.stringify(results, null, 2) + '\n');
    process.stdout.write(`written: ${path.relative(process.cwd(), OUT) || OUT}\n`);
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`bench failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    process.exit(1);
  },
);
