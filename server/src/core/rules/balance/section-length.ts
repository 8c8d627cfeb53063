/**
 * balance/section-length: among sibling sections, one whose body is far
 * shorter or longer than the typical sibling ("大小相宜").
 *
 * The yardstick is the median of the non-empty siblings, this section
 * included: with three siblings one outlier cannot drag it (a mean would), and
 * the middle section of 100 / 800 / 2,000 is not called "too long" because a
 * tiny sibling pulled the median of the others down. A difference must also be
 * large in absolute terms (`minDifference`): 15 against 60 characters is a
 * ratio of four but a dozen seconds of speech. Sections with no body yet are
 * skipped (a draft written outline-first is not unbalanced, it is unfinished).
 */
import { defineRule } from '../../rule';
import { sectionStats } from '../../sections';
import { formatDuration } from '../../text';

export interface SectionLengthOptions {
  /** Report a section shorter than this fraction of the sibling median. */
  minRatio: number;
  /** Report a section longer than this multiple of the sibling median. */
  maxRatio: number;
  /** Only compare groups with at least this many non-empty siblings. */
  minSiblings: number;
  /** …and only when the section differs from the median by at least this many characters. */
  minDifference: number;
}

export default defineRule<SectionLengthOptions>({
  meta: {
    id: 'balance/section-length',
    family: 'balance',
    description: {
      zh: '同级各节篇幅悬殊（某节正文远短于或远长于同级各节的中位数）',
      en: 'A section far shorter or longer than its sibling sections',
    },
    defaultSeverity: 'info',
    fixable: false,
    defaultOptions: { minRatio: 0.33, maxRatio: 3, minSiblings: 3, minDifference: 200 },
    options: {
      minRatio: {
        type: 'number',
        min: 0,
        max: 1,
        description: { zh: '短于同级中位数的此比例即报告（默认约三分之一）', en: 'report a section shorter than this fraction of the sibling median (default about a third)' },
      },
      maxRatio: {
        type: 'number',
        min: 1,
        description: { zh: '长于同级中位数的此倍数即报告', en: 'report a section longer than this multiple of the sibling median' },
      },
      minSiblings: {
        type: 'number',
        min: 2,
        description: { zh: '同级有正文的节至少几个才比较', en: 'compare only groups with at least this many non-empty siblings' },
      },
      minDifference: {
        type: 'number',
        min: 0,
        description: { zh: '与中位数至少相差多少字才报告', en: 'report only when the section differs from the median by at least this many characters' },
      },
    },
    notes: {
      leavesAlone: "Fewer than three siblings, differences under 200 characters (under a minute of speech), sections with no body yet (an outline being written).",
      limits: "The closing 狠抓落实 or 保障措施 section is often short by design; the finding asks the writer to look, and is information only.",
    },
    examples: {
      wrong: '一、……（820字）　二、……（760字）　三、……（120字）',
      right: '一、……（820字）　二、……（760字）　三、……（540字）',
    },
  },
  messages: {
    short: {
      zh: '本节正文{chars}字（约{timeZh}），不足同级{count}节中位数{median}字（约{medianTimeZh}）的{ratioZh}',
      en: 'This section has {chars} characters (about {timeEn}), less than {ratioEn} of the median of its {count} sibling sections, {median} (about {medianTimeEn})',
    },
    long: {
      zh: '本节正文{chars}字（约{timeZh}），超过同级{count}节中位数{median}字（约{medianTimeZh}）的{ratioZh}',
      en: 'This section has {chars} characters (about {timeEn}), more than {ratioEn} the median of its {count} sibling sections, {median} (about {medianTimeEn})',
    },
  },
  check({ doc, options, settings, report }) {
    const minRatio = options.minRatio;
    const maxRatio = options.maxRatio;
    const minSiblings = Math.max(2, options.minSiblings);
    for (const st of sectionStats(doc, settings.speakingRate)) {
      if (st.chars <= 0 || st.comparable < minSiblings || st.siblingMedian <= 0) continue;
      const diff = Math.abs(st.chars - st.siblingMedian);
      if (diff < options.minDifference) continue;
      let messageId: 'short' | 'long';
      let ratioZh: string;
      let ratioEn: string;
      if (st.chars < st.siblingMedian * minRatio) {
        messageId = 'short';
        ratioZh = fractionZh(minRatio);
        ratioEn = fractionEn(minRatio);
      } else if (st.chars > st.siblingMedian * maxRatio) {
        messageId = 'long';
        ratioZh = `${trim(maxRatio)}倍`;
        ratioEn = `${trim(maxRatio)} times`;
      } else continue;
      const med = Math.round(st.siblingMedian);
      report({
        messageId,
        data: {
          chars: st.chars,
          median: med,
          count: st.comparable,
          timeZh: formatDuration(st.seconds / 60, 'zh'),
          timeEn: formatDuration(st.seconds / 60, 'en'),
          medianTimeZh: formatDuration(st.siblingMedianSeconds / 60, 'zh'),
          medianTimeEn: formatDuration(st.siblingMedianSeconds / 60, 'en'),
          ratioZh,
          ratioEn,
        },
        span: st.section.heading.span,
      });
    }
  },
});

function trim(n: number): string {
  return String(Math.round(n * 100) / 100);
}

function fractionZh(r: number): string {
  if (Math.abs(r - 1 / 3) < 0.01) return '三分之一';
  if (Math.abs(r - 0.5) < 0.001) return '二分之一';
  if (Math.abs(r - 0.25) < 0.001) return '四分之一';
  return `${Math.round(r * 100)}%`;
}

function fractionEn(r: number): string {
  if (Math.abs(r - 1 / 3) < 0.01) return 'a third';
  if (Math.abs(r - 0.5) < 0.001) return 'half';
  if (Math.abs(r - 0.25) < 0.001) return 'a quarter';
  return `${Math.round(r * 100)}%`;
}
