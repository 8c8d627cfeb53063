/**
 * Paragraph styles of word/styles.xml, as far as reading a draft needs them:
 * the style's name (a heading? the title?), the numbering it attaches and its
 * outline level, with w:basedOn inheritance resolved.
 */
import { eachElement, intAttr, strAttr } from './xml';

export interface StyleInfo {
  name: string;
  basedOn?: string;
  numId?: string;
  ilvl?: number;
  outlineLvl?: number;
}

export interface ResolvedStyle {
  /** 1–9 for a heading style (Heading n, or an outline level), else undefined. */
  headingLevel?: number;
  title: boolean;
  numId?: string;
  ilvl?: number;
}

export function parseStyles(xml: string | undefined): Map<string, StyleInfo> {
  const styles = new Map<string, StyleInfo>();
  if (!xml) return styles;
  let cur: StyleInfo | undefined;
  eachElement(xml, {
    open(name, a, path) {
      if (name === 'w:style') {
        cur = strAttr(a, 'w:type') === 'paragraph' ? { name: '' } : undefined;
        if (cur) styles.set(strAttr(a, 'w:styleId') ?? '', cur);
        return;
      }
      if (!cur) return;
      if (name === 'w:name') cur.name = strAttr(a, 'w:val') ?? '';
      else if (name === 'w:basedOn') cur.basedOn = strAttr(a, 'w:val');
      else if (name === 'w:numId' && path.includes('w:pPr')) cur.numId = strAttr(a, 'w:val');
      else if (name === 'w:ilvl' && path.includes('w:pPr')) cur.ilvl = intAttr(a, 'w:val');
      else if (name === 'w:outlineLvl' && path.includes('w:pPr')) cur.outlineLvl = intAttr(a, 'w:val');
    },
    close(name) {
      if (name === 'w:style') cur = undefined;
    },
  });
  return styles;
}

/** A style with its w:basedOn chain followed (at most ten steps, so a loop cannot hang). */
export function resolveStyle(styles: Map<string, StyleInfo>, id: string | undefined): ResolvedStyle {
  const out: ResolvedStyle = { title: false };
  let outline: number | undefined;
  let nameLevel: number | undefined;
  for (let i = 0, s = id; s !== undefined && i < 10; i++) {
    const st = styles.get(s);
    if (!st) break;
    const m = /^heading\s*([1-9])$/i.exec(st.name.trim());
    if (m && nameLevel === undefined) nameLevel = Number(m[1]);
    if (/^title$/i.test(st.name.trim()) && i === 0) out.title = true;
    if (outline === undefined && st.outlineLvl !== undefined) outline = st.outlineLvl;
    if (out.numId === undefined && st.numId !== undefined) {
      out.numId = st.numId;
      out.ilvl = st.ilvl;
    }
    s = st.basedOn;
  }
  if (nameLevel !== undefined) out.headingLevel = nameLevel;
  else if (outline !== undefined && outline >= 0 && outline < 9) out.headingLevel = outline + 1;
  return out;
}
