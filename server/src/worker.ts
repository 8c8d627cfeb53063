/**
 * A lint worker (node:worker_threads), in one of two roles (workerData.role):
 *
 * - 'segmented': owns the ONLY nodejieba dictionary of the language server
 *   process, keeps a SegmentCache across requests (an edit re-segments only
 *   the paragraphs it touched), parses the text itself and runs the rules
 *   that need segmentation. The main thread never loads nodejieba, so checks
 *   that need no tokens never wait for the dictionary.
 * - 'fast': never loads jieba; runs the fast rules of very large drafts, so
 *   the main thread stays free to answer requests while they are checked.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { lint } from './core/lint';
import { parse } from './core/parse';
import { SegmentCache, segmentDocument } from './core/segment';
import type { Segmenter } from './core/segment';
import { addUserDictionary, loadJieba } from './node/jieba';
import { createServerRegistry } from './rules-source';
import type { FromWorker, ToWorker, WorkerRole } from './worker-protocol';
import { capRelated } from './worker-protocol';

const port = parentPort;
const role: WorkerRole = (workerData as { role?: WorkerRole } | undefined)?.role === 'fast' ? 'fast' : 'segmented';
const registry = createServerRegistry();
let cache = new SegmentCache();
let segmenter: Segmenter | undefined;
let loadError: string | undefined;
const dictionaries = new Set<string>();

function send(m: FromWorker): void {
  port?.postMessage(m);
}

function ensureJieba(): Segmenter | undefined {
  if (segmenter || loadError) return segmenter;
  const t = Date.now();
  if (process.env.SPEECHLINT_TEST_RULES === '1' && process.env.SPEECHLINT_TEST_NO_JIEBA === '1') {
    loadError = 'nodejieba disabled by SPEECHLINT_TEST_NO_JIEBA';
  } else {
    const r = loadJieba();
    segmenter = r.segmenter;
    loadError = r.segmenter ? undefined : r.status.error ?? 'unknown error';
  }
  send({ type: 'ready', ok: !loadError, error: loadError, ms: Date.now() - t });
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
    if (r.added > 0) cache = new SegmentCache();
  }
}

function handle(m: ToWorker): void {
  if (role === 'fast') {
    if (m.type === 'lint') lintFast(m);
    return;
  }
  if (m.type === 'warmup') {
    ensureJieba();
    ensureDictionary(m.dictionaryPath);
    return;
  }
  const seg = ensureJieba();
  if (!seg) {
    send({ type: 'unavailable', id: m.id, error: loadError ?? 'nodejieba unavailable' });
    return;
  }
  ensureDictionary(m.dictionaryPath);
  try {
    const t0 = Date.now();
    const doc = parse(m.text);
    const segmentation = segmentDocument(doc, seg, cache);
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
