/**
 * The client's textual highlight fallback (client/src/word-highlights.ts):
 * Latin words and numbers the server leaves alone, whole words only, never
 * a run of Han characters.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { MAX_TEXTUAL, textualOccurrences, wordAt } from '../../client/src/word-highlights';
import { ROOT } from './helpers';

const texts = (text: string, offset: number) => textualOccurrences(text, offset).map((r) => text.slice(r.start, r.end) + '@' + r.start);
/** "word@offset" of the listed occurrences of `needle` (by the 0-based index among all its occurrences, whole words or not). */
function expected(text: string, needle: string, nths: number[]): string[] {
  const all: number[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) all.push(i);
  return nths.map((n) => `${needle}@${all[n]}`);
}

describe('client: textual highlight fallback', () => {
  it('a Latin word or number in a Chinese draft: its whole-word occurrences, case-sensitive', () => {
    const text = '今年GDP增长5%，GDP总量突破万亿，GDPR不算，gdp也不算。5G基站新建500个，5G用户翻番。';
    // GDP twice, not inside GDPR, not gdp
    assert.deepEqual(texts(text, text.indexOf('GDP') + 1), expected(text, 'GDP', [0, 1]));
    assert.deepEqual(texts(text, text.indexOf('5G') + 2), expected(text, '5G', [0, 1]), 'the cursor right after the word');
    assert.deepEqual(texts(text, text.indexOf('500')), expected(text, '500', [0]));
  });

  it('English prose: words, with the boundaries VS Code uses (letters, digits, underscore)', () => {
    const text = 'The plan, the_plan and plans: the plan again. Café café Café.';
    // plan: not in the_plan, not in plans
    assert.deepEqual(texts(text, text.indexOf('plan')), expected(text, 'plan', [0, 3]));
    assert.deepEqual(texts(text, text.indexOf('the_plan') + 3), expected(text, 'the_plan', [0]));
    assert.deepEqual(texts(text, text.indexOf('Café') + 1), expected(text, 'Café', [0, 1]));
  });

  it('nothing on Han characters, punctuation, spaces, or outside the text', () => {
    const text = '推进改革，推进发展。 GDP ';
    for (const o of [0, 1, 4, 5, 10, -1, text.length + 1, 1.5, NaN]) assert.deepEqual(textualOccurrences(text, o), [], String(o));
    assert.equal(wordAt('', 0), undefined);
    assert.deepEqual(wordAt('ab', 2), { start: 0, end: 2 });
  });

  it('capped for a file of one word repeated', () => {
    const text = 'go '.repeat(MAX_TEXTUAL + 500);
    assert.equal(textualOccurrences(text, 0).length, MAX_TEXTUAL);
    assert.equal(textualOccurrences(text, 0, 3).length, 3);
  });

  it('is pure: no vscode import', () => {
    const src = fs.readFileSync(path.join(ROOT, 'client', 'src', 'word-highlights.ts'), 'utf8');
    assert.ok(!/from 'vscode'|require\('vscode'\)/.test(src));
  });
});
