/**
 * reference/meeting-name: a plenary session cut short, 二中会 for 二中全会
 * (十九届四中会, 学习贯彻二中会精神). Only after 届 or before 精神, 公报,
 * 审议 or 作出 does "N中会" count: "市一中会议室" (No. 1 Middle School)
 * and "高二中会考" are left alone.
 */
import { defineRule } from '../../rule';
import { matchesInSpeech } from '../typography/matches';

const RE = /(?<=届)[一二三四五六七八九十]{1,2}中会(?![议计考员所址场堂])|(?<![一二三四五六七八九十高初])[一二三四五六七八九十]{1,2}中会(?=精神|公报|审议|作出)/g;

export default defineRule({
  meta: {
    id: 'reference/meeting-name',
    family: 'reference',
    description: {
      zh: '全会名称被截短（“二中会”应为“二中全会”）',
      en: 'A plenary session named short ("二中会" for "二中全会")',
    },
    defaultSeverity: 'warning',
    fixable: true,
    defaultOptions: {},
    examples: { wrong: '深入学习贯彻党的二十届三中会精神', right: '深入学习贯彻党的二十届三中全会精神' },
  },
  messages: {
    short: { zh: '“{text}”应为“{full}”', en: '"{text}" should read "{full}"' },
  },
  check({ doc, report }) {
    for (const m of matchesInSpeech(doc, RE)) {
      const s = doc.text.slice(m.start, m.end);
      const full = s.slice(0, -1) + '全会';
      report({
        messageId: 'short',
        data: { text: s, full },
        span: { start: m.start, end: m.end },
        fixes: [{ title: { zh: `改为“${full}”`, en: `Write "${full}"` }, edits: [{ start: m.end - 1, end: m.end - 1, newText: '全' }], safe: true }],
      });
    }
  },
});
