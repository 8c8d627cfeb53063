/** Shared helpers for the balance/* tests. */
import { resolveConfig, type RawConfig } from '../../server/src/core/config';
import { lint } from '../../server/src/core/lint';
import { parse } from '../../server/src/core/parse';
import type { Finding } from '../../server/src/core/rule';
import { createRegistry } from '../../server/src/core/rules';

export const BALANCE_RULES = ['balance/section-length', 'balance/subsection-count', 'balance/heading-parallelism', 'balance/series-parallelism'];

const registry = createRegistry();

/** Balance findings of a text, with optional config layers (rule options, speakingRate). */
export function lintBalance(text: string, raw: RawConfig = {}, only: string[] = BALANCE_RULES): Finding[] {
  const { config, problems } = resolveConfig(registry, [raw]);
  if (problems.length) throw new Error('config problems: ' + JSON.stringify(problems));
  return lint(parse(text), registry, config, { only });
}

/** "rule @ flagged text" lines, for readable assertions. */
export function summary(text: string, findings: Finding[]): string[] {
  return findings.map((f) => `${f.ruleId} @ ${text.slice(f.span.start, f.span.end)}`);
}
