/**
 * The segmenter: jieba-rs native (@node-rs/jieba) and WebAssembly
 * (jieba-wasm) cut every paragraph of every corpus draft alike; Latin and
 * digit runs stay whole; the user dictionary (with or without frequencies)
 * and the fallback to WebAssembly. Dictionary changes run in child
 * processes, so the words they add do not reach other tests.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { makeDraft } from '../../bench/drafts';
import { DEFAULT_USER_FREQ, loadEngine, parseUserDictionary, segmenterOf } from '../../server/src/node/jieba';
import type { Engine } from '../../server/src/node/jieba';
import { FIXTURES, ROOT } from './helpers';

/** Every draft of the corpus and the web excerpts, with the bench drafts. */
function drafts(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  for (const dir of ['corpus', 'corpus-web']) {
    for (const f of fs.readdirSync(path.join(FIXTURES, dir)).sort()) {
      if (f.endsWith('.txt')) out.push({ name: `${dir}/${f}`, text: fs.readFileSync(path.join(FIXTURES, dir, f), 'utf8') });
    }
  }
  for (const n of [10_000, 30_000]) out.push({ name: `bench ${n}`, text: makeDraft(n).text });
  return out;
}

const JIEBA_JS = path.join(ROOT, 'out', 'server', 'src', 'node', 'jieba.js');

/** Run a script with jieba.js as `j` in a child process; its stdout parsed as JSON. */
function inChild(script: string, env: Record<string, string> = {}): unknown {
  const r = spawnSync(process.execPath, ['-e', `const j = require(${JSON.stringify(JIEBA_JS)}); ${script}`], { encoding: 'utf8', env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`child failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

describe('jieba: native and WebAssembly segmenters', function () {
  this.timeout(120000);
  let native: Engine;
  let wasm: Engine;
  before(() => {
    native = loadEngine('native');
    wasm = loadEngine('wasm');
    assert.equal(native.kind, 'native');
    assert.equal(wasm.kind, 'wasm');
  });

  it('give identical tokens on every paragraph of every corpus draft (and the bench drafts), with and without the HMM', () => {
    let paragraphs = 0;
    for (const { name, text } of drafts()) {
      for (const [i, para] of text.split(/\r?\n/).entries()) {
        if (!para) continue;
        paragraphs++;
        const words = native.cut(para, false);
        assert.deepEqual(wasm.cut(para, false), words, `${name}, paragraph ${i + 1}`);
        assert.equal(words.join(''), para, `${name}, paragraph ${i + 1}: the words spell the paragraph`);
        assert.deepEqual(wasm.cut(para, true), native.cut(para, true), `${name}, paragraph ${i + 1} (HMM)`);
      }
    }
    assert.ok(paragraphs > 500, `${paragraphs} paragraphs`);
  });

  it('keep runs of Latin letters and digits whole (placeholders, years, abbreviations)', () => {
    for (const e of [native, wasm]) {
      const words = e.cut('XX园区2024年GDP增长x.x%，ABC123公司。', false);
      for (const w of ['XX', '园区', '2024', 'GDP', 'ABC123']) assert.ok(words.includes(w), `${e.kind}: ${w} in ${words.join('|')}`);
      assert.deepEqual(e.cut('x.x%', false), ['x', '.', 'x', '%']);
    }
  });

  it('know cppjieba’s bundled words 云计算 and 区块链, as nodejieba did', () => {
    for (const e of [native, wasm]) assert.deepEqual(e.cut('发展云计算和区块链', false), ['发展', '云计算', '和', '区块链'], e.kind);
  });

  it('a user word without a frequency gets the median frequency of the dictionary', () => {
    const freqs = fs
      .readFileSync(path.join(path.dirname(require.resolve('@node-rs/jieba/package.json')), 'dict.txt'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => Number(l.split(' ')[1]))
      .sort((a, b) => a - b);
    assert.ok(freqs.length > 340000);
    assert.equal(DEFAULT_USER_FREQ, freqs[freqs.length >> 1]);
  });

  it('reads a user dictionary: a word a line, with or without a frequency and a tag; comments, blanks and a BOM skipped', () => {
    assert.deepEqual(parseUserDictionary('\uFEFF放管服\n# 注释\n\n营商环境优化 12 n\r\n揭榜挂帅 nz\n  最多跑一次  5  \n坏频率 -3\n'), [
      { word: '放管服', freq: DEFAULT_USER_FREQ },
      { word: '营商环境优化', freq: 12 },
      { word: '揭榜挂帅', freq: DEFAULT_USER_FREQ },
      { word: '最多跑一次', freq: 5 },
      { word: '坏频率', freq: DEFAULT_USER_FREQ },
    ]);
  });

  for (const engine of ['native', 'wasm']) {
    it(`${engine}: the user dictionary's words become tokens, with or without a frequency`, () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'speechlint-dict-'));
      try {
        const dict = path.join(dir, 'words.txt');
        fs.writeFileSync(dict, '放管服\n揭榜挂帅 10 n\n');
        const got = inChild(
          `const s = j.loadJieba(); const before = s.segmenter.cut('深化放管服改革，实行揭榜挂帅');
           const topics = () => s.segmenter.keywordsOfWords([s.segmenter.cut('实行揭榜挂帅，揭榜挂帅。')], 3).map((k) => k.word);
           const topicsBefore = topics();
           const r = j.addUserDictionary(${JSON.stringify(dict)}); const again = j.addUserDictionary(${JSON.stringify(dict)});
           const missing = j.addUserDictionary(${JSON.stringify(path.join(dir, 'none.txt'))});
           console.log(JSON.stringify({ engine: s.status.engine, before, added: r.added, again: again.added, missing: !!missing.error, after: s.segmenter.cut('深化放管服改革，实行揭榜挂帅'), topicsBefore, topicsAfter: topics() }));`,
          { SPEECHLINT_SEGMENTER: engine },
        ) as { engine: string; before: string[]; added: number; again: number; missing: boolean; after: string[]; topicsBefore: string[]; topicsAfter: string[] };
        assert.equal(got.engine, engine);
        assert.ok(!got.before.includes('放管服') && !got.before.includes('揭榜挂帅'), got.before.join('|'));
        assert.equal(got.added, 2);
        assert.equal(got.again, 0);
        assert.ok(got.missing);
        assert.deepEqual(got.after, ['深化', '放管服', '改革', '，', '实行', '揭榜挂帅']);
        // the topic keywords (cut again with the HMM, cached per paragraph) see the new words too
        assert.ok(got.topicsBefore.includes('揭榜') && !got.topicsBefore.includes('揭榜挂帅'), got.topicsBefore.join('|'));
        assert.ok(got.topicsAfter.includes('揭榜挂帅'), got.topicsAfter.join('|'));
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  it('falls back to WebAssembly when the native addon does not load, and says why', () => {
    // a native package that cannot load, found first on the module path
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'speechlint-nonative-'));
    try {
      const pkg = path.join(dir, 'node_modules', '@node-rs', 'jieba');
      fs.mkdirSync(pkg, { recursive: true });
      const real = path.dirname(require.resolve('@node-rs/jieba/package.json'));
      for (const f of ['package.json', 'dict.txt', 'idf.txt']) fs.copyFileSync(path.join(real, f), path.join(pkg, f));
      fs.writeFileSync(path.join(pkg, 'index.js'), "throw new Error('Cannot find native binding (test)')\n");
      const script = `const Module = require('module'); const orig = Module._resolveFilename;
        Module._resolveFilename = function (req, ...rest) { if (req.startsWith('@node-rs/jieba')) return orig.call(this, ${JSON.stringify(dir + '/node_modules/')} + req, ...rest); return orig.call(this, req, ...rest); };
        const s = j.loadJieba(); console.log(JSON.stringify({ status: s.status, words: s.segmenter && s.segmenter.cut('深化改革开放'), topics: s.segmenter && s.segmenter.keywords('深化改革开放，深化改革', 2).map((k) => k.word) }));`;
      const got = inChild(script) as { status: { ok: boolean; engine: string; nativeError?: string }; words: string[]; topics: string[] };
      assert.equal(got.status.ok, true);
      assert.equal(got.status.engine, 'wasm');
      assert.match(got.status.nativeError ?? '', /Cannot find native binding/);
      // what the native segmenter answers in this process
      const here = segmenterOf(native);
      assert.deepEqual(got.words, here.cut('深化改革开放'));
      assert.deepEqual(got.topics, here.keywords('深化改革开放，深化改革', 2).map((k) => k.word));
      assert.equal(got.topics.length, 2);
      // SPEECHLINT_SEGMENTER=native refuses the fallback
      const refused = inChild(script, { SPEECHLINT_SEGMENTER: 'native' }) as { status: { ok: boolean; error?: string } };
      assert.equal(refused.status.ok, false);
      assert.match(refused.status.error ?? '', /Cannot find native binding/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
