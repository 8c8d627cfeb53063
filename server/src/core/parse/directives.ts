/**
 * Pass 2, suppression comments. Reads the content lines; adds `directives`
 * (<!-- speechlint-disable… --> with the rules they name) and `commentLines`
 * (lines that hold nothing but directives).
 */
import type { Directive } from '../model';
import type { ParseState } from './state';

const RE_DIRECTIVE = /<!--\s*speechlint-(disable-next-line|disable-line|disable|enable)\b([^>]*?)-->/g;

export function directivesPass(st: ParseState): void {
  const { text } = st;
  if (!text.includes('<!--')) return;
  for (const ln of st.contentLines) {
    const open = text.indexOf('<!--', ln.start);
    if (open < 0) break;
    if (open >= ln.end) continue;
    const seg = text.slice(ln.start, ln.end);
    RE_DIRECTIVE.lastIndex = 0;
    let m: RegExpExecArray | null;
    let covered = 0;
    while ((m = RE_DIRECTIVE.exec(seg))) {
      const rules = m[2]
        .split(/[\s,，]+/)
        .map((r) => r.trim())
        .filter((r) => r.length > 0 && r !== '--');
      st.directives.push({
        kind: m[1] as Directive['kind'],
        rules,
        span: { start: ln.start + m.index, end: ln.start + m.index + m[0].length },
        line: ln.index,
      });
      covered += m[0].length;
    }
    if (covered > 0 && seg.replace(RE_DIRECTIVE, '').trim() === '') st.commentLines.add(ln.index);
  }
}
