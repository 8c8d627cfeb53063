/**
 * balance/heading-parallelism: with three or more sibling headings, the one
 * that breaks a form all the others share — the same length (等量字式:
 * 精准定位 / 精准招商 / 精准服务), the same opening word (要…… / 必须坚持……),
 * the same shape (four characters, a comma, then a phrase).
 *
 * Silent unless every other sibling shares the form: when two headings
 * deviate, there is no set for either to break. Forms that two headings can
 * share by chance are guarded: a one-character opening counts only for the
 * particles and verbs that open parallel headings (要, 以, 在, 把, 抓…), and a
 * shared length or first-segment length above five characters counts only when
 * three or more other headings share it.
 */
import type { Section } from '../../model';
import { toCnNumeral } from '../../numerals';
import { defineRule } from '../../rule';
import { siblingGroups } from '../../sections';
import { countSpokenChars } from '../../text';

export interface HeadingParallelismOptions {
  /** Minimum number of sibling headings. */
  minSiblings: number;
  /** Longest heading (in characters) for which a shared length counts as a form. */
  maxEqualLength: number;
}

/** One-character openings that make a parallel set on their own. */
const OPENERS_1 = new Set([...'要以在把让向用靠从为更于对将抓促']);

const SEP_CLASS: Record<string, string> = { '，': ',', ',': ',', '：': ':', ':': ':', '；': ';', ';': ';', '、': '、' };
const SEP_NAME: Record<string, { zh: string; en: string }> = {
  ',': { zh: '逗号', en: 'a comma' },
  ':': { zh: '冒号', en: 'a colon' },
  ';': { zh: '分号', en: 'a semicolon' },
  '、': { zh: '顿号', en: 'an enumeration comma (、)' },
};
const OPEN_Q = new Set([...'“‘《「『（(【']);
const CLOSE_Q = new Set([...'”’》」』）)】']);

interface TitleInfo {
  section: Section;
  title: string;
  /** The title without quotation marks: “精准”服务 opens with 精准 like its siblings. */
  bare: string;
  /** Spoken characters. */
  len: number;
  /** Separator class of the first top-level separator, if any. */
  sep?: string;
  /** Spoken characters before the first separator. */
  firstLen: number;
  /** Number of segments split by any top-level separator. */
  parts: number;
}

function info(section: Section): TitleInfo {
  const title = section.heading.title.replace(/\s+/g, '');
  let depth = 0;
  let sep: string | undefined;
  let firstEnd = title.length;
  let parts = 1;
  for (let i = 0; i < title.length; i++) {
    const ch = title[i];
    if (OPEN_Q.has(ch)) depth++;
    else if (CLOSE_Q.has(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && SEP_CLASS[ch] && i > 0 && i < title.length - 1) {
      if (sep === undefined) {
        sep = SEP_CLASS[ch];
        firstEnd = i;
      }
      parts++;
    }
  }
  return { section, title, bare: title.replace(/[“”‘’「」『』"']/g, ''), len: countSpokenChars(title), sep, firstLen: countSpokenChars(title, 0, firstEnd), parts };
}

function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a[i] === b[i]) i++;
  return i;
}

function isHanChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
}

interface Form {
  zh: string;
  en: string;
}

export default defineRule<HeadingParallelismOptions>({
  meta: {
    id: 'balance/heading-parallelism',
    family: 'balance',
    description: {
      zh: '同级标题中有一个不合其余各标题共有的格式（等量字式、相同的开头、相同的句式）',
      en: 'A sibling heading that breaks the form all the others share (same length, same opening word, same shape)',
    },
    defaultSeverity: 'info',
    fixable: false,
    defaultOptions: { minSiblings: 3, maxEqualLength: 8 },
    options: {
      minSiblings: { type: 'number', min: 3, description: { zh: '同级标题至少几个才检查', en: 'check only groups of at least this many sibling headings' } },
      maxEqualLength: {
        type: 'number',
        min: 2,
        description: { zh: '标题字数不超过此数时，“字数相同”才算共同格式', en: 'a shared length counts as a form only for headings up to this many characters' },
      },
    },
    notes: {
      leavesAlone: "Fewer than three siblings; a form two headings share by chance; long headings of naturally varying length; quotation marks (“精准”服务 opens with 精准 like 精准定位).",
      limits: "Judges the heading text only, not whether the sections are truly parallel in content.",
    },
    examples: {
      wrong: '（一）精准定位　（二）精准招商　（三）优化营商环境',
      right: '（一）精准定位　（二）精准招商　（三）精准服务',
    },
  },
  messages: {
    breaks: {
      zh: '同级其余{count}个标题{formsZh}，本标题“{title}”与之不一',
      en: 'The other {count} sibling headings {formsEn}; "{title}" does not',
    },
  },
  check({ doc, options, report }) {
    const minSiblings = Math.max(3, options.minSiblings);
    for (const group of siblingGroups(doc)) {
      const infos = group.map(info).filter((t) => t.len > 0);
      if (infos.length < minSiblings) continue;
      // Each heading is compared with "all the others": every quantity over the
      // others comes from whole-group tallies less the heading's own share
      // (linear, not one pass over the others per heading: 16,000 headings).
      const others = othersView(infos);
      for (let j = 0; j < infos.length; j++) {
        const me = infos[j];
        const s0 = infos[j === 0 ? 1 : 0]; // the first of the others
        const count = infos.length - 1;
        const forms: Form[] = [];

        // 1. the same opening word
        const p = others.prefixLength(j);
        const prefix = s0.bare.slice(0, p);
        const prefixOk = p >= 1 && Array.from(prefix).every(isHanChar) && others.minLength(j) > p && (p >= 2 || OPENERS_1.has(prefix));
        if (prefixOk) {
          const shared = commonPrefix(me.bare, prefix);
          if (shared < Math.min(2, p)) forms.push({ zh: `均以“${prefix}”开头`, en: `all open with "${prefix}"` });
        }

        // 2. the same length (等量字式), for short headings without inner punctuation
        const L = s0.len;
        const sameLen = L >= 2 && L <= options.maxEqualLength && (L <= 5 || count >= 3) && others.all(j, 'len', (o) => o.len === L && o.sep === undefined);
        if (sameLen && me.len !== L) forms.push({ zh: `均为${cnCount(L)}字`, en: `all have ${L} characters` });

        // 3. the same shape: n characters, a separator, a phrase; or the same number of parts
        const shapeA =
          s0.sep !== undefined &&
          s0.firstLen >= 2 &&
          s0.firstLen <= options.maxEqualLength &&
          (s0.firstLen <= 5 || count >= 3) &&
          others.all(j, 'shape', (o) => o.sep === s0.sep && o.firstLen === s0.firstLen);
        const sepName = s0.sep ? SEP_NAME[s0.sep] : undefined;
        if (shapeA && sepName && (me.sep !== s0.sep || me.firstLen !== s0.firstLen)) {
          forms.push({
            zh: `均为“${cnCount(s0.firstLen)}字＋${sepName.zh}＋短语”的形式`,
            en: `all take the form ${s0.firstLen} characters + ${sepName.en} + phrase`,
          });
        } else if (!shapeA && sepName && s0.parts >= 2 && others.all(j, 'parts', (o) => o.parts === s0.parts && o.sep === s0.sep) && me.parts !== s0.parts) {
          forms.push({
            zh: `均由${sepName.zh}分为${cnCount(s0.parts)}段`,
            en: `all have ${s0.parts} parts separated by ${sepName.en}`,
          });
        }

        if (forms.length === 0) continue;
        report({
          messageId: 'breaks',
          data: {
            count,
            formsZh: forms.map((f) => f.zh).join('，'),
            formsEn: forms.map((f) => f.en).join(' and '),
            title: short(me.title),
          },
          span: me.section.heading.titleSpan.end > me.section.heading.titleSpan.start ? me.section.heading.titleSpan : me.section.heading.span,
        });
      }
    }
  },
});

/**
 * Questions about "every heading of the group but j", answered in O(1) or
 * O(title length) from tallies over the group: the longest common prefix and
 * the shortest title (prefix and suffix tables), and whether a predicate that
 * depends only on the first of the others (infos[0], or infos[1] for j = 0)
 * holds for all of them (a count per predicate and first heading).
 */
function othersView(infos: TitleInfo[]) {
  const n = infos.length;
  // lcpBefore[j]: common prefix length of titles 0..j-1 (relative to titles[0]); lcpAfter[j]: of j+1..n-1 (relative to titles[n-1])
  const lcpBefore = new Array<number>(n + 1).fill(0);
  const lcpAfter = new Array<number>(n + 1).fill(0);
  const minBefore = new Array<number>(n + 1).fill(Infinity);
  const minAfter = new Array<number>(n + 1).fill(Infinity);
  const first = infos[0].bare;
  const last = infos[n - 1].bare;
  lcpBefore[1] = first.length;
  for (let j = 1; j < n; j++) lcpBefore[j + 1] = Math.min(lcpBefore[j], commonPrefix(first, infos[j].bare));
  lcpAfter[n - 2 + 1] = last.length;
  for (let j = n - 2; j >= 1; j--) lcpAfter[j] = Math.min(lcpAfter[j + 1], commonPrefix(last, infos[j].bare));
  for (let j = 0; j < n; j++) minBefore[j + 1] = Math.min(minBefore[j], infos[j].bare.length);
  for (let j = n - 1; j >= 0; j--) minAfter[j] = Math.min(minAfter[j + 1], infos[j].bare.length);
  const counts = new Map<string, number>();
  return {
    /** Longest common prefix (in UTF-16 units) of the bare titles of all headings but j. */
    prefixLength(j: number): number {
      if (j === 0) return lcpAfter[1];
      if (j === n - 1) return lcpBefore[n - 1];
      const a = lcpBefore[j];
      const b = lcpAfter[j + 1];
      return Math.min(a, b, commonPrefix(first.slice(0, a), last.slice(0, b)));
    },
    /** Shortest bare title length among all headings but j. */
    minLength(j: number): number {
      return Math.min(minBefore[j], minAfter[j + 1]);
    },
    /** Does `pred` (named `key`; it may depend on the first of the others only) hold for every heading but j? */
    all(j: number, key: string, pred: (o: TitleInfo) => boolean): boolean {
      const k = `${key}:${j === 0 ? 1 : 0}`;
      let c = counts.get(k);
      if (c === undefined) {
        c = 0;
        for (const o of infos) if (pred(o)) c++;
        counts.set(k, c);
      }
      return c - (pred(infos[j]) ? 1 : 0) === n - 1;
    },
  };
}

/** 2 → 两 (两字, 两段), else 三, 四… */
function cnCount(n: number): string {
  return n === 2 ? '两' : toCnNumeral(n);
}

function short(s: string): string {
  const chars = Array.from(s);
  return chars.length > 20 ? chars.slice(0, 19).join('') + '…' : s;
}
