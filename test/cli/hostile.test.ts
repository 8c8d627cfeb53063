/**
 * Hostile workspaces against the real CLI (issue #18): a repository that is
 * merely checked supplies the config, its patterns, its dictionary path, its
 * links. Each case runs the real bin under a time limit (a hang fails the
 * test) and asserts a clear message, the other checks still reported, and
 * nothing read or written outside the folder given.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { FileLimitError, readRegularFile, writeFileAtomic } from '../../server/src/node/textfile';
import { cleanup, runBin, tmpDir, writeJson } from './helpers';

/** A CLI run must end within this (a hang is killed and fails the test). */
const LIMIT_MS = 20_000;
const DRAFT = '关于XX工作的讲话\n\n同志们：\n\n今年全市经济运行总体平稳，完成投资XX亿元。\n';
const posix = process.platform !== 'win32';

function run(dir: string, args: string[]) {
  const r = runBin(['--format', 'json', ...args], { cwd: dir, timeoutMs: LIMIT_MS });
  assert.notEqual(r.code, null, 'the CLI exited by itself');
  return r;
}

/** Texts of the placeholder/marker findings in a JSON report. */
function markers(stdout: string): string[] {
  const out: string[] = [];
  for (const file of JSON.parse(stdout) as { messages: { ruleId: string; message: string }[] }[]) {
    for (const m of file.messages) if (m.ruleId === 'placeholder/marker') out.push(m.message);
  }
  return out;
}

describe('CLI: hostile workspaces', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'draft.speech'), DRAFT);
  });
  afterEach(() => cleanup(dir));

  it('a catastrophic pattern in the config or in --rule ends in linear time; the built-in forms still report', () => {
    const long = DRAFT + '今年全市经济运行总体平稳，稳中有进。\n'.repeat(1000);
    fs.writeFileSync(path.join(dir, 'draft.speech'), long);
    writeJson(path.join(dir, '.speechlintrc.json'), { rules: { 'placeholder/marker': ['warning', { patterns: ['([^Z]+)+Z'] }] } });
    const r = run(dir, ['draft.speech']);
    assert.equal(r.stderr, '');
    assert.equal(markers(r.stdout).length, 2);
    const r2 = run(dir, ['--rule', 'placeholder/marker:["warning",{"patterns":["(a|aa)+$"]}]', 'draft.speech']);
    assert.equal(markers(r2.stdout).length, 2);
  });

  it('a dictionary that is a FIFO, a device, outside the folder or too large: one message, the defaults, no hang', function () {
    if (!posix) this.skip();
    execFileSync('mkfifo', [path.join(dir, 'words.fifo')]);
    fs.closeSync(fs.openSync(path.join(dir, 'big.txt'), 'w'));
    fs.truncateSync(path.join(dir, 'big.txt'), 21 * 1024 * 1024);
    const cases: [string, RegExp][] = [
      ['words.fifo', /user dictionary .*words\.fifo is not a regular file; not read/],
      ['/dev/zero', /user dictionary \/dev\/zero is outside the workspace .*; not read/],
      ['/etc/passwd', /outside the workspace/],
      ['big.txt', /user dictionary .*big\.txt is too large \(at most 20 MB\); not read/],
      ['../outside.txt', /outside the workspace/],
    ];
    for (const [dict, expected] of cases) {
      writeJson(path.join(dir, '.speechlintrc.json'), { dictionary: dict });
      const r = run(dir, ['draft.speech']);
      assert.match(r.stderr, expected, dict);
      assert.equal(r.stderr.trim().split('\n').length, 1, `one line for ${dict}: ${r.stderr}`);
      assert.equal(markers(r.stdout).length, 2, `the checks still report with ${dict}`);
    }
  });

  it('readRegularFile refuses a device, a FIFO and a file over the limit without blocking', function () {
    if (!posix) this.skip();
    const fifo = path.join(dir, 'p');
    execFileSync('mkfifo', [fifo]);
    for (const p of ['/dev/zero', fifo]) {
      assert.throws(() => readRegularFile(p, { maxBytes: 1024 }), (e: unknown) => e instanceof FileLimitError && /not a regular file/.test(e.reason.en));
    }
    const big = path.join(dir, 'big.txt');
    fs.writeFileSync(big, Buffer.alloc(4096, 0x61));
    assert.throws(() => readRegularFile(big, { maxBytes: 1024 }), (e: unknown) => e instanceof FileLimitError && /too large/.test(e.reason.en));
    assert.equal(readRegularFile(big, { maxBytes: 4096 }).length, 4096);
  });

  it('a config nested 5,000 levels deep in a severity: one message naming the rule, every other rule still checks', () => {
    const deep = `{"rules":{"placeholder/marker":${'['.repeat(5000)}"error"${']'.repeat(5000)},"balance/section-length":{${'"severity":{'.repeat(3000)}"x":1${'}'.repeat(3000)}}}}`;
    fs.writeFileSync(path.join(dir, '.speechlintrc.json'), deep);
    const r = run(dir, ['draft.speech']);
    assert.match(r.stderr, /rules\.placeholder\/marker: "rules\.placeholder\/marker" is nested more than 32 levels deep; ignored/);
    assert.match(r.stderr, /rules\.balance\/section-length/);
    assert.doesNotMatch(r.stderr, /call stack/);
    assert.equal(markers(r.stdout).length, 2);
  });

  it('does not follow links out of the folder given (reported once), and --fix writes nothing outside it', function () {
    if (!posix) this.skip();
    const work = path.join(dir, 'work');
    const elsewhere = path.join(dir, 'elsewhere');
    fs.mkdirSync(work);
    fs.mkdirSync(elsewhere);
    const outsideDraft = path.join(elsewhere, 'victim.speech');
    const victim = '标题\n\n同志们：\n\n工作作作作要抓好的的落实。\n';
    fs.writeFileSync(outsideDraft, victim);
    fs.writeFileSync(path.join(work, 'mine.speech'), DRAFT);
    fs.symlinkSync(outsideDraft, path.join(work, 'link.speech'));
    fs.symlinkSync(elsewhere, path.join(work, 'linkdir'));
    fs.symlinkSync('/', path.join(work, 'root'));
    const before = fs.statSync(outsideDraft).mtimeMs;
    for (const args of [['work'], ['--fix', 'work']]) {
      const r = run(dir, args);
      const lines = r.stderr.split('\n').filter((l) => /not followed/.test(l));
      assert.equal(lines.length, 1, r.stderr);
      assert.match(lines[0], /work: 3 symbolic links lead out of this folder and were not followed/);
      const files = (JSON.parse(r.stdout) as { filePath: string }[]).map((f) => path.basename(f.filePath));
      assert.deepEqual(files, ['mine.speech']);
    }
    assert.equal(fs.readFileSync(outsideDraft, 'utf8'), victim);
    assert.equal(fs.statSync(outsideDraft).mtimeMs, before);
  });

  it('a symlinked .speechlintrc.json that is not JSON: the error says where, never what the target holds', function () {
    if (!posix) this.skip();
    const secret = path.join(dir, 'secret.env');
    fs.writeFileSync(secret, 'TOKEN_ghp_abcdefghijklmnop=1\n');
    const work = path.join(dir, 'work');
    fs.mkdirSync(work);
    fs.writeFileSync(path.join(work, 'draft.speech'), DRAFT);
    fs.symlinkSync(secret, path.join(work, '.speechlintrc.json'));
    const r = run(work, ['draft.speech']);
    assert.match(r.stderr, /invalid JSON at line 1, column 1: expected a value/);
    assert.doesNotMatch(r.stderr, /TOKEN|ghp|abcdef/);
    assert.equal(markers(r.stdout).length, 2);
    // a link to some other JSON file: not even its key names are shown
    fs.writeFileSync(secret, '{"aws_secret_access_key": "abc", "mode": "final"}');
    const r2 = run(work, ['draft.speech']);
    assert.match(r2.stderr, /the file \(reached through a link, or outside the workspace\) is not a speechlint configuration \(it has unknown keys\); ignored/);
    assert.doesNotMatch(r2.stderr, /aws|abc/);
    // the user's own file is quoted as before
    fs.unlinkSync(path.join(work, '.speechlintrc.json'));
    fs.writeFileSync(path.join(work, '.speechlintrc.json'), '{"mode": draft}');
    assert.match(run(work, ['draft.speech']).stderr, /found "draft"/);
  });

  it('a draft over 20 MB gets one clear line and the others are checked', () => {
    fs.writeFileSync(path.join(dir, 'huge.txt'), Buffer.alloc(21 * 1024 * 1024, 0x61));
    const r = run(dir, ['huge.txt', 'draft.speech']);
    assert.match(r.stderr, /huge\.txt: the file is too large \(at most 20 MB\); not read/);
    assert.equal(r.code, 2);
    assert.equal(markers(r.stdout).length, 2);
  });

  it('--stdin --fix with input over 20 MB gives the input back unchanged', () => {
    const input = Buffer.alloc(21 * 1024 * 1024, 0x61);
    const r = runBin(['--stdin', '--fix'], { cwd: dir, input, timeoutMs: LIMIT_MS });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /the input is too large/);
    assert.equal(r.stdout.length, input.length);
  });

  it('a write removes the temporary files a killed write of the same draft left beside it', () => {
    const draft = path.join(dir, 'draft.speech');
    const stale = path.join(dir, '.draft.speech.2147483646.abcdefgh.speechlint-tmp');
    const other = path.join(dir, '.other.speech.2147483646.abcdefgh.speechlint-tmp');
    fs.writeFileSync(stale, 'half');
    fs.writeFileSync(other, 'half');
    writeFileAtomic(draft, Buffer.from('新稿'));
    assert.equal(fs.readFileSync(draft, 'utf8'), '新稿');
    assert.ok(!fs.existsSync(stale), 'the dead process\'s temporary file is gone');
    assert.ok(fs.existsSync(other), 'another draft\'s is left alone');
    assert.deepEqual(
      fs.readdirSync(dir).filter((n) => n.startsWith('.draft.speech.')),
      [],
    );
  });
});
