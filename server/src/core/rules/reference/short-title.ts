/**
 * reference/short-title: a short title in 《》 (《行动计划》, 《实施方案》)
 * that matches no full title the draft named earlier. A short form must be
 * the tail of a full title (《关于推进……的三年行动计划》 → 《行动计划》 or
 * 《三年行动计划》); 《若干意见》 when the draft named only 《……若干措施》
 * names a document the listener cannot place. Drafts that name no full
 * title at all are left alone (the short title may be the meeting's own
 * document).
 */
import type { RelatedInfo } from '../../rule';
import { defineRule } from '../../rule';
import { isFullTitle, isShortTitle, titlesOf } from './titles';

export default defineRule({
  meta: {
    id: 'reference/short-title',
    family: 'reference',
    description: {
      zh: '《》中的简称（如《行动计划》）与稿中此前写出的任何文件全称都对不上',
      en: 'A short title in 《》 (《行动计划》) that matches no full title the draft named before it',
    },
    defaultSeverity: 'warning',
    fixable: false,
    defaultOptions: {},
    examples: {
      wrong: '省政府印发了《关于支持民营经济发展的若干措施》……要把《若干意见》落到实处。',
      right: '省政府印发了《关于支持民营经济发展的若干措施》……要把《若干措施》落到实处。',
    },
  },
  messages: {
    noMatch: { zh: '简称《{short}》与稿中写出的文件全称都对不上', en: 'The short title 《{short}》 matches none of the full titles the draft names' },
    beforeFull: { zh: '简称《{short}》出现在全称之前', en: 'The short title 《{short}》 comes before the full title it stands for' },
  },
  check({ doc, report }) {
    const titles = titlesOf(doc);
    const fulls = titles.filter((t) => isFullTitle(t.inner));
    if (fulls.length === 0) return;
    for (const t of titles) {
      if (!isShortTitle(t.inner)) continue;
      const matches = fulls.filter((f) => f.inner.endsWith(t.inner));
      if (matches.some((f) => f.start < t.start)) continue;
      const related: RelatedInfo[] = (matches.length ? matches : fulls).slice(0, 10).map((f) => ({
        span: { start: f.start, end: f.end },
        message: { zh: `文件全称《${f.inner}》`, en: `full title 《${f.inner}》` },
      }));
      report({ messageId: matches.length ? 'beforeFull' : 'noMatch', data: { short: t.inner }, span: { start: t.start, end: t.end }, related });
    }
  },
});
