/**
 * The end-to-end suite's entry point, in the shape @vscode/test-electron
 * expects: `run(): Promise<void>` (rejects when a test fails). The code-server
 * runner's harness extension calls `runWithResults()` for the details.
 *
 * Bundled with mocha into one file (test/e2e/bundle-suite.js), so it loads in
 * any extension host without a node_modules folder next to it.
 */
import Mocha from 'mocha';

export interface TestResult {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs: number;
  error?: string;
}

export interface E2EResults {
  passed: number;
  failed: number;
  pending: number;
  durationMs: number;
  tests: TestResult[];
  failures: Array<{ title: string; error: string }>;
}

function loadTests(): void {
  // the order matters little (each file opens what it needs and closes everything after)
  require('./diagnostics.test');
  require('./edits.test');
  require('./placeholders.test');
  require('./status.test');
  require('./outline.test');
  require('./snippets.test');
  require('./word.test');
  require('./hover.test');
}

function errorText(err: unknown): string {
  if (err instanceof Error) return err.stack || `${err.name}: ${err.message}`;
  return String(err);
}

export interface RunOptions {
  /** Run only the tests whose full title contains this (default: SPEECHLINT_E2E_GREP). */
  grep?: string;
  /** Called after each test with the results so far (the harness saves them, for a run that times out). */
  onProgress?: (results: E2EResults) => void;
}

export function runWithResults(options: RunOptions = {}): Promise<E2EResults> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 120_000, color: false, reporter: 'spec' });
  const grep = options.grep ?? process.env.SPEECHLINT_E2E_GREP;
  if (grep) mocha.grep(grep);
  // define describe/it/before… as globals, then let the test modules register their suites
  mocha.suite.emit('pre-require', globalThis, 'speechlint-e2e', mocha);
  loadTests();
  const started = Date.now();
  const results: E2EResults = { passed: 0, failed: 0, pending: 0, durationMs: 0, tests: [], failures: [] };
  return new Promise((resolve) => {
    const runner = mocha.run(() => {
      results.durationMs = Date.now() - started;
      resolve(results);
    });
    runner.on('test end', () => options.onProgress?.({ ...results, durationMs: Date.now() - started }));
    runner.on('pass', (t) => {
      results.passed++;
      results.tests.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration ?? 0 });
    });
    runner.on('pending', (t) => {
      results.pending++;
      results.tests.push({ title: t.fullTitle(), state: 'pending', durationMs: 0 });
    });
    runner.on('fail', (t, err) => {
      results.failed++;
      const error = errorText(err);
      results.tests.push({ title: t.fullTitle(), state: 'failed', durationMs: t.duration ?? 0, error });
      results.failures.push({ title: t.fullTitle(), error });
    });
  });
}

export async function run(): Promise<void> {
  const r = await runWithResults();
  if (r.failed > 0) throw new Error(`${r.failed} end-to-end tests failed`);
}
