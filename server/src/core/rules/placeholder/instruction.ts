/**
 * placeholder/instruction: notes to the writer that must not be read out —
 * 【待补充】, 【此处填写数据】, （待定）, （略）, [TBD], and TODO / FIXME /
 * 待补充 / 待核实 standing alone.
 *
 * A bracket is a note when its content
 *  - contains one of the `keywords` (Latin keywords as whole words, any case), or
 *  - contains 填写 / 填入, or starts with 此处 / 这里 / 在此, or
 *  - is pending: starts with 待定 / 待补 / 待核 / 待议 / 待查 …, or
 *  - asks for an edit: 请/需/须/应 + 填/补/核实/删除/修改/替换/插入/添加/更新/确认/完善…,
 *    or starts with such a verb followed by its object or nothing
 *    (补充数据, 删除此段, 核实：); "（补充医疗保险）" is content, not a note, or
 *  - is an elision: 略, 下略, 以下略, 从略, 此处略, 省略, 略去.
 * Outside brackets, a keyword counts only standing alone: no Han character,
 * Latin letter or digit directly before or after it ("有待完善" is Chinese, not a
 * note); a colon after it takes the note up to the end of the sentence.
 * Brackets with other content — （2024年3月5日）, （RCEP）, 【新华社电】 — are left alone.
 */
import type { Fix } from '../../rule';
import { defineRule } from '../../rule';
import { allowTest, bracketPairs, isDigit, isHan, isLatin, residueTest, shown } from './scan';

export interface InstructionOptions {
  /** Words that make a bracketed text, or a text standing alone, a note to the writer. */
  keywords: string[];
  /** Texts never reported (on top of the global `allow`). */
  allow: string[];
}

export const DEFAULT_KEYWORDS: readonly string[] = [
  '待补充',
  '待完善',
  '待核实',
  '待核对',
  '待确认',
  '待定',
  '待填写',
  '待更新',
  '待修改',
  '待审定',
  '此处填写',
  '此处补充',
  '此处插入',
  'TODO',
  'FIXME',
  'TBD',
  'TBC',
];

/** Longest bracket content considered (a note is short; a long aside is content). */
const MAX_NOTE = 80;

const ELISION = /^(?:以下|以上|下|上|中|此处|内容|具体内容|详细内容|具体|详细|数据|正文|全文|其余|其他|余|后|文)?(?:从|省|此)?略(?:去|写|过)?[。.…]*$/;
const ASKS = /^(?:请|需|需要|须|应)(?:填写|填入|填|补充|补齐|补全|补|核实|核对|核准|删除|删去|删掉|删|修改|替换|插入|添加|加入|更新|确认|完善|写)/;
const VERB_OBJECT = /^(?:填写|填入|补充|补齐|补全|核实|核对|删除|删去|删掉|修改|替换|插入|添加|更新|确认|完善)(?:$|[：:，,。]|(?:具体|相关|最新|准确|有关|实际|完整)?(?:数据|内容|数字|名称|时间|日期|信息|材料|情况|案例|事例|名单|金额|数值|表述|措辞|段落|部分|单位|人名|地名|姓名|职务|链接|图表|事迹|典型)|(?:此|本|这)(?:段|句|处|条|部分|节))/;
const WHERE = /^(?:此处|这里|在此)/;
/** 待定, 待补, 待议, 待查 …: pending, at the start of a bracket note. */
const PENDING = /^待(?:补(?![贴助偿])|定|核|确|完|更|填|修|改|审|议|查|商|增|删|写)/;

const isLatinWordKeyword = (k: string) => /^[A-Za-z]+$/.test(k);

function blank(c: number): boolean {
  return c === 32 || c === 9 || c === 0x3000 || c === 0xa0;
}

/** Does `text` contain keyword `k` (a Latin keyword as a whole word, any case)? */
function containsKeyword(text: string, k: string): boolean {
  if (!isLatinWordKeyword(k)) return text.includes(k);
  const lower = text.toLowerCase();
  const kl = k.toLowerCase();
  let at = lower.indexOf(kl);
  while (at >= 0) {
    if (!isLatin(lower.charCodeAt(at - 1)) && !isLatin(lower.charCodeAt(at + kl.length))) return true;
    at = lower.indexOf(kl, at + 1);
  }
  return false;
}

/** Is the bracket content (trimmed) a note to the writer? */
export function isInstruction(content: string, keywords: readonly string[]): boolean {
  const c = content.trim();
  if (c.length === 0) return false;
  for (const k of keywords) if (k.length > 0 && containsKeyword(c, k)) return true;
  if (c.includes('填写') || c.includes('填入')) return true;
  return ELISION.test(c) || WHERE.test(c) || PENDING.test(c) || ASKS.test(c) || VERB_OBJECT.test(c);
}

/** Extend a standing-alone keyword over ":" and the rest of its sentence ("TODO: 核实数据"). */
function noteEnd(text: string, end: number): number {
  const c = text.charCodeAt(end);
  if (c !== 0x3a && c !== 0xff1a) return end;
  let k = end + 1;
  while (k < text.length) {
    const d = text.charCodeAt(k);
    if (d === 10 || d === 13 || d === 0x3002 || d === 0xff01 || d === 0xff1f || d === 0xff1b || d === 0x3011 || d === 0xff09) break;
    k++;
  }
  while (k > end + 1 && blank(text.charCodeAt(k - 1))) k--;
  return k;
}

function standsAlone(text: string, start: number, end: number): boolean {
  const p = start > 0 ? text.charCodeAt(start - 1) : -1;
  const n = end < text.length ? text.charCodeAt(end) : -1;
  const glued = (c: number) => isHan(c) || isLatin(c) || isDigit(c) || c === 0x5f;
  return !glued(p) && !glued(n);
}

export interface NoteSpan {
  start: number;
  end: number;
}

/** Notes in document order, outermost only (a note inside a note is one note). */
export function scanInstructions(text: string, keywords: readonly string[]): NoteSpan[] {
  const found: NoteSpan[] = [];
  for (const p of bracketPairs(text, MAX_NOTE)) {
    if (isInstruction(text.slice(p.contentStart, p.contentEnd), keywords)) found.push({ start: p.open, end: p.close + 1 });
  }
  // keywords standing alone (longest first so 待补充 wins over 待补)
  const kws = [...new Set(keywords.filter((k) => k.length > 0))].sort((a, b) => b.length - a.length);
  let lower: string | undefined; // the text lowercased once, for every Latin keyword
  for (const k of kws) {
    const latin = isLatinWordKeyword(k);
    const hay = latin ? (lower ??= text.toLowerCase()) : text;
    const needle = latin ? k.toLowerCase() : k;
    // a Latin keyword standing alone must be written in capitals (TODO, not "todo" in prose)
    let at = hay.indexOf(needle);
    while (at >= 0) {
      const end = at + needle.length;
      if (standsAlone(text, at, end) && (!latin || text.slice(at, end) === text.slice(at, end).toUpperCase())) {
        found.push({ start: at, end: noteEnd(text, end) });
      }
      at = hay.indexOf(needle, end);
    }
  }
  // outermost only, document order
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: NoteSpan[] = [];
  for (const s of found) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) {
      if (s.end > last.end && s.start === last.start) last.end = s.end;
      continue;
    }
    out.push(s);
  }
  return out;
}

export default defineRule<InstructionOptions>({
  meta: {
    id: 'placeholder/instruction',
    family: 'placeholder',
    description: {
      zh: '写给起草人的批注不应读出（【待补充】、（待定）、（略）、TODO）',
      en: 'Notes to the writer that must not be read out (【待补充】, （待定）, （略）, TODO)',
    },
    defaultSeverity: 'info',
    finalSeverity: 'error',
    fixable: false,
    defaultOptions: { keywords: [...DEFAULT_KEYWORDS], allow: [] },
    options: {
      keywords: {
        type: 'string[]',
        description: {
          zh: '表明批注的关键词（括号内出现或单独出现；设置后替换默认列表）',
          en: 'keywords that mark a note (inside brackets, or standing alone); replaces the default list',
        },
      },
      allow: {
        type: 'string[]',
        description: { zh: '不报告的文字（另有全局 allow）', en: 'texts never reported (besides the global allow)' },
      },
    },
    notes: {
      leavesAlone: "Brackets with content (（2024年3月5日）, （RCEP）, 【新华社电】, （补充医疗保险）); 有待完善 and other Chinese words that contain a keyword.",
      limits: "Not part of the verdict corpus. A note written as an ordinary sentence, without brackets or a keyword (这里再加一段数据), is not seen.",
    },
    examples: { wrong: '今年一季度，园区实现营业收入【此处填写数据】。', right: '今年一季度，园区实现营业收入12.6亿元。' },
  },
  messages: {
    note: { zh: '批注“{text}”不应读出，定稿前请处理', en: 'Note to the writer "{text}" must not be read out; resolve it before delivery' },
  },
  check({ doc, options, settings, report }) {
    const text = doc.text;
    const residue = residueTest(doc);
    const allowed = allowTest(text, [...settings.allowWords, ...(options.allow ?? [])]);
    const keywords = Array.isArray(options.keywords) ? options.keywords : DEFAULT_KEYWORDS;
    for (const s of scanInstructions(text, keywords)) {
      if (residue(s.start) || allowed(s.start, s.end)) continue;
      const fix: Fix = {
        title: { zh: '删除此批注', en: 'Remove this note' },
        edits: [{ start: s.start, end: s.end, newText: '' }],
        safe: false,
      };
      report({ messageId: 'note', data: { text: shown(text.slice(s.start, s.end), 30) }, span: { start: s.start, end: s.end }, fixes: [fix] });
    }
  },
});
