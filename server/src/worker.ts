/**
 * A lint worker (node:worker_threads), in one of two roles (workerData.role):
 *
 * - 'segmented': owns the ONLY jieba dictionary of the language server
 *   process, keeps a SegmentCache across requests (an edit re-segments only
 *   the paragraphs it touched), parses the text itself and runs the rules
 *   that need segmentation. The main thread never loads jieba, so checks
 *   that need no tokens never wait for the dictionary. It also answers the
 *   hover and document-highlight queries ('occurrences') from the
 *   segmentation it keeps of each open document's last version.
 * - 'fast': never loads jieba; runs the fast rules of very large drafts, so
 *   the main thread stays free to answer requests while they are checked.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ResolvedConfig } from './core/config';
import { lint } from './core/lint';
import type { SpeechDocument } from './core/model';
import { OVERUSED_RULE, phraseOccurrences, reportedClusters } from './core/occurrences';
import { parse } from './core/parse';
import type { PhraseCluster } from './core/rules/repetition/phrases';
import { SegmentCache, segmentDocument } from './core/segment';
import type { Segmentation, Segmenter } from './core/segment';
import { addUserDictionary, loadJieba } from './node/jieba';
import type { JiebaStatus } from './node/jieba';
import { createServerRegistry } from './rules-source';
import type { FromWorker, ToWorker, WorkerRole } from './worker-protocol';
import { capRelated } from './worker-protocol';

const port = parentPort;
const role: WorkerRole = (workerData as { role?: WorkerRole } | undefined)?.role === 'fast' ? 'fast' : 'segmented';
const registry = createServerRegistry();
let cache = new SegmentCache();
let segmenter: Segmenter | undefined;
let loadError: string | undefined;
let status: JiebaStatus | undefined;
const dictionaries = new Set<string>();

/** What the worker keeps of a document: its last segmented version, and the overused-phrase clusters under the last config asked for. */
interface Kept {
  version: number;
  text: string;
  doc: SpeechDocument;
  segmentation: Segmentation;
  clusters?: { key: string; value: PhraseCluster[] };
}

/** At most this many documents are kept (closed ones are dropped at once; this bounds the rest), least recently used first out. */
const MAX_KEPT = 16;
const kept = new Map<string, Kept>();

function keep(uri: string, k: Kept): void {
  kept.delete(uri);
  kept.set(uri, k);
  while (kept.size > MAX_KEPT) {
    const first = kept.keys().next();
    if (first.done) break;
    kept.delete(first.value);
  }
}

/** What the overused-phrase clusters depend on in a config. */
function clusterKey(config: ResolvedConfig): string {
  return JSON.stringify([config.rules.get(OVERUSED_RULE) ?? null, config.settings]);
}

function send(m: FromWorker): void {
  port?.postMessage(m);
}

function ensureJieba(): Segmenter | undefined {
  if (segmenter || loadError) return segmenter;
  const t = Date.now();
  if (process.env.SPEECHLINT_TEST_RULES === '1' && process.env.SPEECHLINT_TEST_NO_JIEBA === '1') {
    loadError = 'jieba disabled by SPEECHLINT_TEST_NO_JIEBA';
  } else {
    const r = loadJieba();
    segmenter = r.segmenter;
    loadError = r.segmenter ? undefined : r.status.error ?? 'unknown error';
    status = r.status;
  }
  send({ type: 'ready', ok: !loadError, error: loadError, ms: Date.now() - t, engine: status?.engine, nativeError: status?.nativeError });
  return segmenter;
}

function ensureDictionary(p: string | undefined): void {
  if (!p || dictionaries.has(p) || !segmenter) return;
  dictionaries.add(p);
  const r = addUserDictionary(p);
  if (r.error) send({ type: 'log', level: 'warn', message: `speechlint: user dictionary ${p}: ${r.error}` });
  else {
    send({ type: 'log', level: 'info', message: `speechlint: user dictionary ${p}: ${r.added} words added` });
    // jieba's words changed: cached token boundaries may be wrong now
    if (r.added > 0) {
      cache = new SegmentCache();
      kept.clear();
    }
  }
}

function handle(m: ToWorker): void {
  if (role === 'fast') {
    if (m.type === 'lint') lintFast(m);
    else if (m.type === 'occurrences') send({ type: 'occurrences', id: m.id, result: null, ms: 0, kept: false });
    return;
  }
  if (m.type === 'warmup') {
    ensureJieba();
    ensureDictionary(m.dictionaryPath);
    return;
  }
  if (m.type === 'forget') {
    kept.delete(m.uri);
    return;
  }
  if (m.type === 'occurrences') {
    occurrences(m);
    return;
  }
  const seg = segmenterFor(m);
  if (!seg) return;
  try {
    const t0 = Date.now();
    const doc = parse(m.text);
    const segmentation = segmentDocument(doc, seg, cache);
    keep(m.uri, { version: m.version, text: m.text, doc, segmentation });
    const t1 = Date.now();
    const ruleErrors: { ruleId: string; message: string }[] = [];
    const findings = lint(doc, registry, m.config, {
      phase: 'segmented',
      segmentation,
      onRuleError: (ruleId, e) => ruleErrors.push({ ruleId, message: e instanceof Error ? e.stack ?? e.message : String(e) }),
    });
    send({ type: 'result', id: m.id, findings: capRelated(findings), ruleErrors, ms: Date.now() - t0, segmentMs: t1 - t0 });
  } catch (e) {
    send({ type: 'failed', id: m.id, error: e instanceof Error ? e.stack ?? e.message : String(e) });
  }
}

/** jieba with the request's user dictionary, or undefined after answering 'unavailable'. */
function segmenterFor(m: { id: number; dictionaryPath?: string }): Segmenter | undefined {
  const seg = ensureJieba();
  if (!seg) {
    send({ type: 'unavailable', id: m.id, error: loadError ?? 'jieba unavailable' });
    return undefined;
  }
  ensureDictionary(m.dictionaryPath);
  return seg;
}

function occurrences(m: Extract<ToWorker, { type: 'occurrences' }>): void {
  const seg = segmenterFor(m);
  if (!seg) return;
  try {
    const t0 = Date.now();
    let k = kept.get(m.uri);
    // the text is compared too: a client may send the same version number twice
    const reuse = k !== undefined && k.version === m.version && k.text === m.text;
    if (!k || !reuse) {
      const doc = parse(m.text);
      k = { version: m.version, text: m.text, doc, segmentation: segmentDocument(doc, seg, cache) };
    }
    keep(m.uri, k);
    const key = clusterKey(m.config);
    if (k.clusters?.key !== key) k.clusters = { key, value: reportedClusters(k.doc, k.segmentation, registry, m.config) };
    const result = phraseOccurrences(k.doc, k.segmentation, m.offset, { clusters: k.clusters.value }) ?? null;
    send({ type: 'occurrences', id: m.id, result, ms: Date.now() - t0, kept: reuse });
  } catch (e) {
    send({ type: 'failed', id: m.id, error: e instanceof Error ? e.stack ?? e.message : String(e) });
  }
}

function lintFast(m: Extract<ToWorker, { type: 'lint' }>): void {
  try {
    const t0 = Date.now();
    const doc = parse(m.text);
    const t1 = Date.now();
    const ruleErrors: { ruleId: string; message: string }[] = [];
    const findings = lint(doc, registry, m.config, {
      phase: 'fast',
      onRuleError: (ruleId, e) => ruleErrors.push({ ruleId, message: e instanceof Error ? e.stack ?? e.message : String(e) }),
    });
    send({ type: 'result', id: m.id, findings: capRelated(findings), ruleErrors, ms: Date.now() - t0, segmentMs: t1 - t0 });
  } catch (e) {
    send({ type: 'failed', id: m.id, error: e instanceof Error ? e.stack ?? e.message : String(e) });
  }
}

port?.on('message', (m: ToWorker) => {
  try {
    handle(m);
  } catch (e) {
    send({ type: 'log', level: 'error', message: `speechlint worker: ${e instanceof Error ? e.stack ?? e.message : String(e)}` });
  }
});
