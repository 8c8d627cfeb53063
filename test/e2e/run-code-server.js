#!/usr/bin/env node
'use strict';
/**
 * The offline end-to-end runner (`npm run test:e2e`, run by .ci/run):
 * the packaged speechlint VSIX in real VS Code 1.100.3 — code-server — driven
 * by headless Chromium.
 *
 *  1. code-server@4.100.3 installed outside the project's dependencies, in
 *     .vscode-test/code-server (reused when present); its ripgrep download is
 *     served from the local cache, filled from the system's `rg`.
 *  2. `npm run package` builds the VSIX; the harness (test/e2e/harness) is
 *     packaged beside it; both are installed into a fresh extensions folder.
 *  3. The suite (test/e2e/suite) is bundled with mocha into one file.
 *  4. code-server starts on 127.0.0.1 and a free port, with a copy of
 *     test/e2e/workspace; Chromium opens the workbench, which starts the
 *     extension host; the harness runs the suite there and writes the results.
 *  5. Through the page: squiggles and the Problems panel, a hover, the outline
 *     or structure view — screenshots in test-results/.
 *
 * Everything it starts runs in its own process group and is stopped by
 * process id on exit, on failure, on timeout and on SIGINT/SIGTERM. Exits 0
 * only when every test passed. The last line printed is "N passed, M failed".
 *
 * Options:
 *   --update-screenshot   copy the screenshots of a draft with its problems and of the
 *                         structure chart to docs/screenshot.png and docs/chart.png
 *                         (with --locale zh-cn: the first to docs/screenshot.zh-cn.png)
 *   --locale zh-cn        VS Code's display language: speechlint's UI (messages, views,
 *                         commands, status bar) in Chinese, through a language pack made
 *                         here with no translations of its own (test/e2e/langpack-zh-cn:
 *                         none can be installed offline), so VS Code itself stays English.
 *                         The browser checks run even with --grep.
 *   --keep                keep the temporary folder (logs, settings, workspace copy)
 *   --grep <text>         run only the suite's tests whose title contains <text>
 * Environment:
 *   CHROMIUM_PATH               the browser (default /usr/bin/chromium, then chromium-browser, google-chrome)
 *   SPEECHLINT_E2E_TIMEOUT      seconds to wait for the suite's results (default 600)
 */
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const CODE_SERVER_VERSION = '4.100.3';
const CODE_SERVER_DIR = path.join(ROOT, '.vscode-test', 'code-server');
const CODE_SERVER_ENTRY = path.join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const CODE_SERVER_MARKER = path.join(CODE_SERVER_DIR, '.installed');
/** Where @vscode/ripgrep (in code-server's VS Code) looks before downloading ripgrep. */
const RIPGREP_CACHE_DIR = 'vscode-ripgrep-cache-1.15.11';
const RIPGREP_ARCHIVE = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';
const RESULTS_DIR = path.join(ROOT, 'test-results');
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'files.autoSave': 'off',
  'git.enabled': false,
  'chat.commandCenter.enabled': false,
  'window.commandCenter': false,
  'editor.minimap.enabled': false,
};

const args = process.argv.slice(2);
const opt = {
  updateScreenshot: args.includes('--update-screenshot'),
  keep: args.includes('--keep'),
  grep: args.includes('--grep') ? args[args.indexOf('--grep') + 1] : undefined,
  locale: args.includes('--locale') ? args[args.indexOf('--locale') + 1] : undefined,
  timeoutMs: (Number(process.env.SPEECHLINT_E2E_TIMEOUT) || 600) * 1000,
};

// ---------------------------------------------------------------- processes

/** Process groups we started (their leader's pid). */
const groups = new Set();
let browser;
let tmp;
let cleaning;
/** A signal arrived: the run stops, errors from what is being stopped are noise. */
let interrupted = false;

function log(msg) {
  console.log(`e2e: ${msg}`);
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function killGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
  } catch {
    // already gone
  }
}

/** Stop a process group: SIGTERM, then SIGKILL after `graceMs`. */
async function stopGroup(pgid, graceMs = 5000) {
  if (!groupAlive(pgid)) {
    groups.delete(pgid);
    return;
  }
  killGroup(pgid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (groupAlive(pgid) && Date.now() < deadline) await delay(100);
  if (groupAlive(pgid)) killGroup(pgid, 'SIGKILL');
  groups.delete(pgid);
}

function delay(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

/** Start a command in its own process group; output to `logFile` (and echoed when `echo`). */
function start(cmd, argv, { env = process.env, cwd = ROOT, logFile, echo = false } = {}) {
  const out = logFile ? fs.openSync(logFile, 'a') : 'ignore';
  const child = spawn(cmd, argv, { cwd, env, detached: true, stdio: ['ignore', echo ? 'pipe' : out, echo ? 'pipe' : out] });
  if (echo) {
    const sink = logFile ? fs.createWriteStream(logFile, { flags: 'a' }) : undefined;
    for (const s of [child.stdout, child.stderr]) {
      s.on('data', (d) => {
        process.stdout.write(d);
        sink?.write(d);
      });
    }
  }
  if (typeof out === 'number') fs.closeSync(out);
  if (child.pid) groups.add(child.pid);
  child.on('exit', () => {
    if (!groupAlive(child.pid)) groups.delete(child.pid);
  });
  return child;
}

/** Run a command to completion; reject with the end of its log when it fails or exceeds `timeoutMs`. */
function run(cmd, argv, { env, cwd, logFile, timeoutMs = 15 * 60 * 1000, what = `${cmd} ${argv.join(' ')}` } = {}) {
  return new Promise((resolve, reject) => {
    const child = start(cmd, argv, { env, cwd, logFile });
    const timer = setTimeout(() => {
      void stopGroup(child.pid, 2000);
      reject(new Error(`${what}: no result after ${Math.round(timeoutMs / 1000)} s${logFile ? `\n${tail(logFile)}` : ''}`));
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`${what}: ${e.message}`));
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      // grandchildren left behind (a daemon, a stuck worker): stop them too
      void stopGroup(child.pid, 1000);
      if (code === 0) resolve();
      else reject(new Error(`${what} failed (${signal ?? `exit code ${code}`})${logFile ? `\n${tail(logFile)}` : ''}`));
    });
  });
}

function tail(file, lines = 30) {
  try {
    const text = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
    return text.slice(-lines).map((l) => `    | ${l}`).join('\n');
  } catch {
    return '';
  }
}

async function cleanup() {
  if (cleaning) return cleaning;
  cleaning = (async () => {
    if (browser) {
      const b = browser;
      browser = undefined;
      await Promise.race([b.close().catch(() => undefined), delay(10_000)]);
    }
    await Promise.all([...groups].map((g) => stopGroup(g)));
    if (tmp && !opt.keep) fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
    else if (tmp) log(`kept ${tmp}`);
  })();
  return cleaning;
}

// last resort (an exception escaped, process.exit elsewhere): kill what is left, synchronously
process.on('exit', () => {
  for (const g of groups) killGroup(g, 'SIGKILL');
  if (tmp && !opt.keep) {
    try {
      fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // best effort
    }
  }
});
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
]) {
  process.on(signal, () => {
    interrupted = true;
    log(`${signal}: stopping everything this runner started`);
    const force = setTimeout(() => process.exit(code), 30_000);
    force.unref();
    cleanup().finally(() => process.exit(code));
  });
}

// ---------------------------------------------------------------- steps

function which(cmd) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    const p = path.join(dir, cmd);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return p;
    } catch {
      // next
    }
  }
  return undefined;
}

function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', which('chromium'), which('chromium-browser'), which('google-chrome')];
  return candidates.find((p) => p && fs.existsSync(p));
}

/** code-server's VS Code downloads ripgrep at install unless its cache has it: fill the cache from the system's rg. */
function fillRipgrepCache() {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    log(`no ripgrep cache for ${process.platform}-${process.arch}: code-server will try to download ripgrep`);
    return;
  }
  const dir = path.join(os.tmpdir(), RIPGREP_CACHE_DIR);
  const archive = path.join(dir, RIPGREP_ARCHIVE);
  if (fs.existsSync(archive)) return;
  const rg = which('rg');
  if (!rg) {
    log('no rg on PATH (apt-get install ripgrep): code-server will try to download ripgrep');
    return;
  }
  fs.mkdirSync(dir, { recursive: true });
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'speechlint-rg-'));
  try {
    fs.copyFileSync(rg, path.join(stage, 'rg'));
    fs.chmodSync(path.join(stage, 'rg'), 0o755);
    const partial = `${archive}.partial-${process.pid}`;
    const r = spawnSync('tar', ['-czf', partial, '-C', stage, 'rg'], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('tar failed while filling the ripgrep cache');
    fs.renameSync(partial, archive);
    log(`ripgrep cache: ${archive} (from ${rg})`);
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

async function ensureCodeServer() {
  if (fs.existsSync(CODE_SERVER_ENTRY) && readText(CODE_SERVER_MARKER).trim() === CODE_SERVER_VERSION) {
    log(`code-server ${CODE_SERVER_VERSION}: reusing ${path.relative(ROOT, CODE_SERVER_DIR)}`);
    return;
  }
  fillRipgrepCache();
  log(`installing code-server@${CODE_SERVER_VERSION} into ${path.relative(ROOT, CODE_SERVER_DIR)} (a few minutes)`);
  fs.rmSync(CODE_SERVER_DIR, { recursive: true, force: true });
  fs.mkdirSync(CODE_SERVER_DIR, { recursive: true });
  // its own package.json: npm must not walk up to the project's
  fs.writeFileSync(path.join(CODE_SERVER_DIR, 'package.json'), JSON.stringify({ name: 'speechlint-e2e-code-server', private: true }, null, 2) + '\n');
  const env = {
    ...process.env,
    npm_config_yes: 'true',
    npm_config_unsafe_perm: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  // native modules (argon2, kerberos) build from source offline: node-gyp would download Node's headers unless it has them
  const headers = path.join(path.dirname(path.dirname(process.execPath)), 'include', 'node', 'node.h');
  if (!env.npm_config_nodedir && !env.NPM_CONFIG_NODEDIR && fs.existsSync(headers)) env.npm_config_nodedir = path.dirname(path.dirname(path.dirname(headers)));
  const logFile = path.join(RESULTS_DIR, 'code-server-install.log');
  const t0 = Date.now();
  await run('npm', ['install', '--prefix', CODE_SERVER_DIR, '--no-save', `code-server@${CODE_SERVER_VERSION}`], {
    env,
    logFile,
    timeoutMs: 15 * 60 * 1000,
    what: `npm install code-server@${CODE_SERVER_VERSION}`,
  });
  if (!fs.existsSync(CODE_SERVER_ENTRY)) throw new Error(`code-server installed, but ${CODE_SERVER_ENTRY} is missing\n${tail(logFile)}`);
  fs.writeFileSync(CODE_SERVER_MARKER, CODE_SERVER_VERSION + '\n');
  log(`code-server installed in ${Math.round((Date.now() - t0) / 1000)} s`);
}

function readText(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function codeServer(argv, opts) {
  return [process.execPath, [CODE_SERVER_ENTRY, ...argv], opts];
}

async function packageExtensions() {
  const vsix = path.join(tmp, 'speechlint.vsix');
  const logFile = path.join(RESULTS_DIR, 'package.log');
  log('npm run package (the VSIX)');
  await run('npm', ['run', 'package', '--', '--out', vsix], { logFile, timeoutMs: 5 * 60 * 1000, what: 'npm run package' });
  const harness = path.join(tmp, 'harness.vsix');
  const langpack = opt.locale ? path.join(tmp, `langpack-${opt.locale}.vsix`) : undefined;
  const { createVSIX } = require('@vscode/vsce');
  const quiet = console.log;
  console.log = () => undefined; // vsce lists the files it packs
  try {
    for (const [dir, packagePath] of [['harness', harness], [`langpack-${opt.locale}`, langpack]]) {
      if (!packagePath) continue;
      await createVSIX({ cwd: path.join(__dirname, dir), packagePath, dependencies: false, useYarn: false, skipLicense: true, allowMissingRepository: true });
    }
  } finally {
    console.log = quiet;
  }
  return { vsix, harness, langpack };
}

/**
 * The language pack's entry in the user data's languagepacks.json, where
 * code-server looks up the display language's translations when it serves the
 * workbench (VS Code writes the file only once something asks for the
 * installed languages, which nothing does here before the first page).
 */
function writeLanguagePacks(userData, extDir, locale) {
  const id = `speechlint-test.speechlint-e2e-langpack-${locale}`;
  const dir = fs.readdirSync(extDir).find((d) => d.startsWith(`${id}-`));
  if (!dir) throw new Error(`--locale ${locale}: ${id} is not in the extensions folder after install`);
  const translations = path.join(extDir, dir, 'translations', 'main.i18n.json');
  const packs = { [locale]: { hash: `${id}-0.0.1`, extensions: [{ extensionIdentifier: { id }, version: '0.0.1' }], translations: { vscode: translations }, label: locale } };
  fs.writeFileSync(path.join(userData, 'languagepacks.json'), JSON.stringify(packs, null, 2));
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function httpStatus(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', () => resolve(0));
    req.setTimeout(2000, () => {
      req.destroy();
      resolve(0);
    });
  });
}

function copyDir(from, to) {
  fs.cpSync(from, to, { recursive: true });
}

function listFiles(dir, test, out = []) {
  let entries = [];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) listFiles(p, test, out);
    else if (test(p)) out.push(p);
  }
  return out;
}

/** Copy code-server's logs (extension host, server) to test-results/logs for a failed run. */
function saveLogs(userData) {
  const dest = path.join(RESULTS_DIR, 'logs');
  fs.rmSync(dest, { recursive: true, force: true });
  for (const f of listFiles(path.join(userData, 'logs'), (p) => p.endsWith('.log'))) {
    const rel = path.relative(path.join(userData, 'logs'), f);
    fs.mkdirSync(path.dirname(path.join(dest, rel)), { recursive: true });
    fs.copyFileSync(f, path.join(dest, rel));
  }
  return dest;
}

// ---------------------------------------------------------------- browser checks

/** What the browser checks look for, in the display language (package.nls*.json, the rules' messages). */
const UI_TEXT = {
  en: {
    structureHeader: /speech structure/i,
    showStructure: 'speechlint: Show Structure',
    showChart: 'speechlint: Show Structure Chart',
    skipsNumber: 'Numbering skips a number',
  },
  'zh-cn': {
    structureHeader: /讲稿结构/,
    showStructure: 'speechlint: 显示文稿结构',
    showChart: 'speechlint: 讲稿结构图',
    skipsNumber: '序号跳号',
  },
};

/** Checks only a browser shows; each is one more test in the summary. */
async function browserChecks(page, shots, contributesStructure) {
  const ui = UI_TEXT[opt.locale ?? 'en'];
  const results = [];
  const check = async (title, fn) => {
    const t0 = Date.now();
    try {
      await fn();
      results.push({ title: `browser: ${title}`, state: 'passed', durationMs: Date.now() - t0 });
    } catch (e) {
      const file = path.join(RESULTS_DIR, `failed-${results.length + 1}.png`);
      await page.screenshot({ path: file, animations: 'disabled' }).catch(() => undefined);
      results.push({ title: `browser: ${title}`, state: 'failed', durationMs: Date.now() - t0, error: `${e instanceof Error ? e.stack || e.message : e}\n(screenshot: ${path.relative(ROOT, file)})` });
    }
  };
  const palette = async (command) => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(`>${command}`);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: command }).first();
    await row.waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.press('Enter');
  };
  const openFile = async (name) => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(name);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ state: 'visible', timeout: 10_000 });
  };
  const editor = page.locator('.editor-group-container.active .monaco-editor').first();

  await check('a draft shows squiggles, its problems in the Problems panel and its structure', async () => {
    await openFile('demo.speech');
    await editor.locator('.squiggly-warning').first().waitFor({ state: 'attached', timeout: 60_000 });
    await editor.locator('.squiggly-info').first().waitFor({ state: 'attached', timeout: 10_000 });
    if (contributesStructure) {
      await palette(ui.showStructure);
      // the file list folded away: the structure view gets the sidebar's height
      const files = page.locator('.pane-header[aria-expanded="true"]', { hasText: /^workspace/i }).first();
      if (await files.count()) await files.click();
      const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: ui.structureHeader }) }).first();
      await pane.locator('.monaco-list-row', { hasText: '加强组织领导' }).first().waitFor({ state: 'visible', timeout: 20_000 });
    }
    await palette('View: Focus Problems (Errors, Warnings, Infos)');
    const panel = page.locator('.markers-panel');
    await panel.waitFor({ state: 'visible', timeout: 10_000 });
    for (const rule of ['numbering/announced-count', 'repetition/stutter', 'numbering/series']) {
      await panel.locator('.monaco-list-row', { hasText: rule }).first().waitFor({ state: 'visible', timeout: 30_000 });
    }
    // back to the editor, so that the screenshot shows the caret there and not a selected problem
    await page.keyboard.press('Escape');
    await palette('View: Focus Active Editor Group');
    await page.screenshot({ path: shots.problems, animations: 'disabled' });
    // the list only renders the rows in view: filter it to find each rule's problems
    const filter = page.getByPlaceholder(/^Filter \(e\.g\./).first();
    for (const rule of ['numbering/announced-count', 'numbering/series', 'numbering/sequence', 'repetition/stutter', 'placeholder/marker', 'placeholder/instruction']) {
      await filter.fill(rule);
      await panel.locator('.monaco-list-row', { hasText: rule }).first().waitFor({ state: 'visible', timeout: 10_000 });
    }
    await filter.fill('');
  });

  await check('a hover shows the problem under the cursor', async () => {
    await openFile('numbering.speech');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+G');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(':10:1');
    await page.keyboard.press('Enter');
    await palette('Show or Focus Hover');
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: ui.skipsNumber }).first();
    await hover.waitFor({ state: 'visible', timeout: 20_000 });
    await page.screenshot({ path: shots.hover, animations: 'disabled' });
    await page.keyboard.press('Escape');
  });

  await check(contributesStructure ? 'the structure view shows the sections' : 'the outline view shows the sections', async () => {
    await openFile('numbering.speech');
    await palette(contributesStructure ? ui.showStructure : 'Explorer: Focus on Outline View');
    const header = contributesStructure ? ui.structureHeader : /outline/i;
    const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: header }) }).first();
    for (const name of ['充分认识春耕生产的重要意义', '突出抓好重点工作', '切实加强组织领导']) {
      await pane.locator('.monaco-list-row', { hasText: name }).first().waitFor({ state: 'visible', timeout: 20_000 });
    }
    await page.screenshot({ path: shots.structure, animations: 'disabled' });
  });

  if (contributesStructure) {
    await check('the structure chart draws the sections of the active draft', async () => {
      // demo.speech is open from the first check: bring its tab to the front
      await page.locator('.tabs-container .tab', { hasText: 'demo.speech' }).first().click();
      await page.locator('.tabs-container .tab.active', { hasText: 'demo.speech' }).waitFor({ state: 'visible', timeout: 10_000 });
      await palette(ui.showChart);
      // a webview is an iframe holding the page's own iframe
      const chart = page.frameLocator('iframe.webview').last().frameLocator('iframe#active-frame');
      for (const name of ['充分认识优化营商环境的重要意义', '加强组织领导']) {
        await chart.locator('.row', { hasText: name }).first().waitFor({ state: 'visible', timeout: 20_000 });
      }
      await chart.locator('.row .bar').first().waitFor({ state: 'visible', timeout: 10_000 });
      await page.screenshot({ path: shots.chart, animations: 'disabled' });
    });
  }
  return results;
}

/** A browser context (its own storage) with the workbench loaded; the page's console goes to test-results/<logName>. */
async function openWorkbench(b, url, logName) {
  const context = await b.newContext({ viewport: { width: 1440, height: 900 }, locale: opt.locale === 'zh-cn' ? 'zh-CN' : 'en-US' });
  const page = await context.newPage();
  const pageLog = fs.createWriteStream(path.join(RESULTS_DIR, logName));
  page.on('console', (m) => pageLog.write(`[${m.type()}] ${m.text()}\n`));
  page.on('pageerror', (e) => pageLog.write(`[pageerror] ${e.stack || e.message}\n`));
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  await page.locator('.monaco-workbench .part.editor').waitFor({ state: 'visible', timeout: 60_000 });
  return { context, page };
}

// ---------------------------------------------------------------- main

async function main() {
  const t0 = Date.now();
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  for (const f of fs.readdirSync(RESULTS_DIR)) if (/\.(png|log|json)$/.test(f)) fs.rmSync(path.join(RESULTS_DIR, f), { force: true });

  const chromium = findChromium();
  if (!chromium) throw new Error('no Chromium: apt-get install -y chromium (or set CHROMIUM_PATH)');
  if (process.platform !== 'linux') log(`untested on ${process.platform}: code-server and this runner are set up for Linux`);

  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'speechlint-e2e-'));
  const dirs = {
    ext: path.join(tmp, 'extensions'),
    user: path.join(tmp, 'user-data'),
    xdg: path.join(tmp, 'xdg'),
    workspace: path.join(tmp, 'workspace'),
    expected: path.join(tmp, 'expected'),
  };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  copyDir(path.join(__dirname, 'workspace'), dirs.workspace);
  copyDir(path.join(__dirname, 'expected'), dirs.expected);
  fs.mkdirSync(path.join(dirs.user, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs.user, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  const results = path.join(tmp, 'results.json');

  await ensureCodeServer();
  if (opt.locale && !UI_TEXT[opt.locale]) throw new Error(`--locale: ${opt.locale} is not one of ${Object.keys(UI_TEXT).join(', ')}`);
  const [{ vsix, harness, langpack }, suite] = await Promise.all([packageExtensions(), require('./bundle-suite').bundleSuite(path.join(tmp, 'suite.js'))]);

  // code-server writes its config under XDG_CONFIG_HOME and data under XDG_DATA_HOME: keep both in the temporary folder
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: path.join(dirs.xdg, 'config'),
    XDG_DATA_HOME: path.join(dirs.xdg, 'data'),
    XDG_CACHE_HOME: path.join(dirs.xdg, 'cache'),
    SPEECHLINT_E2E_RESULTS: results,
    SPEECHLINT_E2E_SUITE: suite,
    SPEECHLINT_E2E_EXPECTED: dirs.expected,
  };
  if (opt.grep) env.SPEECHLINT_E2E_GREP = opt.grep;
  delete env.VSCODE_IPC_HOOK_CLI;

  log('installing the VSIX and the harness into a fresh extensions folder');
  const installLog = path.join(RESULTS_DIR, 'install-extensions.log');
  await run(
    ...codeServer(['--extensions-dir', dirs.ext, '--user-data-dir', dirs.user, '--install-extension', vsix, '--install-extension', harness, ...(langpack ? ['--install-extension', langpack] : [])], {
      env,
      logFile: installLog,
      timeoutMs: 2 * 60 * 1000,
      what: 'code-server --install-extension',
    }),
  );
  const installed = fs.readdirSync(dirs.ext);
  for (const id of ['speechlint.speechlint-', 'speechlint-test.speechlint-e2e-harness-']) {
    if (!installed.some((d) => d.startsWith(id))) throw new Error(`${id}* is not in the extensions folder after install:\n${tail(installLog)}`);
  }
  const speechlintDir = path.join(dirs.ext, installed.find((d) => d.startsWith('speechlint.speechlint-')));
  if (opt.locale) writeLanguagePacks(dirs.user, dirs.ext, opt.locale);
  const manifest = JSON.parse(fs.readFileSync(path.join(speechlintDir, 'package.json'), 'utf8'));
  const contributesStructure = Object.values(manifest.contributes?.views ?? {}).some((list) => list.some((v) => v.id === 'speechlintStructure'));

  const port = await freePort();
  const serverLog = path.join(RESULTS_DIR, 'code-server.log');
  log(`starting code-server on 127.0.0.1:${port}`);
  const [node, csArgs] = codeServer([
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir',
    dirs.user,
    '--extensions-dir',
    dirs.ext,
    ...(opt.locale ? ['--locale', opt.locale] : []),
    dirs.workspace,
  ]);
  const server = start(node, csArgs, { env, logFile: serverLog });
  let serverExit;
  server.on('exit', (code, signal) => (serverExit = signal ?? `exit code ${code}`));
  const base = `http://127.0.0.1:${port}`;
  const readyBy = Date.now() + 90_000;
  while ((await httpStatus(`${base}/healthz`)) !== 200) {
    if (serverExit) throw new Error(`code-server stopped (${serverExit})\n${tail(serverLog)}`);
    if (Date.now() > readyBy) throw new Error(`code-server did not answer on ${base} within 90 s\n${tail(serverLog)}`);
    await delay(250);
  }

  log(`opening the workbench in headless Chromium (${chromium})`);
  const { chromium: pw } = require('playwright-core');
  // our own signal handlers stop the browser (Playwright's would exit before the rest is stopped)
  browser = await pw.launch({
    executablePath: chromium,
    headless: true,
    args: CHROMIUM_FLAGS,
    timeout: 60_000,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const url = `${base}/?folder=${encodeURIComponent(dirs.workspace)}`;
  const { context, page } = await openWorkbench(browser, url, 'browser-console.log');

  log(`the workbench is up; waiting for the suite's results (up to ${Math.round(opt.timeoutMs / 1000)} s)`);
  const resultsBy = Date.now() + opt.timeoutMs;
  const startWithinMs = Math.min(opt.timeoutMs, 120_000);
  const startedBy = Date.now() + startWithinMs;
  while (!fs.existsSync(results)) {
    if (serverExit) throw new Error(`code-server stopped while the suite ran (${serverExit})\n${tail(serverLog)}`);
    if (!fs.existsSync(`${results}.started`) && Date.now() > startedBy) {
      await page.screenshot({ path: path.join(RESULTS_DIR, 'timeout.png') }).catch(() => undefined);
      const logs = saveLogs(dirs.user);
      throw new Error(`the harness did not start within ${startWithinMs / 1000} s: did the extension host start? (screenshot test-results/timeout.png, logs in ${path.relative(ROOT, logs)})`);
    }
    if (Date.now() > resultsBy) {
      await page.screenshot({ path: path.join(RESULTS_DIR, 'timeout.png') }).catch(() => undefined);
      const logs = saveLogs(dirs.user);
      const message = `no results from the suite after ${Math.round(opt.timeoutMs / 1000)} s (screenshot test-results/timeout.png, logs in ${path.relative(ROOT, logs)})`;
      let partial;
      try {
        partial = JSON.parse(fs.readFileSync(`${results}.partial`, 'utf8'));
      } catch {
        throw new Error(message);
      }
      // what ran before the time ran out, and the timeout as one more failure
      partial.tests.push({ title: 'the suite finished in time', state: 'failed', durationMs: 0, error: message });
      return { all: partial.tests, seconds: Math.round((Date.now() - t0) / 1000) };
    }
    await delay(250);
  }
  const suiteResults = JSON.parse(fs.readFileSync(results, 'utf8'));
  if (suiteResults.failed > 0) await page.screenshot({ path: path.join(RESULTS_DIR, 'after-suite.png') }).catch(() => undefined);
  log(`the suite finished in ${Math.round(suiteResults.durationMs / 1000)} s; checking the page`);

  const shots = {
    problems: path.join(RESULTS_DIR, 'problems.png'),
    hover: path.join(RESULTS_DIR, 'hover.png'),
    structure: path.join(RESULTS_DIR, contributesStructure ? 'structure.png' : 'outline.png'),
    chart: path.join(RESULTS_DIR, 'chart.png'),
  };
  let browserResults = [];
  if (!opt.grep || opt.locale) {
    // a fresh window (new browser storage: no editors restored; a new extension host: none of the suite's problems)
    await context.close();
    const fresh = await openWorkbench(browser, url, 'browser-console-2.log');
    browserResults = await browserChecks(fresh.page, shots, contributesStructure);
  }
  const all = [...suiteResults.tests, ...browserResults];
  // a failure outside any test (a hook, the harness itself) is in failures[] only
  const extraFailures = suiteResults.failures.filter((f) => !suiteResults.tests.some((t) => t.title === f.title && t.state === 'failed'));
  for (const f of extraFailures) all.push({ title: f.title, state: 'failed', durationMs: 0, error: f.error });

  if (opt.updateScreenshot) {
    if (!browserResults.length || browserResults[0].state !== 'passed') throw new Error('no good screenshot of a draft with its problems: docs/screenshot.png left as it was');
    fs.mkdirSync(path.join(ROOT, 'docs'), { recursive: true });
    const name = opt.locale ? `screenshot.${opt.locale}.png` : 'screenshot.png';
    fs.copyFileSync(shots.problems, path.join(ROOT, 'docs', name));
    log(`copied test-results/problems.png to docs/${name}`);
    const chart = browserResults.find((r) => r.title.startsWith('browser: the structure chart'));
    if (chart && chart.state === 'passed' && !opt.locale) {
      fs.copyFileSync(shots.chart, path.join(ROOT, 'docs', 'chart.png'));
      log('copied test-results/chart.png to docs/chart.png');
    }
  }
  if (all.some((t) => t.state === 'failed')) log(`code-server's logs: ${path.relative(ROOT, saveLogs(dirs.user))}`);
  return { all, seconds: Math.round((Date.now() - t0) / 1000) };
}

function report({ all, seconds }) {
  console.log('');
  for (const t of all) {
    const mark = t.state === 'passed' ? '✓' : t.state === 'failed' ? '✗' : '-';
    console.log(`  ${mark} ${t.title}${t.state === 'passed' && t.durationMs > 500 ? ` (${t.durationMs} ms)` : ''}`);
  }
  const failed = all.filter((t) => t.state === 'failed');
  const pending = all.filter((t) => t.state === 'pending').length;
  if (failed.length) {
    console.log('');
    failed.forEach((t, i) => {
      console.log(`  ${i + 1}) ${t.title}`);
      console.log(`     ${String(t.error).split('\n').join('\n     ')}`);
      console.log('');
    });
  }
  console.log('');
  if (pending) console.log(`${pending} pending`);
  console.log(`e2e: ${seconds} s in all`);
  const passed = all.filter((t) => t.state === 'passed').length;
  console.log(`${passed} passed, ${failed.length} failed`);
  return failed.length === 0 && passed > 0 ? 0 : 1;
}

main()
  .then(
    async (r) => {
      await cleanup();
      process.exitCode = report(r);
    },
    async (e) => {
      if (interrupted) return;
      console.error(`e2e: ${e instanceof Error ? e.message : e}`);
      await cleanup();
      console.log('0 passed, 1 failed');
      process.exitCode = 1;
    },
  )
  .finally(() => {
    // nothing we started may keep the process alive
    setTimeout(() => process.exit(process.exitCode ?? 1), 2000).unref();
  });
