/**
 * Drafts and series written for the balance rules: each unbalanced one
 * yields exactly the findings in its .expected.json (or table row), each
 * balanced one yields none. The drafts' section bodies are realistic speech
 * sentences of controlled total length (the outline of each is in its name).
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { BALANCE_RULES, lintBalance, summary } from './balance-helpers';
import { FIXTURES } from './helpers';

interface Expected {
  rule: string;
  at: string;
  says: string;
}

const DIR = path.join(FIXTURES, 'balance', 'drafts');
const drafts = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort();

describe('balance fixtures: drafts', () => {
  it('has at least 10 unbalanced and 10 balanced drafts', () => {
    assert.ok(drafts.filter((f) => f.startsWith('u')).length >= 10);
    assert.ok(drafts.filter((f) => f.startsWith('b')).length >= 10);
  });

  for (const file of drafts) {
    const name = file.replace(/\.txt$/, '');
    it(`${name}`, () => {
      const text = fs.readFileSync(path.join(DIR, file), 'utf8');
      const expected: Expected[] = JSON.parse(fs.readFileSync(path.join(DIR, name + '.expected.json'), 'utf8'));
      assert.equal(expected.length > 0, name.startsWith('u'), 'u* drafts are unbalanced, b* balanced');
      const findings = lintBalance(text);
      assert.deepEqual(
        summary(text, findings),
        expected.map((e) => `${e.rule} @ ${e.at}`),
      );
      findings.forEach((f, i) => {
        assert.ok(f.message.zh.includes(expected[i].says), `${f.message.zh} should say ${expected[i].says}`);
        assert.ok(f.message.en.length > 0 && !/[{}]/.test(f.message.en) && !/[{}]/.test(f.message.zh), 'messages fully formatted');
        assert.equal(f.severity, 'info');
      });
    });
  }
});

interface SeriesTable {
  unbalanced: { text: string; item: string; says: string }[];
  balanced: string[];
}

const table: SeriesTable = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'balance', 'series.json'), 'utf8'));

describe('balance fixtures: series', () => {
  it('has at least 10 unbalanced and 15 balanced series', () => {
    assert.ok(table.unbalanced.length >= 10);
    assert.ok(table.balanced.length >= 15);
  });

  for (const c of table.unbalanced) {
    it(`flags “${c.item}” in ${c.text.slice(0, 24)}…`, () => {
      const findings = lintBalance(c.text);
      assert.deepEqual(summary(c.text, findings), [`balance/series-parallelism @ ${c.item}`]);
      assert.ok(findings[0].message.zh.includes(c.says), findings[0].message.zh);
    });
  }

  for (const t of table.balanced) {
    it(`stays silent on ${t.slice(0, 24)}…`, () => {
      assert.deepEqual(summary(t, lintBalance(t, {}, BALANCE_RULES)), []);
    });
  }
});
