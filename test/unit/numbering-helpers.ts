/** Shared helpers for the numbering tests. */
import { resolveConfig } from '../../server/src/core/config';
import { lint } from '../../server/src/core/lint';
import { parse } from '../../server/src/core/parse';
import type { Finding } from '../../server/src/core/rule';
import { createRegistry } from '../../server/src/core/rules';

export const NUMBERING_RULES = [
  'numbering/sequence',
  'numbering/marker-punctuation',
  'numbering/hierarchy',
  'numbering/series',
  'numbering/announced-count',
] as const;

const registry = createRegistry();
const { config } = resolveConfig(registry, []);

/** Numbering findings of a draft; throws if a rule throws. */
export function numberingFindings(text: string): Finding[] {
  const errors: unknown[] = [];
  const out = lint(parse(text), registry, config, { only: NUMBERING_RULES, onRuleError: (_id, e) => errors.push(e) });
  if (errors.length) throw errors[0];
  return out;
}

/** [short rule id, offending text] pairs, in document order. */
export function summary(text: string, findings: Finding[] = numberingFindings(text)): [string, string][] {
  return findings.map((f) => [f.ruleId.replace(/^numbering\//, ''), text.slice(f.span.start, f.span.end)]);
}
