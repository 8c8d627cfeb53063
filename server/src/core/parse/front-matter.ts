/**
 * Pass 4, front matter. Reads the content lines less comments and residue
 * (kept as `usable`); adds the title, date, subtitle and salutation blocks,
 * marks the lines before the title (and a title pasted twice) as residue, and
 * sets `bodyFrom`, where the body starts. Text after 同志们： on its line is
 * the first body line.
 */
import { isIndentSpace } from '../text';
import { pushBodyLine } from './body-lines';
import { hasMarkerAtStart } from './markers';
import { TERMINAL } from './punctuation';
import { Line, lineText, ParseState } from './state';

const RE_SALUTATION = /^(同志们|同事们|朋友们|同学们|老师们、同学们|女士们、先生们|各位[\u4e00-\u9fff、，,]{1,20}|尊敬的[^：:。！\n]{1,40})[：:]/;
const RE_DATE = /^[（(]?\s*[0-9０-９〇零一二三四五六七八九十XxＸ×]{2,4}\s*年\s*[0-9０-９〇一二三四五六七八九十XxＸ×]{1,3}\s*月\s*[0-9０-９〇一二三四五六七八九十XxＸ×]{1,3}\s*日\s*[）)]?$/;

export function frontMatterPass(st: ParseState): void {
  st.usable = st.contentLines.filter((ln) => !st.commentLines.has(ln.index) && !st.residueLines.has(ln.index));
  const salIdx = findSalutation(st);
  const titleIdx = findTitle(st, salIdx);
  if (titleIdx >= 0) st.bodyFrom = pushTitleBlock(st, titleIdx, salIdx);
  if (salIdx >= 0) pushSalutation(st, salIdx);
}

/** Index into `usable` of the salutation line (同志们：) among the first 40, before any numbered heading; or -1. */
function findSalutation(st: ParseState): number {
  const { text, usable } = st;
  for (let k = 0; k < Math.min(usable.length, 40); k++) {
    if (RE_SALUTATION.test(lineText(text, usable[k], 60)) && !hasMarkerAtStart(lineText(text, usable[k], 20))) return k;
    // a numbered heading before any salutation: there is none
    if (k > 0 && hasMarkerAtStart(lineText(text, usable[k], 20))) break;
  }
  return -1;
}

function isDate(text: string, ln: Line): boolean {
  return ln.end - ln.start <= 30 && RE_DATE.test(lineText(text, ln, 30));
}

function isSubtitle(text: string, ln: Line): boolean {
  return /^[—–-]{1,2}/.test(lineText(text, ln, 4)) && ln.end - ln.start <= 80;
}

/** The title: the line before the salutation (dates and subtitles skipped), or a short unpunctuated first line. */
function findTitle(st: ParseState, salIdx: number): number {
  const { text, usable } = st;
  if (salIdx >= 0) {
    let k = salIdx - 1;
    while (k >= 0 && (isDate(text, usable[k]) || isSubtitle(text, usable[k]))) k--;
    return k;
  }
  if (usable.length === 0) return -1;
  const first = usable[0];
  const t = lineText(text, first, 100);
  const last = text[first.end - 1];
  return first.end - first.start <= 80 && !TERMINAL.has(last) && !hasMarkerAtStart(t) && usable.length > 1 ? 0 : -1;
}

/** Push the title and the date and subtitle lines after it; returns where the body starts. */
function pushTitleBlock(st: ParseState, titleIdx: number, salIdx: number): number {
  const { text, usable, blocks } = st;
  for (let k = 0; k < titleIdx; k++) st.residueLines.add(usable[k].index);
  const titleLine = usable[titleIdx];
  blocks.push({ kind: 'title', start: titleLine.start, end: titleLine.end, line: titleLine.index });
  const titleText = lineText(text, titleLine, 400);
  let k = titleIdx + 1;
  const stop = salIdx >= 0 ? salIdx : usable.length;
  for (; k < stop; k++) {
    const ln = usable[k];
    if (isDate(text, ln)) blocks.push({ kind: 'date', start: ln.start, end: ln.end, line: ln.index });
    else if (isSubtitle(text, ln)) blocks.push({ kind: 'subtitle', start: ln.start, end: ln.end, line: ln.index });
    else if (lineText(text, ln, 400) === titleText) st.residueLines.add(ln.index); // the title pasted twice
    else if (salIdx >= 0) blocks.push({ kind: 'subtitle', start: ln.start, end: ln.end, line: ln.index });
    else break;
  }
  // the title printed again further down (a page's footer after the text, web-19)
  const again = (ln: Line, j: number) => j >= k && titleText.length >= 6 && lineText(text, ln, 400) === titleText;
  for (const [j, ln] of usable.entries()) if (again(ln, j)) st.residueLines.add(ln.index);
  st.usable = usable.filter((ln, j) => !again(ln, j));
  return k;
}

function pushSalutation(st: ParseState, salIdx: number): void {
  const { text } = st;
  const ln = st.usable[salIdx];
  const m = RE_SALUTATION.exec(lineText(text, ln, 60))!;
  const salEnd = ln.start + m[0].length;
  st.blocks.push({ kind: 'salutation', start: ln.start, end: salEnd, line: ln.index });
  st.bodyFrom = salIdx + 1;
  let restStart = salEnd;
  while (restStart < ln.end && isIndentSpace(text.charCodeAt(restStart))) restStart++;
  if (restStart < ln.end) pushBodyLine(st, { start: restStart, end: ln.end, index: ln.index });
}
