/**
 * The outline: `vscode.executeDocumentSymbolProvider` returns the title and
 * the section tree; the structure view (when the extension has one) shows
 * the same sections.
 */
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { cleanUp, openFixture, speechlint, waitUntil } from './helpers';

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
});
