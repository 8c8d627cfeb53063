/**
 * The lint workers run with a small young generation (V8's semi-spaces), as
 * the extension starts the whole server with --max-semi-space-size=1
 * (client/src/server-path.ts): the young generation of each heap otherwise
 * grows to its maximum while the writer types, and the server's RSS with it
 * (npm run bench: rssMaterialMB).
 */
import * as assert from 'node:assert/strict';
import type { Worker } from 'node:worker_threads';
import { SERVER_NODE_FLAGS } from '../../client/src/server-path';
import { LintWorker, WORKER_YOUNG_GENERATION_MB } from '../../server/src/lint-worker';

const quiet = { info() {}, warn() {}, error() {}, errorOnce() {}, debug() {} };

describe('lint worker memory limits', () => {
  it('starts its thread with a young generation of a few MB', async () => {
    const lw = new LintWorker(quiet, 'fast');
    try {
      lw.start();
      const w = (lw as unknown as { worker?: Worker }).worker;
      assert.ok(w, 'the worker thread started');
      await new Promise<void>((resolve) => w.once('online', () => resolve()));
      assert.equal(w.resourceLimits?.maxYoungGenerationSizeMb, WORKER_YOUNG_GENERATION_MB);
      assert.ok(WORKER_YOUNG_GENERATION_MB <= 8);
    } finally {
      lw.dispose();
    }
  });

  it('the server process gets small semi-spaces, through flags this Node knows', () => {
    assert.ok(SERVER_NODE_FLAGS.some((f) => f.startsWith('--max-semi-space-size=')));
    for (const f of SERVER_NODE_FLAGS) assert.ok(process.allowedNodeEnvironmentFlags.has(f.split('=')[0]), f);
  });
});
