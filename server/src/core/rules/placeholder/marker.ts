/**
 * placeholder/marker: template placeholders left in the draft (XX, xx, ×).
 * Searched on the raw text, not on tokens: jieba splits XX into letters.
 */
import { defineRule } from '../../rule';
import { inResidue } from '../util';

export interface MarkerOptions {
  /** Extra regular expressions (JavaScript syntax) that mark a placeholder. */
  patterns: string[];
}

// XX, XXX, xx, 20XX; × runs not between digits (3×4 is a product).
const BASE = /(?<![A-Za-z])(?:[0-9]{2})?[Xx]{2,}(?![A-Za-z])|(?<![0-9０-９])×+(?![0-9０-９])/g;

export default defineRule<MarkerOptions>({
  meta: {
    id: 'placeholder/marker',
    family: 'placeholder',
    description: {
      zh: '模板占位符（XX、xx、×）尚未替换',
      en: 'Template placeholders (XX, xx, ×) not yet filled in',
    },
    defaultSeverity: 'info',
    finalSeverity: 'error',
    fixable: false,
    defaultOptions: { patterns: [] },
    options: {
      patterns: { type: 'string[]', description: { zh: '额外的占位符正则表达式', en: 'extra placeholder regular expressions' } },
    },
    examples: { wrong: '实现公共财政预算收入XX亿元', right: '实现公共财政预算收入12.6亿元' },
  },
  messages: {
    placeholder: { zh: '占位符“{text}”尚未替换', en: 'Placeholder "{text}" has not been filled in' },
  },
  check({ doc, options, settings, report }) {
    const text = doc.text;
    const allow = settings.allowWords;
    const regexes: RegExp[] = [new RegExp(BASE.source, 'g')];
    for (const p of options.patterns) {
      try {
        regexes.push(new RegExp(p, 'gu'));
      } catch {
        // an invalid user pattern is reported by the config layer; skip it here
      }
    }
    const seen = new Set<number>();
    for (const re of regexes) {
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(text))) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        const start = m.index;
        const end = start + m[0].length;
        if (seen.has(start) || inResidue(doc, start)) continue;
        if (allow.some((w) => w.length > 0 && text.slice(Math.max(0, start - w.length + 1), end + w.length - 1).includes(w) && w.includes(m![0]))) continue;
        seen.add(start);
        report({ messageId: 'placeholder', data: { text: m[0] }, span: { start, end } });
      }
    }
  },
});
