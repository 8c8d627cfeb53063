/**
 * The server's document store under incremental edits that join a \r and a
 * \n into one line break (found by test/protocol/fuzz.test.ts): the text and
 * the line starts stay those of the client, so later edits land where the
 * client put them.
 */
import { strict as assert } from 'assert';
import { DocumentStore, joinsCrLf } from '../../server/src/documents';
import { LineIndex } from '../../server/src/core/text';

function pos(line: number, character: number) {
  return { line, character };
}

describe('document store: incremental edits around line breaks', () => {
  const cases: { name: string; text: string; first: { range: ReturnType<typeof range>; text: string }; joined: string }[] = [
    { name: 'a \\r typed before a \\n', text: 'a\nb\nc', first: { range: range(0, 1, 0, 1), text: '\r' }, joined: 'a\r\nb\nc' },
    { name: 'a \\n typed after a \\r', text: 'a\rb\nc', first: { range: range(1, 0, 1, 0), text: '\n' }, joined: 'a\r\nb\nc' },
    { name: 'text between a \\r and a \\n deleted', text: 'a\rX\nb\nc', first: { range: range(1, 0, 1, 1), text: '' }, joined: 'a\r\nb\nc' },
    { name: 'a replacement ending in \\r before a \\n', text: 'aY\nb\nc', first: { range: range(0, 1, 0, 2), text: '😀\r' }, joined: 'a😀\r\nb\nc' },
  ];
  for (const c of cases) {
    it(`${c.name}: later positions map to the client's offsets`, () => {
      const store = new DocumentStore();
      store.open('untitled:a', 'speech', 1, c.text);
      store.change('untitled:a', 2, [c.first]);
      const st = store.get('untitled:a')!;
      assert.equal(st.td.getText(), c.joined);
      assert.equal(st.td.lineCount, new LineIndex(c.joined).lineCount);
      // the client appends X to the line "b" (line 1 after the join)
      store.change('untitled:a', 3, [{ range: range(1, 1, 1, 1), text: 'X' }]);
      assert.equal(st.td.getText(), c.joined.replace('b', 'bX'));
      assert.deepEqual(st.td.positionAt(st.td.getText().indexOf('c')), pos(2, 0));
      assert.equal(st.td.version, 3);
    });
  }

  it('joinsCrLf: only edits that put \\r right before \\n', () => {
    assert.equal(joinsCrLf('a\nb', 1, 1, '\r'), true);
    assert.equal(joinsCrLf('a\rb', 2, 2, '\n'), true);
    assert.equal(joinsCrLf('a\rX\nb', 2, 3, ''), true);
    assert.equal(joinsCrLf('a\r\nb', 3, 3, 'x'), false);
    assert.equal(joinsCrLf('a\nb', 1, 1, '\r\n'), false);
    assert.equal(joinsCrLf('ab', 1, 1, '\r'), false);
    assert.equal(joinsCrLf('', 0, 0, '\r\n'), false);
    assert.equal(joinsCrLf('\n', 0, 0, ''), false);
  });
});

function range(l1: number, c1: number, l2: number, c2: number) {
  return { start: pos(l1, c1), end: pos(l2, c2) };
}
