/**
 * Renumbering ("重新编号 / Renumber document") and moving sections: only
 * marker numerals change, each in its own style and width; a second run
 * changes nothing; a moved section leaves no numbering finding.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { applyEdits } from '../../server/src/core/lint';
import { parse } from '../../server/src/core/parse';
import { formatNumberLike, moveSectionEdits, renumberEdits, sectionAt } from '../../server/src/core/renumber';
import type { TextEdit } from '../../server/src/core/rule';
import { CORPUS, FIXTURES, fixture } from './helpers';
import { numberingFindings } from './numbering-helpers';

const S = '同志们：\n';

function renumber(text: string): string {
  return applyEdits(text, renumberEdits(parse(text)));
}

/** Every edit replaces a numeral (or an order word) with another of the same family. */
function assertOnlyNumerals(text: string, edits: TextEdit[]) {
  for (const e of edits) {
    const old = text.slice(e.start, e.end);
    assert.match(old, /^([一二三四五六七八九十百]+|[0-9]+|[０-９]+|首先|其次|再次)$/, `edit replaces a numeral: "${old}"`);
    const family = (s: string) => (/^[0-9]+$/.test(s) ? 'ascii' : /^[０-９]+$/.test(s) ? 'full' : /^[一二三四五六七八九十百]+$/.test(s) ? 'cn' : 'word');
    assert.equal(family(e.newText), family(old), `"${old}" → "${e.newText}" keeps its numeral family`);
  }
}

describe('renumber: formatNumberLike keeps style and width', () => {
  const cases: [number, string, string][] = [
    [3, '四', '三'],
    [10, '九', '十'],
    [11, '十二', '十一'],
    [20, '二', '二十'],
    [2, '03', '02'],
    [10, '09', '10'],
    [3, '４', '３'],
    [2, '０３', '０２'],
    [12, '1', '12'],
  ];
  for (const [n, like, want] of cases) it(`${n} like "${like}" → "${want}"`, () => assert.equal(formatNumberLike(n, like), want));
});

describe('renumber: the command', () => {
  it('the corpus drafts are numbered correctly already: no edit', () => {
    for (const f of Object.values(CORPUS)) assert.deepEqual(renumberEdits(parse(fixture(f))), [], f);
  });

  for (const name of ['defects', 'parts', 'web-halfwidth']) {
    it(`${name}.txt → ${name}.renumbered.txt byte for byte, numerals only, idempotent`, () => {
      const dir = path.join(FIXTURES, 'numbering');
      const text = fs.readFileSync(path.join(dir, `${name}.txt`), 'utf8');
      const want = fs.readFileSync(path.join(dir, `${name}.renumbered.txt`), 'utf8');
      const edits = renumberEdits(parse(text));
      assert.ok(edits.length > 0);
      assertOnlyNumerals(text, edits);
      const once = applyEdits(text, edits);
      assert.equal(once, want);
      assert.deepEqual(renumberEdits(parse(once)), [], 'a second run changes nothing');
      // no sequence finding left (series mixing two forms is the writer's call and stays)
      assert.deepEqual(
        numberingFindings(once).filter((f) => f.ruleId === 'numbering/sequence'),
        [],
      );
    });
  }

  const table: [string, string, string][] = [
    ['一、二、四、 → 三、', S + '一、甲\n正文。\n二、乙\n正文。\n四、丙\n正文。', S + '一、甲\n正文。\n二、乙\n正文。\n三、丙\n正文。'],
    ['（二）（二） → （三）, brackets kept', S + '（一）甲。\n（二）乙。\n（二）丙。', S + '（一）甲。\n（二）乙。\n（三）丙。'],
    ['half-width (一)(三) stays half-width', S + '(一)甲。\n(三)乙。', S + '(一)甲。\n(二)乙。'],
    ['"01" "03": zero padding kept', S + '01\n甲\n正文。\n03\n乙\n正文。', S + '01\n甲\n正文。\n02\n乙\n正文。'],
    ['full-width digits stay full-width', S + '１．甲。\n２．乙。\n４．丙。', S + '１．甲。\n２．乙。\n３．丙。'],
    ['1、 keeps its 、 (punctuation is another rule\'s fix)', S + '1、甲。\n3、乙。', S + '1、甲。\n2、乙。'],
    ['十一 items: 九、十一、 → 十、', S + ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十一', '十二'].map((n) => `${n}、标题\n正文。`).join('\n'), S + ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一'].map((n) => `${n}、标题\n正文。`).join('\n')],
    ['第一部分 第三部分 → 第二部分', S + '第一部分\n甲\n正文。\n第三部分\n乙\n正文。', S + '第一部分\n甲\n正文。\n第二部分\n乙\n正文。'],
    ['（一） restarts under each 一、; only the broken one changes', S + '一、甲\n（一）子。\n（二）丑。\n二、乙\n（一）寅。\n（三）卯。', S + '一、甲\n（一）子。\n（二）丑。\n二、乙\n（一）寅。\n（二）卯。'],
    ['inline headings in one line', S + '下面讲几点。一、甲。正文。二、乙。正文。四、丙。正文。', S + '下面讲几点。一、甲。正文。二、乙。正文。三、丙。正文。'],
    ['一是 二是 四是 → 三是', S + '一是抓项目，二是抓招商，四是抓服务。', S + '一是抓项目，二是抓招商，三是抓服务。'],
    ['第一 第三 → 第二', S + '第一，抓项目。第三，抓招商。', S + '第一，抓项目。第二，抓招商。'],
    ['一要 二要 二要 → 三要', S + '一要抓项目，二要抓招商，二要抓服务。', S + '一要抓项目，二要抓招商，三要抓服务。'],
    ['首先 再次 → 其次; 最后 stays', S + '首先，抓项目。再次，抓招商。最后，抓落实。', S + '首先，抓项目。其次，抓招商。最后，抓落实。'],
    ['首先 其次 其次 → 再次', S + '首先，甲。其次，乙。其次，丙。', S + '首先，甲。其次，乙。再次，丙。'],
  ];
  for (const [name, before, after] of table) {
    it(name, () => {
      const edits = renumberEdits(parse(before));
      assertOnlyNumerals(before, edits);
      assert.equal(applyEdits(before, edits), after);
      assert.deepEqual(renumberEdits(parse(after)), []);
    });
  }

  const untouched: [string, string][] = [
    ['一方面/另一方面', S + '一方面要压实责任，一方面要强化考核。'],
    ['两种说法混用 (首先……其次……三是): the writer decides', S + '首先，要抓项目。其次，要抓招商。三是要抓服务。'],
    ['a fourth order item has no word (首先 其次 再次 再次): left as is', S + '首先，甲。其次，乙。再次，丙。再次，丁。'],
    ['inverted levels (1. then （一）): cannot be told apart', S + '一、甲\n1. 子。\n（一）丑。\n（三）寅。'],
    ['look-alikes: 第一书记, 统一是, 第一、第二产业', S + '第一书记，统一是前提。推动第一、第二、第三产业融合发展。'],
    ['"讲四点意见" + three sections: counts are not numbering', S + '下面，我讲四点意见。\n一、甲\n正文。\n二、乙\n正文。\n三、丙\n正文。'],
  ];
  for (const [name, text] of untouched) it(`untouched: ${name}`, () => assert.deepEqual(renumberEdits(parse(text)), []));

  it('CRLF and a BOM survive byte for byte', () => {
    const text = '\uFEFF同志们：\r\n一、甲\r\n正文。\r\n三、乙\r\n正文。\r\n';
    assert.equal(renumber(text), '\uFEFF同志们：\r\n一、甲\r\n正文。\r\n二、乙\r\n正文。\r\n');
  });
});

describe('renumber: moving a section', () => {
  for (const f of [CORPUS.c000, CORPUS.c004]) {
    it(`${f}: every section up and down leaves no numbering finding, and moving back restores the text`, () => {
      const text = fixture(f);
      const doc = parse(text);
      let moves = 0;
      for (const sec of doc.allSections) {
        for (const dir of ['up', 'down'] as const) {
          const edits = moveSectionEdits(doc, sec.span.start, dir);
          const siblings = sec.parent ? sec.parent.children : doc.sections;
          const i = siblings.indexOf(sec);
          if ((dir === 'up' && i === 0) || (dir === 'down' && i === siblings.length - 1)) {
            assert.deepEqual(edits, []);
            continue;
          }
          moves++;
          const moved = applyEdits(text, edits);
          assert.equal(moved.length, text.length);
          assert.deepEqual(numberingFindings(moved), []);
          const mdoc = parse(moved);
          const titles = (d: typeof doc) => d.allSections.filter((s) => s.depth === sec.depth && s.parent?.heading.title === sec.parent?.heading.title).map((s) => s.heading.title);
          const before = titles(doc);
          const after = titles(mdoc);
          const j = dir === 'up' ? i - 1 : i + 1;
          const want = [...before];
          [want[i], want[j]] = [want[j], want[i]];
          assert.deepEqual(after, want);
          // the moved section is now at j; move it back
          const back = moveSectionEdits(mdoc, (sec.parent ? mdoc.allSections.filter((s) => s.depth === sec.depth && s.parent?.heading.title === sec.parent?.heading.title) : mdoc.sections)[j].span.start, dir === 'up' ? 'down' : 'up');
          assert.equal(applyEdits(moved, back), text);
        }
      }
      assert.ok(moves >= 8);
    });
  }

  it('000: moving 一、 (an inline heading after the intro) down swaps it with 二、 and renumbers both', () => {
    const text = fixture(CORPUS.c000);
    const doc = parse(text);
    const moved = applyEdits(text, moveSectionEdits(doc, doc.sections[0].span.start, 'down'));
    assert.ok(moved.includes('我再强调几点意见。一、强化创新驱动发展。'));
    assert.ok(moved.includes('二、提振学赶XX激情。'));
  });

  it('renumbers the rest of a broken series; returns nothing for a missing sibling or offset', () => {
    const text = S + '一、甲\n正文。\n二、乙\n正文。\n四、丙\n正文。';
    const doc = parse(text);
    const moved = applyEdits(text, moveSectionEdits(doc, doc.sections[0].span.start, 'down'));
    assert.equal(moved, S + '一、乙\n正文。\n二、甲\n正文。\n三、丙\n正文。');
    assert.deepEqual(moveSectionEdits(doc, doc.sections[2].span.start, 'down'), []);
    assert.deepEqual(moveSectionEdits(doc, 0, 'up'), []);
    assert.deepEqual(moveSectionEdits(parse(''), 0, 'down'), []);
  });

  it('an offset inside the heading finds the section; sub-sections move with it', () => {
    const text = S + '一、甲\n（一）子。\n（二）丑。\n二、乙\n（一）寅。';
    const doc = parse(text);
    const inside = doc.sections[1].heading.span.start + 2;
    const moved = applyEdits(text, moveSectionEdits(doc, inside, 'up'));
    assert.equal(moved, S + '一、乙\n（一）寅。\n二、甲\n（一）子。\n（二）丑。');
  });
});

describe('renumber: the section under a cursor', () => {
  it('a position in the indentation or anywhere on the heading line picks that section', () => {
    const text = S + '  一、甲\n  正文。\n  二、乙\n  正文。';
    const doc = parse(text);
    const lineStart = doc.lines.lineStart(3); // "  二、乙"
    assert.equal(sectionAt(doc, lineStart)!.heading.title, '乙');
    assert.equal(sectionAt(doc, doc.lines.lineStart(3) + 5)!.heading.title, '乙');
    assert.equal(sectionAt(doc, doc.lines.lineStart(2) + 3)!.heading.title, '甲'); // body of 一、
    assert.equal(sectionAt(doc, 0), undefined); // the salutation
    const moved = applyEdits(text, moveSectionEdits(doc, lineStart, 'up'));
    assert.equal(moved, S + '  一、乙\n  正文。\n  二、甲\n  正文。');
  });
});
