/** The CLI's file helpers and formatting pieces, one by one. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from '../../server/src/cli';
import { detectLocale } from '../../server/src/core/rule';
import { displayWidth, formatStylish, mergeEdits, normalizeEol } from '../../server/src/cli-format';
import type { Finding } from '../../server/src/core/rule';
import { decodeDraft, detectEol, encodeDraft, expandPaths, firstInvalidUtf8, writeFileAtomic } from '../../server/src/node/textfile';
import { createRegistry } from '../../server/src/core/rules';
import { findConfigFile, loadConfigFor, readConfigFile } from '../../server/src/node/config-file';
import { cleanup, tmpDir, writeJson } from './helpers';

/** The fs module itself (the `import * as` binding has only getters): tests patch it to fake a full disk. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const nodeFs = require('fs') as typeof fs;

describe('CLI helpers', () => {
  describe('decodeDraft', () => {
    it('decodes UTF-8, removes and remembers the BOM, detects the line breaks', () => {
      const r = decodeDraft(Buffer.from('\ufeff同志们：\r\n好', 'utf8'));
      assert.ok(r.ok);
      assert.equal(r.text, '同志们：\r\n好');
      assert.equal(r.bom, true);
      assert.equal(r.eol, '\r\n');
      assert.deepEqual(encodeDraft(r.text, r.bom), Buffer.from('\ufeff同志们：\r\n好', 'utf8'));
    });

    it('accepts an empty file and emoji', () => {
      const e = decodeDraft(Buffer.alloc(0));
      assert.ok(e.ok && e.text === '' && !e.bom && e.eol === '\n');
      const m = decodeDraft(Buffer.from('🎉讲话', 'utf8'));
      assert.ok(m.ok && m.text === '🎉讲话');
    });

    const refused: [string, Buffer, RegExp][] = [
      ['NUL bytes', Buffer.from('abc\0def'), /NUL/],
      ['UTF-16 LE', Buffer.from([0xff, 0xfe, 0x41, 0x00]), /UTF-16/],
      ['a Word document', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), /Word/],
      ['mostly control characters', Buffer.from('\x01\x02\x03\x04\x05\x06\x07abc'), /control/],
      ['a lone continuation byte', Buffer.from([0x41, 0x80]), /at byte 1\)/],
      ['a surrogate encoded in UTF-8', Buffer.from([0xed, 0xa0, 0x80]), /at byte 0\)/],
      ['GBK', Buffer.from([0xc4, 0xe3, 0xba, 0xc3, 0xca, 0xc0, 0xbd, 0xe7]), /GB18030/],
    ];
    for (const [name, bytes, re] of refused) {
      it(`refuses ${name}`, () => {
        const r = decodeDraft(bytes);
        assert.equal(r.ok, false);
        if (!r.ok) assert.match(r.reason.en, re);
      });
    }

    it('finds the first invalid UTF-8 byte exactly where TextDecoder gives up', () => {
      let seed = 42;
      const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
      const pieces = [[0x41], [0xe4, 0xb8, 0xad], [0xf0, 0x9f, 0x8e, 0x89], [0xc3, 0xa9], [0x80], [0xe4, 0xb8], [0xf5], [0xc0, 0x80], [0xed, 0xbf, 0xbf]];
      for (let n = 0; n < 500; n++) {
        const bytes: number[] = [];
        const len = Math.floor(rnd() * 8);
        for (let i = 0; i < len; i++) bytes.push(...pieces[Math.floor(rnd() * pieces.length)]);
        const buf = Buffer.from(bytes);
        let valid = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(buf);
        } catch {
          valid = false;
        }
        const at = firstInvalidUtf8(buf);
        assert.equal(at === -1, valid, buf.toString('hex'));
        if (!valid) {
          // everything before `at` decodes; `at` is where the replacement character first appears
          assert.doesNotThrow(() => new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, at)), buf.toString('hex'));
        }
      }
    });

    it('detects line-break styles', () => {
      assert.equal(detectEol('a\nb\r\n'), '\n');
      assert.equal(detectEol('a\r\nb\n'), '\r\n');
      assert.equal(detectEol('a\rb'), '\r');
      assert.equal(detectEol('ab'), '\n');
    });
  });

  describe('writeFileAtomic', () => {
    let dir: string;
    beforeEach(() => (dir = tmpDir()));
    afterEach(() => cleanup(dir));

    it('replaces the target of a symbolic link, keeps the link and the mode, leaves no temporary file', () => {
      const real = path.join(dir, 'real.speech');
      fs.writeFileSync(real, 'old');
      fs.chmodSync(real, 0o600);
      fs.symlinkSync('real.speech', path.join(dir, 'link.speech'));
      writeFileAtomic(path.join(dir, 'link.speech'), Buffer.from('new'));
      assert.equal(fs.readFileSync(real, 'utf8'), 'new');
      assert.ok(fs.lstatSync(path.join(dir, 'link.speech')).isSymbolicLink());
      assert.equal(fs.statSync(real).mode & 0o777, 0o600);
      assert.deepEqual(fs.readdirSync(dir).sort(), ['link.speech', 'real.speech']);
    });

    it('throws and keeps the original when the file is gone', () => {
      assert.throws(() => writeFileAtomic(path.join(dir, 'missing.speech'), Buffer.from('x')), /ENOENT/);
      assert.deepEqual(fs.readdirSync(dir), []);
    });

    it('a write that fails half-way (disk full): the draft is whole, the temporary file removed', () => {
      const f = path.join(dir, 'draft.speech');
      const original = Buffer.from('同志们：\n一、总体要求\n'.repeat(1000));
      fs.writeFileSync(f, original);
      const real = nodeFs.writeSync;
      let calls = 0;
      // the first write gets half the bytes through, the second finds the disk full
      nodeFs.writeSync = ((fd: number, data: Uint8Array, off: number, len: number) => {
        if (calls++ === 0) return real(fd, data, off, Math.floor(len / 2));
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      }) as typeof fs.writeSync;
      try {
        assert.throws(() => writeFileAtomic(f, Buffer.from('修改后的稿子')), /ENOSPC/);
      } finally {
        nodeFs.writeSync = real;
      }
      assert.equal(calls, 2);
      assert.deepEqual(fs.readFileSync(f), original);
      assert.deepEqual(fs.readdirSync(dir), ['draft.speech']);
    });

    for (const when of ['writeSync', 'renameSync'] as const) {
      it(`a process killed in ${when}: the draft on disk is the old one, never a truncated one`, () => {
        const f = path.join(dir, 'draft.speech');
        const original = Buffer.from('同志们：\n一、总体要求\n'.repeat(5000));
        fs.writeFileSync(f, original);
        const textfile = require.resolve('../../server/src/node/textfile');
        // a child that writes a fixed draft and is killed (SIGKILL: no cleanup) mid-way
        const script = `
          const fs = require('fs');
          const { writeFileAtomic } = require(${JSON.stringify(textfile)});
          const real = fs.${when};
          fs.${when} = (...a) => {
            ${when === 'writeSync' ? 'real(a[0], a[1], a[2], Math.floor(a[3] / 3));' : ''}
            process.kill(process.pid, 'SIGKILL');
          };
          writeFileAtomic(${JSON.stringify(f)}, Buffer.from('修改后的稿子'.repeat(10000)));
        `;
        const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
        assert.equal(r.signal, 'SIGKILL', r.stderr);
        assert.deepEqual(fs.readFileSync(f), original, 'the draft is untouched');
        // what a crash leaves is a dot-file beside the draft, never in its place
        const left = fs.readdirSync(dir).filter((x) => x !== 'draft.speech');
        assert.equal(left.length, 1);
        assert.match(left[0], /^\.draft\.speech\.\d+\.[a-z0-9]+\.speechlint-tmp$/);
      });
    }
  });

  describe('expandPaths', () => {
    let dir: string;
    beforeEach(() => (dir = tmpDir()));
    afterEach(() => cleanup(dir));

    it('lists a file reached twice only once, and a second link to a walked folder quietly', () => {
      fs.mkdirSync(path.join(dir, 'a'));
      fs.writeFileSync(path.join(dir, 'a', 'x.speech'), '');
      fs.symlinkSync('a', path.join(dir, 'b'));
      const r = expandPaths(['a', 'b', 'a/x.speech'], dir);
      assert.deepEqual(r.errors, []);
      assert.deepEqual(
        r.files.map((f) => f.display),
        ['a/x.speech'],
      );
    });

    it('reports a self-referencing link and a dangling draft link', () => {
      fs.mkdirSync(path.join(dir, 'w'));
      fs.writeFileSync(path.join(dir, 'w', 'ok.md'), '');
      fs.symlinkSync('self', path.join(dir, 'w', 'self'));
      fs.symlinkSync('gone.txt', path.join(dir, 'w', 'dangling.txt'));
      fs.symlinkSync('gone', path.join(dir, 'w', 'dangling-other'));
      const r = expandPaths(['w'], dir);
      assert.deepEqual(
        r.errors.map((e) => [e.display, e.reason.en]),
        [
          ['w/dangling.txt', 'broken symbolic link'],
          ['w/self', 'symbolic link loop'],
        ],
      );
      assert.deepEqual(
        r.files.map((f) => f.display),
        ['w/ok.md'],
      );
    });
  });

  describe('config file', () => {
    let dir: string;
    beforeEach(() => (dir = tmpDir()));
    afterEach(() => cleanup(dir));

    it('names why a config file cannot be read in both languages, not in the system\'s English only', () => {
      const cfg = path.join(dir, '.speechlintrc.json');
      fs.mkdirSync(cfg); // EISDIR when read
      const r = readConfigFile(cfg);
      assert.equal(r.raw, undefined);
      assert.deepEqual(r.problems, [{ file: cfg, key: '', message: { zh: '无法读取配置文件：是文件夹，不是文件', en: 'cannot read the configuration file: is a folder, not a file' } }]);
    });

    it('loads the config file it is given, and without one the defaults, searching nothing', () => {
      const registry = createRegistry();
      fs.mkdirSync(path.join(dir, 'sub'));
      writeJson(path.join(dir, '.speechlintrc.json'), { mode: 'final', dictionary: 'words.txt' });
      fs.writeFileSync(path.join(dir, 'words.txt'), '学赶\n');
      assert.equal(findConfigFile(path.join(dir, 'sub')), path.join(dir, '.speechlintrc.json'));
      const found = loadConfigFor(registry, { configFile: path.join(dir, '.speechlintrc.json'), docDir: path.join(dir, 'sub') });
      assert.equal(found.config.settings.mode, 'final');
      assert.equal(found.dictionaryPath, path.join(dir, 'words.txt'), 'the dictionary beside the config file');
      const none = loadConfigFor(registry, { docDir: path.join(dir, 'sub'), overrides: [{ mode: 'draft' }] });
      assert.equal(none.file, undefined);
      assert.equal(none.config.settings.mode, 'draft');
      assert.deepEqual(none.problems, []);
    });
  });

  describe('formatting', () => {
    it('measures terminal width: CJK and emoji take two columns', () => {
      assert.equal(displayWidth('abc'), 3);
      assert.equal(displayWidth('错误'), 4);
      assert.equal(displayWidth('“的”'), 4, 'curly quotes are narrow in most terminals');
      assert.equal(displayWidth('（一）'), 6);
      assert.equal(displayWidth('🎉a'), 3);
    });

    it('merges several edits into one range computed from the original', () => {
      const text = 'ab(一)cd';
      assert.deepEqual(
        mergeEdits(
          text,
          [
            { start: 2, end: 3, newText: '（' },
            { start: 4, end: 5, newText: '）' },
          ],
          '\n',
        ),
        { range: [2, 5], text: '（一）' },
      );
      assert.deepEqual(mergeEdits('a\r\nb', [{ start: 1, end: 1, newText: 'x\ny' }], '\r\n'), { range: [1, 1], text: 'x\r\ny' });
      assert.equal(mergeEdits(text, [], '\n'), undefined);
      assert.equal(
        mergeEdits(
          text,
          [
            { start: 1, end: 4, newText: '' },
            { start: 2, end: 5, newText: '' },
          ],
          '\n',
        ),
        undefined,
        'overlapping edits cannot be one ESLint fix',
      );
    });

    it('formats more findings than a function call takes arguments', () => {
      const n = 300000;
      const text = 'X'.repeat(n);
      const findings: Finding[] = [];
      for (let i = 0; i < n; i++) findings.push({ ruleId: 'placeholder/marker', severity: 'info', message: { zh: '占位符', en: 'placeholder' }, span: { start: i, end: i + 1 }, fixes: [], related: [] });
      const out = formatStylish([{ filePath: '/x', display: 'x', text, eol: '\n', findings }], 'en', false);
      assert.match(out, /300000 problems \(0 errors, 0 warnings, 300000 info\)/);
    });

    it('normalizes line breaks in fix text to the draft style', () => {
      assert.equal(normalizeEol('a\nb\r\nc', '\r\n'), 'a\r\nb\r\nc');
      assert.equal(normalizeEol('a\r\nb\rc', '\n'), 'a\nb\nc');
    });
  });

  describe('arguments and locale', () => {
    it('parses options in both --opt value and --opt=value forms, and -- ends options', () => {
      const o = parseArgs(['--format=json', '-c', 'x.json', '--rule', 'a/b:warning', '--rule=c/d:["off"]', '--mode', 'final', '--', '--weird-name.speech']);
      assert.equal(o.format, 'json');
      assert.equal(o.config, 'x.json');
      assert.equal(o.mode, 'final');
      assert.deepEqual(o.rules, [
        { id: 'a/b', value: 'warning' },
        { id: 'c/d', value: ['off'] },
      ]);
      assert.deepEqual(o.paths, ['--weird-name.speech']);
      assert.throws(() => parseArgs(['--fix=yes']), /takes no value/);
      assert.throws(() => parseArgs(['--rule', 'nocolon']), /rule-id:severity/);
    });

    it('reads the locale from LC_ALL, LC_MESSAGES, LANG in that order; Chinese when none is set', () => {
      assert.equal(detectLocale({}), 'zh');
      assert.equal(detectLocale({ LANG: 'zh_CN.UTF-8' }), 'zh');
      assert.equal(detectLocale({ LANG: 'zh_TW.Big5' }), 'zh');
      assert.equal(detectLocale({ LANG: 'C.UTF-8' }), 'en');
      assert.equal(detectLocale({ LANG: 'zh_CN.UTF-8', LC_MESSAGES: 'en_GB.UTF-8' }), 'en');
      assert.equal(detectLocale({ LANG: 'en_US.UTF-8', LC_ALL: 'zh_CN.UTF-8' }), 'zh');
      assert.equal(detectLocale({ LANG: 'en', LC_ALL: '' }), 'en', 'an empty variable does not count');
      assert.equal(detectLocale({ LANG: 'en' }, 'zh'), 'zh', '--locale wins');
    });
  });
});
