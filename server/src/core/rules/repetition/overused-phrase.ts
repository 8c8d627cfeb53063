/**
 * repetition/overused-phrase: a content word or phrase that comes back too
 * often within a short span (default: three times within 300 characters),
 * or far above its own average in the draft. The analysis is in phrases.ts
 * (shared with hover and document highlights); this file turns clusters into
 * findings: one per cluster, on the close pair (the later of the two
 * occurrences nearest each other), with related information for the others.
 *
 * Opt-in (off by default, information when on): on the real drafts of the
 * verdict corpus nearly every cluster was a series head, the section's topic,
 * a name or a set phrase (see the README).
 *
 * Left alone: parallel clauses that share a head or a tail (排比), lists of
 * short parallel items, words inside quotation and book-title marks (slogans
 * such as “学赶XX”, document names), the draft's topic words and the
 * section's heading words (threshold × topicFactor), function and stop words,
 * padding adverbs (repetition/filler's business) and allowed words.
 */
import { defineRule } from '../../rule';
import { onClosePair } from './cluster';
import type { OverusedOptions } from './phrases';
import { DEFAULT_OVERUSED, findOverused } from './phrases';

/** Related-information entries per finding (a pathological draft can repeat a word thousands of times). */
const MAX_RELATED = 50;

export default defineRule<OverusedOptions>({
  meta: {
    id: 'repetition/overused-phrase',
    family: 'repetition',
    description: {
      zh: '同一实词或短语在短距离内反复出现（排比、主题词、引号内的口号除外）',
      en: 'A content word or phrase used too often within a short span (parallelism, topic words and quoted slogans excepted)',
    },
    defaultSeverity: 'info',
    optIn: true,
    fixable: false,
    needsSegmentation: true,
    defaultOptions: { ...DEFAULT_OVERUSED, allow: [] },
    options: {
      minCount: { type: 'number', min: 2, max: 50, description: { zh: '窗口内出现多少次算过多', en: 'occurrences within the window that count as over-use' } },
      window: { type: 'number', min: 20, max: 5000, description: { zh: '窗口长度（字符）', en: 'window length in characters' } },
      topicFactor: { type: 'number', min: 1, max: 10, description: { zh: '主题词（关键词、标题、本节标题中的词）的阈值倍数', en: 'threshold multiplier for topic words (keywords, title, the section heading)' } },
      baselineFactor: { type: 'number', min: 1, max: 20, description: { zh: '窗口内次数须达到该词全文平均密度的多少倍', en: 'how many times its own average count per window a word must reach' } },
      allow: { type: 'string[]', description: { zh: '不检查的词语（另见全局 allow）', en: 'words never reported (in addition to the global allow list)' } },
    },
    notes: {
      leavesAlone: "Off by default. When on: parallel clauses that share a head or a tail (排比), the opening sentences of series items (一是……取得新突破。……二是……取得新突破), short list items, words in quotation and title marks, the draft's topic words and those of the section's heading or of a series item's opening sentence (threshold × topicFactor), function words and padding adverbs.",
      limits: "On real drafts most clusters are still series heads across sentences, the meeting's or item's topic, names (……交流合作中心) and set phrases (实现第二个百年奋斗目标): that is why it is opt-in.",
    },
    examples: {
      wrong: '今年以来，我们推进产业转型，成效明显。在推进过程中，也暴露出一些问题，需要在下一步推进中认真解决。',
      right: '今年以来，我们推动产业转型，成效明显。在这个过程中，也暴露出一些问题，需要下一步认真解决。',
    },
  },
  messages: {
    overused: {
      zh: '“{phrase}”在 {extent} 字内出现了 {count} 次，可换一种说法或删去一处',
      en: '"{phrase}" is used {count} times within {extent} characters; vary or drop one',
    },
  },
  check({ doc, options, settings, segmentation, report }) {
    if (!segmentation) return;
    for (const c of findOverused(doc, segmentation, options, settings)) {
      const at = onClosePair(
        c.occurrences,
        (n) => ({ zh: `“${c.phrase}”第 ${n} 次出现`, en: `"${c.phrase}", occurrence ${n}` }),
        { zh: `最近的一处“${c.phrase}”`, en: `the nearest other "${c.phrase}"` },
        MAX_RELATED,
      );
      report({ messageId: 'overused', data: { phrase: c.phrase, count: c.occurrences.length, extent: c.extent }, ...at });
    }
  },
});
