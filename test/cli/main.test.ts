/**
 * main() in-process: --fix and its write path, stdin with --fix, progress,
 * colour, --max-warnings, segmentation loading, and the I/O failures that
 * need a seam (an unreadable file when the tests run as root, a draft that
 * changes on disk while it is checked).
 *
 * The --fix tests use test-only rules with safe fixes (helpers.ts), injected
 * through main()'s `registry` option, so they pin the write path down
 * whatever safe fixes the real rules offer.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import type { EslintResult } from '../../server/src/cli-format';
import { Registry } from '../../server/src/core/registry';
import { defineRule } from '../../server/src/core/rule';
import placeholderMarker from '../../server/src/core/rules/placeholder/marker';
import { charSegmenter } from '../../server/src/core/segment';
import { cleanup, runMain, testBrackets, testBreak, testDoubled, testSegmented, tmpDir, writeJson } from './helpers';

const fixRegistry = () => new Registry([testDoubled, testBrackets, testBreak]);

/** The fs module itself (the `import * as` binding has only getters): tests patch it to fake a full disk. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const nodeFs = require('fs') as typeof fs;

describe('speechlint main() in-process', () => {
  let dir: string;
  beforeEach(() => {
    dir = tmpDir();
    writeJson(path.join(dir, '.speechlintrc.json'), {});
  });
  afterEach(() => cleanup(dir));

  describe('--fix', () => {
    it('applies safe fixes, byte for byte unchanged elsewhere, CRLF and BOM kept, mode kept, then a second run changes nothing', async () => {
      const f = path.join(dir, 'a.speech');
      const original = '\ufeff标题\r\n\r\n同志们：\r\n(一)我们的的任务。<br>第二句。\r\n（二）其他的的的事项XX。\r\n';
      fs.writeFileSync(f, original);
      fs.chmodSync(f, 0o640);
      const r = await runMain(['--fix', 'a.speech'], { cwd: dir, deps: { registry: fixRegistry() } });
      assert.equal(r.code, 0, r.stderr);
      const expected = '\ufeff标题\r\n\r\n同志们：\r\n（一）我们的任务。\r\n第二句。\r\n（二）其他的事项XX。\r\n';
      assert.deepEqual(fs.readFileSync(f), Buffer.from(expected, 'utf8'));
      assert.equal(fs.statSync(f).mode & 0o777, 0o640, 'file mode kept');
      assert.deepEqual(fs.readdirSync(dir).sort(), ['.speechlintrc.json', 'a.speech'], 'no temporary file left');
      assert.equal(r.stderr, 'speechlint: a.speech: 5 fixes written\n', '(一), 的的, <br>, then 的的的 twice');
      assert.equal(r.stdout, '', 'everything fixed: nothing left to report');

      const ino = fs.statSync(f).ino;
      const again = await runMain(['--fix', 'a.speech'], { cwd: dir, deps: { registry: fixRegistry() } });
      assert.equal(again.code, 0);
      assert.equal(again.stderr, '');
      assert.deepEqual(fs.readFileSync(f), Buffer.from(expected, 'utf8'));
      assert.equal(fs.statSync(f).ino, ino, 'nothing to fix: the file is not replaced');
    });

    it('needs more than one pass for fixes that uncover fixes, and stops after three', async () => {
      const f = path.join(dir, 'b.txt');
      fs.writeFileSync(f, '的的的的的的的的的的');
      // 10 × 的: each pass deletes one 的 of every non-overlapping pair (5, then 3, then 2 left …)
      await runMain(['--fix', 'b.txt'], { cwd: dir, deps: { registry: fixRegistry() } });
      const after = fs.readFileSync(f, 'utf8');
      assert.equal(after, '的'.repeat(2), 'three passes: 10 → 5 → 3 → 2');
      const r = await runMain(['--format', 'json', 'b.txt'], { cwd: dir, deps: { registry: fixRegistry() } });
      const [res] = JSON.parse(r.stdout) as EslintResult[];
      assert.equal(res.messages.length, 1, 'the rest is reported');
    });

    it('reports what is left after fixing, on the fixed text', async () => {
      const f = path.join(dir, 'c.speech');
      fs.writeFileSync(f, '(一)的的\n待办XX\n');
      const r = await runMain(['--fix', '--format', 'json', 'c.speech'], {
        cwd: dir,
        deps: { registry: new Registry([testDoubled, testBrackets, placeholderMarker]) },
      });
      const [res] = JSON.parse(r.stdout) as EslintResult[];
      assert.deepEqual(
        res.messages.map((m) => [m.ruleId, m.line, m.column]),
        [['placeholder/marker', 2, 3]],
      );
      assert.equal(res.output, '（一）的\n待办XX\n');
    });

    it('never writes a draft that changed on disk while it was checked', async () => {
      const f = path.join(dir, 'd.speech');
      fs.writeFileSync(f, '我们的的任务\n');
      const readFile = (p: string) => {
        const bytes = fs.readFileSync(p);
        fs.appendFileSync(p, '另一个编辑器写入的内容\n'); // someone saves meanwhile
        return bytes;
      };
      const r = await runMain(['--fix', 'd.speech'], { cwd: dir, deps: { registry: fixRegistry(), readFile } });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^speechlint: d\.speech: the file changed on disk while it was being checked; fixes not written$/m);
      assert.equal(fs.readFileSync(f, 'utf8'), '我们的的任务\n另一个编辑器写入的内容\n');
    });

    it('never writes over a save of the same size with the same modification time (coarse file-system clocks)', async () => {
      const f = path.join(dir, 'same.speech');
      fs.writeFileSync(f, '我们的的任务\n');
      const t = 1700000000; // whole seconds, as a FAT clock keeps them
      fs.utimesSync(f, t, t);
      const readFile = (p: string) => {
        const bytes = fs.readFileSync(p);
        fs.writeFileSync(p, '我们的的任侮\n'); // a typo fixed in place: same byte count
        fs.utimesSync(p, t, t); // within the clock's granularity: the same mtime
        return bytes;
      };
      const r = await runMain(['--fix', 'same.speech'], { cwd: dir, deps: { registry: fixRegistry(), readFile } });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^speechlint: same\.speech: the file changed on disk while it was being checked; fixes not written$/m);
      assert.equal(fs.readFileSync(f, 'utf8'), '我们的的任侮\n');
    });

    it('with --stdin prints the fixed draft to stdout and the report to stderr', async () => {
      const r = await runMain(['--stdin', '--stdin-filename', 'x.speech', '--fix'], {
        cwd: dir,
        stdin: Buffer.from('\ufeff(一)的的\r\n(二)(三)<br>', 'utf8'),
        deps: { registry: new Registry([testDoubled, testBrackets, testBreak, placeholderMarker]) },
      });
      assert.equal(r.code, 0);
      assert.equal(r.stdout, '\ufeff（一）的\r\n（二）（三）\r\n');
      assert.equal(r.stderr, '', 'nothing left to report');
      const left = await runMain(['--stdin', '--fix', '--format', 'json'], { cwd: dir, stdin: '的的XX', deps: { registry: new Registry([testDoubled, placeholderMarker]) } });
      assert.equal(left.stdout, '的XX');
      const [res] = JSON.parse(left.stderr) as EslintResult[];
      assert.equal(res.filePath, '<text>');
      assert.deepEqual(
        res.messages.map((m) => m.ruleId),
        ['placeholder/marker'],
      );
    });

    it('with --stdin, a draft it cannot read goes back to stdout as it came (a filter never empties the buffer)', async () => {
      const gbk = Buffer.from([0xcd, 0xac, 0xd6, 0xbe, 0xc3, 0xc7, 0xa3, 0xba, 0x0a]); // 同志们： in GBK (its first 4 bytes happen to be valid UTF-8)
      const r = await runMain(['--stdin', '--fix'], { cwd: dir, stdin: gbk, deps: { registry: fixRegistry() } });
      assert.equal(r.code, 2);
      assert.deepEqual(r.stdoutBytes, gbk);
      assert.match(r.stderr, /^speechlint: <stdin>: not valid UTF-8 \(at byte 4\); it looks like GBK\/GB18030/);
      const check = await runMain(['--stdin'], { cwd: dir, stdin: gbk, deps: { registry: fixRegistry() } });
      assert.equal(check.code, 2);
      assert.equal(check.stdoutBytes.length, 0, 'without --fix stdout carries the report only');
    });
  });

  describe('a rule that throws', () => {
    const throwing = defineRule<Record<string, never>>({
      meta: { id: 'numbering/cli-test-throws', family: 'numbering', description: { zh: '测试：抛出异常', en: 'test: throws' }, defaultSeverity: 'warning', fixable: false, defaultOptions: {}, examples: { wrong: '', right: '' } },
      messages: {},
      check() {
        throw new Error('asked to throw');
      },
    });

    it('is named once per draft, the other rules still report and fix, and the exit code is 2 (it may have missed errors)', async () => {
      fs.writeFileSync(path.join(dir, 'a.speech'), '的的的的的的');
      fs.writeFileSync(path.join(dir, 'b.speech'), '好');
      const r = await runMain(['--fix', '--format', 'json', 'a.speech', 'b.speech'], { cwd: dir, deps: { registry: new Registry([testDoubled, throwing]) } });
      assert.equal(r.code, 2);
      assert.equal(
        r.stderr,
        'speechlint: a.speech: rule numbering/cli-test-throws failed and was skipped: asked to throw\n' +
          'speechlint: a.speech: 5 fixes written\n' +
          'speechlint: b.speech: rule numbering/cli-test-throws failed and was skipped: asked to throw\n',
        'once per draft, not once per fix pass',
      );
      assert.equal(fs.readFileSync(path.join(dir, 'a.speech'), 'utf8'), '的');
      const zh = await runMain(['b.speech'], { cwd: dir, env: { LANG: 'zh_CN.UTF-8' }, deps: { registry: new Registry([throwing]) } });
      assert.equal(zh.stderr, 'speechlint: b.speech: 规则 numbering/cli-test-throws 出错，已跳过：asked to throw\n');
      assert.equal(zh.code, 2);
    });
  });

  describe('JSON', () => {
    it('gives a safe fix as one ESLint range (edits merged) and other fixes as suggestions', async () => {
      fs.writeFileSync(path.join(dir, 'e.speech'), 'ab\n🎉(一)好\n');
      const r = await runMain(['--format', 'json', 'e.speech'], { cwd: dir, deps: { registry: fixRegistry() } });
      assert.equal(r.code, 1, 'the bracket test rule reports errors');
      const [res] = JSON.parse(r.stdout) as EslintResult[];
      const m = res.messages[0];
      // "(一)" starts at offset 5 (a b \n 🎉=2 units) and ends at 8
      assert.deepEqual({ line: m.line, column: m.column, endLine: m.endLine, endColumn: m.endColumn }, { line: 2, column: 3, endLine: 2, endColumn: 6 });
      assert.deepEqual(m.fix, { range: [5, 8], text: '（一）' });
      assert.deepEqual(m.suggestions, [{ desc: 'remove the brackets', fix: { range: [5, 8], text: '一' } }]);
      assert.equal(res.errorCount, 1);
      assert.equal(res.fixableErrorCount, 1);
      assert.equal(res.fixableWarningCount, 0);
      const text = fs.readFileSync(path.join(dir, 'e.speech'), 'utf8');
      assert.equal(text.slice(0, m.fix!.range[0]) + m.fix!.text + text.slice(m.fix!.range[1]), 'ab\n🎉（一）好\n', 'the range applies to the file as ESLint would');
    });

    it('counts columns without the BOM, as editors do', async () => {
      fs.writeFileSync(path.join(dir, 'bom.speech'), '\ufeffXX来宾\r\n第二行XX\r\n');
      const r = await runMain(['--format', 'json', 'bom.speech'], { cwd: dir, deps: { registry: new Registry([placeholderMarker]) } });
      const [res] = JSON.parse(r.stdout) as EslintResult[];
      assert.deepEqual(
        res.messages.map((m) => [m.line, m.column, m.endColumn]),
        [
          [1, 1, 3],
          [2, 4, 6],
        ],
      );
    });

    it('gives messages in the chosen locale', async () => {
      fs.writeFileSync(path.join(dir, 'f.speech'), '的的');
      const zh = await runMain(['--format', 'json', '--locale', 'zh', 'f.speech'], { cwd: dir, deps: { registry: fixRegistry() } });
      assert.equal((JSON.parse(zh.stdout) as EslintResult[])[0].messages[0].message, '“的”重复');
      const en = await runMain(['--format', 'json', 'f.speech'], { cwd: dir, env: { LC_ALL: 'C', LANG: 'zh_CN.UTF-8' }, deps: { registry: fixRegistry() } });
      assert.equal((JSON.parse(en.stdout) as EslintResult[])[0].messages[0].message, 'doubled "的"', 'LC_ALL wins over LANG');
    });
  });

  describe('I/O errors', () => {
    it('an unreadable file: one line, exit 2, the other files still reported', async () => {
      fs.writeFileSync(path.join(dir, 'locked.speech'), '的的');
      fs.writeFileSync(path.join(dir, 'open.speech'), '的的');
      const readFile = (p: string) => {
        if (p.endsWith('locked.speech')) throw Object.assign(new Error(`EACCES: permission denied, open '${p}'`), { code: 'EACCES' });
        return fs.readFileSync(p);
      };
      const r = await runMain(['--fix', 'locked.speech', 'open.speech'], { cwd: dir, deps: { registry: fixRegistry(), readFile } });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^speechlint: locked\.speech: permission denied$/m);
      assert.equal(fs.readFileSync(path.join(dir, 'locked.speech'), 'utf8'), '的的', 'nothing written');
      assert.equal(fs.readFileSync(path.join(dir, 'open.speech'), 'utf8'), '的', 'the readable file is fixed');
    });

    it('--fix on a full disk: one line, exit 2, the draft and its folder as they were', async () => {
      const f = path.join(dir, 'full.speech');
      fs.writeFileSync(f, '我们的的任务\n');
      const real = nodeFs.writeSync;
      nodeFs.writeSync = () => {
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      };
      let r;
      try {
        r = await runMain(['--fix', 'full.speech'], { cwd: dir, deps: { registry: fixRegistry() } });
      } finally {
        nodeFs.writeSync = real;
      }
      assert.equal(r.code, 2);
      assert.equal(r.stderr, 'speechlint: full.speech: cannot write the fixes: no space left on the disk\n');
      assert.equal(fs.readFileSync(f, 'utf8'), '我们的的任务\n');
      assert.deepEqual(fs.readdirSync(dir).sort(), ['.speechlintrc.json', 'full.speech']);
      const again = await runMain(['--fix', 'full.speech'], { cwd: dir, deps: { registry: fixRegistry() } });
      assert.equal(again.code, 0, 'the disk has room again: the fix is written');
      assert.equal(fs.readFileSync(f, 'utf8'), '我们的任务\n');
    });

    it('--fix on a draft in a read-only place: the write error says write, not read', async () => {
      const f = path.join(dir, 'ro.speech');
      fs.writeFileSync(f, '我们的的任务\n');
      const real = nodeFs.openSync;
      nodeFs.openSync = (...a: Parameters<typeof fs.openSync>) => {
        if (String(a[0]).endsWith('.speechlint-tmp')) throw Object.assign(new Error(`EACCES: permission denied, open '${String(a[0])}'`), { code: 'EACCES' });
        return real(...a);
      };
      let en;
      let zh;
      try {
        en = await runMain(['--fix', 'ro.speech'], { cwd: dir, deps: { registry: fixRegistry() } });
        zh = await runMain(['--fix', 'ro.speech'], { cwd: dir, env: { LANG: 'zh_CN.UTF-8' }, deps: { registry: fixRegistry() } });
      } finally {
        nodeFs.openSync = real;
      }
      assert.equal(en.code, 2);
      assert.equal(en.stderr, 'speechlint: ro.speech: cannot write the fixes: permission denied\n');
      assert.equal(zh.stderr, 'speechlint: ro.speech: 无法写入修复：没有写入权限\n');
      assert.equal(fs.readFileSync(f, 'utf8'), '我们的的任务\n');
    });

    it('a folder given where a file is read', async () => {
      fs.mkdirSync(path.join(dir, 'notes.txt'));
      fs.writeFileSync(path.join(dir, 'notes.txt', 'inner.md'), '的的');
      const readFile = (p: string) => fs.readFileSync(path.dirname(p)); // EISDIR
      const r = await runMain(['notes.txt'], { cwd: dir, deps: { registry: fixRegistry(), readFile } });
      assert.equal(r.code, 2);
      assert.equal(r.stderr, `speechlint: ${path.join('notes.txt', 'inner.md')}: is a folder, not a file\n`);
    });

    it('a UTF-16 draft is named as such', async () => {
      fs.writeFileSync(path.join(dir, 'u16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('同志们', 'utf16le')]));
      const r = await runMain(['u16.txt'], { cwd: dir, env: { LANG: 'zh_CN.UTF-8' } });
      assert.equal(r.code, 2);
      assert.equal(r.stderr, 'speechlint: u16.txt: 文件为 UTF-16 编码，请另存为 UTF-8 文本\n');
    });

    it('an empty folder is an error, an empty draft is not', async () => {
      fs.mkdirSync(path.join(dir, 'empty'));
      fs.writeFileSync(path.join(dir, 'blank.speech'), '');
      const r = await runMain(['empty', 'blank.speech'], { cwd: dir });
      assert.equal(r.code, 2);
      assert.equal(r.stderr, 'speechlint: empty: no .speech, .txt, .md, .docx files in this folder\n');
    });
  });

  describe('output', () => {
    it('colours stylish output on a terminal unless NO_COLOR is set', async () => {
      fs.writeFileSync(path.join(dir, 'g.speech'), '(一)的的');
      const tty = await runMain(['g.speech'], { cwd: dir, stdoutTTY: true, env: { LANG: 'en' }, deps: { registry: fixRegistry() } });
      assert.match(tty.stdout, /\x1b\[31merror/);
      const noColor = await runMain(['g.speech'], { cwd: dir, stdoutTTY: true, env: { LANG: 'en', NO_COLOR: '1' }, deps: { registry: fixRegistry() } });
      assert.doesNotMatch(noColor.stdout, /\x1b\[/);
      const pipe = await runMain(['g.speech'], { cwd: dir, stdoutTTY: false, env: { LANG: 'en' }, deps: { registry: fixRegistry() } });
      assert.doesNotMatch(pipe.stdout, /\x1b\[/);
    });

    it('stylish in Chinese uses Chinese severity words and aligns wide characters', async () => {
      fs.writeFileSync(path.join(dir, 'h.speech'), '(一)的的<br>\n' + '\n'.repeat(9) + '的的');
      const r = await runMain(['h.speech'], { cwd: dir, env: { LANG: 'zh_CN.UTF-8' }, deps: { registry: fixRegistry() } });
      const rows = r.stdout.split('\n').filter((l) => l.startsWith('  ') && /\d+:\d+/.test(l));
      assert.deepEqual(
        rows.map((l) => l.trim().replace(/ {2,}/g, ' | ')),
        ['1:1 | 错误 | 应使用全角括号 | numbering/cli-test-brackets', '1:4 | 警告 | “的”重复 | repetition/cli-test-doubled', '1:6 | 提示 | 换行标记 | balance/cli-test-break', '11:1 | 警告 | “的”重复 | repetition/cli-test-doubled'],
      );
      // the rule ids start in the same terminal column
      const { displayWidth } = await import('../../server/src/cli-format');
      const cols = rows.map((l) => displayWidth(l.slice(0, l.search(/[a-z]+\/cli-test/))));
      assert.equal(new Set(cols).size, 1, JSON.stringify(cols));
      assert.match(r.stdout, /✖ 共 4 个问题（1 个错误，2 个警告，1 个提示）/);
      assert.match(r.stdout, /其中 4 个（1 个错误）可用 `--fix` 选项自动修复/);
      const warnOnly = await runMain(['h.speech'], { cwd: dir, env: { LANG: 'zh_CN.UTF-8' }, deps: { registry: new Registry([testDoubled]) } });
      assert.match(warnOnly.stdout, /\n {2}其中 2 个可用 `--fix` 选项自动修复。\n/);
    });

    it('shows progress on stderr for many files: a line every few files when piped', async () => {
      for (let i = 0; i < 25; i++) fs.writeFileSync(path.join(dir, `d${String(i).padStart(2, '0')}.speech`), '同志们：\n');
      const r = await runMain(['.'], { cwd: dir, deps: { registry: fixRegistry() } });
      assert.equal(r.code, 0);
      assert.equal(r.stderr, 'checked 10/25 …\nchecked 20/25 …\nchecked 25/25 …\n');
      const tty = await runMain(['.'], { cwd: dir, stderrTTY: true, deps: { registry: fixRegistry() } });
      assert.ok(tty.stderr.includes('\r\x1b[Kchecked 25/25 …'), 'one updating line');
      assert.ok(tty.stderr.endsWith('\r\x1b[K'), 'and it is cleared at the end');
    });

    it('stays silent for a few files', async () => {
      for (let i = 0; i < 3; i++) fs.writeFileSync(path.join(dir, `d${i}.speech`), '同志们：\n');
      const r = await runMain(['.'], { cwd: dir, stderrTTY: true, deps: { registry: fixRegistry() } });
      assert.equal(r.stderr, '');
    });
  });

  describe('--max-warnings', () => {
    it('exits 1 above the limit, counting warnings only (not info or hints)', async () => {
      fs.writeFileSync(path.join(dir, 'w.speech'), '的的 的的 <br><br>');
      const deps = { registry: fixRegistry() };
      assert.equal((await runMain(['--max-warnings', '2', 'w.speech'], { cwd: dir, deps })).code, 0);
      const over = await runMain(['--max-warnings', '1', 'w.speech'], { cwd: dir, deps });
      assert.equal(over.code, 1);
      assert.equal(over.stderr, 'speechlint: too many warnings (2; maximum 1)\n');
      assert.equal((await runMain(['--max-warnings', 'lots', 'w.speech'], { cwd: dir, deps })).code, 2);
    });
  });

  describe('word segmentation', () => {
    it('is loaded only when an enabled rule needs it, once per run', async () => {
      fs.writeFileSync(path.join(dir, 'a.speech'), '工作');
      fs.writeFileSync(path.join(dir, 'b.speech'), '工作');
      let loads = 0;
      const loadSegmenter = () => {
        loads++;
        return { segmenter: charSegmenter };
      };
      const registry = new Registry([testSegmented, testDoubled]);
      const r = await runMain(['--format', 'json', 'a.speech', 'b.speech'], { cwd: dir, deps: { registry, loadSegmenter } });
      assert.equal(loads, 1);
      assert.deepEqual(
        (JSON.parse(r.stdout) as EslintResult[]).map((x) => x.messages.map((m) => m.ruleId)),
        [['repetition/cli-test-tokens'], ['repetition/cli-test-tokens']],
      );
      await runMain(['--rule', 'repetition/cli-test-tokens:off', 'a.speech'], { cwd: dir, deps: { registry, loadSegmenter } });
      assert.equal(loads, 1, 'not loaded when the only rule that needs it is off');
    });

    it('warns once when it cannot load, and the other rules still run', async () => {
      fs.writeFileSync(path.join(dir, 'a.speech'), '工作的的');
      fs.writeFileSync(path.join(dir, 'b.speech'), '的的');
      const registry = new Registry([testSegmented, testDoubled]);
      const r = await runMain(['--format', 'json', 'a.speech', 'b.speech'], { cwd: dir, deps: { registry, loadSegmenter: () => ({ error: 'no binary for this Node' }) } });
      assert.equal(r.code, 0, 'a missing segmenter is not an I/O error');
      assert.equal(
        r.stderr,
        'speechlint: warning: word segmentation (jieba) could not be loaded (no binary for this Node); these rules did not run: repetition/cli-test-tokens\n',
      );
      assert.deepEqual(
        (JSON.parse(r.stdout) as EslintResult[]).map((x) => x.messages.map((m) => m.ruleId)),
        [['repetition/cli-test-doubled'], ['repetition/cli-test-doubled']],
      );
    });

    it('adds the user dictionary of the config, resolved beside the config file, once', async () => {
      fs.mkdirSync(path.join(dir, 'sub'));
      writeJson(path.join(dir, '.speechlintrc.json'), { dictionary: 'words.txt' });
      fs.writeFileSync(path.join(dir, 'words.txt'), '学赶\n');
      fs.writeFileSync(path.join(dir, 'sub', 'a.speech'), '工作');
      fs.writeFileSync(path.join(dir, 'b.speech'), '工作');
      const added: string[] = [];
      await runMain(['sub/a.speech', 'b.speech'], {
        cwd: dir,
        deps: {
          registry: new Registry([testSegmented]),
          loadSegmenter: () => ({ segmenter: charSegmenter }),
          addUserDictionary: (p) => {
            added.push(p);
            return {};
          },
        },
      });
      assert.deepEqual(added, [path.join(dir, 'words.txt')]);
    });
  });
});
