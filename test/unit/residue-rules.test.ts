/**
 * residue/*: the cases and look-alikes of fixtures/residue/cases.json (taken
 * from the real drafts of corpus-web), fix all, and the model after "join
 * broken lines": a PDF paste reads as if it had been typed.
 */
import * as assert from 'node:assert/strict';
import { applyEdits, createRegistry, lint, parse, resolveConfig } from '../../server/src/core';
import type { Finding } from '../../server/src/core';
import { cleanPastedEdits, joinBrokenLinesEdits } from '../../server/src/core/paste';
import { describeCases, familyFindings } from './family-cases';
import { fixture } from './helpers';

const run = (text: string, only?: string): Finding[] => familyFindings(text, 'residue', only);

describeCases('residue', (f) => assert.ok(f.fixes.some((x) => x.safe), 'every residue finding has a safe fix'));

describe('residue: other rules do not read residue', () => {
  it('no typography finding on residue lines (web-07)', () => {
    const text = fixture('corpus-web/web-07.txt');
    const reg = createRegistry();
    const { config } = resolveConfig(reg, []);
    const doc = parse(text);
    const residueLines = new Set(run(text, 'residue/line').map((f) => doc.lines.lineAt(f.span.start)));
    assert.ok(residueLines.size >= 6);
    for (const f of lint(doc, reg, config).filter((x) => x.ruleId.startsWith('typography/'))) {
      for (const e of f.fixes[0]?.edits ?? []) assert.ok(!residueLines.has(doc.lines.lineAt(e.start)), `${f.ruleId} edits residue line ${doc.lines.lineAt(e.start) + 1}`);
    }
  });
});

describe('residue/broken-lines: join broken lines (web-05, a PDF copy)', () => {
  const text = fixture('corpus-web/web-05.txt');
  const joined = applyEdits(text, joinBrokenLinesEdits(parse(text)));

  it('rejoins the title, the sentences and the split heading, keeping real paragraph breaks', () => {
    const lines = joined.split('\n');
    assert.equal(lines[0], '市委书记在全市领导干部警示教育大会上的讲话');
    assert.ok(lines.length < text.split('\n').length / 2, `${lines.length} lines`);
    assert.ok(lines.some((l) => l.startsWith('我讲三点意见') || l.endsWith('我讲三点意见。')));
    assert.ok(!joined.includes('指\n示精神'));
  });

  it('the model then finds the title and the headings, with whole sentences', () => {
    const doc = parse(joined);
    assert.ok(doc.title !== undefined);
    assert.equal(joined.slice(doc.paragraphs[doc.title].span.start, doc.paragraphs[doc.title].span.end), '市委书记在全市领导干部警示教育大会上的讲话');
    const titles = doc.headings.map((h) => h.title);
    assert.ok(titles.some((t) => t.startsWith('以案为镜')), JSON.stringify(titles));
    assert.ok(titles.some((t) => t.startsWith('深刻剖析理想信念坍塌的致命危害')), JSON.stringify(titles));
    assert.deepEqual(run(joined, 'residue/broken-lines'), []);
  });

  it('changes nothing in a typed draft', () => {
    const typed = fixture('corpus-web/web-21.txt');
    assert.deepEqual(joinBrokenLinesEdits(parse(typed)), []);
  });
});

describe('residue: the model never counts it', () => {
  for (const name of ['web-07', 'web-14', 'web-19', 'web-26']) {
    it(`${name}: the spoken characters and the headings are those of the cleaned draft`, () => {
      const text = fixture(`corpus-web/${name}.txt`);
      const doc = parse(text);
      const cleaned = parse(applyEdits(text, cleanPastedEdits(doc)));
      assert.ok(doc.residue.length > 0);
      assert.equal(doc.spokenChars, cleaned.spokenChars);
      assert.deepEqual(
        doc.headings.map((h) => h.title),
        cleaned.headings.map((h) => h.title),
      );
    });
  }

  it('a page counter glued to a word is residue inside the line, not spoken', () => {
    const text = '同志们：\n下面，就贯彻落实本次会议精第1页共4页神，我再强调两点意见。';
    const doc = parse(text);
    assert.deepEqual(
      doc.residue.map((r) => text.slice(r.start, r.end)),
      ['第1页共4页'],
    );
    assert.equal(doc.spokenChars, parse(text.replace('第1页共4页', '')).spokenChars);
  });
});

describe('residue/line: each message names what the line is (real drafts)', () => {
  const labels = (name: string): Map<number, string> => {
    const text = fixture(name);
    const doc = parse(text);
    return new Map(run(text, 'residue/line').map((f) => [doc.lines.lineAt(f.span.start) + 1, f.message.en]));
  };

  it('corpus 002: the download notice block, the contact line and the scattered cover title, with 讲话', () => {
    const l = labels('corpus/002_c75f3d7b29f7633a.txt');
    assert.match(l.get(1)!, /notice heading/);
    assert.match(l.get(3)!, /copyright/);
    assert.match(l.get(4)!, /download/);
    assert.match(l.get(5)!, /download/);
    assert.match(l.get(6)!, /contact/);
    for (const k of [7, 8, 9, 10, 11, 12, 13]) assert.match(l.get(k) ?? '(none)', /fragment of a title/, `line ${k}`);
    assert.equal(l.get(14), undefined, 'the real title stays');
    assert.ok(![...l.values()].some((m) => /page title/.test(m)));
  });

  it('the section labels of document sites are no navigation (web-04, web-08, web-26)', () => {
    for (const [name, line] of [['corpus-web/web-04.txt', 1], ['corpus-web/web-08.txt', 3], ['corpus-web/web-26.txt', 11]] as const) {
      assert.match(labels(name).get(line)!, /section label/, name);
    }
  });
});

describe('residue/line: the title printed again (real drafts)', () => {
  const flagged = (name: string): number[] => {
    const text = fixture(name);
    const doc = parse(text);
    return run(text, 'residue/line').map((f) => doc.lines.lineAt(f.span.start) + 1);
  };

  it('web-17: the download page title goes whole, and the collection heading and its 篇1 with it', () => {
    const f = flagged('corpus-web/web-17.txt');
    for (const k of [1, 5, 7]) assert.ok(f.includes(k), `line ${k}: ${f}`);
    assert.ok(!f.includes(9), 'the report itself stays');
    assert.deepEqual(run(fixture('corpus-web/web-17.txt'), 'residue/inline').filter((x) => x.span.start < 30), [], 'no inline finding on a line deleted whole');
  });

  it('web-19: the title printed again after the text, not the title itself', () => {
    const f = flagged('corpus-web/web-19.txt');
    assert.ok(f.includes(7) && f.includes(2) && !f.includes(1), `${f}`);
  });
});

describe('residue/broken-lines: a heading or a paragraph cut in two (real drafts)', () => {
  it('web-05: "一、……筑牢“不想腐”" / "的思想堤坝" is one heading', () => {
    const text = fixture('corpus-web/web-05.txt');
    const joined = applyEdits(text, joinBrokenLinesEdits(parse(text)));
    assert.ok(joined.includes('筑牢“不想腐”的思想堤坝'));
    assert.ok(parse(joined).headings.some((h) => h.title.endsWith('的思想堤坝')));
  });

  it('web-28: a long paragraph cut after a comma is joined; short verse lines ending in ， stay', () => {
    const text = fixture('corpus-web/web-28.txt');
    const f = run(text, 'residue/broken-lines');
    assert.equal(f.length, 1);
    assert.ok(applyEdits(text, f[0].fixes[0].edits).includes('大批量涌现,全校XXX分以上'));
    assert.deepEqual(run('同志们：\n守望初心传文脉，\n牢记使命续弦歌。\n', 'residue/broken-lines'), []);
  });
});

describe('residue/inline: a stray apostrophe after a quotation mark (web-03)', () => {
  it('"六个导向"\'即要 → the apostrophe goes; apostrophes elsewhere stay', () => {
    const text = fixture('corpus-web/web-03.txt');
    const f = run(text, 'residue/inline');
    assert.equal(f.length, 1);
    assert.ok(applyEdits(text, f[0].fixes[0].edits).includes('六个导向"即要'));
    assert.deepEqual(run("同志们：\n他说'好'，我们就干。Xi'an 项目要抓紧。\n", 'residue/inline'), []);
  });
});

describe('residue/inline: a bracketed label before the title (web-01)', () => {
  it('"[县长在县委书记]县长在……的讲话" → the title alone; not on a line of the body', () => {
    const text = fixture('corpus-web/web-01.txt');
    const f = run(text, 'residue/inline');
    assert.equal(f.length, 1);
    assert.ok(applyEdits(text, f[0].fixes[0].edits).startsWith('县长在县委全委(扩大)会'));
    assert.deepEqual(run('关于会议的讲话\n同志们：\n[注意]今天的会议很重要。\n', 'residue/inline'), []);
  });
});
