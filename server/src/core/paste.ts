/**
 * The two commands for pasted drafts, as pure edit computations:
 * - "清理网页残留 / Clean pasted text": every safe fix of the residue rules
 *   (residue lines deleted, inline residue removed, broken lines rejoined,
 *   spaces between Chinese characters removed), in one edit;
 * - "合并断行 / Join broken lines": only the rejoining of lines broken
 *   mid-sentence, keeping real paragraph breaks and headings.
 * Both run the residue rules with their defaults, whatever the configured
 * severities: the commands work even when the rules are switched off.
 */
import type { SpeechDocument } from './model';
import { collectSafeEdits } from './lint';
import type { AnyRule, Finding, Report, TextEdit } from './rule';
import { DEFAULT_SETTINGS } from './rule';
import residueBrokenLines, { joinBrokenLinesEdits } from './rules/residue/broken-lines';
import residueCjkSpace from './rules/residue/cjk-space';
import residueInline from './rules/residue/inline';
import residueLine from './rules/residue/line';

export { joinBrokenLinesEdits };

const RESIDUE_RULES: readonly AnyRule[] = [residueLine, residueInline, residueBrokenLines, residueCjkSpace];

/** The edits of "Clean pasted text": every safe residue fix that does not overlap another. */
export function cleanPastedEdits(doc: SpeechDocument): TextEdit[] {
  const findings: Finding[] = [];
  for (const rule of RESIDUE_RULES) {
    const reports: Report[] = [];
    rule.check({ doc, options: { ...(rule.meta.defaultOptions as object) }, settings: { ...DEFAULT_SETTINGS }, report: (r) => reports.push(r) });
    for (const r of reports) {
      findings.push({ ruleId: rule.meta.id, severity: 'warning', message: { zh: '', en: '' }, span: r.span, fixes: r.fixes ?? [], related: [] });
    }
  }
  // whole lines first, so that a line deleted is not also edited inside
  return collectSafeEdits(findings);
}
