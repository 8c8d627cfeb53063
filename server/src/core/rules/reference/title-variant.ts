/**
 * reference/title-variant: the same document's full title written two ways
 * in one draft (《关于加快建设XX示范区的意见》 and 《关于加快XX示范区建设的意见》).
 * Two full titles of the same document type count as one document written
 * two ways when they hold the same characters in another order, or differ
 * only by function words (的 和 与 及 、). Titles that differ in a number or
 * a word (2023年度 / 2024年度) are different documents.
 */
import { defineRule } from '../../rule';
import { docType, isFullTitle, titlesOf } from './titles';

const FUNCTION_CHARS = /[的和与及、\s]/g;

/** Titles come back many times in a long material file: each one's sorted characters are worked out once (a bounded memo). */
const sortedMemo = new Map<string, string>();

function sortedChars(s: string): string {
  let v = sortedMemo.get(s);
  if (v === undefined) {
    if (sortedMemo.size >= 4096) sortedMemo.clear();
    v = [...s].sort().join('');
    sortedMemo.set(s, v);
  }
  return v;
}

export function sameDocument(a: string, b: string): boolean {
  if (a === b || docType(a) !== docType(b) || Math.min(a.length, b.length) < 8) return false;
  return a.replace(FUNCTION_CHARS, '') === b.replace(FUNCTION_CHARS, '') || sortedChars(a) === sortedChars(b);
}

export default defineRule({
  meta: {
    id: 'reference/title-variant',
    family: 'reference',
    description: {
      zh: '同一文件的全称在稿中有两种写法',
      en: "The same document's full title written two ways in one draft",
    },
    defaultSeverity: 'warning',
    fixable: true,
    defaultOptions: {},
    examples: {
      wrong: '《关于加快建设XX示范区的意见》……贯彻《关于加快XX示范区建设的意见》',
      right: '《关于加快建设XX示范区的意见》……贯彻《关于加快建设XX示范区的意见》',
    },
  },
  messages: {
    variant: { zh: '《{title}》与前文《{first}》应是同一文件，写法不一致', en: '《{title}》 and 《{first}》 earlier look like one document written two ways' },
  },
  check({ doc, report }) {
    const fulls = titlesOf(doc).filter((t) => isFullTitle(t.inner));
    const firsts: typeof fulls = [];
    for (const t of fulls) {
      const first = firsts.find((f) => sameDocument(f.inner, t.inner));
      if (!first) {
        if (!firsts.some((f) => f.inner === t.inner)) firsts.push(t);
        continue;
      }
      report({
        messageId: 'variant',
        data: { title: t.inner, first: first.inner },
        span: { start: t.start, end: t.end },
        related: [{ span: { start: first.start, end: first.end }, message: { zh: '首次写法', en: 'first written here' } }],
        fixes: [
          {
            title: { zh: `统一为《${first.inner}》`, en: `Write it as 《${first.inner}》` },
            edits: [{ start: t.start + 1, end: t.end - 1, newText: first.inner }],
            safe: false,
          },
        ],
      });
    }
  },
});
