import { strict as assert } from 'assert';
import { parse } from '../../server/src/core/parse';
import type { Section, SpeechDocument } from '../../server/src/core/model';
import { at, CORPUS, fixture } from './helpers';

function outline(doc: SpeechDocument): string[] {
  const out: string[] = [];
  const walk = (ss: Section[], depth: number) => {
    for (const s of ss) {
      out.push(`${'  '.repeat(depth)}${s.heading.marker ? s.heading.marker.numberText : '·'} ${s.heading.title}`);
      walk(s.children, depth + 1);
    }
  };
  walk(doc.sections, 0);
  return out;
}

function para(doc: SpeechDocument, i: number | undefined): string | undefined {
  return i === undefined ? undefined : at(doc.text, doc.paragraphs[i].span);
}

describe('document model: corpus drafts', () => {
  it('000: title, five level-1 sections found inline, closing, residue at the end', () => {
    const text = fixture(CORPUS.c000);
    const doc = parse(text);
    assert.equal(para(doc, doc.title), '区委书记到现代科技产业园区调研时的讲话');
    assert.equal(doc.salutation, undefined);
    assert.deepEqual(outline(doc), ['一 提振学赶XX激情', '二 强化创新驱动发展', '三 优化营商环境', '四 注重绿色发展', '五 加强党的建设']);
    for (const s of doc.sections) {
      assert.equal(s.heading.style, 'cn-dun');
      assert.equal(s.heading.level, 1);
      assert.equal(s.heading.inline, true, s.heading.title);
    }
    // the first one stands mid-paragraph after "下面,我再强调几点意见。"
    const first = doc.sections[0].heading;
    assert.equal(at(text, first.span), '一、提振学赶XX激情。');
    assert.ok(text.slice(first.span.start - 12, first.span.start).endsWith('我再强调几点意见。'));
    assert.ok(para(doc, doc.closing)!.startsWith('同志们,今年是全面贯彻落实党的二十大精神的开局之年'));
    assert.equal(doc.residue.length, 1);
    assert.ok(at(text, doc.residue[0]).includes('由互联网用户分享整理'));
    // the closing is not part of the last section
    assert.ok(doc.sections[4].span.end <= doc.paragraphs[doc.closing!].span.start);
  });

  it('000: inline series 一是…五是 in sections 二 to 五, one group each', () => {
    const doc = parse(fixture(CORPUS.c000));
    assert.deepEqual(
      doc.series.map((s) => s.items.map((i) => i.text).join('')),
      ['一是二是三是四是五是', '一是二是三是四是五是', '一是二是三是四是五是', '一是二是三是四是'],
    );
    assert.deepEqual(
      doc.series.map((s) => s.section?.heading.title),
      ['强化创新驱动发展', '优化营商环境', '注重绿色发展', '加强党的建设'],
    );
  });

  it('002: web residue before the title, the "01" heading, the unnumbered 必须坚持… sub-headings', () => {
    const text = fixture(CORPUS.c002);
    const doc = parse(text);
    assert.equal(para(doc, doc.title), '党工委书记在2021年工作会议上的讲话');
    assert.equal(para(doc, doc.salutation), '同志们:');
    // 温馨提示 with its "1. 2. 3. 4." lines, 网站客服 and the keyword tags are residue, not headings
    const residue = doc.residue.map((r) => at(text, r));
    assert.ok(residue.includes('温馨提示:'));
    assert.ok(residue.some((r) => r.startsWith('1. 部分包含数学公式')));
    assert.ok(residue.includes('高新区'));
    assert.ok(!doc.headings.some((h) => h.title.includes('部分包含数学公式')));
    assert.deepEqual(outline(doc), [
      '· 必须坚持党的领导',
      '· 必须坚持创新引领',
      '· 必须坚持人民至上',
      '· 必须坚持改革开放',
      '· 必须坚持从严从实',
      '01 准确把握新发展阶段,聚焦高质量发展育先机开新局',
      '  一 发展形势深刻变化,处于可以大有作为的重要战略机遇期',
      '  二 高质量发展主题鲜明,创新居于现代化建设全局的核心地位',
      '  三 高新区发展跨上大台阶,各方面短板差距仍需加快补齐',
    ]);
    const h01 = doc.sections[5].heading;
    assert.equal(h01.style, 'num-alone');
    assert.equal(h01.marker!.value, 1);
    assert.equal(at(text, h01.markerLine!), '01');
    // half-width brackets are level 2
    const sub = doc.sections[5].children[0].heading;
    assert.equal(sub.style, 'cn-paren');
    assert.equal(sub.marker!.open, '(');
    assert.equal(sub.inline, true);
    // the draft is cut off: no closing
    assert.equal(doc.closing, undefined);
  });

  it('002: announced counts linked to their 、-lists; an item of a longer list announces nothing', () => {
    const doc = parse(fixture(CORPUS.c002));
    const linked = doc.announcements.filter((a) => a.target).map((a) => `${a.text}:${a.target!.kind}:${a.target!.items.length}`);
    assert.deepEqual(linked, ['三大主导产业:list:3']);
    // “六大服务平台” stands inside a 、-list of platforms: not an announcement of a list
    const six = doc.announcements.find((a) => a.text === '六大服务平台');
    assert.ok(six && !six.target);
  });

  it('004: 一、二、三 with （一）…（七） under 二; the title pasted twice is residue', () => {
    const text = fixture(CORPUS.c004);
    const doc = parse(text);
    assert.equal(para(doc, doc.title), '县委书记在传达二十届三中全会精神会议上的讲话');
    assert.equal(doc.residue.length, 1);
    assert.deepEqual(
      doc.sections.map((s) => s.heading.marker!.numberText),
      ['一', '二', '三'],
    );
    assert.deepEqual(
      doc.sections[1].children.map((s) => s.heading.marker!.numberText),
      ['一', '二', '三', '四', '五', '六', '七'],
    );
    assert.deepEqual(
      doc.sections[1].children.map((s) => s.heading.title),
      ['经济运行', '产业发展', '园区建设', '项目建设', '科技创新', '城市建设', '营商环境'],
    );
    assert.equal(doc.sections[0].children.length, 0);
    assert.equal(doc.sections[2].children.length, 0);
    for (const s of doc.sections) assert.equal(s.heading.inline, false);
    // 一方面 / 另一方面 in section 三
    assert.deepEqual(doc.series.map((s) => s.items.map((i) => i.text)), [['一方面', '另一方面']]);
    assert.equal(doc.series[0].section?.heading.marker?.numberText, '三');
    // “五大体系” counts the five items before it
    const five = doc.announcements.find((a) => a.text === '五大体系')!;
    assert.equal(five.count, 5);
    assert.deepEqual(five.target!.items.map((s) => at(text, s).replace(/^不断健全/, '')), ['组织', '教育', '监管', '制度', '责任']);
  });
});

describe('document model: forms', () => {
  const draft = [
    '在全县XX工作会议上的讲话',
    '（2024年3月5日）',
    '同志们：',
    '今天的会议很重要。下面，我讲三点意见。',
    '一、清醒认识当前形势',
    '（一）成绩来之不易。过去一年，我们做了大量工作。',
    '1. 经济稳中有进。全年增长5.2%。',
    '（1）工业增长较快。规上工业增长8%。',
    '（2）服务业平稳。',
    '2. 民生持续改善。',
    '（二）问题不容忽视。一是结构不优，二是动能不足，三是短板明显。',
    '二、突出工作重点',
    '首先，要抓项目。其次，要抓招商。最后，要抓服务。',
    '三、加强组织领导',
    '一方面要压实责任，另一方面要强化考核。',
    '同志们，任务艰巨，使命光荣。',
  ].join('\n');

  it('title, date, salutation, closing, the four numbered levels nested', () => {
    const doc = parse(draft);
    assert.equal(para(doc, doc.title), '在全县XX工作会议上的讲话');
    assert.equal(para(doc, doc.date), '（2024年3月5日）');
    assert.equal(para(doc, doc.salutation), '同志们：');
    assert.equal(para(doc, doc.closing), '同志们，任务艰巨，使命光荣。');
    assert.deepEqual(outline(doc), [
      '一 清醒认识当前形势',
      '  一 成绩来之不易',
      '    1 经济稳中有进',
      '      1 工业增长较快',
      '      2 服务业平稳',
      '    2 民生持续改善',
      '  二 问题不容忽视',
      '二 突出工作重点',
      '三 加强组织领导',
    ]);
    assert.deepEqual(
      doc.headings.map((h) => h.level),
      [1, 2, 3, 4, 4, 3, 2, 1, 1],
    );
  });

  it('inline series of each kind and the announcement linked to the three sections', () => {
    const doc = parse(draft);
    assert.deepEqual(
      doc.series.map((s) => s.items.map((i) => `${i.kind}:${i.value}`).join(' ')),
      ['shi:1 shi:2 shi:3', 'order:1 order:2 order:3', 'fangmian:1 fangmian:2'],
    );
    const a = doc.announcements.find((x) => x.text === '讲三点意见')!;
    assert.equal(a.count, 3);
    assert.equal(a.target!.kind, 'sections');
    assert.deepEqual(a.target!.items.map((s) => at(doc.text, s)), ['一、清醒认识当前形势', '二、突出工作重点', '三、加强组织领导']);
  });

  it('sentences split at 。！？；…… but not inside quotes or book titles', () => {
    const doc = parse('同志们：\n他说：“我们要干。要实干！”然后走了。学习《决定。》精神；抓落实……好！');
    const body = doc.paragraphs.find((p) => p.kind === 'body')!;
    assert.deepEqual(body.sentences.map((s) => at(doc.text, s.span)), ['他说：“我们要干。要实干！”然后走了。', '学习《决定。》精神；', '抓落实……', '好！']);
  });

  it('set phrases that contain a marker are not series: 统一是, 唯一是, 第一书记, 第一时间', () => {
    const doc = parse('同志们：\n思想统一是前提，唯一是标准。第一书记要在第一时间到位，第一动力是创新。');
    assert.deepEqual(doc.series, []);
  });

  it('"几点" announces no number; counts without a list announce nothing', () => {
    const doc = parse('同志们：\n下面讲几点意见。要增强“四个意识”，坚定“四个自信”。');
    assert.equal(doc.announcements.filter((a) => a.target).length, 0);
    assert.ok(!doc.announcements.some((a) => a.text.includes('几')));
  });

  it('Markdown headings and 第一部分 headings', () => {
    const doc = parse('# 在XX会议上的讲话\n\n同志们：\n\n## 一、认清形势\n\n正文。\n\n第二部分\n抓好落实\n正文二。');
    assert.deepEqual(
      doc.headings.map((h) => `${h.style}:${h.title}`),
      ['cn-dun:认清形势', 'cn-part:抓好落实'],
    );
  });

  it('CRLF, BOM, U+3000 and tab indentation give the same structure as LF', () => {
    const lf = parse(draft);
    const crlf = parse('\uFEFF' + draft.split('\n').map((l, i) => (i % 2 ? '\u3000\u3000' : '\t') + l).join('\r\n'));
    assert.deepEqual(outline(crlf), outline(lf));
    for (const h of crlf.headings) assert.ok(!/[\r\n\u3000\t]/.test(at(crlf.text, h.span)));
  });

  it('an empty file, whitespace only, a single line', () => {
    for (const t of ['', '\n\n', '\u3000\u3000', '同志们：']) {
      const doc = parse(t);
      assert.equal(doc.sections.length, 0);
    }
  });
});
