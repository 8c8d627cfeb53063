'use strict';
/**
 * The end-to-end harness: a tiny extension installed beside the speechlint
 * VSIX by test/e2e/run-code-server.js. When the extension host starts with
 * SPEECHLINT_E2E_RESULTS set (code-server passes its environment on), it
 * loads the bundled suite (SPEECHLINT_E2E_SUITE), runs it and writes
 *   { passed, failed, pending, durationMs, tests[], failures[] }
 * as JSON to SPEECHLINT_E2E_RESULTS (written to a temporary file, then
 * renamed, so the runner never reads half a file). Does nothing otherwise.
 */
const fs = require('fs');

let started = false;

function write(file, results) {
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, JSON.stringify(results, null, 2));
  fs.renameSync(tmp, file);
}

async function runSuite(resultsFile, suitePath) {
  let results;
  try {
    const suite = require(suitePath);
    results = await suite.runWithResults({
      onProgress: (partial) => {
        try {
          write(`${resultsFile}.partial`, partial);
        } catch {
          // progress is a courtesy
        }
      },
    });
  } catch (e) {
    const error = e instanceof Error ? e.stack || e.message : String(e);
    results = { passed: 0, failed: 1, pending: 0, durationMs: 0, tests: [], failures: [{ title: 'the harness could not run the suite', error }] };
  }
  write(resultsFile, results);
}

function activate() {
  const resultsFile = process.env.SPEECHLINT_E2E_RESULTS;
  const suitePath = process.env.SPEECHLINT_E2E_SUITE;
  // one run per extension host (a reload of the page starts a new one: the runner has its results by then)
  if (!resultsFile || !suitePath || started || fs.existsSync(resultsFile)) return;
  started = true;
  // tells the runner that the extension host is up and the suite is running
  fs.writeFileSync(`${resultsFile}.started`, String(process.pid));
  // not awaited: activation must not wait for the suite
  void runSuite(resultsFile, suitePath);
}

function deactivate() {}

module.exports = { activate, deactivate };
