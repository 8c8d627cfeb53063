/**
 * Document + config → findings. The server runs the fast rules first and the
 * segmentation rules after (phase), the CLI runs both at once.
 */
import type { ResolvedConfig } from './config';
import { effectiveSeverity } from './config';
import type { SpeechDocument } from './model';
import type { Registry } from './registry';
import type { AnyRule, Finding, Fix, Report, TextEdit } from './rule';
import { formatText, lowerSeverity } from './rule';
import type { Segmentation } from './segment';
import { safeSpan } from './text';

export type Phase = 'fast' | 'segmented' | 'all';

export interface LintOptions {
  phase?: Phase;
  /** Required for the segmented phase; rules that need it are skipped without it. */
  segmentation?: Segmentation;
  /** Called when a rule throws; the other rules still run. */
  onRuleError?: (ruleId: string, error: unknown) => void;
  /** Only these rules (by id). */
  only?: readonly string[];
}

export function rulesForPhase(registry: Registry, phase: Phase): AnyRule[] {
  return registry.all().filter((r) => phase === 'all' || (phase === 'segmented') === Boolean(r.meta.needsSegmentation));
}

export function lint(doc: SpeechDocument, registry: Registry, config: ResolvedConfig, opts: LintOptions = {}): Finding[] {
  const phase = opts.phase ?? 'all';
  const findings: Finding[] = [];
  const suppress = buildSuppression(doc);
  for (const rule of rulesForPhase(registry, phase)) {
    if (opts.only && !opts.only.includes(rule.meta.id)) continue;
    const setting = config.rules.get(rule.meta.id);
    if (!setting) continue;
    const severity = effectiveSeverity(rule, setting, config.settings);
    if (severity === 'off') continue;
    if (rule.meta.needsSegmentation && !opts.segmentation) continue;
    const reports: Report[] = [];
    try {
      rule.check({
        doc,
        options: setting.options,
        settings: config.settings,
        segmentation: opts.segmentation,
        report: (r) => reports.push(r),
      });
    } catch (e) {
      opts.onRuleError?.(rule.meta.id, e);
      continue;
    }
    for (const r of reports) {
      const span = safeSpan(doc.text, r.span);
      if (suppress(rule.meta.id, span.start)) continue;
      const tmpl = rule.messages[r.messageId] ?? { zh: r.messageId, en: r.messageId };
      findings.push({
        ruleId: rule.meta.id,
        severity: r.severity ? lowerSeverity(r.severity, severity) : severity,
        message: { zh: formatText(tmpl.zh, r.data), en: formatText(tmpl.en, r.data) },
        span,
        fixes: (r.fixes ?? []).filter((f) => validEdits(doc.text, f.edits)),
        related: (r.related ?? []).map((x) => ({ span: safeSpan(doc.text, x.span), message: x.message })),
      });
    }
  }
  findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || (a.ruleId < b.ruleId ? -1 : 1));
  return findings;
}

function validEdits(text: string, edits: TextEdit[]): boolean {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let last = -1;
  for (const e of sorted) {
    if (!(e.start >= 0 && e.end >= e.start && e.end <= text.length && e.start >= last)) return false;
    const s = safeSpan(text, e);
    if (s.start !== e.start || s.end !== e.end) return false;
    last = e.end;
  }
  return true;
}

/**
 * `<!-- speechlint-disable rule -->` … `<!-- speechlint-enable rule -->`,
 * `<!-- speechlint-disable-next-line rule -->`, `<!-- speechlint-disable-line rule -->`.
 * No rule ids means every rule.
 */
export function buildSuppression(doc: SpeechDocument): (ruleId: string, offset: number) => boolean {
  if (doc.directives.length === 0) return () => false;
  // ranges [start, end) per rule id ('*' for all)
  const ranges: { rule: string; start: number; end: number }[] = [];
  const open = new Map<string, number>();
  const lines = doc.lines;
  for (const d of doc.directives) {
    const ids = d.rules.length ? d.rules : ['*'];
    if (d.kind === 'disable') {
      for (const id of ids) if (!open.has(id)) open.set(id, d.span.end);
    } else if (d.kind === 'enable') {
      const close = d.rules.length ? ids : [...open.keys()];
      for (const id of close) {
        const s = open.get(id);
        if (s !== undefined) {
          ranges.push({ rule: id, start: s, end: d.span.start });
          open.delete(id);
        }
      }
    } else {
      const line = d.kind === 'disable-next-line' ? d.line + 1 : d.line;
      if (line >= lines.lineCount) continue;
      for (const id of ids) ranges.push({ rule: id, start: lines.lineStart(line), end: lines.contentEnd(line) + 1 });
    }
  }
  for (const [id, s] of open) ranges.push({ rule: id, start: s, end: doc.text.length + 1 });
  return (ruleId, offset) => {
    for (const r of ranges) {
      if (offset >= r.start && offset < r.end && (r.rule === '*' || r.rule === ruleId || ruleId.startsWith(r.rule + '/'))) return true;
    }
    return false;
  };
}

/** Apply non-overlapping edits to a text (edits in any order). Throws on overlap. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos) throw new Error('overlapping edits');
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  return out + text.slice(pos);
}

/**
 * Pick the safe fixes that do not overlap (first come, first served, in
 * document order), for `--fix` and "fix all". Returns the edits to apply.
 */
export function collectSafeEdits(findings: readonly Finding[], filter?: (f: Finding) => boolean): TextEdit[] {
  const chosen: TextEdit[] = [];
  const taken: { start: number; end: number }[] = [];
  const seen = new Set<string>();
  for (const f of findings) {
    if (filter && !filter(f)) continue;
    const fix: Fix | undefined = f.fixes.find((x) => x.safe);
    if (!fix) continue;
    const key = JSON.stringify(fix.edits);
    if (seen.has(key)) continue; // one renumber fix reported on several items
    const overlaps = fix.edits.some((e) => taken.some((t) => e.start < t.end && t.start < e.end || (e.start === e.end && e.start === t.start)));
    if (overlaps) continue;
    seen.add(key);
    for (const e of fix.edits) {
      chosen.push(e);
      taken.push({ start: e.start, end: e.end });
    }
  }
  return chosen;
}
