/**
 * Carry findings across an edit without re-checking: what lies before the
 * edited range stays, what lies after moves by the length difference, what
 * touches it is dropped. The server uses it to keep the slow (segmented)
 * findings on screen while the user types, until the worker's fresh result
 * for the new version replaces them.
 */
import type { Finding, Fix } from './rule';
import type { Span } from './text';

/** One replacement of [start, end) of the old text by `newLength` code units. */
export interface Change {
  start: number;
  end: number;
  newLength: number;
}

function moveSpan(s: Span, c: Change): Span | undefined {
  if (s.end < c.start) return s;
  if (s.start > c.end) {
    const d = c.newLength - (c.end - c.start);
    return { start: s.start + d, end: s.end + d };
  }
  return undefined; // touches the edit: its text may have changed
}

export function shiftFindings(findings: readonly Finding[], c: Change): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    const span = moveSpan(f.span, c);
    if (!span) continue;
    const fixes: Fix[] = [];
    for (const fix of f.fixes) {
      const edits = [];
      let ok = true;
      for (const e of fix.edits) {
        const m = moveSpan(e, c);
        if (!m) {
          ok = false;
          break;
        }
        edits.push({ start: m.start, end: m.end, newText: e.newText });
      }
      if (ok) fixes.push({ ...fix, edits });
    }
    const related = [];
    for (const r of f.related) {
      const m = moveSpan(r.span, c);
      if (m) related.push({ span: m, message: r.message });
    }
    out.push({ ...f, span, fixes, related });
  }
  return out;
}
