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
      for (let j = 0; j < infos.length; j++) {
        const me = infos[j];
        const others = infos.filter((_, k) => k !== j);
        const forms: Form[] = [];

        // 1. the same opening word
        let p = others[0].bare.length;
        for (const o of others) p = Math.min(p, commonPrefix(others[0].bare, o.bare));
        const prefix = others[0].bare.slice(0, p);
        const prefixOk =
          p >= 1 &&
          Array.from(prefix).every(isHanChar) &&
          others.every((o) => o.bare.length > p) &&
          (p >= 2 || OPENERS_1.has(prefix));
        if (prefixOk) {
          const shared = commonPrefix(me.bare, prefix);
          if (shared < Math.min(2, p)) forms.push({ zh: `均以“${prefix}”开头`, en: `all open with "${prefix}"` });
        }

        // 2. the same length (等量字式), for short headings without inner punctuation
        const L = others[0].len;
        const sameLen =
          L >= 2 &&
          L <= options.maxEqualLength &&
          (L <= 5 || others.length >= 3) &&
          others.every((o) => o.len === L && o.sep === undefined);
        if (sameLen && me.len !== L) forms.push({ zh: `均为${cnCount(L)}字`, en: `all have ${L} characters` });

        // 3. the same shape: n characters, a separator, a phrase; or the same number of parts
        const s0 = others[0];
        const shapeA =
          s0.sep !== undefined &&
          s0.firstLen >= 2 &&
          s0.firstLen <= options.maxEqualLength &&
          (s0.firstLen <= 5 || others.length >= 3) &&
          others.every((o) => o.sep === s0.sep && o.firstLen === s0.firstLen);
        const sepName = s0.sep ? SEP_NAME[s0.sep] : undefined;
        if (shapeA && sepName && (me.sep !== s0.sep || me.firstLen !== s0.firstLen)) {
          forms.push({
            zh: `均为“${cnCount(s0.firstLen)}字＋${sepName.zh}＋短语”的形式`,
            en: `all take the form ${s0.firstLen} characters + ${sepName.en} + phrase`,
          });
        } else if (!shapeA && sepName && s0.parts >= 2 && others.every((o) => o.parts === s0.parts && o.sep === s0.sep) && me.parts !== s0.parts) {
          forms.push({
            zh: `均由${sepName.zh}分为${cnCount(s0.parts)}段`,
            en: `all have ${s0.parts} parts separated by ${sepName.en}`,
          });
        }

        if (forms.length === 0) continue;
        report({
          messageId: 'breaks',
          data: {
            count: others.length,
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

/** 2 → 两 (两字, 两段), else 三, 四… */
function cnCount(n: number): string {
  return n === 2 ? '两' : toCnNumeral(n);
}

function short(s: string): string {
  const chars = Array.from(s);
  return chars.length > 20 ? chars.slice(0, 19).join('') + '…' : s;
}
