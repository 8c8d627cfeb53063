/**
 * Test-only rules, registered by the language server ONLY when the
 * environment variable SPEECHLINT_TEST_RULES=1 is set (the protocol tests set
 * it on the child process). They are not in `allRules`, the CLI or the README.
 *
 * - `repetition/test-segmented` needs jieba: it reports tokens equal to one of
 *   its `words`, so a diagnostic proves the worker segmented the text (a
 *   character segmenter could never produce a two-character token).
 * - `balance/test-fixable` reports a half-width comma between Han characters
 *   with a safe fix, so quick fixes and "fix all" have something to apply
 *   whatever the real rules do.
 * - `numbering/test-throws` throws when the text contains "<<throw>>", and
 *   `repetition/test-segmented` when it contains "<<throw-segmented>>": a
 *   failing rule must be logged and skipped, on both threads.
 * With SPEECHLINT_TEST_NO_JIEBA=1 as well, the worker behaves as if jieba
 * could not be loaded.
 */
import type { AnyRule } from './core/rule';
import { defineRule } from './core/rule';
import { isHan } from './core/text';

export const TEST_RULES_ENV = 'SPEECHLINT_TEST_RULES';

const testSegmented = defineRule<{ words: string[] }>({
  meta: {
    id: 'repetition/test-segmented',
    family: 'repetition',
    description: { zh: '测试用：报告指定的分词结果', en: 'Test only: reports the given jieba tokens' },
    defaultSeverity: 'hint',
    fixable: false,
    needsSegmentation: true,
    defaultOptions: { words: ['深化改革'] },
    options: { words: { type: 'string[]', description: { zh: '要报告的词', en: 'tokens to report' } } },
    examples: { wrong: '', right: '' },
  },
  messages: { token: { zh: '测试：分词得到“{text}”', en: 'test: jieba token "{text}"' } },
  check({ doc, segmentation, options, report }) {
    if (doc.text.includes('<<throw-segmented>>')) throw new Error('test-segmented: asked to throw');
    for (const t of segmentation?.tokens ?? []) {
      if (options.words.includes(t.text)) report({ messageId: 'token', data: { text: t.text }, span: { start: t.start, end: t.end } });
    }
  },
});

const testFixable = defineRule<Record<string, never>>({
  meta: {
    id: 'balance/test-fixable',
    family: 'balance',
    description: { zh: '测试用：汉字间的半角逗号', en: 'Test only: half-width comma between Han characters' },
    defaultSeverity: 'warning',
    fixable: true,
    defaultOptions: {},
    examples: { wrong: '', right: '' },
  },
  messages: { comma: { zh: '测试：半角逗号', en: 'test: half-width comma' } },
  check({ doc, report }) {
    const t = doc.text;
    for (let i = t.indexOf(','); i >= 0; i = t.indexOf(',', i + 1)) {
      if (i > 0 && isHan(t.charCodeAt(i - 1)) && isHan(t.charCodeAt(i + 1))) {
        report({
          messageId: 'comma',
          span: { start: i, end: i + 1 },
          fixes: [{ title: { zh: '改为全角逗号', en: 'Use a full-width comma' }, edits: [{ start: i, end: i + 1, newText: '，' }], safe: true }],
        });
      }
    }
  },
});

const testThrows = defineRule<Record<string, never>>({
  meta: {
    id: 'numbering/test-throws',
    family: 'numbering',
    description: { zh: '测试用：遇到 <<throw>> 时抛出异常', en: 'Test only: throws on <<throw>>' },
    defaultSeverity: 'warning',
    fixable: false,
    defaultOptions: {},
    examples: { wrong: '', right: '' },
  },
  messages: {},
  check({ doc }) {
    if (doc.text.includes('<<throw>>')) throw new Error('test-throws: asked to throw');
  },
});

export function testRules(): AnyRule[] {
  return process.env[TEST_RULES_ENV] === '1' ? [testSegmented, testFixable, testThrows] : [];
}
