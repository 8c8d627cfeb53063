/** The snippet parser/expander used by the snippet tests: VS Code's snippet grammar. */
import { strict as assert } from 'assert';
import { dateVariables, expandSnippet, lintSnippet, parseSnippet, SnippetSyntaxError } from '../../client/src/snippet-expand';

const expand = (body: string | string[], vars: Record<string, string> = {}) => expandSnippet(parseSnippet(body), vars);

describe('client: snippet parser and expander', () => {
  it('plain text, tab stops, placeholders, $0', () => {
    const e = expand('一、$1\n${2:XX}同志$0');
    assert.equal(e.text, '一、\nXX同志');
    assert.deepEqual(e.tabstops.get(1), [{ start: 2, end: 2 }]);
    assert.deepEqual(e.tabstops.get(2), [{ start: 3, end: 5 }]);
    assert.deepEqual(e.tabstops.get(0), [{ start: 7, end: 7 }]);
  });

  it('arrays of lines join with \\n', () => {
    assert.equal(expand(['a', 'b', '']).text, 'a\nb\n');
  });

  it('choices insert their first option; escapes inside choices', () => {
    assert.equal(expand('${1|一,二,三|}、').text, '一、');
    assert.equal(expand('${1|a\\,b,c|}').text, 'a,b');
    assert.deepEqual(parseSnippet('${1|x\\|y,z|}')[0], { type: 'tabstop', index: 1, choices: ['x|y', 'z'] });
  });

  it('nested placeholders and mirrors', () => {
    const e = expand('${1:在${2:XX}会议上}——$1——$2');
    assert.equal(e.text, '在XX会议上——在XX会议上——XX');
    assert.equal(e.tabstops.get(1)!.length, 2);
    assert.equal(e.tabstops.get(2)!.length, 2);
  });

  it('variables: value, default, transform, unknown value', () => {
    const vars = dateVariables(new Date(2024, 2, 5));
    assert.equal(expand('$CURRENT_YEAR年${CURRENT_MONTH/^0//}月${CURRENT_DATE/^0//}日', vars).text, '2024年3月5日');
    assert.equal(expand('${CURRENT_MONTH}', vars).text, '03');
    assert.equal(expand('${TM_SELECTED_TEXT:默认}').text, '默认');
    assert.equal(expand('${1:${CURRENT_YEAR}}年', vars).text, '2024年');
    assert.equal(expand('${TM_FILENAME/(.*)\\..+$/${1:/upcase}/}', { TM_FILENAME: 'speech.txt' }).text, 'SPEECH');
    assert.equal(expand('${TM_FILENAME/(a)|(b)/${1:?A:N}/g}', { TM_FILENAME: 'ab' }).text, 'AN');
  });

  it('escapes: \\$ \\} \\\\ ; other backslashes are literal', () => {
    assert.equal(expand('\\$1 costs \\\\ and \\} and \\n').text, '$1 costs \\ and } and \\n');
    assert.equal(expand('${1:a\\}b}').text, 'a}b');
    assert.equal(expand('}').text, '}', 'a closing brace at the top level is text');
  });

  it('strict mode rejects what VS Code would insert as text', () => {
    for (const bad of ['${1:unclosed', '${1|a,b', 'price $', '${XX}', '$XX同志', '${1!}', '${', '${CURRENT_YEAR/(/x/}', '${1|a,,b|}']) {
      assert.throws(() => parseSnippet(bad), SnippetSyntaxError, bad);
    }
    assert.doesNotThrow(() => parseSnippet('${1:unclosed', { strict: false }));
    assert.equal(expandSnippet(parseSnippet('price $ 5', { strict: false })).text, 'price $ 5');
  });

  it('lints tab stops with two different defaults', () => {
    assert.deepEqual(lintSnippet(parseSnippet('${1:a} ${1:a} $1')), []);
    assert.equal(lintSnippet(parseSnippet('${1:a} ${1:b}')).length, 1);
  });

  it('refuses a placeholder that contains itself instead of recursing forever', () => {
    assert.throws(() => expand('${1:x$1}'), SnippetSyntaxError);
  });
});
