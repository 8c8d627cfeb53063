/**
 * The recorded model and findings of every draft we have (test/fixtures/snapshots/).
 *
 * For each draft: the serialized SpeechDocument (every node with its spans,
 * keys sorted, sections referenced by their index in `allSections`, the
 * quotations layer as its list) and every
 * rule's findings with the default configuration, the rules that need word
 * segmentation fed by jieba (native jieba-rs, as the CLI loads it). The drafts: every .txt and
 * .speech under test/fixtures (corpus, corpus-web and the rule fixtures) and
 * bench drafts made by bench/drafts.ts (fixed seed) of 10k, 30k and 100k
 * characters; the drafts of 30k and more are recorded as a sha256 of their
 * serialization only, to keep the snapshots small.
 *
 * `npm run snapshot:update` (this file run as a program) rewrites the
 * snapshots; test/unit/snapshot.test.ts recomputes them and fails on the first
 * difference. Regenerate deliberately, in a commit of its own that says why,
 * when a change is meant to change the model or the findings.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeDraft } from '../bench/drafts';
import { defaultConfig } from '../server/src/core/config';
import { lint } from '../server/src/core/lint';
import type { Section, SpeechDocument } from '../server/src/core/model';
import { parse } from '../server/src/core/parse';
import { createRegistry } from '../server/src/core/rules';
import { SegmentCache, segmentDocument } from '../server/src/core/segment';
import { loadJieba } from '../server/src/node/jieba';

export const ROOT = path.resolve(__dirname, '..', '..');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');
export const SNAPSHOT_DIR = path.join(FIXTURES, 'snapshots');
const BENCH_SIZES = [10_000, 30_000, 100_000];
const HASH_FROM = 30_000;

export interface SnapshotDraft {
  /** File name of the snapshot (without .json). */
  name: string;
  text: string;
  hashOnly: boolean;
}

function walkFiles(dir: string, out: string[]): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (p !== SNAPSHOT_DIR) walkFiles(p, out);
    } else if (/\.(txt|speech)$/.test(e.name)) out.push(p);
  }
  return out;
}

/** Every draft that has a snapshot, in a fixed order. */
export function snapshotDrafts(): SnapshotDraft[] {
  const drafts: SnapshotDraft[] = walkFiles(FIXTURES, []).map((f) => ({
    name: path.relative(FIXTURES, f).replace(/[\\/]/g, '__'),
    text: fs.readFileSync(f, 'utf8'),
    hashOnly: false,
  }));
  for (const n of BENCH_SIZES) {
    const d = makeDraft(n);
    drafts.push({ name: `bench__${d.name}`, text: d.text, hashOnly: n >= HASH_FROM });
  }
  return drafts;
}

/** A plain, key-sorted copy of `v`: sections outside `allSections` become { $section: index }. */
function plain(v: unknown, sectionIndex: Map<Section, number>, owner?: Section): unknown {
  if (v === null || typeof v !== 'object') return typeof v === 'function' ? undefined : v;
  if (sectionIndex.has(v as Section) && v !== owner) return { $section: sectionIndex.get(v as Section) };
  if (v instanceof Map) return [...v.entries()].map(([k, x]) => [plain(k, sectionIndex), plain(x, sectionIndex)]);
  if (v instanceof Set) return [...v].map((x) => plain(x, sectionIndex));
  if (Array.isArray(v) || ArrayBuffer.isView(v)) return Array.from(v as ArrayLike<unknown>, (x) => plain(x, sectionIndex));
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort()) {
    const x = plain((v as Record<string, unknown>)[k], sectionIndex);
    if (x !== undefined) out[k] = x;
  }
  return out;
}

export function serializeModel(doc: SpeechDocument): unknown {
  const sectionIndex = new Map<Section, number>(doc.allSections.map((s, i) => [s, i]));
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(doc).sort()) {
    if (k === 'text') continue;
    const v = (doc as unknown as Record<string, unknown>)[k];
    if (k === 'lines') out[k] = (v as { starts: number[] }).starts;
    else if (k === 'quotations') out[k] = plain(doc.quotations.all, sectionIndex);
    else if (k === 'allSections') out[k] = doc.allSections.map((s) => plain(s, sectionIndex, s));
    else out[k] = plain(v, sectionIndex);
  }
  return out;
}

let state: { registry: ReturnType<typeof createRegistry>; segmenter: ReturnType<typeof loadJieba>['segmenter'] } | undefined;

/** The snapshot of one draft: { model, findings }, or { sha256 } for the big ones. */
export function snapshotOf(d: SnapshotDraft): unknown {
  if (!state) {
    const r = loadJieba();
    if (!r.segmenter) throw new Error(`jieba did not load: ${r.status.error}`);
    state = { registry: createRegistry(), segmenter: r.segmenter };
  }
  const doc = parse(d.text);
  const segmentation = segmentDocument(doc, state.segmenter!, new SegmentCache());
  const findings = lint(doc, state.registry, defaultConfig(state.registry), { phase: 'all', segmentation });
  const snap = { model: serializeModel(doc), findings: plain(findings, new Map()) };
  if (!d.hashOnly) return snap;
  return { chars: d.text.length, sha256: createHash('sha256').update(JSON.stringify(snap)).digest('hex') };
}

/** The JSON text stored for a snapshot: one node a line where it helps a diff. */
export function formatSnapshot(snap: unknown): string {
  return JSON.stringify(snap, null, 1) + '\n';
}

export function snapshotPath(d: SnapshotDraft): string {
  return path.join(SNAPSHOT_DIR, `${d.name}.json`);
}

if (require.main === module) {
  fs.mkdirSync(SNAPSHOT_DIR, { recursive: true });
  for (const f of fs.readdirSync(SNAPSHOT_DIR)) if (f.endsWith('.json')) fs.unlinkSync(path.join(SNAPSHOT_DIR, f));
  let bytes = 0;
  for (const d of snapshotDrafts()) {
    const s = formatSnapshot(snapshotOf(d));
    fs.writeFileSync(snapshotPath(d), s);
    bytes += Buffer.byteLength(s);
  }
  console.log(`snapshots written to ${path.relative(ROOT, SNAPSHOT_DIR)} (${Math.round(bytes / 1024)} KB)`);
}
