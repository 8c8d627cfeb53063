/**
 * The table runner of the typography, reference and residue tests:
 * fixtures/<family>/cases.json holds `cases` (text → the spans a rule flags,
 * in order; `fixed`: the text after its safe fixes; `related`: how many
 * related locations the first finding has) and `lookalikes` (texts no rule of
 * the family may flag).
 */
import * as assert from 'node:assert/strict';
import { applyEdits, collectSafeEdits, createRegistry, lint, parse, resolveConfig } from '../../server/src/core';
import type { Finding } from '../../server/src/core';
import { fixture } from './helpers';

export interface FamilyCase {
  rule: string;
  text: string;
  flagged: string[];
  fixed?: string;
  related?: number;
}

/** The findings of one family (or of one rule) on a text, default config. */
export function familyFindings(text: string, family: string, only?: string): Finding[] {
  const reg = createRegistry();
  const { config } = resolveConfig(reg, []);
  return lint(parse(text), reg, config).filter((f) => (only ? f.ruleId === only : f.ruleId.startsWith(family + '/')));
}

/** describe() blocks for fixtures/<family>/cases.json; `each` adds checks on every finding of a case. */
export function describeCases(family: string, each?: (f: Finding, c: FamilyCase) => void): void {
  const data = JSON.parse(fixture(`${family}/cases.json`)) as { cases: FamilyCase[]; lookalikes: string[] };
  describe(`${family} rules: cases (fixtures/${family}/cases.json)`, () => {
    for (const c of data.cases) {
      it(`${c.rule}: ${JSON.stringify(c.text.slice(0, 40))}`, () => {
        const found = familyFindings(c.text, family, c.rule);
        assert.deepEqual(
          found.map((f) => c.text.slice(f.span.start, f.span.end)),
          c.flagged,
        );
        for (const f of found) {
          assert.ok(f.message.zh.length > 0 && f.message.en.length > 0);
          assert.ok(!/\{\w+\}/.test(f.message.zh + f.message.en), 'no unfilled {placeholder}');
          each?.(f, c);
        }
        if (c.related !== undefined) assert.equal(found[0].related.length, c.related);
        if (c.fixed !== undefined) {
          const fixed = applyEdits(c.text, collectSafeEdits(found));
          assert.equal(fixed, c.fixed);
          assert.deepEqual(familyFindings(fixed, family, c.rule), [], 'nothing left after the safe fixes');
        }
      });
    }
  });
  describe(`${family} rules: look-alikes`, () => {
    for (const text of data.lookalikes) {
      it(`leaves ${JSON.stringify(text.slice(0, 40))} alone`, () => {
        assert.deepEqual(
          familyFindings(text, family).map((f) => `${f.ruleId} ${text.slice(f.span.start, f.span.end)}`),
          [],
        );
      });
    }
  });
}
