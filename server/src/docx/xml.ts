/**
 * A thin walk over XML text with saxes (a strict, streaming, well-kept XML
 * parser): element opens and closes with their attributes and the path of
 * enclosing elements, and character data. Namespace prefixes are kept as
 * written ("w:p"); OOXML producers all use the conventional ones.
 */
import { SaxesParser } from 'saxes';

export type Attrs = Record<string, string>;

/** Real WordprocessingML nests a few dozen elements deep; far deeper is a hostile or broken part. */
export const MAX_DEPTH = 256;

export interface XmlVisitor {
  /** `path` holds the enclosing elements' names, outermost first (not this one). */
  open?(name: string, attrs: Attrs, path: readonly string[]): void;
  close?(name: string, path: readonly string[]): void;
  text?(text: string, path: readonly string[]): void;
}

/** Walk `xml`; throws an Error with saxes' message when it is not well-formed. */
export function eachElement(xml: string, v: XmlVisitor): void {
  const parser = new SaxesParser({ xmlns: false });
  const path: string[] = [];
  let failure: Error | undefined;
  parser.on('error', (e) => {
    failure ??= e;
  });
  parser.on('opentag', (tag) => {
    v.open?.(tag.name, tag.attributes as Attrs, path);
    if (tag.isSelfClosing) v.close?.(tag.name, path);
    else if (path.push(tag.name) > MAX_DEPTH) throw new Error(`elements nested more than ${MAX_DEPTH} deep`);
  });
  parser.on('closetag', (tag) => {
    if (tag.isSelfClosing) return;
    path.pop();
    v.close?.(tag.name, path);
  });
  if (v.text) {
    const onText = v.text;
    parser.on('text', (t) => onText(t, path));
    parser.on('cdata', (t) => onText(t, path));
  }
  parser.write(xml).close();
  if (failure) throw failure;
}

export function strAttr(a: Attrs, name: string): string | undefined {
  const v = a[name];
  return v === undefined ? undefined : v;
}

export function intAttr(a: Attrs, name: string): number | undefined {
  const v = a[name];
  if (v === undefined || !/^-?\d{1,9}$/.test(v.trim())) return undefined;
  return Number(v.trim());
}

/** OOXML on/off properties: present means on, unless w:val is false, 0 or off. */
export function onOff(a: Attrs): boolean {
  const v = a['w:val'];
  return v === undefined || !(v === 'false' || v === '0' || v === 'off');
}
