#!/usr/bin/env node
'use strict';
/**
 * `npm run test:e2e:electron`: the end-to-end suite in desktop VS Code,
 * through @vscode/test-electron, for machines that can download VS Code
 * (or have one: set VSCODE_EXECUTABLE_PATH). The extension runs from this
 * folder (extensionDevelopmentPath, the esbuild bundles in dist/), the suite
 * from its bundle, against a copy of test/e2e/workspace.
 *
 * On Linux without a display, run it under a virtual one:
 *   xvfb-run -a npm run test:e2e:electron
 *
 * Environment:
 *   VSCODE_EXECUTABLE_PATH   a VS Code binary to use instead of downloading one
 *   SPEECHLINT_E2E_VSCODE    the version to download (default 1.100.3, as code-server 4.100.3)
 *   SPEECHLINT_E2E_GREP      run only the tests whose title contains this text
 */
const fs = require('fs');
const https = require('https');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const VERSION = process.env.SPEECHLINT_E2E_VSCODE || '1.100.3';
const UPDATE_HOST = 'update.code.visualstudio.com';
const REACH_TIMEOUT_MS = 15_000;
/** The whole run: download, start, suite. */
const RUN_TIMEOUT_MS = 20 * 60 * 1000;

function fail(message) {
  console.error(`e2e (electron): ${message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

/** Resolve when VS Code's download server answers; reject (with the reason) after REACH_TIMEOUT_MS. */
function reachable() {
  return new Promise((resolve, reject) => {
    const req = https.request({ host: UPDATE_HOST, path: '/api/releases/stable', method: 'HEAD', timeout: REACH_TIMEOUT_MS }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${REACH_TIMEOUT_MS / 1000} s`)));
    req.on('error', reject);
    req.end();
  });
}

function cachedVSCode() {
  const dir = path.join(ROOT, '.vscode-test');
  try {
    return fs.readdirSync(dir).some((d) => d.startsWith('vscode-') && d.endsWith(VERSION));
  } catch {
    return false;
  }
}

async function main() {
  let runTests;
  try {
    ({ runTests } = require('@vscode/test-electron'));
  } catch {
    fail('@vscode/test-electron is not installed: run npm ci first');
  }
  const executable = process.env.VSCODE_EXECUTABLE_PATH;
  if (executable && !fs.existsSync(executable)) fail(`VSCODE_EXECUTABLE_PATH=${executable} does not exist`);
  if (!executable && !cachedVSCode()) {
    try {
      await reachable();
    } catch (e) {
      fail(
        `cannot download VS Code ${VERSION}: ${UPDATE_HOST} is unreachable (${e instanceof Error ? e.message : e}).\n` +
          '  Offline, run `npm run test:e2e` (code-server in headless Chromium), or set VSCODE_EXECUTABLE_PATH to a VS Code binary.',
      );
    }
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.log('e2e (electron): no DISPLAY: VS Code needs one (xvfb-run -a npm run test:e2e:electron)');
  }

  console.log('e2e (electron): bundling the extension and the suite');
  const bundled = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'bundle.js')], { cwd: ROOT, stdio: 'inherit' });
  if (bundled.status !== 0) fail('the extension bundle failed (node scripts/bundle.js)');
  const suite = await require('./bundle-suite').bundleSuite(path.join(ROOT, 'out', 'e2e', 'suite.js'));

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'speechlint-e2e-electron-'));
  const workspace = path.join(tmp, 'workspace');
  const expected = path.join(tmp, 'expected');
  fs.cpSync(path.join(__dirname, 'workspace'), workspace, { recursive: true });
  fs.cpSync(path.join(__dirname, 'expected'), expected, { recursive: true });
  fs.mkdirSync(path.join(tmp, 'user', 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(tmp, 'user', 'User', 'settings.json'),
    JSON.stringify({ 'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'update.mode': 'none', 'telemetry.telemetryLevel': 'off' }),
  );

  const timer = setTimeout(() => fail(`no result after ${RUN_TIMEOUT_MS / 60000} minutes`), RUN_TIMEOUT_MS);
  try {
    const code = await runTests({
      version: VERSION,
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: suite,
      extensionTestsEnv: { SPEECHLINT_E2E_EXPECTED: expected },
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--disable-telemetry',
        '--user-data-dir',
        path.join(tmp, 'user'),
        '--extensions-dir',
        path.join(tmp, 'extensions'),
      ],
      timeout: 60_000,
    });
    clearTimeout(timer);
    fs.rmSync(tmp, { recursive: true, force: true });
    // the suite's spec reporter printed each test; VS Code exits non-zero when one failed
    console.log(code === 0 ? 'e2e (electron): all tests passed' : `e2e (electron): VS Code exited with ${code}`);
    process.exit(code === 0 ? 0 : 1);
  } catch (e) {
    clearTimeout(timer);
    fs.rmSync(tmp, { recursive: true, force: true });
    fail(e instanceof Error ? e.message : String(e));
  }
}

main();
