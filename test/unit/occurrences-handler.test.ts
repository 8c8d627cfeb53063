/**
 * The hover and document-highlight handlers (server/src/handlers/occurrences.ts)
 * with a stand-in worker whose answer the test releases: an answer computed
 * for a text that changed meanwhile is dropped (null, never ranges of the old
 * text), and so is one for a cancelled request.
 */
import { strict as assert } from 'assert';
import type { CancellationToken } from 'vscode-languageserver';
import type { ServerContext } from '../../server/src/context';
import { defaultConfig } from '../../server/src/core/config';
import type { ResolvedConfig } from '../../server/src/core/config';
import type { PhraseOccurrences } from '../../server/src/core/occurrences';
import { createRegistry } from '../../server/src/core/rules';
import { DocumentStore } from '../../server/src/documents';
import { documentHighlights, hover } from '../../server/src/handlers/occurrences';

const URI = 'untitled:a.speech';
const TEXT = '讲话\n要推进改革，推进发展，\n继续推进。\n';

interface Asked {
  uri: string;
  version: number;
  text: string;
  offset: number;
  answer(r: PhraseOccurrences | null): void;
}

function setup(opts: { available?: boolean; markdown?: boolean } = {}) {
  const store = new DocumentStore();
  const asked: Asked[] = [];
  let onAsk: (() => void) | undefined;
  const config: ResolvedConfig = defaultConfig(createRegistry());
  const worker = {
    available: opts.available ?? true,
    occurrences(uri: string, version: number, text: string, offset: number): Promise<PhraseOccurrences | null> {
      return new Promise((resolve) => {
        asked.push({ uri, version, text, offset, answer: resolve });
        onAsk?.();
      });
    },
  };
  const ctx = {
    store,
    workers: { segmented: worker },
    configs: { forDocument: async () => ({ config }) },
    locale: 'zh',
    caps: { hoverMarkdown: opts.markdown ?? true },
    log: { error: (m: string) => assert.fail(m) },
  } as unknown as ServerContext;
  /** Resolves when the handler has asked the worker. */
  const nextAsk = () => new Promise<Asked>((r) => (onAsk = () => r(asked[asked.length - 1])));
  return { ctx, store, asked, nextAsk };
}

/** What the worker would answer for 推进 in TEXT. */
function answerFor(text: string, flagged: boolean): PhraseOccurrences {
  const occ: PhraseOccurrences['occurrences'] = [];
  for (let i = text.indexOf('推进'); i >= 0; i = text.indexOf('推进', i + 1)) occ.push({ span: { start: i, end: i + 2 }, line: text.slice(0, i).split('\n').length - 1 });
  return { phrase: '推进', flagged, occurrences: occ, cluster: flagged ? occ : [], clusters: flagged ? [{ occurrences: occ, extent: 12 }] : [] };
}

describe('hover and highlight handlers: staleness', () => {
  it('asks the worker with the current version, text and offset, and answers with LSP ranges', async () => {
    const { ctx, store, nextAsk } = setup();
    store.open(URI, 'speech', 4, TEXT);
    const asking = nextAsk();
    const pending = hover(ctx, { textDocument: { uri: URI }, position: { line: 1, character: 7 } });
    const q = await asking;
    assert.deepEqual([q.uri, q.version, q.text, q.offset], [URI, 4, TEXT, TEXT.indexOf('推进', 5) + 1]);
    q.answer(answerFor(TEXT, true));
    const h = await pending;
    assert.ok(h);
    assert.deepEqual(h.range, { start: { line: 1, character: 6 }, end: { line: 1, character: 8 } });
    assert.deepEqual(h.contents, {
      kind: 'markdown',
      value: '“推进”在稿中出现 3 次：第 2（2 次）、3 行\n\n[`repetition/overused-phrase`](https://github.com/speechlint/speechlint#rule-repetition-overused-phrase)：第 2—3 行 12 字内出现 3 次。可换一种说法或删去一处。',
    });
  });

  it('the text changed while the worker answered: null, not the old ranges', async () => {
    const { ctx, store, nextAsk } = setup();
    store.open(URI, 'speech', 1, TEXT);
    for (const request of [hover, documentHighlights] as const) {
      const asking = nextAsk();
      const pending = request(ctx, { textDocument: { uri: URI }, position: { line: 1, character: 1 } });
      const q = await asking;
      // a line inserted above: every old range is now wrong
      store.change(URI, store.get(URI)!.td.version + 1, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '新的一行。\n' }]);
      q.answer(answerFor(TEXT, true));
      assert.equal(await pending, null);
    }
  });

  it('the same version number sent again with another text is still a change', async () => {
    const { ctx, store, nextAsk } = setup();
    store.open(URI, 'speech', 1, TEXT);
    const asking = nextAsk();
    const pending = documentHighlights(ctx, { textDocument: { uri: URI }, position: { line: 1, character: 1 } });
    const q = await asking;
    store.change(URI, 1, [{ text: '讲话\n推进\n' }]);
    q.answer(answerFor(TEXT, false));
    assert.equal(await pending, null);
  });

  it('closed meanwhile, or the request cancelled: null', async () => {
    const { ctx, store, nextAsk } = setup();
    store.open(URI, 'speech', 1, TEXT);
    let asking = nextAsk();
    let pending = hover(ctx, { textDocument: { uri: URI }, position: { line: 1, character: 1 } });
    let q = await asking;
    store.close(URI);
    q.answer(answerFor(TEXT, true));
    assert.equal(await pending, null);

    store.open(URI, 'speech', 1, TEXT);
    const token = { isCancellationRequested: false } as { isCancellationRequested: boolean };
    asking = nextAsk();
    pending = hover(ctx, { textDocument: { uri: URI }, position: { line: 1, character: 1 } }, token as unknown as CancellationToken);
    q = await asking;
    token.isCancellationRequested = true;
    q.answer(answerFor(TEXT, true));
    assert.equal(await pending, null);
  });

  it('unchanged: highlights are every occurrence; a hover on a word that is not flagged is null', async () => {
    const { ctx, store, nextAsk } = setup();
    store.open(URI, 'speech', 1, TEXT);
    let asking = nextAsk();
    const hl = documentHighlights(ctx, { textDocument: { uri: URI }, position: { line: 2, character: 3 } });
    (await asking).answer(answerFor(TEXT, false));
    assert.deepEqual(
      (await hl)?.map((h) => [h.range.start.line, h.range.start.character, h.range.end.character, h.kind]),
      [
        [1, 1, 3, 1],
        [1, 6, 8, 1],
        [2, 2, 4, 1],
      ],
    );
    asking = nextAsk();
    const h = hover(ctx, { textDocument: { uri: URI }, position: { line: 2, character: 3 } });
    (await asking).answer(answerFor(TEXT, false));
    assert.equal(await h, null);
  });

  it('no worker (jieba unavailable), an unknown document, a bad position: null without asking', async () => {
    const { ctx, store, asked } = setup({ available: false });
    store.open(URI, 'speech', 1, TEXT);
    assert.equal(await hover(ctx, { textDocument: { uri: URI }, position: { line: 1, character: 1 } }), null);
    const other = setup();
    other.store.open(URI, 'speech', 1, TEXT);
    assert.equal(await documentHighlights(other.ctx, { textDocument: { uri: 'untitled:nope.speech' }, position: { line: 0, character: 0 } }), null);
    assert.equal(await documentHighlights(other.ctx, { textDocument: { uri: URI }, position: { line: 1.5, character: 0 } }), null);
    assert.equal(await hover(other.ctx, { textDocument: { uri: URI } } as never), null);
    assert.equal(asked.length + other.asked.length, 0);
  });

  it('plain text for a client without markdown', async () => {
    const { ctx, store, nextAsk } = setup({ markdown: false });
    store.open(URI, 'speech', 1, TEXT);
    const asking = nextAsk();
    const pending = hover(ctx, { textDocument: { uri: URI }, position: { line: 1, character: 1 } });
    (await asking).answer(answerFor(TEXT, true));
    const h = await pending;
    assert.deepEqual(h?.contents, { kind: 'plaintext', value: '“推进”在稿中出现 3 次：第 2（2 次）、3 行\n\nrepetition/overused-phrase：第 2—3 行 12 字内出现 3 次。可换一种说法或删去一处。' });
  });
});
