/**
 * core/outline.ts and core/outline-text.ts: the structure of the corpus
 * drafts (kinds, levels, labels, markers, lengths, shares, series, counts of
 * problems and placeholders), the positions on the time axis, the outline as
 * text, and robustness.
 */
import { strict as assert } from 'assert';
import { defaultConfig } from '../../server/src/core/config';
import { lint } from '../../server/src/core/lint';
import type { Outline, OutlineItem } from '../../server/src/core/outline';
import { buildOutline, firstWords, MAX_LABEL, spokenBefore } from '../../server/src/core/outline';
import { approxDuration, joinMarker, lengthSuffix, outlineText } from '../../server/src/core/outline-text';
import { parse } from '../../server/src/core/parse';
import type { Finding } from '../../server/src/core/rule';
import { createRegistry } from '../../server/src/core/rules';
import { sectionStats } from '../../server/src/core/sections';
import { countSpokenChars } from '../../server/src/core/text';
import { CORPUS, fixture } from './helpers';

const RATE = 220;

function outlineOf(text: string, findings: Finding[] = [], rate = RATE): Outline {
  return buildOutline(parse(text), findings, rate);
}

function all(nodes: readonly OutlineItem[], out: OutlineItem[] = []): OutlineItem[] {
  for (const n of nodes) {
    out.push(n);
    all(n.children, out);
  }
  return out;
}

const kinds = (nodes: readonly OutlineItem[]) => nodes.map((n) => n.kind);
const sections = (nodes: readonly OutlineItem[]) => nodes.filter((n) => n.kind === 'section');
const close = (a: number, b: number, eps = 1e-9) => Math.abs(a - b) < eps;

function findingsOf(text: string): Finding[] {
  const reg = createRegistry();
  return lint(parse(text), reg, defaultConfig(reg), { phase: 'fast' });
}

describe('outline: corpus 004 (一、二、三 with （一）…（七） under 二)', () => {
  const text = fixture(CORPUS.c004);
  const doc = parse(text);
  const o = buildOutline(doc, [], RATE);

  it('title, opening, then the three sections', () => {
    assert.deepEqual(kinds(o.nodes), ['title', 'opening', 'section', 'section', 'section']);
    assert.equal(o.nodes[0].label, '县委书记在传达二十届三中全会精神会议上的讲话');
    const top = sections(o.nodes);
    assert.deepEqual(
      top.map((n) => [n.marker, n.label, n.level]),
      [
        ['一、', '充分认识二十届三中会的重要意义', 1],
        ['二、', '以更加奋发有为的精神状态推动全会精神落地落实', 1],
        ['三、', '在狠抓末端落实上出实招、求实效', 1],
      ],
    );
  });

  it('（一）…（七） under 二, level 2, labels without the marker or the full stop', () => {
    const er = sections(o.nodes)[1];
    const subs = sections(er.children);
    assert.deepEqual(
      subs.map((n) => n.marker),
      ['(一)', '(二)', '(三)', '(四)', '(五)', '(六)', '(七)'],
    );
    assert.deepEqual(
      subs.map((n) => n.label),
      ['经济运行', '产业发展', '园区建设', '项目建设', '科技创新', '城市建设', '营商环境'],
    );
    for (const n of subs) assert.equal(n.level, 2);
    // the heading is what revealing selects; the span runs to the end of the body
    assert.equal(text.slice(subs[0].selection.start, subs[0].selection.end), '(一)经济运行。');
    assert.ok(subs[0].span.end > subs[0].selection.end);
  });

  it('lengths are the section stats of the balance rules; shares sum sensibly', () => {
    const stats = sectionStats(doc, RATE);
    const secNodes = all(o.nodes).filter((n) => n.kind === 'section');
    assert.equal(secNodes.length, doc.allSections.length);
    secNodes.forEach((n, i) => {
      assert.equal(n.chars, stats[i].chars);
      assert.ok(close(n.seconds, stats[i].seconds));
      assert.ok(close(n.share, stats[i].share));
    });
    assert.deepEqual(
      sections(sections(o.nodes)[1].children).map((n) => n.chars),
      [163, 193, 158, 297, 127, 133, 177],
    );
    assert.equal(sections(o.nodes)[1].chars, 1621);
    const er = sections(o.nodes)[1];
    const subShare = sections(er.children).reduce((n, c) => n + c.share, 0);
    assert.ok(close(subShare, (163 + 193 + 158 + 297 + 127 + 133 + 177) / 1621, 1e-9), `sub-section shares ${subShare}`);
    const topShare = o.nodes.filter((n) => n.kind !== 'title').reduce((n, c) => n + c.share, 0);
    assert.ok(topShare > 0.9 && topShare <= 1, `top-level shares ${topShare}`);
    assert.equal(o.nodes[0].chars, doc.spokenChars);
    assert.equal(o.totalChars, doc.spokenChars);
    assert.ok(close(o.totalSeconds, (doc.spokenChars * 60) / RATE));
  });

  it('announcements with a target, inside the section that holds them; the series of 三', () => {
    const [yi, er, san] = sections(o.nodes);
    assert.equal(yi.children.length, 0);
    const chanye = sections(er.children)[1];
    assert.deepEqual(
      chanye.children.map((n) => [n.kind, n.label, n.count, n.found]),
      [['announcement', '两大特色产业链条', 2, 2]],
    );
    assert.deepEqual(kinds(san.children), ['series', 'announcement']);
    const series = san.children[0];
    assert.equal(series.label, '一方面……另一方面');
    assert.deepEqual(
      series.children.map((n) => [n.kind, n.marker, n.label]),
      [
        ['seriesItem', '一方面', '要全面压实改革领导责任'],
        ['seriesItem', '另一方面', '要以改革精神抓好新时代党的建设'],
      ],
    );
    assert.ok(close(series.children.reduce((n, c) => n + c.share, 0), 1, 1e-9));
    assert.equal(series.children.reduce((n, c) => n + c.chars, 0), series.chars);
    assert.ok(series.chars <= san.chars);
    assert.deepEqual([san.children[1].label, san.children[1].count, san.children[1].found], ['五大体系', 5, 5]);
  });

  it('placeholders and problems: the findings that start inside each node', () => {
    const findings = findingsOf(text);
    const ph = findings.filter((f) => f.ruleId.startsWith('placeholder/'));
    const pr = findings.filter((f) => !f.ruleId.startsWith('placeholder/') && f.severity !== 'hint');
    assert.ok(ph.length >= 20, 'corpus 004 is full of × placeholders');
    const withF = buildOutline(doc, findings, RATE);
    for (const n of all(withF.nodes)) {
      const inside = (f: Finding) => f.span.start >= n.span.start && f.span.start < n.span.end;
      assert.equal(n.placeholders, ph.filter(inside).length, `placeholders of ${n.kind} ${n.label}`);
      assert.equal(n.problems, pr.filter(inside).length, `problems of ${n.kind} ${n.label}`);
    }
    // every placeholder of the body is counted in exactly one top-level node
    const top = withF.nodes.filter((n) => n.kind !== 'title');
    const counted = top.reduce((s, n) => s + n.placeholders, 0) + withF.nodes[0].placeholders;
    const inResidue = ph.filter((f) => !withF.nodes.some((n) => f.span.start >= n.span.start && f.span.start < n.span.end)).length;
    assert.equal(counted + inResidue, ph.length);
    assert.ok(sections(withF.nodes)[1].placeholders > 0);
  });

  it('hints are not problems; placeholder findings of any severity are placeholders', () => {
    const s = sections(o.nodes)[0].selection;
    const f = (ruleId: string, severity: Finding['severity']): Finding => ({ ruleId, severity, message: { zh: '', en: '' }, span: { start: s.start, end: s.start + 1 }, fixes: [], related: [] });
    const out = buildOutline(doc, [f('balance/x', 'hint'), f('balance/y', 'warning'), f('placeholder/marker', 'hint'), f('numbering/z', 'error')], RATE);
    const yi = sections(out.nodes)[0];
    assert.equal(yi.problems, 2);
    assert.equal(yi.placeholders, 1);
  });

  it('offsetChars: spoken characters before each node, increasing in document order', () => {
    const nodes = all(o.nodes).filter((n) => n.kind !== 'title');
    for (const n of nodes) {
      const expected = countSpokenChars(text, 0, n.span.start) - countSpokenChars(text, doc.residue[0].start, doc.residue[0].end);
      assert.equal(n.offsetChars, n.span.start > doc.residue[0].end ? expected : countSpokenChars(text, 0, n.span.start), `${n.kind} ${n.label}`);
    }
    const starts = nodes.map((n) => n.offsetChars);
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
    assert.equal(o.nodes[0].offsetChars, 0);
    for (const n of nodes) assert.ok(n.offsetChars + n.chars <= o.totalChars);
  });
});

describe('outline: corpus 002 (unnumbered 必须坚持…, then 01 with （一）（二）（三）)', () => {
  const text = fixture(CORPUS.c002);
  const o = outlineOf(text);

  it('the unnumbered sub-headings are top-level sections of level 0; 01 is level 1 with three children', () => {
    assert.deepEqual(kinds(o.nodes), ['title', 'opening', 'section', 'section', 'section', 'section', 'section', 'section']);
    const top = sections(o.nodes);
    assert.deepEqual(
      top.slice(0, 5).map((n) => [n.marker, n.label, n.level]),
      ['党的领导', '创新引领', '人民至上', '改革开放', '从严从实'].map((s) => [undefined, `必须坚持${s}`, 0]),
    );
    const p01 = top[5];
    assert.equal(p01.marker, '01');
    assert.equal(p01.level, 1);
    assert.equal(p01.label, '准确把握新发展阶段,聚焦高质量发展育先机开新局');
    assert.deepEqual(
      sections(p01.children).map((n) => [n.marker, n.level]),
      [
        ['(一)', 2],
        ['(二)', 2],
        ['(三)', 2],
      ],
    );
    assert.ok(sections(p01.children)[0].label.startsWith('发展形势深刻变化'));
  });

  it('the title is the speech, the web residue is not; the announcement sits in the opening', () => {
    assert.equal(o.nodes[0].label, '党工委书记在2021年工作会议上的讲话');
    const opening = o.nodes[1];
    assert.equal(opening.kind, 'opening');
    assert.ok(opening.label.startsWith('2020年是极不平凡的一年'));
    assert.deepEqual(
      opening.children.map((n) => [n.kind, n.label, n.count, n.found]),
      [['announcement', '三大主导产业', 3, 3]],
    );
    // the opening runs from after the salutation to the first section
    assert.ok(opening.span.end <= sections(o.nodes)[0].span.start);
    assert.equal(opening.chars, countSpokenChars(text, opening.span.start, opening.span.end));
  });
});

describe('outline: corpus 000 (five inline headings, each with its 一是……五是 series)', () => {
  const text = fixture(CORPUS.c000);
  const o = outlineOf(text);

  it('five sections 一、…五、, the opening and the closing', () => {
    assert.deepEqual(kinds(o.nodes), ['title', 'opening', 'section', 'section', 'section', 'section', 'section', 'closing']);
    assert.deepEqual(
      sections(o.nodes).map((n) => n.marker + n.label),
      ['一、提振学赶XX激情', '二、强化创新驱动发展', '三、优化营商环境', '四、注重绿色发展', '五、加强党的建设'],
    );
    const closing = o.nodes[7];
    assert.ok(closing.label.startsWith('同志们'));
    // the residue line after the closing is not part of it
    assert.equal(closing.chars, countSpokenChars(text, closing.selection.start, closing.selection.end));
  });

  it('series children in 二…五, items labelled by their first words', () => {
    const top = sections(o.nodes);
    assert.deepEqual(
      top.map((n) => n.children.map((c) => [c.kind, c.children.length])),
      [[], [['series', 5]], [['series', 5]], [['series', 5]], [['series', 4]]],
    );
    const er = top[1].children[0];
    assert.equal(er.label, '一是……五是');
    assert.deepEqual(
      er.children.map((c) => c.marker + c.label),
      ['一是加强与高校、科研院所的合作', '二是支持企业加大研发投入', '三是优化创新生态', '四是积极培育新兴产业', '五是加强知识产权保护'],
    );
    for (const s of top.slice(1)) {
      const series = s.children[0];
      assert.ok(series.share > 0.5 && series.share <= 1);
      assert.equal(series.children.reduce((n, c) => n + c.chars, 0), series.chars);
      // the last item runs to the end of the paragraph
      assert.equal(series.span.end, s.span.end);
    }
    const long = top[4].children[0].children[0].label;
    assert.ok(long.endsWith('…') && Array.from(long).length <= 16, long);
  });
});

describe('outline as text (提纲)', () => {
  const o004 = outlineOf(fixture(CORPUS.c004));

  it('corpus 004: title, blank line, one line per section, two U+3000 per level, times', () => {
    assert.equal(
      outlineText(o004.nodes),
      [
        '县委书记在传达二十届三中全会精神会议上的讲话（约12分钟）',
        '',
        '一、充分认识二十届三中会的重要意义（约3分钟）',
        '二、以更加奋发有为的精神状态推动全会精神落地落实（约7分钟）',
        '　　(一)经济运行（约40秒）',
        '　　(二)产业发展（约50秒）',
        '　　(三)园区建设（约40秒）',
        '　　(四)项目建设（约1分钟）',
        '　　(五)科技创新（约30秒）',
        '　　(六)城市建设（约40秒）',
        '　　(七)营商环境（约50秒）',
        '三、在狠抓末端落实上出实招、求实效（约1分钟）',
      ].join('\n'),
    );
  });

  it('options: no lengths, characters and time, English, series, without the title', () => {
    const lines = outlineText(o004.nodes, { lengths: 'none' }).split('\n');
    assert.equal(lines[2], '一、充分认识二十届三中会的重要意义');
    assert.equal(outlineText(o004.nodes, { lengths: 'both' }).split('\n')[3], '二、以更加奋发有为的精神状态推动全会精神落地落实（1,621字，约7分钟）');
    assert.equal(outlineText(o004.nodes, { lengths: 'chars', locale: 'en' }).split('\n')[4], '　　(一)经济运行 (163 chars)');
    const withSeries = outlineText(o004.nodes, { series: true, title: false, lengths: 'none' }).split('\n');
    assert.equal(withSeries[0], '一、充分认识二十届三中会的重要意义');
    assert.deepEqual(withSeries.slice(-3), ['三、在狠抓末端落实上出实招、求实效', '　　一方面要全面压实改革领导责任', '　　另一方面要以改革精神抓好新时代党的建设']);
    assert.equal(outlineText(o004.nodes, { indent: '  ', lengths: 'none', title: false }).split('\n')[2], '  (一)经济运行');
  });

  it('one section’s outline: the section and its sub-sections, from depth 0', () => {
    const er = sections(o004.nodes)[1];
    const lines = outlineText([er], { lengths: 'none' }).split('\n');
    assert.equal(lines.length, 8);
    assert.equal(lines[0], '二、以更加奋发有为的精神状态推动全会精神落地落实');
    assert.equal(lines[7], '　　(七)营商环境');
  });

  it('corpus 002: "01" takes a space; unnumbered headings stand alone', () => {
    const lines = outlineText(outlineOf(fixture(CORPUS.c002)).nodes, { lengths: 'none', title: false }).split('\n');
    assert.deepEqual(lines.slice(0, 2), ['必须坚持党的领导', '必须坚持创新引领']);
    assert.equal(lines[5], '01 准确把握新发展阶段,聚焦高质量发展育先机开新局');
    assert.ok(lines[6].startsWith('　　(一)发展形势'));
  });

  it('joinMarker, approxDuration and lengthSuffix', () => {
    assert.equal(joinMarker('一、', '标题'), '一、标题');
    assert.equal(joinMarker('（三）', '标题'), '（三）标题');
    assert.equal(joinMarker('1.', '标题'), '1. 标题');
    assert.equal(joinMarker('1．', '标题'), '1．标题');
    assert.equal(joinMarker('第一部分', '总体要求'), '第一部分 总体要求');
    assert.equal(joinMarker(undefined, '标题'), '标题');
    assert.equal(joinMarker('二、', ''), '二、');
    assert.equal(approxDuration(0), '约10秒');
    assert.equal(approxDuration(44), '约40秒');
    assert.equal(approxDuration(54), '约50秒');
    assert.equal(approxDuration(55), '约1分钟');
    assert.equal(approxDuration(208), '约3分钟');
    assert.equal(approxDuration(442, 'en'), 'about 7 min');
    assert.equal(lengthSuffix(0, 0, 'time', 'zh'), '');
    assert.equal(lengthSuffix(1621, 442, 'none', 'zh'), '');
    assert.equal(lengthSuffix(1621, 442, 'both', 'en'), ' (1,621 chars, about 7 min)');
  });

  it('an empty outline is empty text; a title alone has no blank line', () => {
    assert.equal(outlineText([]), '');
    assert.equal(outlineText(outlineOf('在全县工作会议上的讲话\n\n同志们，今天召开会议，部署全年工作。\n').nodes, { lengths: 'none' }), '在全县工作会议上的讲话');
  });
});

describe('outline: helpers and robustness', () => {
  it('firstWords: skips the punctuation after a marker, stops at a clause break, clips', () => {
    const t = '第一，培育龙头企业；第二，壮大配套企业';
    assert.equal(firstWords(t, 2, t.length), '培育龙头企业');
    assert.equal(firstWords('一是加强与高校、科研院所的合作交流，推动', 2, 21), '加强与高校、科研院所的合作交流');
    const long = '甲'.repeat(50);
    assert.equal(firstWords(long, 0, long.length), '甲'.repeat(15) + '…');
  });

  it('spokenBefore: one pass, any order, duplicates, offsets past the end', () => {
    const text = '标题\n\n正文一二三。\n温馨提示：\n结尾四五。\n';
    const doc = parse(text);
    const m = spokenBefore(doc, [text.length + 5, 0, 4, 4, text.indexOf('结尾')]);
    assert.equal(m.get(0), 0);
    assert.equal(m.get(4), 2);
    assert.equal(m.get(text.length + 5), doc.spokenChars);
  });

  it('CRLF: the same structure and lengths as LF', () => {
    const lf = fixture(CORPUS.c004).replace(/\r\n/g, '\n');
    const a = outlineOf(lf);
    const b = outlineOf(lf.replace(/\n/g, '\r\n'));
    const strip = (ns: OutlineItem[]): unknown => ns.map((n) => [n.kind, n.marker, n.label, n.chars, n.level, strip(n.children)]);
    assert.deepEqual(strip(b.nodes), strip(a.nodes));
  });

  it('never throws and keeps every span inside the text and off surrogate halves', () => {
    const big = '一、' + '发展'.repeat(300_000) + '。一是加强，二是推进。';
    const cases = ['', '\uFEFF', '\u0000\u0000', '一、\n二、\n', '😀一、标题😀\n正文😀一是😀，二是😀。\n', '\r\n\r\n', '（一）\n', big, '01\n\n02\n', 'X'.repeat(1000)];
    for (const text of cases) {
      const o = outlineOf(text);
      for (const n of all(o.nodes)) {
        for (const s of [n.span, n.selection]) {
          assert.ok(s.start >= 0 && s.end <= text.length && s.start <= s.end, `span ${JSON.stringify(s)} in a text of ${text.length}`);
          for (const off of [s.start, s.end]) {
            const c = text.charCodeAt(off);
            assert.ok(!(c >= 0xdc00 && c <= 0xdfff && off > 0 && off < text.length), 'not inside a surrogate pair');
          }
        }
        assert.ok(Array.from(n.label).length <= MAX_LABEL, 'labels are clipped');
        assert.ok(Number.isFinite(n.seconds) && Number.isFinite(n.share) && n.share >= 0 && n.share <= 1);
      }
      assert.equal(typeof outlineText(o.nodes), 'string');
    }
    assert.doesNotThrow(() => outlineOf('一、标题\n正文。', [], 0));
    assert.equal(outlineOf('一、标题\n正文。', [], 0).totalSeconds, 0);
  });
});
