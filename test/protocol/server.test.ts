/**
 * The language server over a real JSON-RPC connection (child process, stdio):
 * capabilities, diagnostics, incremental sync, symbols, folding, code actions,
 * commands, custom requests, and garbage that must not take it down.
 *
 * The server runs with SPEECHLINT_TEST_RULES=1, which adds two test-only rules
 * (server/src/test-rules.ts): `balance/test-fixable` (a half-width comma
 * between Han characters, with a safe fix) and `repetition/test-segmented`
 * (reports the jieba token 深化改革).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, DocumentSymbol, FoldingRange, TextDocumentEdit } from 'vscode-languageserver/node';
import { ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { MAX_FINDINGS_PER_RULE } from '../../server/src/core/cap';
import { defaultConfig } from '../../server/src/core/config';
import { ruleDocUrl } from '../../server/src/core/docs';
import { lint } from '../../server/src/core/lint';
import { parse } from '../../server/src/core/parse';
import { createRegistry } from '../../server/src/core/rules';
import type { PlaceholdersResult, StatsResult } from '../../server/src/protocol';
import { Requests, ServerCommands } from '../../server/src/protocol';
import { ROOT, TestClient, applyLspEdits, codes, corpus, offsetAt, textAt } from './client';

const MARKER = 'placeholder/marker';
const FIXABLE = 'balance/test-fixable';
const SEGMENTED = 'repetition/test-segmented';
const TEST_ENV = { SPEECHLINT_TEST_RULES: '1' };

/** The placeholder/marker findings core lint() gives for a text, as [start, end] offsets. */
function expectedMarkers(text: string): [number, number][] {
  const reg = createRegistry();
  return lint(parse(text), reg, defaultConfig(reg), { only: [MARKER] }).map((f) => [f.span.start, f.span.end]);
}

describe('language server over JSON-RPC (stdio)', function () {
  this.timeout(60000);
  let c: TestClient;
  const d004 = corpus('004');

  before(async () => {
    c = await TestClient.start({ locale: 'en', env: TEST_ENV, initializationOptions: { debounceMs: 0 } });
  });
  after(async () => {
    await c?.stop();
  });

  it('initialize: incremental sync, symbols, folding, code actions and the server commands', () => {
    const caps = c.initializeResult.capabilities;
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
    assert.ok(caps.documentSymbolProvider);
    assert.equal(caps.foldingRangeProvider, true);
    const kinds = (caps.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds;
    assert.deepEqual(kinds, ['quickfix', 'source.fixAll.speechlint']);
    assert.deepEqual(caps.executeCommandProvider?.commands, Object.values(ServerCommands));
    assert.equal(c.initializeResult.serverInfo?.name, 'speechlint');
    assert.equal(c.initializeResult.serverInfo?.version, (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
  });

  it('didOpen publishes the placeholder diagnostics of corpus 004, converted from the core findings', async () => {
    const mark = c.mark();
    c.open(d004.uri, d004.text);
    const p = await c.waitForDiagnostics(d004.uri, mark);
    assert.equal(p.version, 1);
    const markers = codes(p, MARKER);
    const expected = expectedMarkers(d004.text);
    assert.ok(expected.length >= 20, `corpus 004 is full of × placeholders (${expected.length})`);
    assert.equal(markers.length, expected.length);
    markers.forEach((d, i) => {
      assert.equal(d.source, 'speechlint');
      assert.equal(d.codeDescription?.href, ruleDocUrl(MARKER));
      assert.equal(d.codeDescription?.href, 'https://github.com/speechlint/speechlint#rule-placeholder-marker');
      assert.equal(d.severity, 3, 'placeholders are information in draft mode');
      assert.deepEqual([offsetAt(d004.text, d.range.start), offsetAt(d004.text, d.range.end)], expected[i]);
      const t = textAt(d004.text, d.range);
      assert.match(t, /^(×+|[Xx]{2,})$/);
      assert.equal(d.message, `Placeholder "${t}" has not been filled in`);
    });
    // the first × of the draft: "我们×区学习的重要意义" on line 5 (0-based 4)
    const first = markers.find((d) => textAt(d004.text, d.range) === '×')!;
    assert.ok(d004.text.split('\n')[first.range.start.line].includes('×区'));
  });

  it('publishes the segmented findings (worker, jieba) after the fast ones, together with them', async () => {
    const first = c.diagnostics.find((p) => p.uri === d004.uri)!;
    assert.equal(codes(first, SEGMENTED).length, 0, 'the first publish is the fast phase');
    const p = await c.waitForDiagnostics(d004.uri, 0, (x) => codes(x, SEGMENTED).length > 0);
    assert.equal(p.version, 1);
    for (const d of codes(p, SEGMENTED)) assert.equal(textAt(d004.text, d.range), '深化改革');
    assert.ok(codes(p, SEGMENTED).length >= 3);
    assert.equal(codes(p, MARKER).length, codes(first, MARKER).length, 'the fast findings are published again with them');
  });

  it('didChange (incremental) publishes updated diagnostics for the new version, carrying the segmented ones', async () => {
    await c.waitForDiagnostics(d004.uri, 0, (x) => codes(x, SEGMENTED).length > 0);
    const lines = d004.text.split('\n');
    // insert "XX" at the start of line 3 (一、充分认识…) and delete the first "×区" two lines later
    const insertAt = { line: 3, character: 0 };
    const line7 = 6;
    const col = lines[line7].indexOf('×');
    assert.ok(col >= 0);
    const mark = c.mark();
    c.change(d004.uri, 2, [
      { range: { start: insertAt, end: insertAt }, text: 'XX' },
      { range: { start: { line: line7, character: col }, end: { line: line7, character: col + 1 } }, text: '' },
    ]);
    let text = d004.text;
    const o1 = offsetAt(text, insertAt);
    text = text.slice(0, o1) + 'XX' + text.slice(o1);
    const o2 = offsetAt(text, { line: line7, character: col });
    assert.equal(text[o2], '×');
    text = text.slice(0, o2) + text.slice(o2 + 1);

    const p = await c.waitForDiagnostics(d004.uri, mark, (x) => x.version === 2);
    const markers = codes(p, MARKER);
    assert.deepEqual(
      markers.map((d) => [offsetAt(text, d.range.start), offsetAt(text, d.range.end)]),
      expectedMarkers(text),
    );
    assert.ok(markers.some((d) => d.range.start.line === 3 && d.range.start.character === 0 && textAt(text, d.range) === 'XX'));
    // every publish of version 2, the fast one included, shows the segmented findings at their new places
    const seg = await c.waitForDiagnostics(d004.uri, mark, (x) => x.version === 2 && codes(x, SEGMENTED).length > 0);
    for (const d of codes(seg, SEGMENTED)) assert.equal(textAt(text, d.range), '深化改革');
    for (const x of c.diagnostics.slice(mark).filter((x) => x.uri === d004.uri && x.version === 2)) {
      assert.ok(codes(x, SEGMENTED).length > 0, 'no flicker: segmented findings are carried across the edit');
      for (const d of codes(x, SEGMENTED)) assert.equal(textAt(text, d.range), '深化改革');
    }
    // back to the original text for the next tests
    const mark2 = c.mark();
    c.change(d004.uri, 3, [{ text: d004.text }]);
    await c.waitForDiagnostics(d004.uri, mark2, (x) => x.version === 3 && codes(x, SEGMENTED).length > 0);
  });

  it('documentSymbol: title, 一、二、三 with （一）…（七） under 二, character counts, nested ranges', async () => {
    const syms = await c.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: d004.uri } });
    assert.deepEqual(
      syms.map((s) => s.name),
      ['县委书记在传达二十届三中全会精神会议上的讲话', '一、充分认识二十届三中会的重要意义', '二、以更加奋发有为的精神状态推动全会精神落地落实', '三、在狠抓末端落实上出实招、求实效'],
    );
    assert.deepEqual(
      syms.map((s) => s.kind),
      [1, 2, 2, 2], // File, Module ×3
    );
    const two = syms[2];
    assert.deepEqual(
      two.children!.map((s) => s.name),
      ['(一)经济运行', '(二)产业发展', '(三)园区建设', '(四)项目建设', '(五)科技创新', '(六)城市建设', '(七)营商环境'],
    );
    assert.ok(two.children!.every((s) => s.kind === 5)); // Class
    assert.equal(syms[1].children!.length, 0);
    for (const s of syms) assert.match(s.detail!, /^\d{1,3}(,\d{3})* chars$/);
    assert.match(two.detail!, /^1,\d{3} chars$/);
    // selection = the heading; range = the whole section
    assert.ok(textAt(d004.text, two.selectionRange).startsWith('二、以更加奋发有为'));
    assert.ok(textAt(d004.text, two.range).startsWith('二、'));
    assert.ok(textAt(d004.text, two.range).includes('(七)营商环境'));
    assert.ok(!textAt(d004.text, two.range).includes('三、在狠抓末端落实'));
    for (const child of two.children!) {
      assert.ok(child.range.start.line >= two.range.start.line && child.range.end.line <= two.range.end.line);
      assert.ok(textAt(d004.text, child.selectionRange).startsWith(child.name.slice(0, 3)));
    }
  });

  it('foldingRange: one region per multi-line section', async () => {
    const ranges = await c.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: d004.uri } });
    const lines = d004.text.split('\n');
    const headingLines = (re: RegExp) => lines.map((l, i) => (re.test(l) ? i : -1)).filter((i) => i >= 0);
    assert.deepEqual(
      ranges.map((r) => r.startLine),
      headingLines(/^[一二三]、/),
      'the 一、二、三 sections span several lines; the inline (一)… sections are one line each',
    );
    for (const r of ranges) {
      assert.equal(r.kind, 'region');
      assert.ok(r.endLine > r.startLine);
    }
    assert.equal(ranges[1].endLine, ranges[2].startLine - 1);
  });

  it('codeAction: the fix (preferred), fix all of the rule, disable for this line', async () => {
    const cur = (await c.waitForDiagnostics(d004.uri, 0, (x) => x.version === 3 && codes(x, SEGMENTED).length > 0)).diagnostics;
    // a half-width comma on a line that also holds a placeholder
    const target = cur.find((d) => d.code === FIXABLE && cur.some((m) => m.code === MARKER && m.range.start.line === d.range.start.line))!;
    assert.ok(target, 'corpus 004 has half-width commas between Han characters, next to placeholders');
    const actions = await c.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: d004.uri },
      range: target.range,
      context: { diagnostics: [target] },
    });
    const fix = actions.find((a) => a.title === 'Use a full-width comma')!;
    assert.ok(fix);
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(fix.diagnostics, [target]);
    const fixEdit = fix.edit!.documentChanges![0] as TextDocumentEdit;
    assert.deepEqual(fixEdit.textDocument, { uri: d004.uri, version: 3 });
    assert.deepEqual(fixEdit.edits, [{ range: target.range, newText: '，' }]);

    const all = actions.find((a) => a.title === `Fix all ${FIXABLE} problems`)!;
    assert.ok(all, 'fix all of the rule is offered when it has several fixable findings');
    const allEdits = (all.edit!.documentChanges![0] as TextDocumentEdit).edits;
    assert.equal(allEdits.length, cur.filter((d) => d.code === FIXABLE).length);
    const fixed = applyLspEdits(d004.text, allEdits);
    assert.ok(!/[\u4e00-\u9fff],[\u4e00-\u9fff]/.test(fixed));

    const disable = actions.find((a) => a.title === `Disable ${FIXABLE} for this line`)!;
    assert.ok(disable);
    const de = (disable.edit!.documentChanges![0] as TextDocumentEdit).edits;
    assert.equal(de.length, 1);
    assert.deepEqual(de[0].range, { start: { line: target.range.start.line, character: 0 }, end: { line: target.range.start.line, character: 0 } });
    assert.equal(de[0].newText, `<!-- speechlint-disable-next-line ${FIXABLE} -->\n`);

    // applying the disable edit silences the rule on that line, and only there
    const line = target.range.start.line;
    const onLine = cur.filter((d) => d.code === FIXABLE && d.range.start.line === line).length;
    const mark = c.mark();
    c.change(d004.uri, 4, [{ range: de[0].range, text: de[0].newText }]);
    const p = await c.waitForDiagnostics(d004.uri, mark, (x) => x.version === 4);
    assert.equal(codes(p, FIXABLE).filter((d) => d.range.start.line === line + 1).length, 0);
    assert.equal(codes(p, FIXABLE).length, cur.filter((d) => d.code === FIXABLE).length - onLine);

    // a second rule on the same line is added to the existing comment
    const placeholderLine = codes(p, MARKER).find((d) => d.range.start.line === line + 1)!;
    assert.ok(placeholderLine);
    const acts = await c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: d004.uri }, range: placeholderLine.range, context: { diagnostics: [] } });
    const dis = acts.find((a) => a.title === `Disable ${MARKER} for this line`)!;
    const e = (dis.edit!.documentChanges![0] as TextDocumentEdit).edits[0];
    assert.equal(e.newText, `, ${MARKER}`);
    const withBoth = applyLspEdits(applyLspEdits(d004.text, de), [e]).split('\n')[line];
    assert.equal(withBoth, `<!-- speechlint-disable-next-line ${FIXABLE}, ${MARKER} -->`);
    const mark2 = c.mark();
    c.change(d004.uri, 5, [{ text: d004.text }]);
    await c.waitForDiagnostics(d004.uri, mark2, (x) => x.version === 5);
  });

  it('codeAction with only source.fixAll: one source.fixAll.speechlint action with every safe fix', async () => {
    const actions = await c.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: d004.uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.speechlint');
    assert.equal(actions[0].title, 'Fix all speechlint problems');
    const edits = (actions[0].edit!.documentChanges![0] as TextDocumentEdit).edits;
    assert.ok(edits.length > 10);
  });

  it('disable-line on a CRLF draft keeps the indentation and the CRLF line break', async () => {
    const uri = 'untitled:crlf.speech';
    const text = '标题\r\n\u3000\u3000今年实现收入XX亿元。\r\n';
    const mark = c.mark();
    c.open(uri, text);
    const p = await c.waitForDiagnostics(uri, mark);
    const d = codes(p, MARKER)[0];
    assert.equal(textAt(text, d.range), 'XX');
    const actions = await c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    const dis = actions.find((a) => a.title === `Disable ${MARKER} for this line`)!;
    const e = (dis.edit!.documentChanges![0] as TextDocumentEdit).edits[0];
    assert.deepEqual(e.range.start, { line: 1, character: 0 });
    assert.equal(e.newText, `\u3000\u3000<!-- speechlint-disable-next-line ${MARKER} -->\r\n`);
    const after = applyLspEdits(text, [e]);
    const mark2 = c.mark();
    c.change(uri, 2, [{ range: e.range, text: e.newText }]);
    const p2 = await c.waitForDiagnostics(uri, mark2, (x) => x.version === 2);
    assert.equal(codes(p2, MARKER).length, 0, `suppressed in:\n${after}`);
    c.close(uri);
  });

  it('executeCommand fixAll / fixAllOfRule send a versioned workspace/applyEdit', async () => {
    const uri = 'untitled:fix.speech';
    const text = '关于工作的讲话\n一、总体要求\n我们要抓好落实,推动发展,确保成效。\n二、重点任务\n要加强领导,压实责任。\n';
    const mark = c.mark();
    c.open(uri, text, 7);
    await c.waitForDiagnostics(uri, mark);
    const before = c.applied.length;
    const r = await c.request<{ applied: boolean; edits: number }>('workspace/executeCommand', { command: ServerCommands.fixAllOfRule, arguments: [uri, FIXABLE] });
    assert.deepEqual(r, { applied: true, edits: 3 });
    assert.equal(c.applied.length, before + 1);
    const tde = c.applied[before].edit.documentChanges![0] as TextDocumentEdit;
    assert.deepEqual(tde.textDocument, { uri, version: 7 });
    assert.equal(applyLspEdits(text, tde.edits), text.replace(/,/g, '，'));

    const r2 = await c.request<{ applied: boolean; edits: number }>('workspace/executeCommand', { command: ServerCommands.fixAll, arguments: [uri] });
    assert.equal(r2.applied, true);
    const all = c.applied[before + 1].edit.documentChanges![0] as TextDocumentEdit;
    assert.ok(!applyLspEdits(text, all.edits).includes(','));
    c.close(uri);
  });

  it('executeCommand renumber: a versioned edit that renumbers the headings', async () => {
    const uri = 'untitled:renumber.speech';
    const text = '关于工作的讲话\n一、总体要求\n我们要抓好落实。\n三、重点任务\n要加强领导。\n';
    const mark = c.mark();
    c.open(uri, text, 3);
    await c.waitForDiagnostics(uri, mark);
    const before = c.applied.length;
    const r = await c.request<{ applied: boolean }>('workspace/executeCommand', { command: ServerCommands.renumber, arguments: [uri] });
    assert.equal(r.applied, true);
    const tde = c.applied[before].edit.documentChanges![0] as TextDocumentEdit;
    assert.equal(tde.textDocument.version, 3);
    assert.equal(applyLspEdits(text, tde.edits), text.replace('三、', '二、'));
    c.close(uri);
  });

  it('executeCommand cleanPasted and joinBrokenLines: one versioned edit each', async () => {
    const uri = 'untitled:pasted.speech';
    const text =
      '市委书记在全市领导干部警示教育大会上\n的讲话\n今天我们召开全市领导干部警示教育大会，主要目的是\n深入贯彻落实关于全面从严治党的重要论述和系列重要指\n示精神，深刻汲取近期发生在我们身边的沉痛教训。\n下面，就贯彻落实本次会议精第1页共4页神，我讲三点意见。\n预览结束,会员登录后免费立即下载\n';
    const mark = c.mark();
    c.open(uri, text, 5);
    const p = await c.waitForDiagnostics(uri, mark);
    for (const rule of ['residue/line', 'residue/inline', 'residue/broken-lines']) assert.ok(codes(p, rule).length > 0, rule);
    const before = c.applied.length;
    const j = await c.request<{ applied: boolean; edits: number }>('workspace/executeCommand', { command: ServerCommands.joinBrokenLines, arguments: [uri] });
    assert.deepEqual(j, { applied: true, edits: 3 });
    const joined = applyLspEdits(text, (c.applied[before].edit.documentChanges![0] as TextDocumentEdit).edits);
    assert.ok(joined.startsWith('市委书记在全市领导干部警示教育大会上的讲话\n今天我们召开全市领导干部警示教育大会，主要目的是深入贯彻'), joined);
    assert.ok(joined.includes('第1页共4页') && joined.includes('预览结束'), 'join touches nothing else');
    const r = await c.request<{ applied: boolean; edits: number }>('workspace/executeCommand', { command: ServerCommands.cleanPasted, arguments: [uri] });
    assert.equal(r.applied, true);
    const tde = c.applied[before + 1].edit.documentChanges![0] as TextDocumentEdit;
    assert.equal(tde.textDocument.version, 5);
    assert.equal(
      applyLspEdits(text, tde.edits),
      '市委书记在全市领导干部警示教育大会上的讲话\n今天我们召开全市领导干部警示教育大会，主要目的是深入贯彻落实关于全面从严治党的重要论述和系列重要指示精神，深刻汲取近期发生在我们身边的沉痛教训。\n下面，就贯彻落实本次会议精神，我讲三点意见。\n',
    );
    c.close(uri);
  });

  it('fillPreview, fillPlaceholder and moveSection: previews and versioned edits', async () => {
    const uri = 'untitled:fill.speech';
    const text = '关于工作的讲话\n一、总体要求\n实现收入XX亿元，增长XX%。\n二、重点任务\n确保收入XX亿元。\n';
    const mark = c.mark();
    c.open(uri, text, 4);
    await c.waitForDiagnostics(uri, mark);
    const at = { line: 2, character: 5 }; // inside the first XX
    const prev = await c.request<{ text?: string; ranges: { start: { line: number; character: number } }[] }>(Requests.fillPreview, { uri, position: at });
    assert.equal(prev.text, 'XX');
    assert.deepEqual(
      prev.ranges.map((r) => r.start),
      [
        { line: 2, character: 4 },
        { line: 4, character: 4 },
      ],
      'the XX before 亿元, not the XX before %',
    );
    const before = c.applied.length;
    const r = await c.request<{ applied: boolean; edits: number }>('workspace/executeCommand', { command: ServerCommands.fillPlaceholder, arguments: [uri, at.line, at.character, '12.6'] });
    assert.deepEqual(r, { applied: true, edits: 2 });
    const fill = c.applied[before].edit.documentChanges![0] as TextDocumentEdit;
    assert.equal(fill.textDocument.version, 4);
    assert.equal(applyLspEdits(text, fill.edits), text.replace(/XX亿元/g, '12.6亿元'));

    const r2 = await c.request<{ applied: boolean }>('workspace/executeCommand', { command: ServerCommands.moveSection, arguments: [uri, 3, 0, 'up'] });
    assert.equal(r2.applied, true);
    const move = c.applied[before + 1].edit.documentChanges![0] as TextDocumentEdit;
    assert.equal(applyLspEdits(text, move.edits), '关于工作的讲话\n一、重点任务\n确保收入XX亿元。\n二、总体要求\n实现收入XX亿元，增长XX%。\n');
    c.close(uri);
  });

  it('moveSection, fillPlaceholder, fillPreview and codeAction refuse a position the text moved away from while they waited (ContentModified); nothing is applied', async () => {
    const text = '关于工作的讲话\n一、总体要求\n实现收入XX亿元。\n二、重点任务\n确保增长XX%。\n三、保障措施\n加强领导。\n';
    const insert = [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '同志们：\n' }];
    for (const [command, args] of [
      [ServerCommands.moveSection, [3, 0, 'up']], // 二、 — after the change, line 3 is the body of 一、
      [ServerCommands.fillPlaceholder, [2, 5, '12.6']], // XX亿元 — after the change, line 2 is 一、总体要求
    ] as const) {
      const uri = `untitled:race-${command}.speech`;
      const before = c.applied.length;
      // sent back to back: the command waits for the document's first check (and its settings), and the change lands meanwhile
      c.open(uri, text, 1);
      const pending = c.request('workspace/executeCommand', { command, arguments: [uri, ...args] });
      c.change(uri, 2, insert);
      await assert.rejects(pending, (e: unknown) => e instanceof ResponseError && e.code === LSPErrorCodes.ContentModified);
      assert.equal(c.applied.length, before, 'no edit sent');
      // asked again for the new text, it is done
      const again = await c.request<{ applied: boolean }>('workspace/executeCommand', { command, arguments: [uri, args[0] + 1, ...args.slice(1)] });
      assert.equal(again.applied, true);
      const tde = c.applied[before].edit.documentChanges![0] as TextDocumentEdit;
      assert.equal(tde.textDocument.version, 2);
      const now = text.replace('\n', '\n同志们：\n');
      const done = applyLspEdits(now, tde.edits);
      assert.equal(done, command === ServerCommands.moveSection ? now.replace('一、总体要求\n实现收入XX亿元。\n二、重点任务\n确保增长XX%。\n', '一、重点任务\n确保增长XX%。\n二、总体要求\n实现收入XX亿元。\n') : now.replace('XX亿元', '12.6亿元'));
      c.close(uri);
    }
    // the same for the requests that carry a position or a range: fill preview, code actions
    for (const [method, params] of [
      [Requests.fillPreview, (uri: string) => ({ uri, position: { line: 2, character: 5 } })],
      ['textDocument/codeAction', (uri: string) => ({ textDocument: { uri }, range: { start: { line: 2, character: 4 }, end: { line: 2, character: 6 } }, context: { diagnostics: [] } })],
    ] as const) {
      const uri = `untitled:race-${method.replace('/', '-')}.speech`;
      c.open(uri, text, 1);
      const pending = c.request(method, params(uri));
      c.change(uri, 2, insert);
      await assert.rejects(pending, (e: unknown) => e instanceof ResponseError && e.code === LSPErrorCodes.ContentModified, method);
      c.close(uri);
    }
  });

  it('speechlint/stats and speechlint/placeholders answer from the current findings', async () => {
    const uri = 'untitled:stats.speech';
    const text = '讲话\n今年收入XX亿元，增长×%。【此处填写XX数据】\n网站客服：联系我们\n';
    const mark = c.mark();
    c.open(uri, text);
    await c.waitForDiagnostics(uri, mark);
    const s = await c.request<StatsResult>(Requests.stats, { uri });
    assert.equal(s.speakingRate, 220);
    assert.equal(s.mode, 'draft');
    assert.equal(s.placeholders, 3, 'XX inside 【此处填写XX数据】 is counted once, as in the list');
    const doc = parse(text);
    assert.equal(s.chars, doc.spokenChars);
    assert.equal(s.seconds, Math.round((doc.spokenChars * 60) / 220));
    // a selection: the second line only
    const sel = await c.request<StatsResult>(Requests.stats, { uri, ranges: [{ start: { line: 1, character: 0 }, end: { line: 1, character: 4 } }] });
    assert.equal(sel.chars, 4); // 今年收入
    assert.equal(sel.placeholders, 0);
    const ph = await c.request<PlaceholdersResult>(Requests.placeholders, { uri });
    assert.equal(ph.uri, uri);
    assert.equal(ph.version, 1);
    assert.deepEqual(
      ph.items.map((i) => [i.text, i.ruleId, textAt(text, i.range)]),
      [
        ['XX', MARKER, 'XX'],
        ['×', MARKER, '×'],
        ['【此处填写XX数据】', 'placeholder/instruction', '【此处填写XX数据】'],
      ],
    );
    assert.equal(ph.items[0].before, '今年收入');
    c.close(uri);
  });

  it('garbage does not take the server down: bad URIs, unknown documents, bad arguments, odd text', async () => {
    assert.equal(await c.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///nowhere/x.speech' } }), null);
    assert.equal(await c.request('textDocument/foldingRange', { textDocument: { uri: '::not a uri::' } }), null);
    assert.equal(
      await c.request('textDocument/codeAction', { textDocument: { uri: 'nope' }, range: { start: { line: -5, character: 1e9 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }),
      null,
    );
    const rejects = async (method: string, params: unknown, code: number) => {
      await assert.rejects(c.request(method, params), (e: unknown) => e instanceof ResponseError && e.code === code);
    };
    await rejects(Requests.stats, { uri: 'file:///nowhere/x.speech' }, ErrorCodes.InvalidParams);
    await rejects(Requests.stats, null, ErrorCodes.InvalidParams);
    await rejects(Requests.placeholders, { uri: 42 }, ErrorCodes.InvalidParams);
    await rejects('workspace/executeCommand', { command: 'speechlint.server.nope', arguments: [] }, ErrorCodes.InvalidParams);
    await rejects('workspace/executeCommand', { command: 'constructor', arguments: [d004.uri] }, ErrorCodes.InvalidParams);
    await rejects('workspace/executeCommand', { command: ServerCommands.fixAll }, ErrorCodes.InvalidParams);
    await rejects('workspace/executeCommand', { command: ServerCommands.fixAll, arguments: ['file:///nowhere/x.speech'] }, ErrorCodes.InvalidParams);
    await rejects('workspace/executeCommand', { command: ServerCommands.moveSection, arguments: [d004.uri, 0, 0, 'sideways'] }, ErrorCodes.InvalidParams);
    await rejects(Requests.fillPreview, { uri: d004.uri, position: { line: 0, character: 1.5 } }, ErrorCodes.InvalidParams);
    await rejects(Requests.fillPreview, { uri: d004.uri, position: { line: -1, character: 2 } }, ErrorCodes.InvalidParams);
    assert.equal(await c.request('textDocument/documentSymbol', { textDocument: null }), null);
    // an open document, a code action request with garbage in its context and range: answered, not an error
    const garbageContexts = [
      { range: null, context: { diagnostics: [null, { range: {} }, 7], only: 'quickfix' } },
      { range: { start: { line: 0, character: 0 } }, context: { diagnostics: { not: 'an array' } } },
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, context: null },
    ];
    for (const g of garbageContexts) {
      const actions = await c.request<CodeAction[] | null>('textDocument/codeAction', { textDocument: { uri: d004.uri }, ...g });
      assert.ok(Array.isArray(actions), JSON.stringify(g));
    }
    assert.ok(!c.logs.some((l) => l.message.includes('codeAction failed')), c.logs.map((l) => l.message).join('\n'));
    assert.equal(await c.request('textDocument/hover', { textDocument: { uri: d004.uri }, position: { line: 0, character: -3 } }), null);
    c.notify('textDocument/didChange', { textDocument: { uri: 'file:///nowhere/x.speech', version: 9 }, contentChanges: [{ text: 'x' }] });
    c.notify('textDocument/didOpen', { textDocument: { uri: 'file:///bad.speech', languageId: 'speech', version: 1, text: null } });
    c.notify('textDocument/didClose', { textDocument: { uri: 'file:///never-opened.speech' } });
    c.notify('workspace/didChangeWatchedFiles', { changes: null });

    // odd text: BOM, NUL, lone surrogates, emoji, CR-only line breaks, a long line
    const uri = 'untitled:odd.speech';
    const odd = '\ufeff标题\r一、XX\u0000😀\ud800正文\udc00。\r\n' + '长'.repeat(20000) + 'XX\n';
    const mark = c.mark();
    c.open(uri, odd);
    const p = await c.waitForDiagnostics(uri, mark);
    for (const d of p.diagnostics) {
      const s = offsetAt(odd, d.range.start);
      const e = offsetAt(odd, d.range.end);
      assert.ok(s >= 0 && s <= e && e <= odd.length);
    }
    assert.equal(codes(p, MARKER).length, 2);
    // an edit with a range past the end of the text is clamped, not fatal
    const mark2 = c.mark();
    c.change(uri, 2, [{ range: { start: { line: 99, character: 99 }, end: { line: 120, character: 0 } }, text: 'XX' }]);
    await c.waitForDiagnostics(uri, mark2, (x) => x.version === 2);
    c.close(uri);

    // still alive and correct
    const syms = await c.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: d004.uri } });
    assert.equal(syms.length, 4);
    assert.equal(c.exitCode, undefined);
  });

  it('a malformed didChange (a range without an end, a change without text, null params): the document is dropped, never edited at a guess', async () => {
    c.notify('textDocument/didChange', null);
    c.notify('textDocument/didClose', { textDocument: null });
    const rejects = async (method: string, params: unknown) => {
      await assert.rejects(c.request(method, params), (e: unknown) => e instanceof ResponseError && e.code === ErrorCodes.InvalidParams);
    };
    for (const bad of [
      [{ range: { start: { line: 0, character: 0 } }, text: 'X' }],
      [{ range: { start: { line: 0, character: 1.5 }, end: { line: 0, character: 2 } }, text: 'X' }],
      [{ range: null, text: '全文' }, { text: null }],
      [null],
    ]) {
      const uri = 'untitled:malformed.speech';
      const text = '收入XX亿元，支出XX亿元。\n';
      const mark = c.mark();
      c.open(uri, text);
      await c.waitForDiagnostics(uri, mark, (p) => codes(p, MARKER).length === 2);
      const mark2 = c.mark();
      const logs = c.logs.length;
      // a good change first, then the malformed one: nothing of the notification is applied halfway
      c.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '今年' }, ...(bad as never[])]);
      await c.waitFor(() => c.logs.slice(logs).find((l) => l.message.includes(`didChange for ${uri}: malformed content change`)), 'the warning');
      // after a round trip, everything the server sent before has arrived
      assert.equal(await c.request('textDocument/documentSymbol', { textDocument: { uri } }), null);
      const after = c.diagnostics.slice(mark2).filter((p) => p.uri === uri);
      assert.deepEqual(after[after.length - 1]?.diagnostics, [], `cleared: ${JSON.stringify(bad)}`);
      assert.ok(!after.some((p) => p.version === 2), 'nothing published for a half-applied text');
      // the server no longer claims to know the text: no fixes, no ranges
      assert.equal(await c.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } }, context: { diagnostics: [] } }), null);
      await rejects('workspace/executeCommand', { command: ServerCommands.fixAll, arguments: [uri] });
      await rejects(Requests.placeholders, { uri });
      // opened again, it is checked again
      const mark3 = c.mark();
      c.open(uri, text, 3);
      await c.waitForDiagnostics(uri, mark3, (p) => codes(p, MARKER).length === 2);
      c.close(uri);
    }
    assert.ok(!c.logs.some((l) => /didChange failed|didClose failed/.test(l.message)), 'odd params are not errors of the server');
    assert.equal(c.exitCode, undefined);
  });

  it('a very large draft (fast phase in a worker): requests are answered meanwhile, diagnostics match the core', async () => {
    const uri = 'untitled:large.speech';
    let text = '';
    while (text.length < 120000) text += d004.text + '\n';
    const mark = c.mark();
    c.open(uri, text);
    const syms = await c.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const doc = parse(text);
    assert.equal(syms.length, doc.sections.length + (doc.title !== undefined ? 1 : 0));
    const p = await c.waitForDiagnostics(uri, mark);
    assert.deepEqual(
      codes(p, MARKER).map((d) => [offsetAt(text, d.range.start), offsetAt(text, d.range.end)]),
      expectedMarkers(text),
    );
    // more than MAX_FINDINGS_PER_RULE: that many, then one "N more not shown"
    const fixable = (text.match(/[\u4e00-\u9fff],(?=[\u4e00-\u9fff])/g) ?? []).length;
    assert.ok(fixable > MAX_FINDINGS_PER_RULE);
    assert.equal(codes(p, FIXABLE).length, MAX_FINDINGS_PER_RULE + 1);
    assert.match(codes(p, FIXABLE)[MAX_FINDINGS_PER_RULE].message, new RegExp(`^${fixable - MAX_FINDINGS_PER_RULE} more not shown`));
    const stats = await c.request<StatsResult>(Requests.stats, { uri });
    assert.equal(stats.chars, doc.spokenChars);
    c.close(uri);
  });

  it('didClose clears the diagnostics of the document', async () => {
    const uri = 'untitled:close.speech';
    const mark = c.mark();
    c.open(uri, '收入XX亿元。');
    await c.waitForDiagnostics(uri, mark, (x) => x.diagnostics.length > 0);
    const mark2 = c.mark();
    c.close(uri);
    await c.waitForDiagnostics(uri, mark2, (x) => x.diagnostics.length === 0);
    // after a round trip, everything the server sent before has arrived: nothing was published after the close
    await c.request('textDocument/documentSymbol', { textDocument: { uri } });
    const last = c.diagnostics.filter((x) => x.uri === uri).pop()!;
    assert.deepEqual(last.diagnostics, []);
  });
});
