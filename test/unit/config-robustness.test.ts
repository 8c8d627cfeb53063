/**
 * Config files that are not what they should be: JSON syntax errors named by
 * line and column (with a reason in both languages), wrong types and unknown
 * rules next to valid keys (the valid ones apply, the broken ones keep their
 * defaults), and resolveConfig on arbitrary JSON values never throwing.
 */
import { strict as assert } from 'assert';
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { ConfigSource } from '../../server/src/config-source';
import { defaultConfig, jsonSyntaxError, parseConfigText, resolveConfig } from '../../server/src/core/config';
import { createRegistry } from '../../server/src/core/rules';

const registry = createRegistry();

describe('config robustness', () => {
  describe('JSON syntax errors: line, column and reason', () => {
    const cases: [string, string, RegExp, RegExp][] = [
      ['an unfinished object', '{ "rules": { ', /^invalid JSON at line 1, column 14: expected a property name in double quotes or "}", found the end of the file$/, /第 1 行第 14 列.*文件结束/],
      ['a trailing comma', '{\n  "rules": {\n    "placeholder/marker": "error",\n  }\n}', /^invalid JSON at line 3, column 34: a comma before "}" is not allowed$/, /第 3 行第 34 列.*多了一个逗号/],
      ['a comment', '{\n  // 草稿模式\n  "mode": "draft"\n}', /^invalid JSON at line 2, column 3: comments are not allowed in JSON$/, /第 2 行第 3 列.*不允许注释/],
      ['a missing colon', '{"mode" "final"}', /line 1, column 9: expected ":" after the property name, found """/, /属性名后应为“:”/],
      ['a full-width colon', '{"mode"："final"}', /line 1, column 8: expected ":" after the property name, found "："/, /实际为“：”/],
      ['an unquoted key', '{mode: "final"}', /line 1, column 2: expected a property name in double quotes or "}", found "mode"/, /带双引号的属性名/],
      ['single quotes', "{'mode': 'final'}", /line 1, column 2: .*found "'"/, /第 1 行第 2 列/],
      ['Python-style True', '{"rules": {"placeholder/marker": True}}', /line 1, column 34: expected a value .*found "True"/, /实际为“True”/],
      ['a line break in a string', '{"allow": ["学赶\n"]}', /line 1, column 12: the string has no closing double quote \(a string cannot span lines\)/, /不能跨行/],
      ['a missing comma between keys (CRLF)', '{\r\n  "mode": "final"\r\n  "speakingRate": 200\r\n}', /line 3, column 3: expected "," or "}", found """/, /第 3 行第 3 列/],
      ['text after the object', '{"mode": "final"}\n}', /line 2, column 1: expected the end of the file after the JSON value, found "}"/, /第 2 行第 1 列/],
      ['an empty file', '', /line 1, column 1: expected a value .*found the end of the file/, /文件结束/],
      ['a BOM before the error', '\ufeff{"mode" 1}', /line 1, column 9:/, /第 1 行第 9 列/],
    ];
    for (const [name, text, en, zh] of cases) {
      it(name, () => {
        const r = parseConfigText(text);
        assert.equal(r.raw, undefined);
        assert.equal(r.problem?.key, '');
        assert.match(r.problem!.message.en, en);
        assert.match(r.problem!.message.zh, zh);
        assert.match(r.problem!.message.zh, /^JSON 格式错误（第 \d+ 行第 \d+ 列）：/);
      });
    }

    it('agrees with JSON.parse on valid JSON and on mutated JSON (fixed seed)', () => {
      const mutated = fc
        .tuple(fc.json(), fc.array(fc.tuple(fc.nat(), fc.constantFrom('', ',', '}', ']', '"', ':', '\\', '\n', '//', 'x', '01', '-', '1e', '\\u12', '\u0001', ' ', '{', '[')), { maxLength: 4 }))
        .map(([j, muts]) => {
          let s = j;
          for (const [at, ins] of muts) {
            const p = at % (s.length + 1);
            s = ins === '' ? s.slice(0, p) + s.slice(p + 1) : s.slice(0, p) + ins + s.slice(p);
          }
          return s;
        });
      fc.assert(
        fc.property(fc.oneof(fc.json(), mutated, fc.string()), (s) => {
          let valid = true;
          try {
            JSON.parse(s);
          } catch {
            valid = false;
          }
          const err = jsonSyntaxError(s);
          assert.equal(err === undefined, valid, `${JSON.stringify(s)}: ${JSON.stringify(err)}`);
          if (err) assert.ok(err.offset >= 0 && err.offset <= s.length && err.reason.zh && err.reason.en);
        }),
        { numRuns: 3000, seed: 4242 },
      );
    });

    it('deep nesting: no stack overflow', () => {
      const deep = '['.repeat(200000) + ']'.repeat(199999);
      const err = jsonSyntaxError(deep);
      assert.equal(err?.offset, deep.length);
      assert.equal(jsonSyntaxError('['.repeat(100000) + ']'.repeat(100000)), undefined);
    });
  });

  describe('wrong types and unknown rules next to valid keys', () => {
    it('the valid keys apply, the broken ones keep their defaults, each problem names its key', () => {
      const raw = {
        mode: 'final',
        speakingRate: 'fast',
        allow: '学赶',
        dictionary: 42,
        rules: {
          'placeholder/marker': 'warning',
          'numbering/sequence': 'loud',
          'no/such-rule': 'error',
          'repetition/overused-phrase': ['info', { minCount: 'many', nope: 1 }],
          'balance/section-length': 'off',
        },
        extra: true,
      };
      const { config, problems } = resolveConfig(registry, [raw]);
      const defaults = defaultConfig(registry);
      assert.equal(config.settings.mode, 'final');
      assert.equal(config.settings.speakingRate, defaults.settings.speakingRate);
      assert.deepEqual(config.settings.allowWords, []);
      assert.equal(config.dictionary, undefined);
      assert.equal(config.rules.get('placeholder/marker')!.severity, 'warning');
      assert.equal(config.rules.get('numbering/sequence')!.severity, defaults.rules.get('numbering/sequence')!.severity);
      assert.equal(config.rules.get('repetition/overused-phrase')!.severity, 'info');
      assert.deepEqual(config.rules.get('repetition/overused-phrase')!.options, defaults.rules.get('repetition/overused-phrase')!.options);
      assert.equal(config.rules.get('balance/section-length')!.severity, 'off');
      assert.deepEqual(problems.map((p) => p.key).sort(), [
        'allow',
        'dictionary',
        'extra',
        'rules.no/such-rule',
        'rules.numbering/sequence',
        'rules.repetition/overused-phrase.minCount',
        'rules.repetition/overused-phrase.nope',
        'speakingRate',
      ]);
      for (const p of problems) assert.ok(p.message.zh && p.message.en);
    });

    it('never throws on arbitrary JSON values, and keeps every rule configured (fixed seed)', () => {
      const ruleIds = registry.ids();
      const value = fc.oneof(fc.jsonValue(), fc.constantFrom(...ruleIds), fc.constantFrom('error', 'warning', 'info', 'hint', 'off', 'warn'));
      const rules = fc.dictionary(fc.oneof(fc.constantFrom(...ruleIds), fc.string()), fc.oneof(value, fc.tuple(value, fc.dictionary(fc.string(), fc.jsonValue()))));
      const raw = fc.oneof(fc.jsonValue(), fc.record({ rules: fc.oneof(rules, fc.jsonValue()), mode: fc.jsonValue(), speakingRate: fc.jsonValue(), allow: fc.jsonValue() }, { requiredKeys: [] }));
      fc.assert(
        fc.property(fc.array(raw, { maxLength: 3 }), (layers) => {
          const { config, problems } = resolveConfig(registry, layers as never);
          assert.equal(config.rules.size, ruleIds.length);
          for (const p of problems) assert.ok(typeof p.key === 'string' && p.message.zh && p.message.en);
          assert.ok(config.settings.mode === 'draft' || config.settings.mode === 'final');
          assert.ok(config.settings.speakingRate >= 100 && config.settings.speakingRate <= 400);
        }),
        { numRuns: 500, seed: 99 },
      );
    });
  });

  describe('the language server\'s config source: one message per source', () => {
    let dir: string;
    beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'speechlint-config-'))));
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    function source(locale: 'zh' | 'en', settings: unknown) {
      const shown: string[] = [];
      const logged: string[] = [];
      const src = new ConfigSource(registry, { pullSettings: () => Promise.resolve(settings), showWarning: (t) => shown.push(t), log: (t) => logged.push(t), workspaceFolders: () => [dir] }, locale);
      return { src, shown, logged };
    }

    it('Chinese: the problems of the file in one warning, those of the settings in another; shown once; valid keys applied', async () => {
      const cfg = path.join(dir, '.speechlintrc.json');
      fs.writeFileSync(cfg, JSON.stringify({ mode: 'final', speakingRate: 1000, rules: { 'no/such': 'error', 'placeholder/marker': 'hint' } }));
      const { src, shown, logged } = source('zh', { speakingRate: 'slow', allow: ['学赶'] });
      const uri = pathToFileURL(path.join(dir, 'a.speech')).href;
      const r = await src.forDocument(uri);
      assert.equal(r.config.settings.mode, 'final');
      assert.equal(r.config.settings.speakingRate, 220);
      assert.deepEqual(r.config.settings.allowWords, ['学赶']);
      assert.equal(r.config.rules.get('placeholder/marker')!.severity, 'hint');
      assert.equal(shown.length, 2, shown.join('\n'));
      assert.ok(shown[0].startsWith(`speechlint: ${cfg}: 2 处问题：speakingRate: `), shown[0]);
      assert.ok(shown[0].endsWith('；rules.no/such: 未知的规则“no/such”，已忽略'), shown[0]);
      assert.match(shown[1], /^speechlint: speechlint 设置: speechlint\.speakingRate: /);
      assert.deepEqual(logged, shown);
      // another draft in the folder: nothing shown again
      await src.forDocument(pathToFileURL(path.join(dir, 'b.speech')).href);
      assert.equal(shown.length, 2);
      // the file changes: its (new) problems are shown again, still in one message
      fs.writeFileSync(cfg, '{\n  "mode": "final",\n}');
      src.invalidateFiles();
      const r2 = await src.forDocument(uri);
      assert.equal(r2.config.settings.mode, 'draft', 'a file that is not JSON: the defaults apply');
      assert.equal(shown.length, 3, shown.join("\n"));
      assert.equal(shown[2], `speechlint: ${cfg}: JSON 格式错误（第 2 行第 18 列）：“}”前多了一个逗号（已使用默认配置）`);
    });
  });
});
