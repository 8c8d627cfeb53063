/**
 * The structure view and the structure chart without VS Code: tree items
 * (labels, descriptions with the proportion bar, marks, icons, menu flags),
 * ids that survive an edit, the merge that refreshes only what changed, the
 * element under the cursor, and the chart's HTML (one bar per section,
 * escaping, a strict Content-Security-Policy, no resources).
 * The outline comes from the same code the server runs (core/outline.ts and
 * the handler's conversion to LSP ranges).
 */
import { strict as assert } from 'assert';
import { chartHtml, chartRows, escapeHtml, tickStep } from '../../client/src/chart-html';
import { percent, plainTranslate } from '../../client/src/status-format';
import {
  buildElements,
  contextValue,
  elementAt,
  elementDescription,
  elementIcon,
  elementLabel,
  elementMark,
  elementTooltip,
  findSection,
  flatten,
  initiallyExpanded,
  isWithin,
  marks,
  mergeElements,
  proportionBar,
  type StructureElement,
} from '../../client/src/structure-model';
import { buildOutline } from '../../server/src/core/outline';
import { parse } from '../../server/src/core/parse';
import { toOutlineResult } from '../../server/src/handlers/outline';
import type { OutlineNode, OutlineResult } from '../../server/src/protocol';
import { CORPUS, fixture } from './helpers';

const t = plainTranslate;
const URI = 'file:///drafts/004.speech';

function resultOf(text: string, uri = URI, rate = 220, version = 1): OutlineResult {
  const doc = parse(text);
  return toOutlineResult(uri, version, doc.lines, buildOutline(doc, [], rate));
}

const byLabel = (roots: StructureElement[], label: string) => flatten(roots).find((e) => e.node.label === label)!;

describe('structure view: tree items from the outline', () => {
  const text = fixture(CORPUS.c004);
  const roots = buildElements(resultOf(text));

  it('ids are paths of markers, unique, rooted at the document', () => {
    const ids = flatten(roots).map((e) => e.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual(
      roots.map((e) => e.id),
      [`${URI}#/title`, `${URI}#/opening`, `${URI}#/s:一、`, `${URI}#/s:二、`, `${URI}#/s:三、`],
    );
    assert.equal(roots[3].children[0].id, `${URI}#/s:二、/s:(一)`);
    const san = roots[4];
    assert.deepEqual(
      san.children.map((e) => e.id),
      [`${URI}#/s:三、/series:一方面#1`, `${URI}#/s:三、/ann:五大体系`],
    );
    assert.equal(san.children[0].children[1].id, `${URI}#/s:三、/series:一方面#1/item:另一方面`);
    for (const e of flatten(roots)) for (const c of e.children) assert.equal(c.parent, e);
  });

  it('labels: marker and heading, the kind for the opening, series markers joined to their first words', () => {
    assert.deepEqual(
      roots.map((e) => elementLabel(e.node, t)),
      ['县委书记在传达二十届三中全会精神会议上的讲话', 'Opening', '一、充分认识二十届三中会的重要意义', '二、以更加奋发有为的精神状态推动全会精神落地落实', '三、在狠抓末端落实上出实招、求实效'],
    );
    assert.equal(elementLabel(roots[3].children[0].node, t), '(一)经济运行');
    assert.deepEqual(
      roots[4].children[0].children.map((e) => elementLabel(e.node, t)),
      ['一方面要全面压实改革领导责任', '另一方面要以改革精神抓好新时代党的建设'],
    );
  });

  it('descriptions: bar against the largest sibling, share of the parent, characters, time', () => {
    const subs = roots[3].children.filter((e) => e.node.kind === 'section');
    assert.deepEqual(
      subs.map((e) => elementDescription(e, t)),
      [
        '▇▇▇▇▁▁▁▁ 10% · 163 chars · 44 s',
        '▇▇▇▇▇▁▁▁ 12% · 193 chars · 53 s',
        '▇▇▇▇▁▁▁▁ 10% · 158 chars · 43 s',
        '▇▇▇▇▇▇▇▇ 18% · 297 chars · 1 min 21 s',
        '▇▇▇▁▁▁▁▁ 8% · 127 chars · 35 s',
        '▇▇▇▇▁▁▁▁ 8% · 133 chars · 36 s',
        '▇▇▇▇▇▁▁▁ 11% · 177 chars · 48 s',
      ],
    );
    // top level: 二 is the longest; the opening is a tiny sliver
    assert.equal(elementDescription(roots[3], t), '▇▇▇▇▇▇▇▇ 60% · 1,621 chars · 7 min 22 s');
    assert.equal(elementDescription(roots[4], t), '▇▁▁▁▁▁▁▁ 8% · 211 chars · 58 s');
    assert.equal(elementDescription(roots[1], t), '▇▁▁▁▁▁▁▁ 1% · 40 chars · 11 s');
    assert.equal(elementDescription(roots[0], t), '2,711 chars · 12 min 19 s');
    const [series, ann] = roots[4].children;
    assert.equal(elementDescription(series, t), '2 items · 89% · 187 chars · 51 s');
    assert.equal(elementDescription(ann, t), '→ 5');
  });

  it('marks come first: ⚠ problems, ✎ placeholders; the icon is coloured for them', () => {
    const e = roots[2];
    const marked: StructureElement = { ...e, node: { ...e.node, problems: 2, placeholders: 3 } };
    assert.equal(marks(marked.node), '⚠ 2 ✎ 3');
    assert.ok(elementDescription(marked, t).startsWith('⚠ 2 ✎ 3  ▇'));
    assert.equal(elementMark(marked), 'problem');
    assert.equal(elementMark({ ...e, node: { ...e.node, placeholders: 1 } }), 'placeholder');
    assert.equal(elementMark(e), undefined);
    const tip = elementTooltip(marked, t, 220);
    assert.match(tip, /763 characters, about 3 min 28 s at 220 characters a minute\./);
    assert.match(tip, /28% of the speech\./);
    assert.match(tip, /2 problems\n3 placeholders$/);
    assert.match(elementTooltip(roots[3].children[0], t, 220), /10% of the part above\./);
    const bad: StructureElement = { ...roots[4].children[1], node: { ...roots[4].children[1].node, found: 4 } };
    assert.equal(elementDescription(bad, t), '→ 5 ≠ 4');
    assert.match(elementTooltip(bad, t, 220), /Announces 5; 4 found\./);
  });

  it('icons per level as in the Outline; menus know what can move; what starts expanded', () => {
    assert.deepEqual(
      roots.map((e) => elementIcon(e)),
      ['book', 'comment', 'symbol-module', 'symbol-module', 'symbol-module'],
    );
    assert.equal(elementIcon(roots[3].children[0]), 'symbol-class');
    assert.equal(elementIcon(roots[4].children[0]), 'list-ordered');
    assert.equal(elementIcon(roots[4].children[0].children[0]), 'circle-small');
    assert.equal(elementIcon(roots[4].children[1]), 'megaphone');
    // corpus 002: unnumbered top-level headings take the first level's icon, （一） under 01 the second
    const r2 = buildElements(resultOf(fixture(CORPUS.c002)));
    assert.equal(elementIcon(byLabel(r2, '必须坚持党的领导')), 'symbol-module');
    assert.equal(elementIcon(r2[r2.length - 1].children[0]), 'symbol-class');

    assert.deepEqual(
      roots.slice(2).map((e) => contextValue(e)),
      ['section down outline', 'section up down outline', 'section up outline'],
    );
    const subs = roots[3].children;
    assert.equal(contextValue(subs[0]), 'section down outline');
    assert.equal(contextValue(subs[6]), 'section up outline');
    assert.equal(contextValue(roots[0]), 'title outline');
    assert.equal(contextValue(roots[4].children[1]), 'announcement');
    assert.equal(contextValue(roots[4].children[0]), 'series');

    assert.equal(initiallyExpanded(roots[3]), true);
    assert.equal(initiallyExpanded(roots[4]), false);
    assert.equal(initiallyExpanded(roots[2]), undefined);
  });

  it('proportionBar and percent', () => {
    assert.equal(proportionBar(0), '▁▁▁▁▁▁▁▁');
    assert.equal(proportionBar(0.01), '▇▁▁▁▁▁▁▁');
    assert.equal(proportionBar(0.5), '▇▇▇▇▁▁▁▁');
    assert.equal(proportionBar(1), '▇▇▇▇▇▇▇▇');
    assert.equal(proportionBar(7), '▇▇▇▇▇▇▇▇');
    assert.equal(proportionBar(Number.NaN), '▁▁▁▁▁▁▁▁');
    assert.equal(proportionBar(0.4, 5), '▇▇▁▁▁');
    assert.equal(percent(0.125), '13%');
    assert.equal(percent(-1), '0%');
  });

  it('the element under the cursor: the innermost section, never a series', () => {
    const lines = text.split('\n');
    const at = (needle: string) => {
      const line = lines.findIndex((l) => l.includes(needle));
      return { line, character: lines[line].indexOf(needle) };
    };
    assert.equal(elementAt(roots, at('要坚持项目不怕小'))?.node.label, '项目建设');
    assert.equal(elementAt(roots, at('另一方面,要以改革'))?.node.label, '在狠抓末端落实上出实招、求实效');
    assert.equal(elementAt(roots, { line: 0, character: 3 })?.node.kind, 'title');
    assert.equal(elementAt(roots, at('刚才,我们'))?.node.kind, 'opening');
    assert.equal(elementAt(roots, { line: 9999, character: 0 }), undefined);
    // a series item picked in the tree stays selected while the cursor is in it (it lies within the followed section)
    const san = roots[4];
    const item = san.children[0].children[1];
    assert.ok(isWithin(item, san));
    assert.ok(isWithin(san, san));
    assert.ok(!isWithin(san, item));
    assert.ok(!isWithin(roots[3].children[0], san));
  });
});

describe('structure view: ids and refresh across edits', () => {
  const text = fixture(CORPUS.c004);

  it('typing in a section keeps every id; only the nodes whose rendering changed are refreshed, in place', () => {
    const old = buildElements(resultOf(text));
    const oldObjects = flatten(old);
    const edited = text.replace('要坚持项目不怕小', '要坚持项目不怕小、不怕难、不怕远');
    const next = buildElements(resultOf(edited, URI, 220, 2));
    assert.deepEqual(
      flatten(next).map((e) => e.id),
      oldObjects.map((e) => e.id),
    );
    const m = mergeElements(old, next, t, 220, 220);
    assert.equal(m.structural, false);
    assert.equal(m.roots, old);
    assert.deepEqual(flatten(m.roots), oldObjects, 'the same objects stay in the tree');
    const changed = new Set(m.changed.map((e) => e.node.label));
    assert.ok(changed.has('项目建设'), 'the edited section');
    assert.ok(changed.has('以更加奋发有为的精神状态推动全会精神落地落实'), 'its parent');
    assert.ok(changed.has('县委书记在传达二十届三中全会精神会议上的讲话'), 'the total');
    assert.ok(!changed.has('充分认识二十届三中会的重要意义'), 'an untouched sibling of the parent keeps its rendering');
    assert.ok(!changed.has('五大体系'));
    assert.equal(byLabel(m.roots, '项目建设').node.chars, 297 + 6);
  });

  it('editing a numbered heading keeps its id; a new section changes the shape', () => {
    const old = buildElements(resultOf(text));
    const renamed = buildElements(resultOf(text.replace('(一)经济运行。', '(一)经济运行态势。')));
    const m = mergeElements(old, renamed, t, 220, 220);
    assert.equal(m.structural, false);
    // the heading's characters count in its parent and in the whole speech, not in its own body
    assert.deepEqual(
      m.changed.map((e) => e.node.label),
      ['县委书记在传达二十届三中全会精神会议上的讲话', '以更加奋发有为的精神状态推动全会精神落地落实', '经济运行态势'],
    );
    assert.equal(byLabel(m.roots, '经济运行态势').id, `${URI}#/s:二、/s:(一)`);
    const added = buildElements(resultOf(text.replace('三、在狠抓', '四、新的部分\n新的部分正文。\n三、在狠抓')));
    assert.equal(mergeElements(old, added, t, 220, 220).structural, true);
    assert.equal(mergeElements([], old, t, 220, 220).structural, true);
  });

  it('a new speaking rate refreshes every length; after a move the moved section is found by its title', () => {
    const old = buildElements(resultOf(text));
    const slower = buildElements(resultOf(text, URI, 180));
    const m = mergeElements(old, slower, t, 220, 180);
    assert.equal(m.structural, false);
    assert.ok(m.changed.length >= 11);
    const moved = buildElements(resultOf(fixture('outline/move-004-seven-up.expected.txt')));
    const e = findSection(moved, '营商环境', 1)!;
    assert.equal(e.node.marker, '(六)');
    assert.equal(e.id, `${URI}#/s:二、/s:(六)`);
  });

  it('duplicate markers among siblings get distinct ids', () => {
    const dup = buildElements(resultOf('在会议上的讲话\n\n一、甲\n正文甲。\n\n一、乙\n正文乙。\n\n一、丙\n正文丙。\n'));
    const ids = dup.filter((e) => e.node.kind === 'section').map((e) => e.id);
    assert.deepEqual(ids, [`${URI}#/s:一、`, `${URI}#/s:一、~2`, `${URI}#/s:一、~3`]);
  });
});

describe('structure chart (HTML)', () => {
  const text = fixture(CORPUS.c004);
  const outline = resultOf(text);
  const link = (n: OutlineNode) => `command:speechlint.structure.reveal?${encodeURIComponent(JSON.stringify([URI, n.selectionRange]))}`;
  const html = chartHtml(outline, { nonce: 'abc123', t, name: '004.speech', linkFor: link });

  it('one bar per section at every level, plus the opening; coloured by level', () => {
    const rows = chartRows(outline, t);
    assert.equal(rows.length, 1 + 3 + 7);
    assert.deepEqual(
      rows.map((r) => r.colour),
      [0, 1, 1, 2, 2, 2, 2, 2, 2, 2, 1],
    );
    const bars = html.match(/<span class="bar b\d+ c\d/g) ?? [];
    assert.equal(bars.length, rows.length);
    assert.equal((html.match(/<a class="row"/g) ?? []).length, rows.length);
    for (const c of ['--vscode-charts-blue', '--vscode-charts-green', '--vscode-charts-orange', '--vscode-charts-purple']) assert.ok(html.includes(c), c);
    assert.ok(html.includes('(七)营商环境'));
    assert.ok(html.includes('Structure chart · 004.speech'));
  });

  it('bars sit on the speaking-time axis: left = start, width = length, within 0-100%', () => {
    const rows = chartRows(outline, t);
    const total = outline.totalSeconds;
    rows.forEach((r, i) => {
      const m = new RegExp(`\\.b${i} \\{ left: ([\\d.]+)%; width: ([\\d.]+)%; \\}`).exec(html);
      assert.ok(m, `style of bar ${i}`);
      const left = Number(m[1]);
      const width = Number(m[2]);
      assert.ok(Math.abs(left - ((r.startSeconds / total) * 100)) < 0.01);
      assert.ok(Math.abs(width - ((r.seconds / total) * 100)) < 0.01);
      assert.ok(left + width <= 100.01);
    });
    // about 12 minutes: a tick every 2 minutes, 0 … 12
    assert.equal(tickStep(total / 60), 2);
    assert.deepEqual(
      [...html.matchAll(/<span class="tick x\d+[^"]*">([^<]*)</g)].map((m) => m[1]),
      ['0 min', '2 min', '4 min', '6 min', '8 min', '10 min', '12 min'],
    );
  });

  it('a strict Content-Security-Policy: no script, no resources, styles by nonce only', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'none'/);
    assert.match(csp, /style-src 'nonce-abc123'/);
    assert.ok(!/unsafe-inline|unsafe-eval|https?:|file:/.test(csp), csp);
    assert.ok(!/<script/i.test(html));
    assert.ok(!/\ssrc=|\sstyle="|url\(|@import/i.test(html), 'no resources, no inline style attributes');
    assert.equal((html.match(/<style nonce="abc123">/g) ?? []).length, 1);
    assert.equal((html.match(/<style/g) ?? []).length, 1);
  });

  it('escapes every text and link; marks problems and placeholders', () => {
    const evil: OutlineResult = JSON.parse(JSON.stringify(outline));
    const n = evil.nodes.find((x) => x.kind === 'section')!;
    n.label = '<script>alert("x")</script>&\'';
    n.problems = 2;
    n.placeholders = 1;
    const out = chartHtml(evil, { nonce: 'n"o', t, name: '<b>.speech', linkFor: () => 'command:x?"><script>' });
    assert.ok(!out.includes('<script'));
    assert.ok(out.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;'));
    assert.ok(out.includes('&lt;b&gt;.speech'));
    assert.ok(out.includes('nonce="n&quot;o"'));
    assert.ok(out.includes('⚠ 2</span>'));
    assert.ok(out.includes('✎ 1</span>'));
    assert.match(out, /class="bar b1 c1 warn"/);
    assert.equal(escapeHtml(`<&>"'`), '&lt;&amp;&gt;&quot;&#39;');
  });

  it('no draft, no sections, no links', () => {
    assert.match(chartHtml(undefined, { nonce: 'n', t }), /Open a speech draft to see its structure\./);
    const none = resultOf('在全县工作会议上的讲话\n\n同志们，今天召开会议，部署全年工作。\n');
    assert.match(chartHtml(none, { nonce: 'n', t }), /No sections found in this draft\./);
    const plain = chartHtml(outline, { nonce: 'n', t });
    assert.ok(!plain.includes('<a '));
    assert.equal((plain.match(/<div class="row"/g) ?? []).length, 11);
    assert.deepEqual([tickStep(0.2), tickStep(4), tickStep(9), tickStep(45), tickStep(1000)], [0.5, 0.5, 1, 5, 120]);
  });
});
