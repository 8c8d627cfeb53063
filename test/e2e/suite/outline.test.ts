/**
 * The outline: `vscode.executeDocumentSymbolProvider` returns the title and
 * the section tree; the structure view (when the extension has one) shows
 * the same sections; moving a section from the palette right after an edit
 * moves the section at the cursor in the edited text.
 */
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { cleanUp, openFixture, settled, speechlint, waitForText, waitUntil } from './helpers';

interface Node {
  name: string;
  line: number;
  children: Node[];
}

function simplify(symbols: readonly vscode.DocumentSymbol[]): Node[] {
  return symbols.map((s) => ({ name: s.name, line: s.selectionRange.start.line + 1, children: simplify(s.children) }));
}

async function symbolsOf(doc: vscode.TextDocument): Promise<vscode.DocumentSymbol[]> {
  const got = await vscode.commands.executeCommand<Array<vscode.DocumentSymbol | vscode.SymbolInformation>>('vscode.executeDocumentSymbolProvider', doc.uri);
  assert.ok(Array.isArray(got), 'symbols');
  for (const s of got) assert.ok('selectionRange' in s, 'hierarchical symbols');
  return got as vscode.DocumentSymbol[];
}

const NUMBERING_OUTLINE: Node[] = [
  { name: '在全县春季农业生产工作会议上的讲话', line: 1, children: [] },
  { name: '一、充分认识春耕生产的重要意义', line: 5, children: [] },
  {
    name: '二、突出抓好重点工作',
    line: 7,
    children: [
      { name: '1、抓好种子供应', line: 8, children: [] },
      { name: '2、抓好农资储备', line: 9, children: [] },
    ],
  },
  { name: '四、切实加强组织领导', line: 10, children: [] },
];

function labelOf(item: vscode.TreeItem): string {
  const l = item.label;
  return typeof l === 'string' ? l : (l?.label ?? '');
}

describe('outline and structure', () => {
  after(cleanUp);

  it('executeDocumentSymbolProvider returns the title and the section tree', async () => {
    const editor = await openFixture('numbering.speech');
    const symbols = await symbolsOf(editor.document);
    assert.deepEqual(simplify(symbols), NUMBERING_OUTLINE);
    const title = symbols[0];
    assert.equal(title.kind, vscode.SymbolKind.File);
    assert.equal(symbols[1].kind, vscode.SymbolKind.Module);
    // a section's range runs from its heading to the end of its body
    assert.equal(symbols[2].range.start.line, 6);
    assert.equal(symbols[2].range.end.line, 8);
  });

  it('the structure view shows the title, opening, sections and closing', async () => {
    const api = await speechlint();
    const provider = api.structure;
    assert.ok(provider, 'the extension exposes the structure view');
    await openFixture('numbering.speech');
    const tree = async (): Promise<string[]> => {
      const lines: string[] = [];
      const walk = async (parent: unknown, depth: number) => {
        for (const k of (await provider.getChildren(parent as never)) ?? []) {
          const item = await provider.getTreeItem(k);
          lines.push(`${'  '.repeat(depth)}${labelOf(item)}`);
          if (item.collapsibleState !== vscode.TreeItemCollapsibleState.None) await walk(k, depth + 1);
        }
      };
      await walk(undefined, 0);
      return lines;
    };
    const want = [
      '在全县春季农业生产工作会议上的讲话',
      'Opening',
      '  讲四点意见',
      '一、充分认识春耕生产的重要意义',
      '二、突出抓好重点工作',
      '  1、抓好种子供应',
      '  2、抓好农资储备',
      '四、切实加强组织领导',
      'Closing',
    ];
    let last: string[] = [];
    try {
      // the view asks the server for the active draft's outline: wait until it shows this draft
      await waitUntil(async () => {
        last = await tree();
        return JSON.stringify(last) === JSON.stringify(want) || undefined;
      }, 'the structure view to show numbering.speech');
    } catch (e) {
      assert.deepEqual(last, want, (e as Error).message);
      throw e;
    }
  });

  it('"Move Section Up" right after an edit above the cursor moves the section the cursor is in, renumbered', async () => {
    const api = await speechlint();
    const provider = api.structure;
    assert.ok(provider, 'the extension exposes the structure view');
    const editor = await openFixture('numbering.speech');
    const doc = editor.document;
    // the view holds the outline of the text before the edit below
    await waitUntil(async () => ((await provider.getChildren(undefined)) ?? []).length > 0 || undefined, 'the structure view to show numbering.speech');
    const lines = doc.getText().split('\n');
    assert.equal(lines[9], '四、切实加强组织领导');
    // a line above every section: the body of 四 goes from line 11 to line 12, where the old outline has the closing
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(3, 0), '新增的一句。\n')), 'inserted a line');
    await settled(() => (editor.selection = new vscode.Selection(11, 3, 11, 3)));
    await vscode.commands.executeCommand('speechlint.moveSectionUp');
    const want = [
      ...lines.slice(0, 3),
      '新增的一句。',
      ...lines.slice(3, 6),
      '二、切实加强组织领导',
      lines[10],
      '三、突出抓好重点工作',
      lines[7],
      lines[8],
      ...lines.slice(11),
    ].join('\n');
    await waitForText(doc, want, 'section 四 moved above section 二, the series renumbered');
    // the caret follows the moved section to its heading
    await waitUntil(() => editor.selection.active.line === 7 || undefined, `the caret on line 8 (it is on line ${editor.selection.active.line + 1})`);
  });
});
