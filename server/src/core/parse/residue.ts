/**
 * Pass 3, web residue. Reads the content lines and comment lines; adds to
 * `residueLines` the lines with residue markers (温馨提示, 免责声明, URLs …),
 * the numbered lines of a 温馨提示 block and every line core/residue.ts knows
 * as residue (site banners, navigation, bylines, 预览结束, download and login
 * prompts, contact and copyright lines …); adds to `inlineResidue` the residue
 * inside the other lines (第1页共4页 glued to a word, 原創: injected …).
 * (The front-matter pass adds the lines before the title; the paragraphs pass
 * makes them `residue` spans and leaves them out of `spokenChars`.) The
 * residue/* rules report all of it.
 */
import { inlineResidue, residueLineKind } from '../residue';
import { DIGIT } from './punctuation';
import type { ParseState } from './state';

const RE_RESIDUE = /温馨提示|网站客服|推荐访问|由互联网用户分享整理|预览阅读已结束|本文档由用户上传|文章地址[:：]|原文地址[:：]|版权归属|免责声明|相关推荐|下载后无此问题|点击下载|https?:\/\/|www\./;
const RE_TIP_ITEM = new RegExp(`^${DIGIT}{1,2}[.．、]`);

export function residuePass(st: ParseState): void {
  const { text, contentLines } = st;
  for (let k = 0; k < contentLines.length; k++) {
    const ln = contentLines[k];
    if (st.commentLines.has(ln.index)) continue;
    const len = ln.end - ln.start;
    // Only test short-ish lines in full; a residue marker in a very long line is real prose.
    const head = text.slice(ln.start, Math.min(ln.end, ln.start + 400));
    const wholeLine = len <= 200 && residueLineKind(head) !== undefined;
    if (!wholeLine && !(RE_RESIDUE.test(head) && (len < 300 || /^温馨提示/.test(head)))) {
      // residue inside a line of the speech (an uploader's note on the title is the title's: left to the rule)
      for (const r of inlineResidue(text, ln.start, ln.end)) if (r.kind !== 'title-note') st.inlineResidue.push({ start: r.start, end: r.end });
      continue;
    }
    st.residueLines.add(ln.index);
    if (!/^温馨提示/.test(head)) continue;
    for (let j = k + 1; j < contentLines.length; j++) {
      const t = text.slice(contentLines[j].start, Math.min(contentLines[j].end, contentLines[j].start + 8));
      if (RE_TIP_ITEM.test(t)) st.residueLines.add(contentLines[j].index);
      else break;
    }
  }
}
