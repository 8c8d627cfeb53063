/**
 * The client's logic that does not need VS Code: which documents are checked,
 * the selector, where the server is, placeholder navigation, status texts and
 * the section breakdown. (These modules must not import 'vscode'; the
 * manifest test checks that.)
 */
import { strict as assert } from 'assert';
import * as path from 'path';
import type { LspRange, OutlineNode, PlaceholderItem } from '../../server/src/protocol';
import { rowAtLine, rowsFromOutline, rowsFromSymbols, type SymbolLike } from '../../client/src/breakdown-model';
import { Debounce } from '../../client/src/debounce';
import {
  DEFAULT_LANGUAGES,
  documentSelectorFor,
  extensionsFromContributions,
  filesGlob,
  isSelected,
  normalizeLanguages,
} from '../../client/src/languages';
import {
  comparePos,
  contextAround,
  indexAt,
  nextIndex,
  placeholderRow,
  previousIndex,
  sortRanges,
  stillThere,
} from '../../client/src/placeholder-nav';
import { hanShare, isMostlyChineseProse, MIN_HAN, needsProseCheck, proseStats, shouldCheck } from '../../server/src/core/prose-gate';
import { findServerModule, serverModuleCandidates } from '../../client/src/server-path';
import { explicitSettings, isUserSet, SERVER_SETTING_KEYS, type SettingInspection } from '../../client/src/settings';
import {
  durationParts,
  durationText,
  effectiveRate,
  groupDigits,
  plainTranslate,
  secondsFor,
  statusTexts,
} from '../../client/src/status-format';
import { fixture, CORPUS } from './helpers';

const r = (l1: number, c1: number, l2: number, c2: number): LspRange => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });
const item = (range: LspRange, text = 'XX'): PlaceholderItem => ({ range, text, before: '', after: '', ruleId: 'placeholder/marker' });

describe('client: prose gate (which plaintext/markdown documents are checked)', () => {
  it('counts Han characters and Latin words', () => {
    assert.deepEqual(proseStats('GDP增长5G，iPhone X'), { han: 2, latinWords: 4 });
    assert.deepEqual(proseStats(''), { han: 0, latinWords: 0 });
    assert.equal(hanShare({ han: 0, latinWords: 0 }), 0);
    assert.equal(hanShare({ han: 3, latinWords: 1 }), 0.75);
  });

  it('admits the corpus drafts and a short Chinese paragraph', () => {
    for (const f of Object.values(CORPUS)) assert.ok(isMostlyChineseProse(fixture(f)), f);
    assert.ok(isMostlyChineseProse('同志们：今天我们召开全市经济工作会议，主要任务是总结去年工作，部署今年任务。'));
  });

  it('holds back English text, code, and Chinese text that is too short', () => {
    assert.ok(!isMostlyChineseProse('# README\n\nThis project lints speech drafts. Run `npm test` to check 中文 support.'));
    assert.ok(!isMostlyChineseProse('```ts\nconst a = 1; // 注释\nfunction foo() { return bar(baz); }\n```'));
    assert.ok(!isMostlyChineseProse('你好'.repeat(MIN_HAN / 2 - 1)));
    assert.ok(isMostlyChineseProse('你好'.repeat(MIN_HAN / 2)));
    assert.ok(!isMostlyChineseProse(''));
  });

  it('a bilingual note with as many English words as Chinese characters is not a draft', () => {
    const words = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
    assert.ok(!isMostlyChineseProse('这是一个中英文混排的说明文档，内容包括安装和使用方法以及一些注意事项' + words));
  });

  it('looks at the beginning of a huge document only', () => {
    const big = '同志们，今天我们开会。'.repeat(10) + 'english words '.repeat(200_000);
    assert.ok(isMostlyChineseProse(big.slice(0, 40_000)) === isMostlyChineseProse(big.slice(0, 40_000) + 'x'));
    assert.ok(!isMostlyChineseProse(big));
  });

  it('speech is always checked; other languages only when listed and Chinese', () => {
    const langs = ['speech', 'plaintext', 'markdown'];
    assert.ok(shouldCheck('speech', '', langs));
    assert.ok(shouldCheck('speech', 'English only', langs));
    assert.ok(!shouldCheck('speech', '同志们', ['plaintext']));
    assert.ok(!shouldCheck('plaintext', 'English only', langs));
    assert.ok(shouldCheck('markdown', fixture(CORPUS.c000), langs));
    assert.ok(!shouldCheck('latex', fixture(CORPUS.c000), langs));
    assert.ok(shouldCheck('latex', fixture(CORPUS.c000), [...langs, 'latex']));
    assert.ok(!needsProseCheck('speech'));
    assert.ok(needsProseCheck('plaintext') && needsProseCheck('latex'));
  });

  it('never throws on odd input', () => {
    for (const t of ['\0\0\0', '\ud83d\ude00'.repeat(100), '\ufeff同志们\r\n', 'x'.repeat(1_000_000)]) {
      assert.equal(typeof isMostlyChineseProse(t), 'boolean');
    }
  });
});

describe('client: languages setting', () => {
  it('normalizes the setting', () => {
    assert.deepEqual(normalizeLanguages(undefined), [...DEFAULT_LANGUAGES]);
    assert.deepEqual(normalizeLanguages('speech'), [...DEFAULT_LANGUAGES]);
    assert.deepEqual(normalizeLanguages([' speech ', 'speech', 3, '', 'latex']), ['speech', 'latex']);
    assert.deepEqual(normalizeLanguages([]), []);
  });

  it('builds a selector for files, untitled and virtual documents', () => {
    const sel = documentSelectorFor(['speech', 'markdown']);
    assert.equal(sel.length, 6);
    assert.ok(sel.some((f) => f.language === 'markdown' && f.scheme === 'untitled'));
    assert.ok(sel.every((f) => ['file', 'untitled', 'vscode-vfs'].includes(f.scheme)));
  });

  it('takes the documents the selector takes, and no other (the side of a git diff, a notebook cell)', () => {
    const languages = ['speech', 'markdown'];
    for (const f of documentSelectorFor(languages)) assert.ok(isSelected(f.language, f.scheme, languages), `${f.language} ${f.scheme}`);
    assert.equal(isSelected('speech', 'git', languages), false);
    assert.equal(isSelected('markdown', 'vscode-notebook-cell', languages), false);
    assert.equal(isSelected('plaintext', 'file', languages), false);
  });

  it('builds the glob of the checked languages', () => {
    assert.equal(filesGlob(['speech', 'plaintext', 'markdown']), '**/*.{markdown,md,speech,txt}');
    assert.equal(filesGlob(['speech']), '**/*.speech');
    assert.equal(filesGlob(['latex']), undefined);
    assert.equal(filesGlob(['latex'], { latex: ['.tex', '.ltx'] }), '**/*.{ltx,tex}');
    assert.equal(filesGlob(['latex'], { latex: ['.t{ex', '*'] }), undefined);
  });

  it('reads extensions from other extensions’ contributions', () => {
    const ext = extensionsFromContributions([
      { contributes: { languages: [{ id: 'latex', extensions: ['.tex'] }, { id: 'latex', extensions: ['.ltx', '.tex'] }] } },
      { contributes: { languages: 'nonsense' } },
      undefined,
      { name: 'no contributes' },
    ]);
    assert.deepEqual(ext, { latex: ['.tex', '.ltx'] });
  });
});

describe('client: server module location', () => {
  it('prefers the bundle beside the client, then the TypeScript output', () => {
    const dist = path.join('/ext', 'dist');
    assert.equal(findServerModule(dist, (p) => p === path.join(dist, 'server.js')), path.join(dist, 'server.js'));
    const out = path.join('/ext', 'out', 'client', 'src');
    const devServer = path.join('/ext', 'out', 'server', 'src', 'server.js');
    assert.deepEqual(serverModuleCandidates(out), [path.join(out, 'server.js'), devServer]);
    assert.equal(findServerModule(out, (p) => p === devServer), devServer);
    assert.equal(findServerModule(out, () => false), undefined);
  });
});

describe('client: placeholder navigation', () => {
  // three placeholders: line 0 col 2-4, line 0 col 10-12, line 3 col 0-3
  const items = sortRanges([item(r(3, 0, 3, 3), 'XXX'), item(r(0, 10, 0, 12)), item(r(0, 2, 0, 4)), item(r(0, 2, 0, 4))]);

  it('sorts and removes duplicates', () => {
    assert.equal(items.length, 3);
    assert.deepEqual(
      items.map((i) => i.range.start),
      [
        { line: 0, character: 2 },
        { line: 0, character: 10 },
        { line: 3, character: 0 },
      ],
    );
  });

  it('next: the first after the caret, the one at the caret, wrapping', () => {
    assert.equal(nextIndex(items, r(0, 0, 0, 0)), 0);
    assert.equal(nextIndex(items, r(0, 2, 0, 2)), 0, 'caret right before XX selects it');
    assert.equal(nextIndex(items, r(0, 2, 0, 4)), 1, 'XX already selected: go on');
    assert.equal(nextIndex(items, r(0, 3, 0, 3)), 1, 'caret inside XX: the next one');
    assert.equal(nextIndex(items, r(1, 0, 1, 0)), 2);
    assert.equal(nextIndex(items, r(3, 0, 3, 3)), 0, 'wraps');
    assert.equal(nextIndex(items, r(9, 0, 9, 0)), 0, 'wraps');
    assert.equal(nextIndex([], r(0, 0, 0, 0)), -1);
  });

  it('previous: the last before the caret, wrapping', () => {
    assert.equal(previousIndex(items, r(0, 12, 0, 12)), 1);
    assert.equal(previousIndex(items, r(0, 10, 0, 12)), 0, 'selected: go back');
    assert.equal(previousIndex(items, r(0, 2, 0, 4)), 2, 'the first selected: wraps to the last');
    assert.equal(previousIndex(items, r(0, 0, 0, 0)), 2, 'wraps');
    assert.equal(previousIndex([], r(0, 0, 0, 0)), -1);
  });

  it('next and previous undo each other', () => {
    for (let i = 0; i < items.length; i++) {
      const n = nextIndex(items, items[i].range);
      assert.equal(previousIndex(items, items[n].range), i);
    }
  });

  it('finds the placeholder at a position (ends included)', () => {
    assert.equal(indexAt(items, { line: 0, character: 4 }), 0);
    assert.equal(indexAt(items, { line: 0, character: 5 }), -1);
    assert.equal(indexAt(items, { line: 3, character: 1 }), 2);
    assert.ok(comparePos({ line: 1, character: 0 }, { line: 0, character: 99 }) > 0);
  });

  it('takes context from the same line, never splitting a surrogate pair', () => {
    const text = '第一行\n今年实现收入XX亿元，同比增长\n下一行';
    const s = text.indexOf('XX');
    assert.deepEqual(contextAround(text, s, s + 2, 4), { before: '实现收入', after: '亿元，同' });
    assert.deepEqual(contextAround(text, s, s + 2, 50), { before: '今年实现收入', after: '亿元，同比增长' });
    const emoji = 'a😀XX😀b';
    const e = emoji.indexOf('XX');
    const c = contextAround(emoji, e, e + 2, 1);
    assert.ok(!/[\ud800-\udbff]$/.test(c.before) && !/^[\udc00-\udfff]/.test(c.before), JSON.stringify(c));
    assert.ok(!/[\ud800-\udbff]$/.test(c.after), JSON.stringify(c));
  });

  it('labels a row with the placeholder in its words', () => {
    const row = placeholderRow({ ...item(r(4, 6, 4, 8)), before: '实现收入', after: '亿元' }, (n) => `line ${n}`);
    assert.equal(row.label, '…实现收入⟪XX⟫亿元…');
    assert.equal(row.description, 'line 5');
    assert.equal(placeholderRow(item(r(0, 0, 0, 2)), String).label, '⟪XX⟫');
  });

  it('drops placeholders whose text moved', () => {
    assert.ok(stillThere(item(r(0, 0, 0, 2)), () => 'XX'));
    assert.ok(!stillThere(item(r(0, 0, 0, 2)), () => '12'));
  });
});

describe('client: status bar texts', () => {
  it('groups digits and splits durations', () => {
    assert.equal(groupDigits(3412), '3,412');
    assert.equal(groupDigits(1234567), '1,234,567');
    assert.equal(groupDigits(0), '0');
    assert.equal(groupDigits(NaN), '0');
    assert.deepEqual(durationParts(930), { minutes: 15, seconds: 30 });
    assert.deepEqual(durationParts(59.6), { minutes: 1, seconds: 0 });
    assert.equal(durationText(930, plainTranslate), '15 min 30 s');
    assert.equal(durationText(900, plainTranslate), '15 min');
    assert.equal(durationText(45, plainTranslate), '45 s');
  });

  it('computes speaking time and clamps the rate to 150-270', () => {
    assert.equal(secondsFor(3412, 220), (3412 / 220) * 60);
    assert.equal(secondsFor(100, 0), 0);
    assert.equal(effectiveRate(undefined), 220);
    assert.equal(effectiveRate('fast'), 220);
    assert.equal(effectiveRate(100), 150);
    assert.equal(effectiveRate(400), 270);
    assert.equal(effectiveRate(180), 180);
  });

  it('renders the example of the issue in Chinese', () => {
    const zh: Record<string, string> = { '{0} chars': '{0}字', '{0} min {1} s': '{0}分{1}秒', '{0} placeholders': '占位符 {0}', Draft: '草稿' };
    const t = (m: string, ...a: Array<string | number>) => plainTranslate(zh[m] ?? m, ...a);
    const s = statusTexts({ chars: 3412, seconds: 930, speakingRate: 220, selection: false, placeholders: 12, mode: 'draft' }, t);
    assert.equal(s.main, '$(book) 3,412字 · 15分30秒');
    assert.equal(s.placeholders, '$(symbol-variable) 占位符 12');
    assert.equal(s.mode, '$(edit) 草稿');
    assert.equal(s.placeholdersAlarm, false);
  });

  it('marks the selection, the unknown count and the final-mode alarm', () => {
    const sel = statusTexts({ chars: 120, seconds: 33, speakingRate: 220, selection: true, mode: 'final' }, plainTranslate);
    assert.equal(sel.main, '$(book) Selection: 120 chars · 33 s');
    assert.match(sel.placeholders, /Placeholders …/);
    assert.equal(sel.placeholdersAlarm, false);
    assert.match(sel.mode, /^\$\(lock\) Final$/);
    const alarm = statusTexts({ chars: 10, seconds: 3, speakingRate: 220, selection: false, placeholders: 2, mode: 'final' }, plainTranslate);
    assert.ok(alarm.placeholdersAlarm);
    assert.match(alarm.placeholdersTooltip, /2 placeholders/);
    assert.match(alarm.mainTooltip, /220 characters a minute/);
  });
});

describe('client: section breakdown', () => {
  const node = (label: string, marker: string, chars: number, children: OutlineNode[] = [], kind: OutlineNode['kind'] = 'section'): OutlineNode => ({
    kind,
    label,
    marker,
    level: 1,
    range: r(0, 0, 5, 0),
    selectionRange: r(0, 0, 0, 4),
    chars,
    seconds: (chars / 220) * 60,
    share: chars / 1000,
    problems: 0,
    placeholders: label === '加强领导' ? 2 : 0,
    children,
  });

  it('lists sections from the outline, indented, skipping series', () => {
    const nodes = [
      node('开场', '', 100, [], 'opening'),
      node('统一思想', '一、', 600, [node('成绩', '（一）', 300), node('', '', 0, [node('x', '', 1, [], 'seriesItem')], 'series')]),
      node('加强领导', '二、', 300),
    ];
    const rows = rowsFromOutline(nodes, plainTranslate);
    assert.deepEqual(
      rows.map((x) => x.label),
      ['开场', '一、统一思想', '\u3000（一）成绩', '二、加强领导'],
    );
    assert.equal(rows[1].description, '600 chars · 2 min 44 s · 60%');
    assert.match(rows[3].description, /2 placeholders/);
  });

  it('writes marker and heading as the structure view does (a space after 01 and 1.)', () => {
    const rows = rowsFromOutline([node('总体要求', '01', 100), node('加强领导', '1.', 100), node('压实责任', '（一）', 100)], plainTranslate);
    assert.deepEqual(
      rows.map((x) => x.label),
      ['01 总体要求', '1. 加强领导', '（一）压实责任'],
    );
  });

  it('falls back to document symbols, counting each range', () => {
    const symbols: SymbolLike[] = [
      { name: '二、乙', range: r(10, 0, 19, 0), selectionRange: r(10, 0, 10, 3) },
      { name: '一、甲', range: r(0, 0, 9, 0), selectionRange: r(0, 0, 0, 3), children: [{ name: '（一）丙', range: r(1, 0, 4, 0), selectionRange: r(1, 0, 1, 4) }] },
    ];
    const counts = new Map([
      [0, 400],
      [1, 100],
      [10, 600],
    ]);
    const rows = rowsFromSymbols(symbols, (x) => counts.get(x.start.line) ?? 0, 1000, 200, plainTranslate);
    assert.deepEqual(
      rows.map((x) => [x.label, x.chars]),
      [
        ['一、甲', 400],
        ['\u3000（一）丙', 100],
        ['二、乙', 600],
      ],
    );
    assert.equal(rows[0].description, '400 chars · 2 min · 40%');
    assert.equal(rows[1].description, '100 chars · 30 s · 25%');
    assert.equal(rowAtLine(rows, 2), 1, 'the innermost row holding the line');
    assert.equal(rowAtLine(rows, 15), 2);
    assert.equal(rowAtLine(rows, 99), -1);
  });
});

describe('client: settings sent to the server', () => {
  const fakeConfig = (set: Record<string, { where: keyof SettingInspection; value: unknown }>) => ({
    inspect: (k: string) => (set[k] ? { [set[k].where]: set[k].value } : {}),
    get: (k: string) => (set[k] ? set[k].value : ({ mode: 'draft', speakingRate: 220, rules: {}, allow: [], dictionary: '', debounceMs: 250 } as Record<string, unknown>)[k]),
  });

  it('sends nothing when the user set nothing (the declared defaults stay out)', () => {
    assert.deepEqual(explicitSettings(fakeConfig({})), {});
  });

  it('sends a value the user set, even one equal to the default, from any scope', () => {
    assert.deepEqual(explicitSettings(fakeConfig({ mode: { where: 'workspaceValue', value: 'draft' } })), { mode: 'draft' });
    assert.deepEqual(explicitSettings(fakeConfig({ speakingRate: { where: 'workspaceFolderLanguageValue', value: 200 } })), { speakingRate: 200 });
    assert.deepEqual(
      explicitSettings(fakeConfig({ rules: { where: 'globalValue', value: { 'repetition/filler': 'off' } }, allow: { where: 'workspaceFolderValue', value: ['XX光'] } })),
      { rules: { 'repetition/filler': 'off' }, allow: ['XX光'] },
    );
  });

  it('reads only the keys the server knows', () => {
    assert.deepEqual([...SERVER_SETTING_KEYS].sort(), ['allow', 'debounceMs', 'dictionary', 'mode', 'rules', 'speakingRate']);
    assert.equal(isUserSet(undefined), false);
    assert.equal(isUserSet({}), false);
    assert.equal(isUserSet({ globalLanguageValue: false }), true);
  });
});

describe('client: Debounce (the status bar, the outline and the cursor follower)', () => {
  const tick = () => new Promise((r) => setTimeout(r, 20));

  it('runs once, after the last of a burst of schedules', async () => {
    let runs = 0;
    const d = new Debounce(() => runs++);
    d.schedule(0);
    d.schedule(0);
    d.schedule(0);
    assert.equal(runs, 0, 'not at once');
    await tick();
    assert.equal(runs, 1);
    d.schedule(0);
    await tick();
    assert.equal(runs, 2, 'and again when scheduled again');
  });

  it('cancel and dispose drop the call waiting', async () => {
    let runs = 0;
    const d = new Debounce(() => runs++);
    d.schedule(0);
    d.cancel();
    await tick();
    assert.equal(runs, 0);
    d.schedule(0);
    d.dispose();
    await tick();
    assert.equal(runs, 0);
  });
});
