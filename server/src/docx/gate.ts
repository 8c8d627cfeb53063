/**
 * The gate of Export to Word: placeholders and residue left in a draft
 * (findings of the placeholder/* and residue/* rules, as configured) refuse
 * the export in final mode, with which and where; in draft mode they are
 * exported highlighted in yellow.
 */
import type { ResolvedConfig } from '../core/config';
import { lint } from '../core/lint';
import type { SpeechDocument } from '../core/model';
import { parse } from '../core/parse';
import type { Registry } from '../core/registry';
import type { Finding } from '../core/rule';
import type { PlannedParagraph } from './plan';
import { planExport } from './plan';

/** Rule families whose findings are left-overs that must not reach the office. */
export const LEFTOVER_FAMILIES = ['placeholder/', 'residue/'];

export function isLeftover(ruleId: string): boolean {
  return LEFTOVER_FAMILIES.some((f) => ruleId.startsWith(f));
}

export type ExportPlan =
  | { ok: true; doc: SpeechDocument; paragraphs: PlannedParagraph[]; highlighted: Finding[]; title: string }
  | { ok: false; doc: SpeechDocument; blockers: Finding[] };

export function planDraftExport(text: string, registry: Registry, config: ResolvedConfig, onRuleError?: (ruleId: string, e: unknown) => void): ExportPlan {
  const doc = parse(text);
  const only = registry
    .all()
    .map((r) => r.meta.id)
    .filter(isLeftover);
  const leftovers = lint(doc, registry, config, { phase: 'all', only, onRuleError });
  if (config.settings.mode === 'final' && leftovers.length > 0) return { ok: false, doc, blockers: leftovers };
  const title = doc.title !== undefined ? text.slice(doc.paragraphs[doc.title].span.start, doc.paragraphs[doc.title].span.end) : '';
  return { ok: true, doc, paragraphs: planExport(doc, leftovers.map((f) => f.span)), highlighted: leftovers, title };
}
