/**
 * repetition/stutter: a word written twice in a row by an editing slip
 * (的的, 了了, 在在, 我们我们), a clause pasted twice (工业解疑，工业解疑),
 * and the first character of a word left behind when a modifier was inserted
 * before it (以奋更加奋发有为).
 *
 * Works on jieba tokens, so 的的确确 (one word), 目的的 (目的|的) and
 * reduplication (常常, 研究研究, 清清楚楚, 一一, 人人) are not stutters:
 * - one-character tokens count only when they are function words that never
 *   reduplicate (STUTTER_CHARS);
 * - repeated multi-character tokens count unless they are a known ABAB
 *   reduplication (研究研究, 雪白雪白) or a numeral form (一步一步).
 */
import type { Fix, Report } from '../../rule';
import type { Span } from '../../text';
import { defineRule } from '../../rule';
import { ABAB_OK, PARTICLES, STOP_WORDS, STUTTER_CHARS, isHanWord, startsWithNumeral } from './lexicon';
import type { TokenTable } from './tokens';
import { BLANK, BREAK, COMMA, HAN, QUOTED, RESIDUE, tokenTable } from './tokens';

export interface StutterOptions {
  /** Also report a clause repeated right after itself (工业解疑，工业解疑). */
  clauses: boolean;
  /** Also report a stray first character left before a word (以奋更加奋发有为). */
  fragments: boolean;
}

/** Single characters after which 了 is 了 (liǎo) of a word jieba split off: 明了了, 不了了之. */
const LIAO_PREV = new Set(Array.from('明不未罢算免知'));

/**
 * Function characters that, written once more before a word starting with
 * them, are a slip: 在在座, 我我们, 这这个, 他他们. Not 是 (关键是是否 is right),
 * 了 (听了了解), 要 (我要要求), 把 (把把握机遇作为), 的 (我的的确切地址).
 */
const PARTIAL_CHARS = new Set(Array.from('在我你他她这那和与都也就很'));

/** Modifiers typically inserted in front of a word while editing (以奋发有为 → 以更加奋发有为). */
const INSERTED_MODIFIERS = new Set([
  '更加', '更', '进一步', '不断', '再', '切实', '全面', '大力', '积极', '充分', '努力', '持续', '加快', '深入', '认真', '更好', '真正', '始终', '着力', '全力', '坚持', '继续',
]);

/** Characters that stand before a word starting with themselves in real text: ×市市长, 区区委, 省省委. */
const ADMIN = new Set(Array.from('市县区省镇乡村州盟旗局厅部委院所校队组科处室站馆社团会司街办'));

// per interned word: what it may take part in
const W_STUTTER = 1; // two in a row may be a stutter
const W_PARTIAL = 2; // a single function character (在在座)
const W_FRAGMENT = 4; // a single Han character that may be an editing leftover (以奋更加奋发有为)
const W_MODIFIER = 8; // an inserted modifier (更加)

const classCache = new WeakMap<TokenTable, Uint8Array>();

function wordClasses(tt: TokenTable): Uint8Array {
  let cls = classCache.get(tt);
  if (cls) return cls;
  cls = new Uint8Array(tt.words.length);
  for (let w = 0; w < tt.words.length; w++) {
    const s = tt.words[w];
    let c = 0;
    if (isHanWord(s)) {
      // AA words (好好, 看看, 天天) doubled are intensified reduplication, not a slip
      const aa = s.length === 2 && s[0] === s[1];
      if (s.length === 1 ? STUTTER_CHARS.has(s) : !ABAB_OK.has(s) && !startsWithNumeral(s) && !aa) c |= W_STUTTER;
      if (s.length === 1 && PARTIAL_CHARS.has(s)) c |= W_PARTIAL;
      if (s.length === 1 && !STUTTER_CHARS.has(s) && !PARTICLES.has(s) && !ADMIN.has(s) && !startsWithNumeral(s)) c |= W_FRAGMENT;
    }
    if (INSERTED_MODIFIERS.has(s)) c |= W_MODIFIER;
    cls[w] = c;
  }
  classCache.set(tt, cls);
  return cls;
}

function deleteFix(start: number, end: number, what: string): Fix {
  return { title: { zh: `删除重复的“${what}”`, en: `Delete the repeated "${what}"` }, edits: [{ start, end, newText: '' }], safe: true };
}

export default defineRule<StutterOptions>({
  meta: {
    id: 'repetition/stutter',
    family: 'repetition',
    description: {
      zh: '同一个词连写两遍（的的、了了、我们我们），或同一分句紧接着重复',
      en: 'The same word written twice in a row (的的, 了了, 我们我们), or a clause repeated right after itself',
    },
    defaultSeverity: 'warning',
    fixable: true,
    needsSegmentation: true,
    defaultOptions: { clauses: true, fragments: true },
    options: {
      clauses: { type: 'boolean', description: { zh: '检查紧接着重复的分句（工业解疑，工业解疑）', en: 'report a clause repeated right after itself' } },
      fragments: { type: 'boolean', description: { zh: '检查改稿残留的单字（以奋更加奋发有为）', en: 'report a stray first character left before a word (以奋更加奋发有为)' } },
    },
    notes: {
      leavesAlone: "Reduplication (常常, 研究研究, 清清楚楚, 一一, 人人), words that contain a doubled character (的的确确), 目的的 and 标的的. A word doubled where a 、-list heading ran into its first sentence (一、凝聚共识、扩大共识共识，是……: a lost line break) is reported as that, with a line break offered, not as a word typed twice.",
      limits: "Works on jieba's words: a slip jieba joins into one word is not seen.",
    },
    examples: { wrong: '这是我们的的目标，我们我们要一起努力。', right: '这是我们的目标，我们要一起努力。' },
  },
  messages: {
    word: { zh: '“{word}”连写了两遍', en: '"{word}" is written twice in a row' },
    run: { zh: '“{word}”连写了 {count} 遍', en: '"{word}" is written {count} times in a row' },
    partial: { zh: '“{char}”多写了一次（{char}{word}）', en: '"{char}" is written once too often ({char}{word})' },
    clause: { zh: '分句“{clause}”紧接着重复了一遍', en: 'The clause "{clause}" is repeated right after itself' },
    headingRun: {
      zh: '标题疑与正文连在了一起（丢了换行）：标题“{heading}”后接正文“{word}……”，不是“{word}”写了两遍',
      en: 'A heading run into its text? (a lost line break): the heading "{heading}" then the sentence "{word}…", not "{word}" written twice',
    },
    fragment: { zh: '“{char}”疑为改稿残留：后面紧接着“{word}”', en: '"{char}" looks like an editing leftover before "{word}"' },
  },
  check({ doc, options, settings, segmentation, report }) {
    if (!segmentation || segmentation.tokens.length === 0) return;
    const tt = tokenTable(doc, segmentation);
    const allow = settings.allowWords.filter((w) => w.length > 0);
    const allowed = (text: string) => allow.length > 0 && allow.some((w) => text.includes(w));
    const cls = wordClasses(tt);
    const { toks, id, flags, words } = tt;
    for (let pi = 0; pi < tt.paraFrom.length; pi++) {
      const from = tt.paraFrom[pi];
      const n = tt.paraTo[pi];
      const next = (i: number): number => {
        let j = i + 1;
        while (j < n && flags[j] & BLANK) j++;
        return j;
      };
      // 1. the same token twice (or more) in a row
      for (let i = from; i < n; i++) {
        if (!(cls[id[i]] & W_STUTTER) || flags[i] & RESIDUE) continue;
        const j = next(i);
        if (j >= n || id[j] !== id[i] || !isStutter(tt, i, j, from)) continue;
        const word = words[id[i]];
        if (allowed(word)) continue;
        let last = j;
        let count = 2;
        for (let k = next(j); k < n && id[k] === id[i]; k = next(k)) {
          last = k;
          count++;
        }
        report(wordReport(doc.text, toks[i], toks[j], toks[last], word, count));
        i = last;
      }
      // 1b. a function character written once more before a word that starts with it: 在在座, 我我们
      for (let i = from; i + 1 < n; i++) {
        if (!(cls[id[i]] & W_PARTIAL) || flags[i] & RESIDUE) continue;
        const c = words[id[i]];
        const w = words[id[i + 1]];
        if (w.length < 2 || w[0] !== c || !(flags[i + 1] & HAN)) continue;
        if (i > from && id[i - 1] === id[i]) continue; // 在在在座: reported above as 在在
        if (allowed(c + w)) continue;
        report({
          messageId: 'partial',
          data: { char: c, word: w },
          span: { start: toks[i].start, end: toks[i + 1].end },
          fixes: [deleteFix(toks[i].start, toks[i].end, c)],
        });
      }
      if (options.clauses) reportClauses(tt, from, n, allowed, report);
      if (options.fragments) {
        for (let i = from; i + 2 < n; i++) {
          if (!(cls[id[i]] & W_FRAGMENT) || !(cls[id[i + 1]] & W_MODIFIER) || flags[i] & RESIDUE) continue;
          const c = words[id[i]];
          const m = words[id[i + 1]];
          const w = words[id[i + 2]];
          if (w.length < 2 || w[0] !== c || !(flags[i + 2] & HAN)) continue;
          if (allowed(c + m + w)) continue;
          report({
            messageId: 'fragment',
            data: { char: c, word: w },
            span: { start: toks[i].start, end: toks[i + 2].end },
            fixes: [{ title: { zh: `删除“${c}”`, en: `Delete "${c}"` }, edits: [{ start: toks[i].start, end: toks[i].end, newText: '' }], safe: false }],
          });
        }
      }
    }
  },
});

const MARKER_AT_START = /^[ \t　]*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[.．、])/;
const LIST_TO_END = /^[^，。；：,;:！？!?\n]*、[^，。；：,;:！？!?、\n]+$/;

/**
 * A word doubled where a 、-list heading ran into its first sentence (a lost
 * line break): "一、凝聚共识、扩大共识共识，是团结奋斗的动力" is the heading
 * 凝聚共识、扩大共识 and the sentence 共识，是…… The line opens with a heading
 * marker, holds a 、-list up to the first copy with no sentence mark, and a
 * comma or 是 follows the second copy. Returns the heading, or undefined.
 */
function headingRunIn(text: string, firstStart: number, firstEnd: number, secondEnd: number): string | undefined {
  if (!/^[，,是]/.test(text.slice(secondEnd, secondEnd + 1))) return undefined;
  const lineStart = text.lastIndexOf('\n', firstStart - 1) + 1;
  const line = text.slice(lineStart, firstEnd);
  const marker = MARKER_AT_START.exec(line);
  if (line.length > 60 || !marker) return undefined;
  const heading = line.slice(marker[0].length);
  return LIST_TO_END.test(heading) ? heading : undefined;
}

/** The finding for a word written `count` times from `a` (second copy `b`) to `last`: a stutter, or a heading run into its text. */
function wordReport(text: string, a: Span, b: Span, last: Span, word: string, count: number): Report {
  const heading = count === 2 ? headingRunIn(text, a.start, a.end, b.end) : undefined;
  if (heading === undefined) {
    return { messageId: count === 2 ? 'word' : 'run', data: { word, count }, span: { start: a.start, end: last.end }, fixes: [deleteFix(a.end, last.end, word)] };
  }
  return {
    messageId: 'headingRun',
    data: { heading, word },
    span: { start: a.start, end: b.end },
    fixes: [{ title: { zh: '在标题后换行', en: 'Break the line after the heading' }, edits: [{ start: a.end, end: a.end, newText: '\n' }], safe: false }],
  };
}

/** Is toks[i] followed by the identical toks[j] a stutter (not reduplication)? */
function isStutter(tt: TokenTable, i: number, j: number, from: number): boolean {
  const w = tt.words[tt.id[i]];
  if (w === '的') {
    // 我的的确切地址: 的 + 确切, not a stutter of 的 (的的确确 is one token)
    const after = j + 1 < tt.n && tt.segPara[j + 1] === tt.segPara[j] ? tt.words[tt.id[j + 1]] : '';
    if (after.startsWith('确')) return false;
  }
  if (w === '了' && i > from) {
    // 明了了 (明了 + 了), 不了了之 split apart
    const prev = tt.words[tt.id[i - 1]];
    if (prev.length === 1 && LIAO_PREV.has(prev)) return false;
  }
  return true;
}

/**
 * A clause that repeats the clause before it, or the words that clause ends
 * with, after one comma or 顿号: 工业解疑，工业解疑 / 房地产解疑和工业解疑，工业解疑.
 * Not inside quotation marks (quoted speech is reported verbatim), and not a
 * deliberate triple (发展，发展，再发展).
 */
function reportClauses(tt: TokenTable, from: number, n: number, allowed: (t: string) => boolean, report: (r: Report) => void): void {
  const { toks, id, flags, words } = tt;
  // clause boundaries: [start, end) trimmed of blanks, and the break token after it
  let aFrom = -1;
  let aTo = -1;
  let cur = from;
  let skipUntil = -1;
  while (cur < n) {
    // find the clause [s, e) starting at cur
    let s = cur;
    while (s < n && flags[s] & BLANK) s++;
    let e = s;
    while (e < n && !(flags[e] & BREAK)) e++;
    let te = e;
    while (te > s && flags[te - 1] & BLANK) te--;
    const brk = e; // index of the break token (or n)
    if (aFrom >= 0 && te > s && s > skipUntil) {
      const len = te - s;
      const aLen = aTo - aFrom;
      if (len <= aLen && id[aTo - len] === id[s]) {
        let same = true;
        for (let k = 1; k < len && same; k++) if (id[aTo - len + k] !== id[s + k]) same = false;
        if (same) {
          let text = '';
          let han = true;
          let content = false;
          for (let k = s; k < te; k++) {
            const w = words[id[k]];
            text += w;
            if (!(flags[k] & HAN)) han = false;
            if (w.length >= 2 && !STOP_WORDS.has(w)) content = true;
            if (flags[k] & (QUOTED | RESIDUE)) han = false;
          }
          if (han && content && text.length >= 4 && !allowed(text)) {
            // a third copy right after makes it deliberate: 发展，发展，再发展
            let t = brk + 1;
            while (t < n && flags[t] & BLANK) t++;
            let t2 = t;
            while (t2 < n && !(flags[t2] & BREAK)) t2++;
            let third = '';
            for (let k = t; k < t2 && third.length < 4 * text.length; k++) third += words[id[k]];
            if (brk < n && third.includes(text)) {
              skipUntil = t2;
            } else {
              const first = toks[aTo - len].start;
              report({
                messageId: 'clause',
                data: { clause: text },
                span: { start: first, end: toks[te - 1].end },
                fixes: [{ title: { zh: `删除重复的“${text}”`, en: `Delete the repeated "${text}"` }, edits: [{ start: toks[aTo - 1].end, end: toks[te - 1].end, newText: '' }], safe: false }],
              });
              skipUntil = te; // the copy does not start another pair
            }
          }
        }
      }
    }
    // the next pair needs this clause as `a`, joined by a comma-like break with nothing else
    if (te > s && brk < n && flags[brk] & COMMA) {
      aFrom = s;
      aTo = te;
    } else {
      aFrom = -1;
    }
    if (te > s && s <= skipUntil && skipUntil >= 0 && skipUntil >= te) aFrom = -1;
    cur = brk + 1;
  }
}
