/**
 * Hostile input to the engine (issue #18): what a workspace's config or a
 * draft can make large or pathological must give a clear message, never a
 * hang, a crash or a quadratic path, and the other rules keep reporting.
 * The CLI cases are in test/cli/hostile.test.ts, the server's in
 * test/protocol/hostile.test.ts.
 */
import * as assert from 'node:assert/strict';
import { debounceFrom, MAX_DEBOUNCE_MS } from '../../server/src/checker';
import { settingsToLayer } from '../../server/src/config-source';
import { createRegistry, lint, parse, resolveConfig } from '../../server/src/core';
import { restrictUntrusted } from '../../server/src/core/config';
import type { RawConfig } from '../../server/src/core';
import { compileUserPattern, MAX_PATTERN_MATCHES, MAX_PATTERNS, toRe2Syntax } from '../../server/src/core/user-pattern';
import { coverTest } from '../../server/src/core/word-set-matcher';

function check(text: string, ...layers: RawConfig[]) {
  const reg = createRegistry();
  const { config, problems } = resolveConfig(reg, layers);
  return { problems, findings: lint(parse(text), reg, config) };
}

describe('hostile input: user patterns (RE2, linear time)', () => {
  it('a catastrophic pattern runs in linear time on a long draft; the other rules still report', () => {
    const text = `关于XX工作的讲话\n\n同志们：\n\n${'今年全市经济运行总体平稳，稳中有进，各项工作取得新成效。\n'.repeat(2000)}`;
    const { problems, findings } = check(text, { rules: { 'placeholder/marker': ['info', { patterns: ['([^Z]+)+Z', '(a*)*b', '(x+x+)+y'] }] } });
    assert.deepEqual(problems, []);
    assert.ok(findings.some((f) => f.ruleId === 'placeholder/marker' && text.slice(f.span.start, f.span.end) === 'XX'), 'the built-in forms still report');
  });

  it('names what RE2 does not support (lookaround, backreferences) and ignores only that pattern', () => {
    const { problems, findings } = check('甲乙丙XX', { rules: { 'placeholder/marker': ['info', { patterns: ['(?<=甲)乙', '(丙)\\1', '甲乙丙'] }] } });
    assert.equal(problems.length, 2);
    assert.equal(problems[0].key, 'rules.placeholder/marker.patterns[0]');
    assert.match(problems[0].message.en, /lookaround .* not supported; patterns use RE2 syntax/);
    assert.match(problems[1].message.zh, /反向引用/);
    assert.deepEqual(
      findings.filter((f) => f.ruleId === 'placeholder/marker').map((f) => f.span),
      [
        { start: 0, end: 3 },
        { start: 3, end: 5 },
      ],
    );
  });

  it('accepts the JavaScript escapes users write: \\uXXXX ranges, \\u{…}, surrogate pairs, \\中', () => {
    assert.equal(toRe2Syntax('[\\u4e00-\\u9fa5]{2}市'), '[\\x{4e00}-\\x{9fa5}]{2}市');
    assert.equal(toRe2Syntax('\\ud83d\\ude00'), '\\x{1f600}');
    assert.equal(toRe2Syntax('\\u{1F600}\\中\\\\u'), '\\x{1F600}中\\\\u');
    const p = compileUserPattern('[\\u4e00-\\u9fa5]{2}市');
    assert.ok(!('error' in p));
    // offsets are UTF-16, a code point outside the BMP before the match included
    assert.deepEqual(p.matches('😀某某市'), [{ start: 2, end: 5 }]);
    const han = compileUserPattern('\\p{Han}{2}县');
    assert.ok(!('error' in han));
    assert.deepEqual(han.matches('在某某县'), [{ start: 1, end: 4 }]);
  });

  it('takes at most MAX_PATTERN_MATCHES matches of one pattern, and skips empty matches', () => {
    const p = compileUserPattern('甲');
    assert.ok(!('error' in p));
    assert.equal(p.matches('甲'.repeat(MAX_PATTERN_MATCHES * 3)).length, MAX_PATTERN_MATCHES);
    const e = compileUserPattern('Q*');
    assert.ok(!('error' in e) && e.matchesEmpty);
    assert.deepEqual(e.matches('aQQa'), [{ start: 1, end: 3 }]);
  });

  it('refuses an over-long pattern with a message', () => {
    const r = compileUserPattern('a'.repeat(5000));
    assert.ok('error' in r && /too long/.test(r.error.en));
  });
});

describe('hostile input: config values', () => {
  it('a value nested 5,000 levels deep is one problem naming its key; the rest of the layer applies', () => {
    let sev: unknown = 'error';
    for (let i = 0; i < 5000; i++) sev = [sev];
    let obj: unknown = 'x';
    for (let i = 0; i < 5000; i++) obj = { severity: obj };
    let deepAllow: unknown = ['x'];
    for (let i = 0; i < 40; i++) deepAllow = [deepAllow];
    const { problems, findings } = check('标题\n\n同志们：\n\n完成投资XX亿元。\n', {
      mode: 'final',
      allow: deepAllow,
      rules: { 'placeholder/marker': sev, 'balance/section-length': obj },
    });
    assert.deepEqual(
      problems.map((p) => p.key),
      ['allow', 'rules.placeholder/marker', 'rules.balance/section-length'],
    );
    assert.match(problems[0].message.en, /nested more than 32 levels deep; ignored/);
    const marker = findings.filter((f) => f.ruleId === 'placeholder/marker');
    assert.equal(marker.length, 1);
    assert.equal(marker[0].severity, 'error', 'mode final from the same layer still applies');
  });

  it('"__proto__" and "toString" are unknown options, not "a undefined"', () => {
    const raw = JSON.parse('{"rules":{"placeholder/marker":["info",{"__proto__":1,"toString":2}]}}') as RawConfig;
    const { problems } = check('', raw);
    assert.deepEqual(
      problems.map((p) => p.message.en),
      ['rule "placeholder/marker" has no option "__proto__"; ignored', 'rule "placeholder/marker" has no option "toString"; ignored'],
    );
  });

  it('a long wrong severity is quoted short', () => {
    const { problems } = check('', { rules: { 'placeholder/marker': 'e'.repeat(10000) } });
    assert.ok(problems[0].message.en.length < 200, problems[0].message.en);
  });
});

describe('hostile input: sizes a draft or a config can make large', () => {
  it('balance/heading-parallelism on 16,000 sibling headings: linear, the one heading that breaks the form reported', () => {
    let text = '关于工作的讲话\n\n同志们：\n\n';
    // numbers restart (1. … 99.) inside one sibling group: the shape of a long pasted list
    for (let i = 1; i <= 16000; i++) text += `${(i % 99) + 1}.${i === 7000 ? '进一步优化营商环境' : '精准定位'}\n正文。\n`;
    const reg = createRegistry();
    const { config } = resolveConfig(reg, []);
    const doc = parse(text);
    const found = lint(doc, reg, config, { only: ['balance/heading-parallelism'] });
    assert.equal(found.length, 1);
    assert.match(text.slice(found[0].span.start, found[0].span.end), /进一步优化营商环境/);
  });

  it('an allow list of 100,000 words on a draft of 20,000 placeholders: capped with a message, matched in one pass', () => {
    const allow = ['XX号楼', ...Array.from({ length: 100_000 }, (_, i) => `X${i}号`), 'Z'.repeat(100)];
    const text = `标题\n\n同志们：\n\n${'完成XX亿元，XX号楼。'.repeat(20_000)}\n`;
    const { problems, findings } = check(text, { allow });
    assert.deepEqual(
      problems.map((p) => p.message.en),
      ['1 word is longer than 64 characters; ignored', 'more than 10000 words (100001); only the first 10000 are used'],
    );
    const marker = findings.filter((f) => f.ruleId === 'placeholder/marker');
    assert.equal(marker.length, 20_000);
    assert.ok(marker.every((f) => text.slice(f.span.start, f.span.end + 2) === 'XX亿元'), 'the XX of XX号楼 is allowed');
  });

  it('coverTest answers as the word-by-word search it replaces', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    const alphabet = 'ab某X';
    const word = (n: number) => Array.from({ length: n }, () => alphabet[rnd(alphabet.length)]).join('');
    for (let t = 0; t < 200; t++) {
      const text = word(40);
      const words = Array.from({ length: 1 + rnd(5) }, () => word(1 + rnd(4)));
      const covers = coverTest(text, words);
      for (let start = 0; start < text.length; start++) {
        for (let end = start + 1; end <= Math.min(text.length, start + 4); end++) {
          const naive = words.some((w) => {
            for (let a = Math.max(0, end - w.length); a <= start; a++) if (text.startsWith(w, a)) return true;
            return false;
          });
          assert.equal(covers(start, end), naive, `${text} ${words} [${start},${end})`);
        }
      }
    }
  });
});

describe('hostile input: settings', () => {
  it('debounceMs: a huge value is capped (not overflowed into 1 ms), a negative or non-number one ignored', () => {
    assert.equal(debounceFrom(1e12), MAX_DEBOUNCE_MS);
    assert.equal(debounceFrom(Infinity), undefined);
    assert.equal(debounceFrom(-1), undefined);
    assert.equal(debounceFrom('5'), undefined);
    assert.equal(debounceFrom(0), 0);
    assert.equal(settingsToLayer({ debounceMs: 1e12 }).debounceMs, MAX_DEBOUNCE_MS);
  });

  it('an untrusted workspace layer loses its dictionary and patterns, keeps the rest', () => {
    const { layer, ignored } = restrictUntrusted({
      mode: 'final',
      dictionary: '/etc/passwd',
      rules: { 'placeholder/marker': ['warning', { patterns: ['x'], allow: ['y'] }], 'balance/section-length': { severity: 'off', patterns: [] } },
    });
    assert.deepEqual(ignored, ['dictionary', 'rules.placeholder/marker.patterns', 'rules.balance/section-length.patterns']);
    assert.deepEqual(layer, { mode: 'final', rules: { 'placeholder/marker': ['warning', { allow: ['y'] }], 'balance/section-length': { severity: 'off' } } });
  });
});

describe('hostile input: many or long patterns', () => {
  it('uses at most MAX_PATTERNS patterns (one message), and quotes a long pattern short', () => {
    const patterns = Array.from({ length: MAX_PATTERNS + 5 }, (_, i) => `甲${i}乙`);
    patterns[0] = `(${'a'.repeat(2000)}`;
    const { problems, findings } = check('甲1乙，甲24乙，XX', { rules: { 'placeholder/marker': ['info', { patterns }] } });
    assert.deepEqual(
      problems.map((p) => p.key),
      ['rules.placeholder/marker.patterns', 'rules.placeholder/marker.patterns[0]'],
    );
    assert.match(problems[0].message.en, /25 regular expressions; only the first 20 are used/);
    assert.ok(problems[1].message.en.length < 250, problems[1].message.en);
    const got = findings.filter((f) => f.ruleId === 'placeholder/marker').map((f) => f.span);
    assert.deepEqual(got, [
      { start: 0, end: 3 },
      { start: 9, end: 11 },
    ]);
  });
});
