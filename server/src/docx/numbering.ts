/**
 * Word list numbering (word/numbering.xml) rendered as Word shows it: the
 * counters of each list, level by level, and the level text ("%1、",
 * "（%1）", "%1.%2") with each number in its level's format (decimal,
 * chineseCounting 一, ideographTraditional 甲 …). Pure: XML text in, strings out.
 */
import { toCnNumeral } from '../core/numerals';
import { eachElement, intAttr, strAttr } from './xml';

export interface LevelDef {
  start: number;
  numFmt: string;
  lvlText: string;
  /** Legal numbering: every %n in decimal. */
  isLgl: boolean;
  /** What follows the number: "tab" (Word's default), "space" or "nothing". */
  suff: string;
}

export interface NumberingDefs {
  /** abstractNumId → levels (index = ilvl). */
  abstract: Map<string, LevelDef[]>;
  /**
   * A list defined through a list style: the abstract list holding the levels
   * (w:styleLink) by the style's name, and the abstract lists that only point
   * at it (w:numStyleLink).
   */
  styleLinks: Map<string, string>;
  numStyleLinks: Map<string, string>;
  /** numId → its abstract list and the levels it overrides. */
  nums: Map<string, { abstractId: string; startOverride: Map<number, number>; levels: Map<number, LevelDef> }>;
}

function newLevel(): LevelDef {
  return { start: 1, numFmt: 'decimal', lvlText: '', isLgl: false, suff: 'tab' };
}

/** Read the definitions of word/numbering.xml (empty when there is none). */
export function parseNumbering(xml: string | undefined): NumberingDefs {
  const defs: NumberingDefs = { abstract: new Map(), nums: new Map(), styleLinks: new Map(), numStyleLinks: new Map() };
  if (!xml) return defs;
  let levels: LevelDef[] | undefined;
  let abstractId = '';
  let lvl: LevelDef | undefined;
  let num: { abstractId: string; startOverride: Map<number, number>; levels: Map<number, LevelDef> } | undefined;
  let overrideIlvl = -1;
  eachElement(xml, {
    open(name, a, path) {
      switch (name) {
        case 'w:abstractNum':
          levels = [];
          abstractId = strAttr(a, 'w:abstractNumId') ?? '';
          defs.abstract.set(abstractId, levels);
          break;
        case 'w:styleLink':
          if (levels) defs.styleLinks.set(strAttr(a, 'w:val') ?? '', abstractId);
          break;
        case 'w:numStyleLink':
          if (levels) defs.numStyleLinks.set(abstractId, strAttr(a, 'w:val') ?? '');
          break;
        case 'w:num':
          num = { abstractId: '', startOverride: new Map(), levels: new Map() };
          defs.nums.set(strAttr(a, 'w:numId') ?? '', num);
          break;
        case 'w:abstractNumId':
          if (num) num.abstractId = strAttr(a, 'w:val') ?? '';
          break;
        case 'w:lvlOverride':
          overrideIlvl = intAttr(a, 'w:ilvl') ?? -1;
          break;
        case 'w:startOverride':
          if (num && overrideIlvl >= 0) num.startOverride.set(overrideIlvl, intAttr(a, 'w:val') ?? 1);
          break;
        case 'w:lvl': {
          const ilvl = intAttr(a, 'w:ilvl') ?? 0;
          lvl = newLevel();
          if (path.includes('w:lvlOverride') && num) num.levels.set(ilvl, lvl);
          else if (levels && ilvl >= 0 && ilvl < 9) levels[ilvl] = lvl;
          break;
        }
        case 'w:start':
          if (lvl) lvl.start = intAttr(a, 'w:val') ?? 1;
          break;
        case 'w:numFmt':
          if (lvl) lvl.numFmt = strAttr(a, 'w:val') ?? 'decimal';
          break;
        case 'w:lvlText':
          // real level texts are a few characters ("（%1）"); a longer one is cut, so no marker can be huge
          if (lvl) lvl.lvlText = (strAttr(a, 'w:val') ?? '').slice(0, 32);
          break;
        case 'w:isLgl':
          if (lvl) lvl.isLgl = strAttr(a, 'w:val') !== 'false' && strAttr(a, 'w:val') !== '0';
          break;
        case 'w:suff':
          if (lvl) lvl.suff = strAttr(a, 'w:val') ?? 'tab';
          break;
      }
    },
    close(name) {
      if (name === 'w:lvl') lvl = undefined;
      else if (name === 'w:abstractNum') levels = undefined;
      else if (name === 'w:num') num = undefined;
      else if (name === 'w:lvlOverride') overrideIlvl = -1;
    },
  });
  return defs;
}

const TIANGAN = '甲乙丙丁戊己庚辛壬癸';
const DIZHI = '子丑寅卯辰巳午未申酉戌亥';
const LEGAL = '零壹贰叁肆伍陆柒捌玖';
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const PAREN = '⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇';
const FULLSTOP = '⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛';

function letters(n: number, base: number): string {
  // Word repeats the letter: 27 → AA, 28 → BB (a start far beyond any real list is written in digits)
  if (n < 1 || n > 26 * 20) return String(n);
  const ch = String.fromCharCode(base + ((n - 1) % 26));
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

function fullWidth(s: string): string {
  return s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 48 + 0xff10));
}

/** One number in a Word number format (ECMA-376 ST_NumberFormat); unknown formats fall back to decimal. */
export function formatNumber(n: number, numFmt: string): string {
  const cycle = (set: string) => set[(((n - 1) % set.length) + set.length) % set.length];
  switch (numFmt) {
    case 'none':
      return '';
    case 'decimalZero':
      return n < 10 && n >= 0 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return fullWidth(String(n));
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return toCnNumeral(n);
    case 'ideographDigital':
    case 'japaneseDigitalTenThousand':
      return String(n).replace(/[0-9]/g, (d) => '〇一二三四五六七八九'[Number(d)]);
    case 'chineseLegalSimplified':
      return toCnNumeral(n).replace(/[一二三四五六七八九零十百]/g, (c) => (c === '十' ? '拾' : c === '百' ? '佰' : LEGAL['零一二三四五六七八九'.indexOf(c)]));
    case 'ideographTraditional':
      return cycle(TIANGAN);
    case 'ideographZodiac':
      return cycle(DIZHI);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
    case 'ideographEnclosedCircle':
      return n >= 1 && n <= 20 ? CIRCLED[n - 1] : String(n);
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? PAREN[n - 1] : `(${n})`;
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? FULLSTOP[n - 1] : `${n}.`;
    case 'upperLetter':
      return letters(n, 65);
    case 'lowerLetter':
      return letters(n, 97);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    default:
      return String(n);
  }
}

/**
 * Counts the numbered paragraphs of a document in order and gives each the
 * text Word shows before it. Lists that share an abstract definition share
 * counters (as Word does), except where a w:num restarts with startOverride.
 */
export class ListCounter {
  private readonly counters = new Map<string, (number | undefined)[]>();
  private readonly startedNums = new Set<string>();
  constructor(private readonly defs: NumberingDefs) {}

  /** The abstract list that holds the levels: itself, or the one its list style links to. */
  private abstractOf(abstractId: string): string {
    const style = this.defs.numStyleLinks.get(abstractId);
    return (style !== undefined && this.defs.styleLinks.get(style)) || abstractId;
  }

  private level(numId: string, ilvl: number): LevelDef | undefined {
    const num = this.defs.nums.get(numId);
    if (!num) return undefined;
    return num.levels.get(ilvl) ?? this.defs.abstract.get(this.abstractOf(num.abstractId))?.[ilvl];
  }

  /** The marker text of the next paragraph of list `numId` at level `ilvl` ("" when none). */
  next(numId: string, ilvl: number): { marker: string; suff: string; bullet: boolean } {
    const num = this.defs.nums.get(numId);
    const def = this.level(numId, ilvl);
    if (!num || !def || ilvl < 0 || ilvl > 8) return { marker: '', suff: 'nothing', bullet: false };
    const key = this.abstractOf(num.abstractId);
    let c = this.counters.get(key);
    if (!c) this.counters.set(key, (c = []));
    if (!this.startedNums.has(numId)) {
      this.startedNums.add(numId);
      for (const [k, v] of num.startOverride) {
        c[k] = v - 1;
        for (let j = k + 1; j < 9; j++) c[j] = undefined;
      }
    }
    c[ilvl] = (c[ilvl] ?? def.start - 1) + 1;
    for (let j = ilvl + 1; j < 9; j++) c[j] = undefined;
    if (def.numFmt === 'bullet') return { marker: def.lvlText, suff: def.suff, bullet: true };
    const marker = def.lvlText.replace(/%([1-9])/g, (_, d: string) => {
      const k = Number(d) - 1;
      const lv = k === ilvl ? def : (this.level(numId, k) ?? newLevel());
      const value = c![k] ?? lv.start;
      return formatNumber(value, def.isLgl ? 'decimal' : lv.numFmt);
    });
    return { marker, suff: def.suff, bullet: false };
  }
}
