/**
 * The language server under 1,000 random incremental edits (real server,
 * stdio, debounce 0): CJK text from the corpus, emoji, CRLF and lone CR,
 * numbering markers, placeholders, deletes across lines, several changes in
 * one notification. The client keeps its own copy of the text and computes
 * every range on it, as an editor does.
 *
 * Asserted: the server stays alive; every publish is for a version it was
 * sent, versions never go backwards, and every diagnostic range lies inside
 * the text of its version; the final diagnostics (ranges, codes, messages,
 * severities, related information) equal those of a fresh check of the
 * final text opened as a new document; the two documents give the same
 * stats, and the server still answers requests.
 *
 * The edits come from a seeded generator (SEED below; SPEECHLINT_FUZZ_SEED
 * overrides it): a failure names the seed and can be replayed.
 */
import * as assert from 'node:assert/strict';
import type { Diagnostic, DocumentSymbol, PublishDiagnosticsParams, TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import type { CommandResult } from '../../server/src/handlers/commands';
import type { StatsResult } from '../../server/src/protocol';
import { Requests, ServerCommands } from '../../server/src/protocol';
import { rng } from '../../bench/drafts';
import { TestClient, corpus } from './client';

const SEED = process.env.SPEECHLINT_FUZZ_SEED ? Number(process.env.SPEECHLINT_FUZZ_SEED) : 20250110;
const EDITS = 1000;


/** Line starts as LSP counts them: after \n, \r\n and a lone \r. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

function positionAt(starts: number[], offset: number): { line: number; character: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo] };
}

/** Length of a line's content (without its line break). */
function lineLength(text: string, starts: number[], line: number): number {
  const next = line + 1 < starts.length ? starts[line + 1] : text.length;
  let end = next;
  if (end > starts[line] && text.charCodeAt(end - 1) === 10) end--;
  if (end > starts[line] && text.charCodeAt(end - 1) === 13) end--;
  return end - starts[line];
}

/** An offset an editor could put the cursor at: not inside \r\n, not inside a surrogate pair. */
function snap(text: string, o: number): number {
  const c = text.charCodeAt(o);
  const p = text.charCodeAt(o - 1);
  if (o > 0 && o < text.length && p === 13 && c === 10) return o - 1;
  if (o > 0 && o < text.length && p >= 0xd800 && p <= 0xdbff && c >= 0xdc00 && c <= 0xdfff) return o - 1;
  return o;
}

const PIECES = [
  '的', '我们', '发展', '，', '。', '、', '；', '：', '“', '”', '（', '）', 'XX', '××', '某某', '的的', '我们我们',
  '😀', '👍🏽', '𠀀', '\n', '\r\n', '\r', '\n\n', '\r\n\r\n', '\t', '\u3000', ' ',
  '\n一、', '\n二、', '\n三、', '\n五、', '\n（一）', '\n（二）', '\n（四）', '\n1.', '\n2.', '\n（1）', '\n第一，', '\n首先，', '\n其次，', '\n最后，', '一是', '二是', '讲三点意见：',
  '# ', '\n## 二、', '<!-- speechlint-disable-next-line -->\n',
];

interface Gen {
  next(text: string): { start: number; end: number; newText: string };
}

function generator(seed: number, corpusText: string): Gen {
  const r = rng(seed);
  const int = (n: number) => Math.floor(r() * n);
  const piece = (): string => {
    const x = r();
    if (x < 0.55) return PIECES[int(PIECES.length)];
    if (x < 0.9) {
      const at = int(corpusText.length);
      return corpusText.slice(at, at + 1 + int(60));
    }
    if (x < 0.97) return PIECES[int(PIECES.length)].repeat(1 + int(5));
    // now and then a whole paragraph or a lone surrogate
    return r() < 0.5 ? corpusText.slice(0, 200 + int(800)) : '\ud800';
  };
  return {
    next(text) {
      const big = text.length > 20000;
      const x = r();
      const at = snap(text, int(text.length + 1));
      if (x < 0.45 && !big) return { start: at, end: at, newText: piece() };
      // deletes and replacements: mostly short, some across lines
      const len = r() < 0.8 ? 1 + int(12) : 1 + int(big ? 3000 : 400);
      const end = snap(text, Math.min(text.length, at + len));
      return { start: at, end, newText: x < 0.75 ? '' : piece() };
    },
  };
}

function key(d: Diagnostic): string {
  return JSON.stringify([
    d.range.start.line,
    d.range.start.character,
    d.range.end.line,
    d.range.end.character,
    d.code,
    d.severity,
    d.message,
    d.source,
    (d.relatedInformation ?? []).map((x) => [x.location.range, x.message]),
  ]);
}

function normalized(p: PublishDiagnosticsParams): string[] {
  return p.diagnostics.map(key).sort();
}

describe('language server: 1,000 random incremental edits', function () {
  this.timeout(120000);
  let c: TestClient;

  before(async () => {
    c = await TestClient.start({ locale: 'en', initializationOptions: { debounceMs: 0 } });
  });
  after(async () => {
    await c?.stop();
  });

  it(`stays alive; the final diagnostics equal a fresh check of the final text (seed ${SEED})`, async () => {
    const d = corpus('000');
    const uri = 'untitled:fuzz.speech';
    let text = d.text;
    const gen = generator(SEED, corpus('002').text);
    const texts = new Map<number, string>([[1, text]]);
    const mark = c.mark();
    c.open(uri, text, 1);

    let version = 1;
    let sent = 0;
    while (sent < EDITS) {
      // one to three changes per notification, each range on the text after the previous one
      const n = Math.min(EDITS - sent, 1 + Math.floor(rng(SEED + sent)() * 3));
      const changes: TextDocumentContentChangeEvent[] = [];
      for (let i = 0; i < n; i++) {
        const e = gen.next(text);
        const starts = lineStarts(text);
        changes.push({ range: { start: positionAt(starts, e.start), end: positionAt(starts, e.end) }, text: e.newText });
        text = text.slice(0, e.start) + e.newText + text.slice(e.end);
      }
      sent += n;
      version++;
      texts.set(version, text);
      c.change(uri, version, changes);
      // let the server interleave checks with the stream of edits now and then
      if (version % 50 === 0) await c.request('textDocument/documentSymbol', { textDocument: { uri } });
    }
    const last = version;

    // a command that waits for both phases of the current text: after its answer, the final publish has arrived
    const done = await c.request<CommandResult>('workspace/executeCommand', { command: ServerCommands.renumber, arguments: [uri] });
    assert.equal(typeof done.edits, 'number');
    assert.equal(c.exitCode, undefined, `the server is alive\n${c.stderr}`);
    const published = c.diagnostics.slice(mark).filter((p) => p.uri === uri);
    const final = published[published.length - 1];
    assert.equal(final.version, last, 'the last publish is for the last version');

    // every publish: a version that was sent, never going backwards, ranges inside that version's text
    let prev = 0;
    for (const p of published) {
      const v = p.version!;
      assert.ok(texts.has(v), `published version ${v} was sent`);
      assert.ok(v >= prev, `versions never go backwards (${prev} then ${v})`);
      prev = v;
      const t = texts.get(v)!;
      const starts = lineStarts(t);
      for (const diag of p.diagnostics) {
        for (const pos of [diag.range.start, diag.range.end, ...(diag.relatedInformation ?? []).flatMap((x) => [x.location.range.start, x.location.range.end])]) {
          assert.ok(pos.line >= 0 && pos.line < starts.length, `v${v} ${diag.code}: line ${pos.line} of ${starts.length}`);
          assert.ok(pos.character >= 0 && pos.character <= lineLength(t, starts, pos.line), `v${v} ${diag.code}: character ${pos.character} on line ${pos.line}`);
        }
      }
    }

    // a fresh check of the final text
    const fresh = 'untitled:fresh.speech';
    const mark2 = c.mark();
    c.open(fresh, text, 1);
    await c.request<CommandResult>('workspace/executeCommand', { command: ServerCommands.renumber, arguments: [fresh] });
    const freshPublished = c.diagnostics.slice(mark2).filter((p) => p.uri === fresh);
    const freshFinal = freshPublished[freshPublished.length - 1];
    assert.ok(freshFinal.diagnostics.length > 0, 'the final text has findings to compare');
    assert.deepEqual(normalized(final), normalized(freshFinal), 'incremental and fresh diagnostics are equal');

    // the server holds the same text for both: same stats, same symbols; and it still answers
    const [s1, s2] = await Promise.all([c.request<StatsResult>(Requests.stats, { uri }), c.request<StatsResult>(Requests.stats, { uri: fresh })]);
    assert.deepEqual(s1, s2);
    const [y1, y2] = await Promise.all([
      c.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } }),
      c.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: fresh } }),
    ]);
    assert.deepEqual(y1, y2);
    assert.equal(c.exitCode, undefined);
    assert.doesNotMatch(c.logs.map((l) => l.message).join('\n'), /failed|error/i, 'no rule or check failed');
    c.close(uri);
    c.close(fresh);
  });
});
