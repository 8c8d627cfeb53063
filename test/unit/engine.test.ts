import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { resolveConfig, parseConfigText, effectiveSeverity } from '../../server/src/core/config';
import { rulesMarkdown, replaceRulesBlock, RULES_START, RULES_END } from '../../server/src/core/docs';
import { applyEdits, collectSafeEdits, lint } from '../../server/src/core/lint';
import { parse } from '../../server/src/core/parse';
import { Registry } from '../../server/src/core/registry';
import { defineRule, localeFrom } from '../../server/src/core/rule';
import { allRules, createRegistry } from '../../server/src/core/rules';
import { ROOT } from './helpers';

/** A tiny rule for engine tests: reports every "的的" with a safe fix deleting one 的. */
const stutterLike = defineRule<{ word: string }>({
  meta: {
    id: 'repetition/test-double',
    family: 'repetition',
    description: { zh: '测试', en: 'test' },
    defaultSeverity: 'warning',
    fixable: true,
    defaultOptions: { word: '的' },
    options: { word: { type: 'string', description: { zh: '字', en: 'char' } } },
    examples: { wrong: '的的', right: '的' },
  },
  messages: { twice: { zh: '“{w}”重复', en: '"{w}" repeated' } },
  check({ doc, options, report }) {
    const w = options.word;
    let i = doc.text.indexOf(w + w);
    while (i >= 0) {
      report({
        messageId: 'twice',
        data: { w },
        span: { start: i, end: i + 2 * w.length },
        fixes: [{ title: { zh: '删除', en: 'delete' }, edits: [{ start: i + w.length, end: i + 2 * w.length, newText: '' }], safe: true }],
      });
      i = doc.text.indexOf(w + w, i + 2 * w.length);
    }
  },
});

const throwing = defineRule<Record<string, never>>({
  meta: {
    id: 'balance/test-throws',
    family: 'balance',
    description: { zh: '抛出', en: 'throws' },
    defaultSeverity: 'error',
    fixable: false,
    defaultOptions: {},
    examples: { wrong: '', right: '' },
  },
  messages: {},
  check() {
    throw new Error('boom');
  },
});

describe('registry', () => {
  it('is sorted by id and rejects duplicates and malformed ids', () => {
    const reg = new Registry([throwing, stutterLike]);
    assert.deepEqual(reg.ids(), ['balance/test-throws', 'repetition/test-double']);
    assert.throws(() => reg.add(stutterLike), /duplicate rule id/);
    assert.throws(() => reg.add({ ...throwing, meta: { ...throwing.meta, id: 'Balance/x' } }), /family\/name/);
    assert.throws(() => reg.add({ ...throwing, meta: { ...throwing.meta, id: 'style/x' } }), /family/);
  });

  it('the shipped registry has unique, well-formed ids with messages in both languages', () => {
    const reg = createRegistry();
    assert.equal(reg.all().length, allRules.length);
    for (const r of reg.all()) {
      assert.ok(r.meta.description.zh && r.meta.description.en, r.meta.id);
      for (const [id, m] of Object.entries(r.messages)) assert.ok(m.zh && m.en, `${r.meta.id} ${id}`);
      assert.ok(r.meta.examples.wrong && r.meta.examples.right, r.meta.id);
    }
  });
});

describe('configuration', () => {
  const reg = new Registry([stutterLike, throwing]);

  it('applies severities, options and settings from layers in order', () => {
    const { config, problems } = resolveConfig(reg, [
      { rules: { 'repetition/test-double': ['error', { word: '了' }] }, mode: 'final', speakingRate: 200, allow: ['学赶'] },
      { rules: { 'balance/test-throws': 'off' } },
    ]);
    assert.deepEqual(problems, []);
    assert.equal(config.rules.get('repetition/test-double')!.severity, 'error');
    assert.equal(config.rules.get('repetition/test-double')!.options.word, '了');
    assert.equal(config.rules.get('balance/test-throws')!.severity, 'off');
    assert.equal(config.settings.mode, 'final');
    assert.equal(config.settings.speakingRate, 200);
    assert.deepEqual(config.settings.allowWords, ['学赶']);
  });

  it('wrong types and unknown rules give one problem each naming the key; defaults stay', () => {
    const { config, problems } = resolveConfig(reg, [
      { rules: { 'repetition/test-double': ['loud', { word: 3, nope: 1 }], 'numbering/nothing': 'error' }, speakingRate: 'fast', mode: 'x', extra: 1 },
    ]);
    const keys = problems.map((p) => p.key).sort();
    assert.deepEqual(keys, ['extra', 'mode', 'rules.numbering/nothing', 'rules.repetition/test-double', 'rules.repetition/test-double.nope', 'rules.repetition/test-double.word', 'speakingRate']);
    for (const p of problems) assert.ok(p.message.zh.length > 0 && p.message.en.length > 0);
    assert.equal(config.rules.get('repetition/test-double')!.severity, 'warning');
    assert.equal(config.rules.get('repetition/test-double')!.options.word, '的');
    assert.equal(config.settings.speakingRate, 220);
    assert.equal(config.settings.mode, 'draft');
  });

  it('a broken JSON file yields one problem and no config', () => {
    const r = parseConfigText('{"rules": {');
    assert.equal(r.raw, undefined);
    assert.ok(r.problem && /JSON/.test(r.problem.message.en));
    assert.ok(parseConfigText('[1]').problem);
    assert.deepEqual(parseConfigText('\uFEFF{"mode":"final"}').raw, { mode: 'final' });
  });

  it('final mode raises rules that have a final severity unless off', () => {
    const marker = createRegistry().get('placeholder/marker')!;
    const reg2 = createRegistry();
    const draft = resolveConfig(reg2, []).config;
    const final = resolveConfig(reg2, [{ mode: 'final' }]).config;
    const finalOff = resolveConfig(reg2, [{ mode: 'final', rules: { 'placeholder/marker': 'off' } }]).config;
    assert.equal(effectiveSeverity(marker, draft.rules.get(marker.meta.id)!, draft.settings), 'info');
    assert.equal(effectiveSeverity(marker, final.rules.get(marker.meta.id)!, final.settings), 'error');
    assert.equal(effectiveSeverity(marker, finalOff.rules.get(marker.meta.id)!, finalOff.settings), 'off');
  });

  it('locale tags map to zh (default) or en', () => {
    assert.equal(localeFrom(undefined), 'zh');
    assert.equal(localeFrom('zh-cn'), 'zh');
    assert.equal(localeFrom('zh-TW'), 'zh');
    assert.equal(localeFrom('en'), 'en');
    assert.equal(localeFrom('de'), 'en');
    // POSIX tags, as Helix or a shell pass them
    assert.equal(localeFrom('zh_CN.UTF-8'), 'zh');
    assert.equal(localeFrom('zh'), 'zh');
    assert.equal(localeFrom('zhx'), 'en');
    assert.equal(localeFrom('en_US.UTF-8'), 'en');
  });
});

describe('lint', () => {
  const reg = new Registry([stutterLike, throwing]);
  const config = resolveConfig(reg, []).config;

  it('formats messages in both languages, logs and skips a throwing rule', () => {
    const errors: string[] = [];
    const doc = parse('同志们：\n我们的的目标。');
    const fs = lint(doc, reg, config, { onRuleError: (id) => errors.push(id) });
    assert.deepEqual(errors, ['balance/test-throws']);
    assert.equal(fs.length, 1);
    assert.equal(fs[0].ruleId, 'repetition/test-double');
    assert.equal(fs[0].severity, 'warning');
    assert.deepEqual(fs[0].message, { zh: '“的”重复', en: '"的" repeated' });
  });

  it('a report may lower its severity below the configured one, never raise it', () => {
    const mixed = defineRule<Record<string, never>>({
      meta: { ...stutterLike.meta, id: 'repetition/test-mixed', defaultOptions: {}, options: undefined },
      messages: { m: { zh: '甲', en: 'a' } },
      check({ report }) {
        report({ messageId: 'm', span: { start: 0, end: 1 }, severity: 'info' });
        report({ messageId: 'm', span: { start: 1, end: 2 }, severity: 'error' });
      },
    });
    const r = new Registry([mixed]);
    const doc = parse('同志们：');
    const at = (severity: string) =>
      lint(doc, r, resolveConfig(r, [{ rules: { 'repetition/test-mixed': severity } }]).config).map((f) => f.severity);
    assert.deepEqual(at('warning'), ['info', 'warning']);
    assert.deepEqual(at('error'), ['info', 'error']);
    assert.deepEqual(at('hint'), ['hint', 'hint']);
  });

  it('suppression comments: disable/enable, disable-next-line, all rules', () => {
    const text = [
      '同志们：',
      '一的的。',
      '<!-- speechlint-disable repetition/test-double -->',
      '二的的。',
      '<!-- speechlint-enable repetition/test-double -->',
      '三的的。',
      '<!-- speechlint-disable-next-line -->',
      '四的的。',
      '五的的。<!-- speechlint-disable-line repetition -->',
      '六的的。',
    ].join('\n');
    const doc = parse(text);
    const lines = lint(doc, reg, config).map((f) => doc.lines.positionAt(f.span.start).line);
    assert.deepEqual(lines, [1, 5, 9]);
    // comment lines are not paragraphs of the speech
    assert.equal(doc.paragraphs.filter((p) => p.kind === 'comment').length, 3);
  });

  it('safe fixes apply without overlap; a second pass changes nothing', () => {
    const text = '同志们：\n我们的的的的目标的的。';
    const reg2 = new Registry([stutterLike]);
    const cfg = resolveConfig(reg2, []).config;
    let cur = text;
    for (let pass = 0; pass < 3; pass++) {
      const edits = collectSafeEdits(lint(parse(cur), reg2, cfg));
      if (edits.length === 0) break;
      cur = applyEdits(cur, edits);
    }
    assert.equal(cur, '同志们：\n我们的目标的。');
    assert.deepEqual(collectSafeEdits(lint(parse(cur), reg2, cfg)), []);
    assert.throws(() => applyEdits('abc', [{ start: 0, end: 2, newText: '' }, { start: 1, end: 3, newText: '' }]), /overlapping/);
  });

  it('never reports a span outside the text or inside a surrogate pair', () => {
    const bad = defineRule<Record<string, never>>({
      meta: { ...throwing.meta, id: 'balance/test-bad-spans' },
      messages: { m: { zh: 'm', en: 'm' } },
      check({ report }) {
        report({ messageId: 'm', span: { start: -5, end: 2 } });
        report({ messageId: 'm', span: { start: 1, end: 999 } });
        report({ messageId: 'm', span: { start: 3, end: 3 }, fixes: [{ title: { zh: '', en: '' }, edits: [{ start: 3, end: 9999, newText: 'x' }], safe: true }] });
      },
    });
    const text = 'a😀b😀';
    const fs = lint(parse(text), new Registry([bad]), resolveConfig(new Registry([bad]), []).config);
    for (const f of fs) {
      assert.ok(f.span.start >= 0 && f.span.end <= text.length && f.span.start <= f.span.end);
      for (const o of [f.span.start, f.span.end]) assert.ok(!(o > 0 && o < text.length && /[\uDC00-\uDFFF]/.test(text[o])), `offset ${o} splits a pair`);
      assert.deepEqual(f.fixes, []);
    }
  });
});

describe('README', () => {
  it('its rules section matches the registry (run `npm run docs` after changing a rule)', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const a = readme.indexOf(RULES_START);
    const b = readme.indexOf(RULES_END);
    assert.ok(a >= 0 && b > a, 'README has the generated rules block');
    assert.equal(readme.slice(a, b + RULES_END.length), rulesMarkdown(allRules));
    assert.equal(replaceRulesBlock(readme, rulesMarkdown(allRules)), readme);
    for (const r of allRules) assert.ok(readme.includes(`### \`${r.meta.id}\``), r.meta.id);
  });
});

/** Packages core may use: pure JavaScript, no I/O (re2js: regular expressions that cannot backtrack). */
const PURE_PACKAGES = new Set(['re2js']);

describe('core is pure', () => {
  it('server/src/core imports only core modules: no vscode, no LSP, no Node I/O', () => {
    const dir = path.join(ROOT, 'server', 'src', 'core');
    const files: string[] = [];
    const walk = (d: string): void => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(path.join(d, e.name));
        else if (e.name.endsWith('.ts')) files.push(path.join(d, e.name));
      }
    };
    walk(dir);
    assert.ok(files.length > 30);
    let seen = 0;
    for (const f of files) {
      const text = fs.readFileSync(f, 'utf8');
      const specs = [
        ...text.matchAll(/^(?:import|export)\s[^;]*?\bfrom\s+['"]([^'"]+)['"]/gm),
        ...text.matchAll(/^import\s+['"]([^'"]+)['"]/gm),
        ...text.matchAll(/\b(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)/g),
      ].map((m) => m[1]);
      seen += specs.length;
      for (const s of specs) {
        if (PURE_PACKAGES.has(s)) continue;
        assert.ok(s.startsWith('.'), `${path.relative(ROOT, f)} imports "${s}"`);
        assert.ok(path.resolve(path.dirname(f), s).startsWith(dir), `${path.relative(ROOT, f)} imports "${s}" outside core`);
      }
    }
    assert.ok(seen > 100, 'the imports were found');
  });
});
