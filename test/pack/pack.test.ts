/**
 * The npm package as a user gets it (`npm run test:pack`, not part of `npm
 * test`: it packs, and installs from the npm registry). `npm pack` builds the
 * bundles (`prepack`) and packs what .npmignore lets through; the tarball is installed
 * into an empty prefix the way `npm install -g speechlint` installs it, from a
 * folder outside the repository and without the npm_* variables of `npm run`
 * (so the project's own .npmrc plays no part);
 * then the installed commands run:
 * - `speechlint` on examples/sample.speech, with the rules that need word
 *   segmentation (the 的的 of the sample);
 * - `speechlint-language-server --stdio`: initialize, then diagnostics of
 *   the segmented phase for the same draft.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, TestClient, codes, fileUri, rmTemp, tempDir } from '../protocol/client';

const SAMPLE = path.join(ROOT, 'examples', 'sample.speech');
const IS_WINDOWS = process.platform === 'win32';
const NPM = IS_WINDOWS ? 'npm.cmd' : 'npm';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The environment of a user's shell: without the npm_* variables that `npm
 * run test:pack` sets (the project's .npmrc among them, as npm_config_yes),
 * so that the install below reads only the machine's own npm configuration.
 */
function userEnv(): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
}

function run(command: string, args: string[], opts: { cwd: string; env?: Record<string, string | undefined> }): Run {
  const r = spawnSync(command, args, { cwd: opts.cwd, env: { ...userEnv(), ...opts.env }, encoding: 'utf8', shell: IS_WINDOWS, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function ok(r: Run, what: string): Run {
  assert.equal(r.code, 0, `${what} failed (exit ${r.code})\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`);
  return r;
}

/** An installed command of the prefix (npm puts them in bin/ on POSIX, in the prefix itself on Windows). */
function installed(prefix: string, name: string): string {
  return IS_WINDOWS ? path.join(prefix, `${name}.cmd`) : path.join(prefix, 'bin', name);
}

describe('the npm package: packed, installed into an empty prefix, run', function () {
  this.timeout(900000);
  let dir: string;
  let tarball: string;
  let prefix: string;
  /** What `npm pack` put in the tarball. */
  let packed: string[] = [];
  // the locale of the messages is fixed: English
  const env = { LC_ALL: 'en_US.UTF-8', LANG: 'en_US.UTF-8', LC_MESSAGES: undefined };

  before(() => {
    dir = tempDir('speechlint-pack-');
    prefix = path.join(dir, 'prefix');
    fs.mkdirSync(prefix);
    // --json: the prepack script's output goes to stderr, the list of files to stdout
    const r = ok(run(NPM, ['pack', '--json', '--pack-destination', dir], { cwd: ROOT }), 'npm pack');
    const info = JSON.parse(r.stdout.slice(r.stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
    tarball = path.join(dir, info[0].filename);
    assert.ok(fs.existsSync(tarball), tarball);
    packed = info[0].files.map((f) => f.path);
    // outside the repository: no project .npmrc, as for a user
    ok(run(NPM, ['install', '--global', '--prefix', prefix, '--no-audit', '--no-fund', tarball], { cwd: dir }), 'npm install -g of the tarball');
  });
  after(() => {
    if (dir) rmTemp(dir);
  });

  it('ships the bundles, the bin scripts and the docs; no sources, tests or TypeScript output', () => {
    const files = packed;
    for (const f of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'bin/speechlint.js', 'bin/speechlint-language-server.js', 'bin/entry.js', 'dist/cli.js', 'dist/server.js', 'dist/worker.js', 'dist/idf.bin']) {
      assert.ok(files.includes(f), `${f} is in the package`);
    }
    for (const f of files) assert.doesNotMatch(f, /^(out|test|server|client|bench|scripts|node_modules)\/|\.ts$|\.map$/, `${f} is not shipped`);
  });

  it('`speechlint --version` and `speechlint examples/sample.speech`, with word segmentation', () => {
    const cli = installed(prefix, 'speechlint');
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.equal(ok(run(cli, ['--version'], { cwd: dir, env }), 'speechlint --version').stdout, `speechlint ${pkg.version}\n`);
    // in a folder of its own, with no config file above it
    const draft = path.join(dir, 'drafts', 'sample.speech');
    fs.mkdirSync(path.dirname(draft));
    fs.copyFileSync(SAMPLE, draft);
    const r = run(cli, ['--format', 'json', 'drafts/'], { cwd: dir, env });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '', 'no warning (the segmenter loaded)');
    const [report] = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string; line: number }[] }[];
    const rules = new Set(report.messages.map((m) => m.ruleId));
    for (const id of ['placeholder/marker', 'numbering/sequence', 'numbering/announced-count', 'repetition/stutter']) assert.ok(rules.has(id), `${id} in ${[...rules].join(', ')}`);
    assert.ok(report.messages.some((m) => m.ruleId === 'repetition/stutter' && m.line === 22), '的的 on line 22');
  });

  it('`speechlint-language-server --stdio` answers initialize and publishes the segmented diagnostics', async () => {
    const c = await TestClient.start({ serverCommand: installed(prefix, 'speechlint-language-server'), env, locale: 'en', initializationOptions: { debounceMs: 0 } });
    try {
      assert.equal(c.initializeResult.serverInfo?.name, 'speechlint');
      const uri = fileUri(SAMPLE);
      const mark = c.mark();
      c.open(uri, fs.readFileSync(SAMPLE, 'utf8'));
      const p = await c.waitForDiagnostics(uri, mark, (q) => codes(q, 'repetition/stutter').length > 0, 120000);
      assert.equal(codes(p, 'repetition/stutter')[0].range.start.line, 21);
      assert.ok(codes(p, 'placeholder/marker').length > 0);
      assert.doesNotMatch(c.logs.map((l) => l.message).join('\n'), /could not be loaded|unavailable/i);
    } finally {
      await c.stop();
    }
  });
});
