/**
 * typography/numeral-zero: a year written in Chinese numerals with the digit
 * 0 or the letter O for zero (二0二四年, 二O二四年 → 二〇二四年). GB/T
 * 15835-2011 §5.2.2 writes zero among Chinese numerals as "〇".
 */
import { defineRule } from '../../rule';
import { matchesInSpeech } from './matches';

const RE = /(?<![一二三四五六七八九〇○零0０OoＯｏ])[一二三四五六七八九〇○零0０OoＯｏ]{4}(?=年)/g;
const WRONG = /[0０OoＯｏ]/;

export default defineRule({
  meta: {
    id: 'typography/numeral-zero',
    family: 'typography',
    description: {
      zh: '汉字数字年份中的零写成了数字0或字母O，应为“〇”（GB/T 15835—2011 第5.2.2条）',
      en: 'A year in Chinese numerals with the digit 0 or the letter O for zero; it takes "〇" (GB/T 15835-2011 §5.2.2)',
    },
    defaultSeverity: 'warning',
    fixable: true,
    defaultOptions: {},
    examples: { wrong: '二0二四年三月五日', right: '二〇二四年三月五日' },
  },
  messages: {
    zero: { zh: '“{text}年”中的零应写作“〇”', en: 'The zero in "{text}年" is written "〇"' },
  },
  check({ doc, report }) {
    for (const m of matchesInSpeech(doc, RE)) {
      const s = doc.text.slice(m.start, m.end);
      if (!WRONG.test(s) || !/[一二三四五六七八九]/.test(s)) continue;
      const edits = [];
      for (let k = 0; k < s.length; k++) if (WRONG.test(s[k])) edits.push({ start: m.start + k, end: m.start + k + 1, newText: '〇' });
      report({
        messageId: 'zero',
        data: { text: s },
        span: { start: m.start, end: m.end },
        fixes: [{ title: { zh: '零改为“〇”', en: 'Write zero as "〇"' }, edits, safe: true }],
      });
    }
  },
});
