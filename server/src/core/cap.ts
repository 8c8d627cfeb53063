/**
 * At most so many findings of one rule are shown for a document. A huge
 * draft (a 1 MB compilation full of XX placeholders) would otherwise turn
 * into tens of thousands of diagnostics: megabytes of JSON per publish, a
 * Problems panel nobody can read, and hundreds of megabytes in the server
 * and the editor. The language server applies this where findings become
 * diagnostics (Checker.publish); what is hidden is said by one information
 * finding of the same rule at the first hidden place. Requests that need every
 * finding (fix all, the outline's counts, the placeholder list) still get them
 * all.
 */
import type { Finding } from './rule';

export const MAX_FINDINGS_PER_RULE = 1000;

/** The message of the finding that stands for the hidden ones. */
export function moreNotShown(hidden: number, max: number): Finding['message'] {
  return {
    zh: `此规则还有 ${hidden} 处未显示（每条规则最多显示 ${max} 处）`,
    en: `${hidden} more not shown (at most ${max} per rule)`,
  };
}

/**
 * The first `max` findings of each rule in the order given (document order
 * when sorted), plus, for each rule that had more, one 'info' finding at the
 * first hidden one's place. Order is kept; the summary sits where the hidden
 * finding was. Findings under the cap come back as the same array.
 */
export function capFindings(findings: Finding[], max = MAX_FINDINGS_PER_RULE): Finding[] {
  const counts = new Map<string, number>();
  let over = false;
  for (const f of findings) {
    const n = (counts.get(f.ruleId) ?? 0) + 1;
    counts.set(f.ruleId, n);
    if (n > max) over = true;
  }
  if (!over) return findings;
  const seen = new Map<string, number>();
  const out: Finding[] = [];
  for (const f of findings) {
    const n = (seen.get(f.ruleId) ?? 0) + 1;
    seen.set(f.ruleId, n);
    if (n <= max) out.push(f);
    else if (n === max + 1) {
      out.push({
        ruleId: f.ruleId,
        severity: 'info',
        message: moreNotShown(counts.get(f.ruleId)! - max, max),
        span: f.span,
        fixes: [],
        related: [],
      });
    }
  }
  return out;
}
