/**
 * placeholder/marker and placeholder/instruction: the forms and the
 * look-alikes (table-driven, test/fixtures/placeholder/*.json), options,
 * config validation of user patterns, the mode switch, fixes.
 */
import * as assert from 'node:assert/strict';
import { applyEdits, collectSafeEdits, createRegistry, lint, parse, resolveConfig } from '../../server/src/core';
import type { Finding, RawConfig } from '../../server/src/core';
import { isInstruction } from '../../server/src/core/rules/placeholder/instruction';
import { fixture } from './helpers';

interface FormCase {
  text: string;
  flagged: string[];
  rule?: string;
}

const forms: FormCase[] = JSON.parse(fixture('placeholder/forms.json')).cases;
const lookalikes: string[] = JSON.parse(fixture('placeholder/lookalikes.json')).cases;

function run(text: string, ...layers: RawConfig[]): Finding[] {
  const reg = createRegistry();
  const { config, problems } = resolveConfig(reg, layers);
  assert.deepEqual(problems, [], 'the test config itself is valid');
  return lint(parse(text), reg, config).filter((f) => f.ruleId.startsWith('placeholder/'));
}

function flagged(text: string, ...layers: RawConfig[]): string[] {
  return run(text, ...layers).map((f) => text.slice(f.span.start, f.span.end));
}

describe('placeholder rules: forms (fixtures/placeholder/forms.json)', () => {
  it('has at least 40 forms', () => assert.ok(forms.length >= 40, `${forms.length} forms`));
  for (const c of forms) {
    it(`flags ${JSON.stringify(c.flagged)} in ${JSON.stringify(c.text)}`, () => {
      const found = run(c.text);
      assert.deepEqual(
        found.map((f) => c.text.slice(f.span.start, f.span.end)),
        c.flagged,
      );
      if (c.rule) for (const f of found) assert.equal(f.ruleId, c.rule);
    });
  }
});

describe('placeholder rules: look-alikes (fixtures/placeholder/lookalikes.json)', () => {
  it('has at least 40 look-alikes', () => assert.ok(lookalikes.length >= 40, `${lookalikes.length} look-alikes`));
  for (const text of lookalikes) {
    it(`leaves ${JSON.stringify(text)} alone`, () => assert.deepEqual(flagged(text), []));
  }
});

describe('placeholder/marker', () => {
  it('merges a dotted number into one finding and leaves the % outside', () => {
    const text = '增长xx.x%';
    const f = run(text);
    assert.equal(f.length, 1);
    assert.equal(text.slice(f[0].span.start, f[0].span.end), 'xx.x');
  });

  it('names the marker in both languages, with no fix', () => {
    const [f] = run('收入XX亿元');
    assert.equal(f.message.zh, '占位符“XX”尚未替换');
    assert.equal(f.message.en, 'Placeholder "XX" has not been filled in');
    assert.deepEqual(f.fixes, []);
  });

  it('shortens a huge marker in the message', () => {
    const text = '收入' + 'X'.repeat(500) + '亿元';
    const [f] = run(text);
    assert.equal(f.span.end - f.span.start, 500);
    assert.ok(f.message.zh.length < 60, f.message.zh);
    assert.ok(f.message.zh.includes('…'));
  });

  it('reports user patterns, once where they overlap a built-in form', () => {
    const text = '请在${单位名称}落实XX亿元。';
    const got = flagged(text, { rules: { 'placeholder/marker': ['info', { patterns: ['\\$\\{[^}]*\\}', 'XX亿'] }] } });
    assert.deepEqual(got, ['${单位名称}', 'XX']);
  });

  it('skips empty matches of a user pattern without looping', () => {
    const text = '收入XX亿元';
    const reg = createRegistry();
    const { config, problems } = resolveConfig(reg, [{ rules: { 'placeholder/marker': ['info', { patterns: ['Q*'] }] } }]);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].key, 'rules.placeholder/marker.patterns[0]');
    const got = lint(parse(text), reg, config).map((f) => text.slice(f.span.start, f.span.end));
    assert.deepEqual(got, ['XX']);
  });

  it('reports an invalid user pattern as a config problem naming the key, and still runs', () => {
    const reg = createRegistry();
    const { config, problems } = resolveConfig(reg, [{ rules: { 'placeholder/marker': ['warning', { patterns: ['某(', '甲乙丙'] }] } }]);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].key, 'rules.placeholder/marker.patterns[0]');
    assert.match(problems[0].message.en, /invalid regular expression "某\("/);
    assert.match(problems[0].message.zh, /无效/);
    const text = '甲乙丙XX';
    const got = lint(parse(text), reg, config).map((f) => text.slice(f.span.start, f.span.end));
    assert.deepEqual(got, ['甲乙丙', 'XX']);
  });

  it('validates each config layer once (no repeated problem from an earlier layer)', () => {
    const reg = createRegistry();
    const { problems } = resolveConfig(reg, [{ rules: { 'placeholder/marker': ['info', { patterns: ['['] }] } }, { mode: 'final' }]);
    assert.equal(problems.length, 1);
  });

  it('accepts a pattern valid only without the u flag', () => {
    const reg = createRegistry();
    const { problems } = resolveConfig(reg, [{ rules: { 'placeholder/marker': ['info', { patterns: ['\\_\\_'] }] } }]);
    assert.deepEqual(problems, []);
  });

  it('honours allow words from the rule and from the global allow', () => {
    const text = 'XX公司和XX镇，（待定）与（待议）';
    assert.deepEqual(flagged(text), ['XX', 'XX', '（待定）', '（待议）']);
    assert.deepEqual(flagged(text, { allow: ['XX公司'] }), ['XX', '（待定）', '（待议）']);
    assert.deepEqual(flagged(text, { rules: { 'placeholder/marker': ['info', { allow: ['XX公司', 'XX镇'] }] } }), ['（待定）', '（待议）']);
    assert.deepEqual(flagged(text, { allow: ['（待定）'] }), ['XX', 'XX', '（待议）']);
  });

  it('an allow word must cover the whole marker', () => {
    // "X公" does not cover "XX"
    assert.deepEqual(flagged('XX公司', { allow: ['X公'] }), ['XX']);
  });

  it('leaves web residue alone', () => {
    const text = '同志们：\n今年收入XX亿元。\n温馨提示：本文XX由互联网用户分享整理，【待补充】××\n';
    assert.deepEqual(flagged(text), ['XX']);
  });
});

describe('placeholder/instruction', () => {
  it('offers a not-safe quick fix that removes the note', () => {
    const text = '实现营业收入【待补充】亿元。';
    const [f] = run(text);
    assert.equal(f.ruleId, 'placeholder/instruction');
    assert.equal(f.fixes.length, 1);
    assert.equal(f.fixes[0].safe, false);
    assert.deepEqual(f.fixes[0].title, { zh: '删除此批注', en: 'Remove this note' });
    assert.equal(applyEdits(text, f.fixes[0].edits), '实现营业收入亿元。');
    assert.match(f.message.zh, /【待补充】/);
    assert.match(f.message.en, /【待补充】/);
  });

  it('has no safe fix: --fix never removes notes or placeholders', () => {
    const text = '实现营业收入【待补充】，增长XX%。TODO：核实';
    assert.deepEqual(collectSafeEdits(run(text)), []);
  });

  it('keywords replace the default list', () => {
    const layers: RawConfig = { rules: { 'placeholder/instruction': ['info', { keywords: ['请领导审阅'] }] } };
    assert.deepEqual(flagged('【请领导审阅】', layers), ['【请领导审阅】']);
    assert.deepEqual(flagged('。请领导审阅。', layers), ['请领导审阅']);
    // 待补充 standing alone is no longer a keyword; the bracket form still reads as an instruction
    assert.deepEqual(flagged('。待补充。', layers), []);
    assert.deepEqual(flagged('【待补充】', layers), ['【待补充】']);
  });

  it('needs a keyword to stand alone outside brackets', () => {
    assert.deepEqual(flagged('相关机制有待完善，人选待定。'), []);
    assert.deepEqual(flagged('增长XX%，待核实。'), ['XX', '待核实']);
    assert.deepEqual(flagged('ATODO和TODOS'), []);
  });

  it('takes a colon note up to the end of its sentence', () => {
    assert.deepEqual(flagged('TODO: 核实投资数据。下一句。'), ['TODO: 核实投资数据']);
  });

  it('reports a note inside a note once', () => {
    assert.deepEqual(flagged('【（待定）】'), ['【（待定）】']);
  });

  it('isInstruction: reads content as an instruction or not', () => {
    const yes = ['待补充', '此处填写数据', '略', '以下略', '省略', '请核实', '需补充案例', '删除', '补充数据', '核实：来源', 'TBD', '数据由统计局填写', '此处指2023年数据'];
    const no = ['战略', '策略', '补充医疗保险', '增加值', '2024年3月5日', 'RCEP', '新华社电', '以下简称《决定》', '占全年70%'];
    for (const c of yes) assert.ok(isInstruction(c, ['待补充', 'TBD']), c);
    for (const c of no) assert.ok(!isInstruction(c, ['待补充', 'TBD']), c);
  });
});

describe('placeholder rules: mode switch', () => {
  const text = '收入XX亿元【待补充】。';
  const sev = (...layers: RawConfig[]) => run(text, ...layers).map((f) => `${f.ruleId}:${f.severity}`);

  it('draft (default): information', () => {
    assert.deepEqual(sev(), ['placeholder/marker:info', 'placeholder/instruction:info']);
    assert.deepEqual(sev({ mode: 'draft' }), ['placeholder/marker:info', 'placeholder/instruction:info']);
  });

  it('final: errors', () => {
    assert.deepEqual(sev({ mode: 'final' }), ['placeholder/marker:error', 'placeholder/instruction:error']);
  });

  it('explicit severities apply in draft mode and are raised to error in final mode', () => {
    const rules = { 'placeholder/marker': 'warning', 'placeholder/instruction': 'hint' };
    assert.deepEqual(sev({ rules }), ['placeholder/marker:warning', 'placeholder/instruction:hint']);
    assert.deepEqual(sev({ rules, mode: 'final' }), ['placeholder/marker:error', 'placeholder/instruction:error']);
    assert.deepEqual(sev({ rules: { 'placeholder/marker': 'error' } }), ['placeholder/marker:error', 'placeholder/instruction:info']);
  });

  it("'off' stays off in final mode", () => {
    assert.deepEqual(sev({ mode: 'final', rules: { 'placeholder/marker': 'off' } }), ['placeholder/instruction:error']);
    assert.deepEqual(sev({ rules: { 'placeholder/marker': 'off', 'placeholder/instruction': 'off' } }, { mode: 'final' }), []);
  });

  it('a later layer switches the mode (workspace setting over the file)', () => {
    assert.deepEqual(sev({ mode: 'final' }, { mode: 'draft' }), ['placeholder/marker:info', 'placeholder/instruction:info']);
    assert.deepEqual(sev({ mode: 'draft' }, { mode: 'final' }), ['placeholder/marker:error', 'placeholder/instruction:error']);
  });

  it('suppression comments silence placeholder rules', () => {
    const t = '<!-- speechlint-disable-next-line placeholder -->\n收入XX亿元\n支出XX亿元';
    assert.deepEqual(flagged(t), ['XX']);
    assert.equal(run(t)[0].span.start, t.lastIndexOf('XX'));
  });
});
