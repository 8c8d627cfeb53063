/**
 * The real `bin/speechlint.js` as a child process: exit codes, output
 * formats, stdin, and the I/O errors that must end in one clear line and
 * exit 2. Drafts get a config that keeps only the placeholder rules, so the
 * exit codes do not move when the project gains rules.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import type { EslintResult } from '../../server/src/cli-format';
import { BIN, FIXTURES, ROOT, cleanup, placeholderOnlyConfig, runBin, tmpDir, writeJson } from './helpers';

describe('speechlint bin (child process)', () => {
  let dir: string;
  beforeEach(() => {
    dir = tmpDir();
    writeJson(path.join(dir, '.speechlintrc.json'), placeholderOnlyConfig());
    fs.copyFileSync(path.join(FIXTURES, 'placeholders.speech'), path.join(dir, 'placeholders.speech'));
    fs.copyFileSync(path.join(FIXTURES, 'clean.speech'), path.join(dir, 'clean.speech'));
  });
  afterEach(() => cleanup(dir));

  it('is an executable node script', () => {
    const head = fs.readFileSync(BIN, 'utf8').split('\n')[0];
    assert.equal(head, '#!/usr/bin/env node');
    assert.ok((fs.statSync(BIN).mode & 0o111) !== 0, 'bin/speechlint.js must be executable');
  });

  it('exits 0 on a clean draft and prints nothing', () => {
    const r = runBin(['clean.speech'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, '');
  });

  it('exits 0 in draft mode when only placeholders are left, 1 with --mode final', () => {
    const draft = runBin(['placeholders.speech'], { cwd: dir });
    assert.equal(draft.code, 0, draft.stderr);
    assert.match(draft.stdout, /placeholder\/marker/);
    assert.match(draft.stdout, /\binfo\b/);
    const final = runBin(['--mode', 'final', 'placeholders.speech'], { cwd: dir });
    assert.equal(final.code, 1, final.stderr);
    assert.match(final.stdout, /\berror\b/);
    assert.match(final.stdout, /2 problems \(2 errors, 0 warnings\)/);
  });

  it('takes the mode from the config file too, and --mode draft overrides it', () => {
    writeJson(path.join(dir, '.speechlintrc.json'), { ...placeholderOnlyConfig(), mode: 'final' });
    assert.equal(runBin(['placeholders.speech'], { cwd: dir }).code, 1);
    assert.equal(runBin(['--mode', 'draft', 'placeholders.speech'], { cwd: dir }).code, 0);
  });

  it('prints stylish output with line:col, severity, message and rule id', () => {
    const r = runBin(['placeholders.speech'], { cwd: dir });
    const lines = r.stdout.split('\n');
    assert.equal(lines[1], 'placeholders.speech');
    assert.match(lines[2], /^ {2}1:2 {3}info {2}Placeholder "XX" has not been filled in {2}placeholder\/marker$/);
    assert.match(lines[3], /^ {2}5:39 {2}info /);
    assert.match(r.stdout, /2 problems \(0 errors, 0 warnings, 2 info\)/);
    assert.doesNotMatch(r.stdout, /\x1b\[/, 'no colour when stdout is not a terminal');
  });

  it('prints ESLint-shaped JSON with 1-based lines and UTF-16 columns', () => {
    // line 3: two emoji (two UTF-16 units each) and two Han characters before XX
    fs.writeFileSync(path.join(dir, 'emoji.speech'), '标题\n\n🎉🎊欢迎XX来宾\n');
    const r = runBin(['--format', 'json', 'emoji.speech', 'clean.speech'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as EslintResult[];
    assert.ok(Array.isArray(out));
    assert.equal(out.length, 2);
    const [emoji, clean] = out;
    assert.equal(emoji.filePath, path.join(fs.realpathSync(dir), 'emoji.speech'));
    for (const key of ['filePath', 'messages', 'errorCount', 'warningCount', 'fixableErrorCount', 'fixableWarningCount']) assert.ok(key in emoji, key);
    assert.equal(emoji.messages.length, 1);
    const m = emoji.messages[0];
    assert.deepEqual(
      { ruleId: m.ruleId, severity: m.severity, speechlintSeverity: m.speechlintSeverity, line: m.line, column: m.column, endLine: m.endLine, endColumn: m.endColumn },
      { ruleId: 'placeholder/marker', severity: 1, speechlintSeverity: 'info', line: 3, column: 7, endLine: 3, endColumn: 9 },
    );
    assert.equal(typeof m.message, 'string');
    assert.equal('fix' in m, false, 'no fix for a finding without a safe fix');
    assert.equal(emoji.errorCount, 0);
    assert.equal(emoji.warningCount, 1, 'info counts as an ESLint warning (severity 1)');
    assert.deepEqual(clean.messages, []);
    assert.equal(clean.errorCount + clean.warningCount, 0);
  });

  it('reports severity 2 for errors in JSON (--mode final) and exits 1', () => {
    const r = runBin(['--format', 'json', '--mode', 'final', 'placeholders.speech'], { cwd: dir });
    assert.equal(r.code, 1);
    const [res] = JSON.parse(r.stdout) as EslintResult[];
    assert.deepEqual(
      res.messages.map((m) => [m.severity, m.speechlintSeverity, m.line, m.column]),
      [
        [2, 'error', 1, 2],
        [2, 'error', 5, 39],
      ],
    );
    assert.equal(res.errorCount, 2);
  });

  it('speaks Chinese or English from --locale and LANG', () => {
    const zh = runBin(['placeholders.speech'], { cwd: dir, env: { LANG: 'zh_CN.UTF-8' } });
    assert.match(zh.stdout, /信息 {2}占位符“XX”尚未替换/);
    assert.match(zh.stdout, /共 2 个问题/);
    const en = runBin(['placeholders.speech'], { cwd: dir, env: { LANG: 'C.UTF-8' } });
    assert.match(en.stdout, /Placeholder "XX" has not been filled in/);
    const forced = runBin(['--locale', 'zh', 'placeholders.speech'], { cwd: dir, env: { LANG: 'en_US.UTF-8' } });
    assert.match(forced.stdout, /占位符/);
    const unset = runBin(['placeholders.speech'], { cwd: dir, env: { LANG: undefined } });
    assert.match(unset.stdout, /占位符/, 'Chinese when no locale is set');
  });

  it('reads --stdin; --stdin-filename picks the config and names the result', () => {
    fs.mkdirSync(path.join(dir, 'strict'));
    writeJson(path.join(dir, 'strict', '.speechlintrc.json'), placeholderOnlyConfig({ 'placeholder/marker': 'error' }));
    const text = fs.readFileSync(path.join(FIXTURES, 'placeholders.speech'));
    const named = runBin(['--stdin', '--stdin-filename', 'strict/x.speech', '--format', 'json'], { cwd: dir, input: text });
    assert.equal(named.code, 1, 'the strict config beside the named file applies');
    const [res] = JSON.parse(named.stdout) as EslintResult[];
    assert.equal(res.filePath, path.join(fs.realpathSync(dir), 'strict', 'x.speech'));
    assert.equal(res.errorCount, 2);
    const plain = runBin(['--stdin'], { cwd: dir, input: text });
    assert.equal(plain.code, 0);
    assert.match(plain.stdout, /^<stdin>$/m);
  });

  it('exits 2 with one line for a missing file, and still checks the others', () => {
    const r = runBin(['--format', 'json', 'nope.speech', 'placeholders.speech'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'speechlint: nope.speech: no such file or folder\n');
    const out = JSON.parse(r.stdout) as EslintResult[];
    assert.deepEqual(
      out.map((x) => path.basename(x.filePath)),
      ['placeholders.speech'],
    );
  });

  it('refuses a binary file and an invalid UTF-8 file: one line each, exit 2, nothing written', () => {
    const bin = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    // "讲话稿XX" saved as GBK
    const gbkBytes = Buffer.from([0xbd, 0xb2, 0xbb, 0xb0, 0xb8, 0xe5, 0x58, 0x58]);
    const broken = Buffer.concat([Buffer.from('同志们：', 'utf8'), Buffer.from([0xe4, 0xb8]), Buffer.from('好', 'utf8')]);
    fs.writeFileSync(path.join(dir, 'image.speech'), bin);
    fs.writeFileSync(path.join(dir, 'gbk.txt'), gbkBytes);
    fs.writeFileSync(path.join(dir, 'broken.md'), broken);
    const before = fs.readdirSync(dir).sort();
    const r = runBin(['--fix', 'image.speech', 'gbk.txt', 'broken.md', 'placeholders.speech'], { cwd: dir });
    assert.equal(r.code, 2);
    const lines = r.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 3, r.stderr);
    assert.match(lines[0], /^speechlint: image\.speech: binary file \(contains NUL bytes\), not text$/);
    assert.match(lines[1], /^speechlint: gbk\.txt: not valid UTF-8 \(at byte 0\); it looks like GBK\/GB18030/);
    assert.match(lines[2], /^speechlint: broken\.md: not valid UTF-8 text \(at byte 12\)$/);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    assert.match(r.stdout, /placeholders\.speech/, 'the good file is still reported');
    assert.deepEqual(fs.readFileSync(path.join(dir, 'image.speech')), bin);
    assert.deepEqual(fs.readFileSync(path.join(dir, 'gbk.txt')), gbkBytes);
    assert.deepEqual(fs.readFileSync(path.join(dir, 'broken.md')), broken);
    assert.deepEqual(fs.readdirSync(dir).sort(), before, 'no temporary file left behind');
  });

  it('reports a symbolic link that loops back into its folder, and checks the rest', () => {
    fs.mkdirSync(path.join(dir, 'drafts', 'old'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'drafts', 'old', 'a.txt'), '同志们：XX\n');
    fs.symlinkSync('..', path.join(dir, 'drafts', 'old', 'loop'));
    const r = runBin(['--format', 'json', 'drafts'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /^speechlint: drafts\/old\/loop: directory loop: links back to its ancestor /);
    const out = JSON.parse(r.stdout) as EslintResult[];
    assert.deepEqual(
      out.map((x) => path.relative(fs.realpathSync(dir), x.filePath)),
      ['drafts/old/a.txt'],
    );
  });

  it('cannot read a file without permission: exit 2 and one line', function () {
    if (process.getuid?.() === 0) {
      // root reads a chmod 000 file anyway; main.test.ts covers the same path through an injected read
      this.skip();
    }
    const f = path.join(dir, 'secret.speech');
    fs.writeFileSync(f, '同志们：\n');
    fs.chmodSync(f, 0o000);
    const r = runBin(['secret.speech'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'speechlint: secret.speech: permission denied\n');
  });

  it('walks folders for .speech, .txt, .md and .docx only, skipping node_modules and dot-folders', () => {
    const mk = (p: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
      fs.writeFileSync(path.join(dir, p), '同志们：请XX同志发言。\n');
    };
    for (const p of ['w/a.speech', 'w/b.TXT', 'w/c.md', 'w/d.doc', 'w/e.json', 'w/node_modules/x.txt', 'w/.git/y.txt', 'w/.hidden/z.md', 'w/.dot.speech', 'w/sub/f.speech']) mk(p);
    const r = runBin(['--format', 'json', 'w'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as EslintResult[];
    assert.deepEqual(
      out.map((x) => path.relative(path.join(fs.realpathSync(dir), 'w'), x.filePath)),
      ['a.speech', 'b.TXT', 'c.md', 'sub/f.speech'],
    );
  });

  it('warns about a broken .speechlintrc.json naming file and key, applies the defaults, exits by findings', () => {
    writeJson(path.join(dir, '.speechlintrc.json'), placeholderOnlyConfig({ 'placeholder/marker': 'loud' }));
    const r = runBin(['placeholders.speech', 'clean.speech'], { cwd: dir });
    assert.equal(r.code, 0, 'placeholder/marker falls back to its default (info)');
    const lines = r.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 1, 'one message for the config, not one per draft');
    assert.match(lines[0], /^speechlint: \.speechlintrc\.json: rules\.placeholder\/marker: .*"loud"/);
    assert.match(r.stdout, /info {2}Placeholder/);
    assert.equal(runBin(['--mode', 'final', 'placeholders.speech'], { cwd: dir }).code, 1);
  });

  it('keeps checking with the defaults when the config is not JSON at all', () => {
    fs.writeFileSync(path.join(dir, '.speechlintrc.json'), '{"rules": {');
    const r = runBin(['--format', 'json', 'placeholders.speech'], { cwd: dir });
    assert.notEqual(r.code, 2);
    assert.equal(r.stderr, 'speechlint: .speechlintrc.json: invalid JSON at line 1, column 12: expected a property name in double quotes or "}", found the end of the file\n');
    const [res] = JSON.parse(r.stdout) as EslintResult[];
    assert.ok(res.messages.some((m) => m.ruleId === 'placeholder/marker'));
  });

  it('treats a missing --config file as a usage error', () => {
    const r = runBin(['--config', 'nowhere.json', 'placeholders.speech'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'speechlint: config file not found: nowhere.json\n');
    assert.equal(r.stdout, '');
    fs.mkdirSync(path.join(dir, 'conf'));
    const folder = runBin(['--config', 'conf', 'placeholders.speech'], { cwd: dir, env: { LANG: 'zh_CN.UTF-8' } });
    assert.equal(folder.code, 2);
    assert.equal(folder.stderr, 'speechlint: 配置文件 conf 不是文件\n', 'a folder is not called missing');
    const under = runBin(['--config', 'placeholders.speech/x.json', 'placeholders.speech'], { cwd: dir });
    assert.equal(under.code, 2);
    assert.equal(under.stderr, 'speechlint: cannot read the config file placeholders.speech/x.json: a part of the path is not a folder\n');
  });

  it('uses --config instead of the nearest .speechlintrc.json', () => {
    writeJson(path.join(dir, 'gate.json'), placeholderOnlyConfig({ 'placeholder/marker': 'error' }));
    assert.equal(runBin(['--config', 'gate.json', 'placeholders.speech'], { cwd: dir }).code, 1);
  });

  it('--rule overrides a severity; an unknown rule is a usage error', () => {
    assert.equal(runBin(['--rule', 'placeholder/marker:error', 'placeholders.speech'], { cwd: dir }).code, 1);
    const off = runBin(['--rule', 'placeholder/marker:off', 'placeholders.speech'], { cwd: dir });
    assert.equal(off.code, 0);
    assert.doesNotMatch(off.stdout, /placeholder\/marker/);
    const bad = runBin(['--rule', 'nosuch/rule:error', 'placeholders.speech'], { cwd: dir });
    assert.equal(bad.code, 2);
    assert.equal(bad.stderr, 'speechlint: --rule: unknown rule "nosuch/rule"\n');
  });

  it('--help is bilingual and exits 0; --version prints the package version', () => {
    const h = runBin(['--help']);
    assert.equal(h.code, 0);
    assert.match(h.stdout, /用法 Usage:/);
    for (const opt of ['--format', '--config', '--fix', '--stdin', '--stdin-filename', '--mode', '--locale', '--rule', '--max-warnings']) assert.ok(h.stdout.includes(opt), opt);
    const v = runBin(['-v']);
    assert.equal(v.code, 0);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.equal(v.stdout, `speechlint ${pkg.version}\n`);
  });

  it('a usage error is one line on stderr and exit 2', () => {
    for (const args of [['--frobnicate', 'x.speech'], [], ['--format', 'xml', 'x.speech'], ['--mode', 'done', 'x.speech'], ['--stdin', 'x.speech'], ['--format']]) {
      const r = runBin(args, { cwd: dir });
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /^speechlint: [^\n]+\n$/, `${args.join(' ')}: ${r.stderr}`);
    }
  });

  it('--fix leaves a draft with nothing to fix untouched (not even rewritten)', () => {
    const f = path.join(dir, 'placeholders.speech');
    const before = fs.statSync(f);
    const bytes = fs.readFileSync(f);
    const r = runBin(['--fix', 'placeholders.speech'], { cwd: dir });
    assert.equal(r.code, 0);
    const after = fs.statSync(f);
    assert.deepEqual(fs.readFileSync(f), bytes);
    assert.equal(after.ino, before.ino, 'the file was not replaced');
    assert.equal(after.mtimeMs, before.mtimeMs);
  });

  it('checks the bundled example draft with the default rules', () => {
    const r = runBin(['--format', 'json', 'examples/sample.speech'], { cwd: ROOT });
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    const [res] = JSON.parse(r.stdout) as EslintResult[];
    const placeholders = res.messages.filter((m) => m.ruleId === 'placeholder/marker');
    assert.ok(placeholders.length >= 8, `placeholders found: ${placeholders.length}`);
    const stylish = runBin(['examples/sample.speech'], { cwd: ROOT });
    assert.match(stylish.stdout, /^examples\/sample\.speech$/m);
  });
});
