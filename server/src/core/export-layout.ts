/**
 * The layout of a draft exported to Word: GB/T 9704-2012 as offices use it
 * for speeches, overridable by the `export` section of .speechlintrc.json
 * (an office's house rules). Values are validated without throwing: a bad
 * value is a problem naming its key, and that key keeps its default.
 *
 *   "export": { "margins": { "top": 37, "bottom": 35, "left": 28, "right": 26 },
 *               "linesPerPage": 22, "charsPerLine": 28,
 *               "fonts": { "body": ["仿宋_GB2312", "方正仿宋_GBK", "仿宋", "FangSong"] },
 *               "sizes": { "title": 22, "body": 16, "pageNumber": 14 },
 *               "pageNumbers": "outer" }
 */
import type { LocalizedText } from './rule';

export type FontRole = 'title' | 'body' | 'heading1' | 'heading2' | 'date' | 'pageNumber';
export type PageNumberPlacement = 'outer' | 'center' | 'none';

export interface ExportLayout {
  /** Millimetres. */
  margins: { top: number; bottom: number; left: number; right: number };
  linesPerPage: number;
  charsPerLine: number;
  /** Each role's font, then its fallbacks (named in the document's font table). */
  fonts: Record<FontRole, string[]>;
  /** Points: 2号 22, 3号 16, 4号 14. */
  sizes: { title: number; body: number; pageNumber: number };
  /** First-line indent of body paragraphs and headings, in characters. */
  firstLineIndentChars: number;
  pageNumbers: PageNumberPlacement;
}

export function defaultExportLayout(): ExportLayout {
  return {
    margins: { top: 37, bottom: 35, left: 28, right: 26 },
    linesPerPage: 22,
    charsPerLine: 28,
    fonts: {
      title: ['方正小标宋简体', '方正小标宋_GBK', '华文中宋', '宋体', 'SimSun'],
      body: ['仿宋_GB2312', '方正仿宋_GBK', '仿宋', 'FangSong'],
      heading1: ['黑体', '方正黑体_GBK', 'SimHei'],
      heading2: ['楷体_GB2312', '方正楷体_GBK', '楷体', 'KaiTi'],
      date: ['楷体_GB2312', '方正楷体_GBK', '楷体', 'KaiTi'],
      pageNumber: ['宋体', 'SimSun'],
    },
    sizes: { title: 22, body: 16, pageNumber: 14 },
    firstLineIndentChars: 2,
    pageNumbers: 'outer',
  };
}

type Problem = (key: string, message: LocalizedText) => void;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function numberIn(layoutKey: string, v: unknown, min: number, max: number, integer: boolean, problem: Problem): v is number {
  if (typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max && (!integer || Number.isInteger(v))) return true;
  const kind = integer ? '整数' : '数字';
  problem(layoutKey, { zh: `“${layoutKey}”应为 ${min} 到 ${max} 之间的${kind}，已使用默认值`, en: `"${layoutKey}" must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}; using the default` });
  return false;
}

function unknownKey(key: string, problem: Problem): void {
  problem(key, { zh: `未知的配置项“${key}”，已忽略`, en: `unknown key "${key}" ignored` });
}

/** Each key of a group: a known key gets `check`'s value (undefined: a problem was reported, the default stays). */
function applyGroup<T extends object>(key: string, raw: unknown, target: T, check: (k: string, v: unknown) => unknown, problem: Problem): void {
  if (!isObject(raw)) {
    problem(key, { zh: `“${key}”应为对象`, en: `"${key}" must be an object` });
    return;
  }
  for (const [k, v] of Object.entries(raw)) {
    if (!Object.prototype.hasOwnProperty.call(target, k)) {
      unknownKey(`${key}.${k}`, problem);
      continue;
    }
    const value = check(`${key}.${k}`, v);
    if (value !== undefined) (target as Record<string, unknown>)[k] = value;
  }
}

function fontList(key: string, v: unknown, problem: Problem): string[] | undefined {
  const list = typeof v === 'string' ? [v] : v;
  if (Array.isArray(list) && list.length > 0 && list.every((f) => typeof f === 'string' && f.trim() !== '' && f.length <= 64)) return list.map((f: string) => f.trim());
  problem(key, { zh: `“${key}”应为字体名或字体名数组（首选字体在前，其后为替代字体）`, en: `"${key}" must be a font name or an array of font names (the font first, then its fallbacks)` });
  return undefined;
}

/** Apply a raw `export` section over `layout` (in place). */
export function applyExportSection(layout: ExportLayout, raw: unknown, problem: Problem): void {
  if (!isObject(raw)) {
    problem('export', { zh: '“export”应为对象', en: '"export" must be an object' });
    return;
  }
  for (const [k, v] of Object.entries(raw)) {
    const key = `export.${k}`;
    switch (k) {
      case 'margins':
        applyGroup(key, v, layout.margins, (kk, vv) => (numberIn(kk, vv, 5, 80, false, problem) ? vv : undefined), problem);
        break;
      case 'sizes':
        applyGroup(key, v, layout.sizes, (kk, vv) => (numberIn(kk, vv, 5, 72, false, problem) ? vv : undefined), problem);
        break;
      case 'fonts':
        applyGroup(key, v, layout.fonts, (kk, vv) => fontList(kk, vv, problem), problem);
        break;
      case 'linesPerPage':
        if (numberIn(key, v, 10, 60, true, problem)) layout.linesPerPage = v;
        break;
      case 'charsPerLine':
        if (numberIn(key, v, 10, 60, true, problem)) layout.charsPerLine = v;
        break;
      case 'firstLineIndentChars':
        if (numberIn(key, v, 0, 10, false, problem)) layout.firstLineIndentChars = v;
        break;
      case 'pageNumbers':
        if (v === 'outer' || v === 'center' || v === 'none') layout.pageNumbers = v;
        else problem(key, { zh: '“export.pageNumbers”应为 "outer"（单页居右、双页居左）、"center" 或 "none"', en: '"export.pageNumbers" must be "outer" (odd pages right, even pages left), "center" or "none"' });
        break;
      default:
        unknownKey(key, problem);
    }
  }
}
