/**
 * speechlint/outline and the move-section command over a real JSON-RPC
 * connection (the server as a child process on stdio):
 * - the outline of corpus drafts: kinds, labels, markers, levels, lengths,
 *   ranges that point at the headings, problems and placeholders counted from
 *   the published diagnostics, updates after an edit;
 * - moving a section: the text after applying the workspace/applyEdit the
 *   server sends equals the expected draft byte for byte
 *   (test/fixtures/outline/move-*.txt), in one versioned edit (one undo
 *   step), and the renumbered result has no numbering finding.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ApplyWorkspaceEditParams, Diagnostic, TextDocumentEdit } from 'vscode-languageserver/node';
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { defaultConfig } from '../../server/src/core/config';
import { lint } from '../../server/src/core/lint';
import { parse } from '../../server/src/core/parse';
import { createRegistry } from '../../server/src/core/rules';
import type { LspRange, OutlineNode, OutlineResult } from '../../server/src/protocol';
import { Requests, ServerCommands } from '../../server/src/protocol';
import { ROOT, TestClient, applyLspEdits, corpus, fileUri, offsetAt, textAt } from './client';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'outline');
const read = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

function walk(nodes: readonly OutlineNode[], out: OutlineNode[] = []): OutlineNode[] {
  for (const n of nodes) {
    out.push(n);
    walk(n.children, out);
  }
  return out;
}

const sections = (nodes: readonly OutlineNode[]) => nodes.filter((n) => n.kind === 'section');

function isBefore(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function startsIn(d: Diagnostic, r: LspRange): boolean {
  return !isBefore(d.range.start, r.start) && isBefore(d.range.start, r.end);
}

function numberingFindings(text: string): string[] {
  const reg = createRegistry();
  return lint(parse(text), reg, defaultConfig(reg), { phase: 'fast' })
    .filter((f) => f.ruleId.startsWith('numbering/'))
    .map((f) => `${f.ruleId} ${text.slice(f.span.start, f.span.end)}`);
}

describe('speechlint/outline and moving sections over JSON-RPC', function () {
  this.timeout(60000);
  let c: TestClient;

  before(async () => {
    c = await TestClient.start({ locale: 'en', initializationOptions: { debounceMs: 0 } });
  });
  after(async () => {
    await c?.stop();
  });

  it('corpus 004: the tree, the ranges of the headings, the counts from the published diagnostics', async () => {
    const d = corpus('004');
    const mark = c.mark();
    c.open(d.uri, d.text);
    const pub = await c.waitForDiagnostics(d.uri, mark);
    const o = await c.request<OutlineResult>(Requests.outline, { uri: d.uri });
    assert.equal(o.uri, d.uri);
    assert.equal(o.version, 1);
    assert.equal(o.speakingRate, 220);
    assert.deepEqual(
      o.nodes.map((n) => n.kind),
      ['title', 'opening', 'section', 'section', 'section'],
    );
    const top = sections(o.nodes);
    assert.deepEqual(
      top.map((n) => [n.marker, n.label, n.level, n.chars]),
      [
        ['一、', '充分认识二十届三中会的重要意义', 1, 763],
        ['二、', '以更加奋发有为的精神状态推动全会精神落地落实', 1, 1621],
        ['三、', '在狠抓末端落实上出实招、求实效', 1, 211],
      ],
    );
    const subs = sections(top[1].children);
    assert.deepEqual(
      subs.map((n) => `${n.marker}${n.label}`),
      ['(一)经济运行', '(二)产业发展', '(三)园区建设', '(四)项目建设', '(五)科技创新', '(六)城市建设', '(七)营商环境'],
    );
    for (const n of subs) assert.equal(textAt(d.text, n.selectionRange), `${n.marker}${n.label}。`);
    assert.equal(textAt(d.text, top[0].selectionRange), '一、充分认识二十届三中会的重要意义');
    // seconds at the rate; the time axis runs forward
    assert.equal(o.totalChars, 2711);
    assert.ok(Math.abs(o.totalSeconds - (2711 * 60) / 220) < 0.1);
    const flat = walk(o.nodes).filter((n) => n.kind !== 'title');
    for (const n of flat) assert.ok(Math.abs(n.seconds - (n.chars * 60) / 220) < 0.1, n.label);
    const starts = flat.map((n) => n.startSeconds ?? -1);
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
    // placeholders and problems: the published diagnostics that start inside each node
    const placeholders = pub.diagnostics.filter((x) => String(x.code).startsWith('placeholder/'));
    assert.ok(placeholders.length >= 20);
    for (const n of walk(o.nodes)) {
      assert.equal(n.placeholders, placeholders.filter((x) => startsIn(x, n.range)).length, `placeholders of ${n.label}`);
      const problems = pub.diagnostics.filter((x) => !String(x.code).startsWith('placeholder/') && x.severity !== 4 && startsIn(x, n.range));
      assert.equal(n.problems, problems.length, `problems of ${n.label}`);
    }
    assert.ok(top[1].placeholders > 0);
    // the announcement and the series inside 三
    assert.deepEqual(
      top[2].children.map((n) => [n.kind, n.label, n.count]),
      [
        ['series', '一方面……另一方面', undefined],
        ['announcement', '五大体系', 5],
      ],
    );
    assert.equal(textAt(d.text, top[2].children[0].children[1].selectionRange), '另一方面');
    // asked again without a change: the same answer
    assert.deepEqual(await c.request<OutlineResult>(Requests.outline, { uri: d.uri }), o);
    c.close(d.uri);
  });

  it('corpus 000 and 002: series children, unnumbered sections and "01"', async () => {
    const d0 = corpus('000');
    const d2 = corpus('002');
    c.open(d0.uri, d0.text);
    c.open(d2.uri, d2.text);
    const o0 = await c.request<OutlineResult>(Requests.outline, { uri: d0.uri });
    assert.deepEqual(
      sections(o0.nodes).map((n) => [n.marker, n.children.map((x) => `${x.kind}:${x.children.length}`)]),
      [
        ['一、', []],
        ['二、', ['series:5']],
        ['三、', ['series:5']],
        ['四、', ['series:5']],
        ['五、', ['series:4']],
      ],
    );
    const item = sections(o0.nodes)[1].children[0].children[0];
    assert.equal(item.marker, '一是');
    assert.equal(textAt(d0.text, item.selectionRange), '一是');
    assert.ok(textAt(d0.text, item.range).startsWith('一是加强与高校'));
    const o2 = await c.request<OutlineResult>(Requests.outline, { uri: d2.uri });
    const top2 = sections(o2.nodes);
    assert.deepEqual(
      top2.map((n) => [n.marker ?? '', n.level]),
      [['', 0], ['', 0], ['', 0], ['', 0], ['', 0], ['01', 1]],
    );
    assert.equal(textAt(d2.text, top2[5].range).split('\n')[0], '01');
    assert.deepEqual(
      sections(top2[5].children).map((n) => n.marker),
      ['(一)', '(二)', '(三)'],
    );
    c.close(d0.uri);
    c.close(d2.uri);
  });

  it('follows edits: a new version, a new section, the speaking rate of the settings', async () => {
    const uri = fileUri(path.join(FIXTURES, 'edit.speech'));
    const text = read('move-source.txt');
    c.open(uri, text);
    const o1 = await c.request<OutlineResult>(Requests.outline, { uri });
    assert.equal(sections(o1.nodes).length, 3);
    const end = { line: text.split('\n').length - 1, character: 0 };
    c.change(uri, 2, [{ range: { start: end, end }, text: '\n四、抓好安全生产\n要守牢安全底线，确保不发生重大事故。\n' }]);
    const o2 = await c.request<OutlineResult>(Requests.outline, { uri });
    assert.equal(o2.version, 2);
    assert.deepEqual(
      sections(o2.nodes).map((n) => n.marker),
      ['一、', '二、', '三、', '四、'],
    );
    // a slower rate: longer times, same characters
    c.settings = { speakingRate: 180 };
    let mark = c.mark();
    c.notify('workspace/didChangeConfiguration', { settings: { speechlint: { speakingRate: 180 } } });
    let o3 = await c.request<OutlineResult>(Requests.outline, { uri });
    // the server re-checks after the change and publishes again: wait for that, not for a time
    for (let i = 0; i < 5 && o3.speakingRate !== 180; i++) {
      await c.waitForDiagnostics(uri, mark);
      mark = c.mark();
      o3 = await c.request<OutlineResult>(Requests.outline, { uri });
    }
    assert.equal(o3.speakingRate, 180);
    assert.equal(o3.totalChars, o2.totalChars);
    assert.ok(Math.abs(o3.totalSeconds - (o2.totalChars * 60) / 180) < 0.1);
    c.settings = {};
    const mark2 = c.mark();
    c.notify('workspace/didChangeConfiguration', { settings: { speechlint: {} } });
    await c.waitForDiagnostics(uri, mark2);
    c.close(uri);
  });

  async function move(name: string, text: string, needle: string, direction: 'up' | 'down'): Promise<{ after: string; params: ApplyWorkspaceEditParams }> {
    const uri = fileUri(path.join(FIXTURES, `${name}.speech`));
    const mark = c.mark();
    c.open(uri, text);
    await c.waitForDiagnostics(uri, mark);
    const pos = (() => {
      const off = text.indexOf(needle);
      assert.ok(off >= 0, needle);
      const lines = text.slice(0, off).split(/\r\n|\n/);
      return { line: lines.length - 1, character: lines[lines.length - 1].length };
    })();
    assert.equal(offsetAt(text, pos), text.indexOf(needle));
    const applied = c.applied.length;
    const r = await c.request<{ applied: boolean; edits: number }>('workspace/executeCommand', {
      command: ServerCommands.moveSection,
      arguments: [uri, pos.line, pos.character, direction],
    });
    assert.equal(r.applied, true);
    assert.equal(c.applied.length, applied + 1, 'one workspace/applyEdit');
    const params = c.applied[applied];
    const changes = params.edit.documentChanges as TextDocumentEdit[];
    assert.equal(changes.length, 1, 'one document edit: one undo step');
    assert.equal(changes[0].textDocument.uri, uri);
    assert.equal(changes[0].textDocument.version, 1);
    const after = applyLspEdits(text, changes[0].edits);
    c.close(uri);
    return { after, params };
  }

  const cases: [string, string, 'up' | 'down', string][] = [
    ['move-first-down', '一、清醒认识', 'down', 'move-first-down.expected.txt'],
    ['move-sub-up', '（三）抓民生', 'up', 'move-sub-up.expected.txt'],
    ['move-last-up', '三、切实加强', 'up', 'move-last-up.expected.txt'],
  ];
  for (const [name, needle, dir, expected] of cases) {
    it(`moveSection ${name}: byte for byte, renumbered, no numbering finding`, async () => {
      const source = read('move-source.txt');
      assert.deepEqual(numberingFindings(source), []);
      const { after, params } = await move(name, source, needle, dir);
      assert.equal(after, read(expected));
      assert.deepEqual(numberingFindings(after), []);
      assert.equal(params.label, 'Move section');
    });
  }

  it('moveSection with CRLF line breaks keeps them', async () => {
    const source = read('move-source.txt').replace(/\n/g, '\r\n');
    const { after } = await move('move-crlf', source, '（三）抓民生', 'up');
    assert.equal(after, read('move-sub-up.expected.txt').replace(/\n/g, '\r\n'));
  });

  it('moveSection on corpus 004: (七) up among its siblings, the rest untouched', async () => {
    const d = corpus('004');
    const { after } = await move('move-004', d.text, '(七)营商环境', 'up');
    assert.equal(after, read('move-004-seven-up.expected.txt'));
    assert.deepEqual(numberingFindings(after), []);
    // the outline of the result: 营商环境 is (六) now, 城市建设 (七)
    const uri = fileUri(path.join(FIXTURES, 'move-004-after.speech'));
    c.open(uri, after);
    const o = await c.request<OutlineResult>(Requests.outline, { uri });
    assert.deepEqual(
      sections(sections(o.nodes)[1].children)
        .slice(5)
        .map((n) => `${n.marker}${n.label}`),
      ['(六)营商环境', '(七)城市建设'],
    );
    c.close(uri);
  });

  it('no sibling to swap with: no edit; bad requests are refused', async () => {
    const uri = fileUri(path.join(FIXTURES, 'edge.speech'));
    const text = read('move-source.txt');
    c.open(uri, text);
    const applied = c.applied.length;
    const line = text.split('\n').indexOf('一、清醒认识当前形势');
    const r = await c.request<{ applied: boolean; edits: number }>('workspace/executeCommand', { command: ServerCommands.moveSection, arguments: [uri, line, 0, 'up'] });
    assert.deepEqual(r, { applied: false, edits: 0 });
    assert.equal(c.applied.length, applied);
    await assert.rejects(c.request(Requests.outline, { uri: 'file:///nowhere/x.speech' }), (e: unknown) => e instanceof ResponseError && e.code === ErrorCodes.InvalidParams);
    await assert.rejects(c.request(Requests.outline, {}), (e: unknown) => e instanceof ResponseError && e.code === ErrorCodes.InvalidParams);
    c.close(uri);
  });
});
