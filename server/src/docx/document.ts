/**
 * The paragraphs of word/document.xml as Word shows them with all changes
 * accepted:
 * - tracked insertions (w:ins, w:moveTo) are kept, deletions (w:del,
 *   w:delText, w:moveFrom) dropped; a paragraph whose mark was deleted is
 *   joined to the next one;
 * - fields give their result, never their instruction (w:instrText);
 * - footnote, endnote and comment references are dropped (their text lives
 *   elsewhere and is not read out); hidden text (w:vanish) and ruby guides are dropped;
 * - each paragraph of a table cell is a paragraph, in reading order;
 * - drawings, text boxes and the fallback copy of alternate content are skipped.
 */
import { eachElement, intAttr, onOff, strAttr } from './xml';

export interface RawParagraph {
  text: string;
  styleId?: string;
  /** Direct numbering: numId "0" switches off the style's numbering. */
  numId?: string;
  ilvl?: number;
  outlineLvl?: number;
  inTable: boolean;
}

/** Elements whose whole content is skipped. */
const SKIP = new Set(['w:del', 'w:moveFrom', 'w:delText', 'w:instrText', 'w:delInstrText', 'mc:Fallback', 'w:drawing', 'w:pict', 'w:object', 'w:txbxContent', 'w:rt', 'w:sdtPr', 'w:sectPr', 'w:rPrChange', 'w:pPrChange']);

interface State {
  out: RawParagraph[];
  p?: RawParagraph & { markDeleted: boolean };
  /** Text of paragraphs whose mark was deleted, waiting for the next paragraph. */
  carry: string;
  skip: number;
  hidden: boolean;
  fields: ('instr' | 'result')[];
  tableDepth: number;
}

function paragraphProperty(st: State, name: string, a: Record<string, string>, path: readonly string[]): void {
  const p = st.p!;
  if (path.includes('w:pPrChange') || path.includes('w:rPrChange')) return; // the formatting before a tracked change
  if (name === 'w:pStyle') p.styleId = strAttr(a, 'w:val');
  else if (name === 'w:numId' && path.includes('w:numPr')) p.numId = strAttr(a, 'w:val');
  else if (name === 'w:ilvl' && path.includes('w:numPr')) p.ilvl = intAttr(a, 'w:val');
  else if (name === 'w:outlineLvl') p.outlineLvl = intAttr(a, 'w:val');
  else if ((name === 'w:del' || name === 'w:moveFrom') && path[path.length - 1] === 'w:rPr') p.markDeleted = true;
}

function open(st: State, name: string, a: Record<string, string>, path: readonly string[]): void {
  if (st.skip > 0) {
    st.skip++;
    return;
  }
  if (st.p && path.includes('w:pPr')) return paragraphProperty(st, name, a, path);
  if (SKIP.has(name)) {
    st.skip = 1;
    return;
  }
  switch (name) {
    case 'w:p':
      st.p = { text: '', inTable: st.tableDepth > 0, markDeleted: false };
      break;
    case 'w:tbl':
      st.tableDepth++;
      break;
    case 'w:r':
      st.hidden = false;
      break;
    case 'w:vanish':
      if (path[path.length - 1] === 'w:rPr' && onOff(a)) st.hidden = true;
      break;
    case 'w:fldChar': {
      const type = strAttr(a, 'w:fldCharType');
      if (type === 'begin') st.fields.push('instr');
      else if (type === 'separate' && st.fields.length) st.fields[st.fields.length - 1] = 'result';
      else if (type === 'end') st.fields.pop();
      break;
    }
    case 'w:tab':
      if (path[path.length - 1] === 'w:r') emit(st, '\t');
      break;
    case 'w:noBreakHyphen':
      emit(st, '-');
      break;
  }
}

function emit(st: State, s: string): void {
  if (!st.p || st.skip > 0 || st.hidden || st.fields.includes('instr')) return;
  st.p.text += s;
}

function close(st: State, name: string): void {
  if (st.skip > 0) {
    st.skip--;
    return;
  }
  if (name === 'w:tbl') st.tableDepth--;
  else if (name === 'w:p' && st.p) {
    const p = st.p;
    st.p = undefined;
    if (p.markDeleted) {
      st.carry += p.text;
      return;
    }
    const { markDeleted: _, ...rest } = p;
    st.out.push({ ...rest, text: st.carry + p.text });
    st.carry = '';
  }
}

/** The body's paragraphs, in order. Throws when the XML is not well-formed. */
export function readBodyParagraphs(xml: string): RawParagraph[] {
  const st: State = { out: [], carry: '', skip: 0, hidden: false, fields: [], tableDepth: 0 };
  eachElement(xml, {
    open: (name, a, path) => open(st, name, a, path),
    close: (name) => close(st, name),
    text(t, path) {
      if (path[path.length - 1] === 'w:t') emit(st, t);
    },
  });
  if (st.carry) st.out.push({ text: st.carry, inTable: false });
  return st.out;
}
