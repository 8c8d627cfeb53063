/**
 * Pass 11, announced counts. Reads the paragraphs, sections and series; adds
 * `announcements`: "讲三点意见", "三个方面", "三大任务", "三个“坚持”" with the
 * count, the noun and what they announce (announcement-targets.ts).
 */
import type { Announcement, Paragraph } from '../model';
import { parseArabic, parseCnNumeral } from '../numerals';
import { linkAnnouncement, TargetContext } from './announcement-targets';
import { CN } from './punctuation';
import { execFrom, firstChars } from './scan';
import { innermostSectionByParagraph } from './sections';
import type { ParseState } from './state';

const ANNOUNCE_RE = new RegExp(
  [
    `(?:讲|谈|强调|提|说|提出|讲讲|谈谈)(?:以下)?(${CN}{1,3}|[2-9])(点)(意见|体会|要求|建议|看法|想法|认识|希望|感受)?`, // 1,2,3
    `(${CN}{1,3}|[2-9])(点)(意见|体会|要求|建议|看法|想法|认识|希望|感受)`, // 4,5,6
    `(${CN}{1,3}|[2-9])(个方面|方面|个问题|项工作|项任务|项措施|项举措|项要求|条意见|条措施|条建议)`, // 7,8
    `([两二三四五六七八九十2-9])(大)([\u4e00-\u9fff]{2,6}?)(?=[”"’」』，,。；;、：:！？\\s]|$)`, // 9,10,11
    `(${CN}{1,3}|[2-9])(个)(?=[“"‘])`, // 12,13
  ].join('|'),
  'y',
);
/** Characters an ANNOUNCE_RE match can start with. */
const ANNOUNCE_FIRST = firstChars('讲谈强提说零〇一二两三四五六七八九十百23456789');

export function announcementsPass(st: ParseState): void {
  const ctx: TargetContext = {
    text: st.text,
    paragraphs: st.paragraphs,
    roots: st.sections,
    paraSection: innermostSectionByParagraph(st.paragraphs, st.allSections),
    series: st.series,
  };
  for (let pi = 0; pi < st.paragraphs.length; pi++) announcementsIn(ctx, st.paragraphs[pi], pi, st.announcements);
}

function announcementsIn(ctx: TargetContext, p: Paragraph, pi: number, out: Announcement[]): void {
  if (p.kind !== 'body' && p.kind !== 'heading' && p.kind !== 'closing') return;
  const { start, end } = p.kind === 'heading' ? p.span : p.bodySpan;
  const seg = ctx.text.slice(start, end);
  let m: RegExpExecArray | null;
  let from = 0;
  while ((m = execFrom(ANNOUNCE_RE, ANNOUNCE_FIRST, seg, from))) {
    from = m.index + m[0].length;
    const found = announcementOf(m, seg, start, pi);
    if (!found) continue;
    const { a, phraseEnd } = found;
    a.target = linkAnnouncement(ctx, a, seg, start, m.index, phraseEnd, m[9] !== undefined || m[12] !== undefined);
    out.push(a);
  }
}

/** The announcement an ANNOUNCE_RE match makes (count 2 to 20, not an ordinal), with the end of its phrase in `seg`. */
function announcementOf(m: RegExpExecArray, seg: string, start: number, pi: number): { a: Announcement; phraseEnd: number } | undefined {
  const num = m[1] ?? m[4] ?? m[7] ?? m[9] ?? m[12];
  const at = m.index;
  const numAt = at + m[0].indexOf(num, m[1] !== undefined ? 1 : 0);
  if (seg[numAt - 1] === '第' || seg[numAt - 1] === '十' || /[0-9]/.test(seg[numAt - 1] ?? '')) return undefined; // ordinals, 十四五
  let count = parseCnNumeral(num);
  if (Number.isNaN(count)) count = parseArabic(num);
  if (!(count >= 2 && count <= 20)) return undefined;
  let noun = (m[2] ?? '') + (m[3] ?? '') + (m[5] ?? '') + (m[6] ?? '') + (m[8] ?? '') + (m[10] ?? '') + (m[11] ?? '') + (m[13] ?? '');
  let phraseEnd = at + m[0].length;
  if (m[12] !== undefined) {
    // 三个“坚持”: include the quoted word
    const q = /^[“"‘]([^”"’]{1,12})[”"’]/.exec(seg.slice(phraseEnd));
    if (!q) return undefined;
    noun += q[0];
    phraseEnd += q[0].length;
  }
  const a: Announcement = {
    span: { start: start + at, end: start + phraseEnd },
    text: seg.slice(at, phraseEnd),
    countSpan: { start: start + numAt, end: start + numAt + num.length },
    count,
    noun,
    paragraph: pi,
  };
  return { a, phraseEnd };
}
