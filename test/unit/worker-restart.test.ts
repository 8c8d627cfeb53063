/**
 * No leak when the segmented worker restarts: the dictionary lives in the
 * worker thread and goes with it (nodejieba's was never freed: ~225 MB a
 * restart). A fresh process (as the language server is) runs the segmented
 * worker, has it check a corpus draft, stops it and starts a new one, ten
 * times; its RSS ends within 30 MB of where it was after the first.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { ROOT } from './helpers';

const OUT = path.join(ROOT, 'out', 'server', 'src');

const SCRIPT = `
const path = require('path');
const fs = require('fs');
const { LintWorker } = require(${JSON.stringify(path.join(OUT, 'lint-worker.js'))});
const { defaultConfig } = require(${JSON.stringify(path.join(OUT, 'core', 'config.js'))});
const { createServerRegistry } = require(${JSON.stringify(path.join(OUT, 'rules-source.js'))});
const config = defaultConfig(createServerRegistry());
const text = fs.readFileSync(${JSON.stringify(path.join(ROOT, 'test', 'fixtures', 'corpus', '004_3d17754bf2496d4d.txt'))}, 'utf8');
const quiet = () => undefined;
const log = { debug: quiet, info: quiet, warn: quiet, error: quiet, errorOnce: quiet };
const settle = async () => { for (let i = 0; i < 3; i++) { global.gc(); await new Promise((r) => setTimeout(r, 100)); } };
const rss = () => process.memoryUsage().rss / 1048576;
async function cycle() {
  const w = new LintWorker(log, 'segmented', ${JSON.stringify(path.join(OUT, 'worker.js'))});
  const r = await w.request('file:///draft.txt', 1, text, config);
  if (r.status !== 'ok' || !r.findings.some((f) => f.ruleId === 'repetition/stutter')) throw new Error('no segmented findings: ' + JSON.stringify(r).slice(0, 300));
  await w.dispose();
  await settle();
}
(async () => {
  await cycle();
  const start = rss();
  const after = [];
  for (let i = 0; i < 10; i++) { await cycle(); after.push(rss()); }
  process.stdout.write(JSON.stringify({ start, after }));
})().catch((e) => { console.error(e); process.exit(1); });
`;

describe('segmented worker restarts', function () {
  this.timeout(180000);
  // the native segmenter (the WebAssembly one's memory is the worker's own heap, freed the same way)
  for (const engine of ['native']) {
    it(`${engine}: ten restarts leave the process's RSS within 30 MB of where it started`, () => {
      const r = spawnSync(process.execPath, ['--expose-gc', '-e', SCRIPT], { encoding: 'utf8', env: { ...process.env, SPEECHLINT_SEGMENTER: engine } });
      assert.equal(r.status, 0, r.stderr);
      const { start, after } = JSON.parse(r.stdout) as { start: number; after: number[] };
      const end = after[after.length - 1];
      assert.ok(end - start <= 30, `RSS ${start.toFixed(0)} MB after the first worker, ${after.map((x) => x.toFixed(0)).join(', ')} MB after each restart`);
    });
  }
});
