/**
 * Word documents from the CLI: checking a .docx made by LibreOffice (list
 * numbering, tracked changes, a table, a footnote) gives the findings of the
 * same draft as text; positions are paragraphs; `speechlint export` writes
 * the GB/T 9704 layout, refuses left-overs in final mode, and the corpus
 * survives the round trip with its text and headings.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { unzipSync, strFromU8 } from 'fflate';
import type { EslintResult } from '../../server/src/cli-format';
import { parse } from '../../server/src/core';
import { readDocx } from '../../server/src/node/docx-read';
import { ROOT, cleanup, runMain, tmpDir, writeJson } from './helpers';

const DOCX = path.join(ROOT, 'test', 'fixtures', 'docx');
const CORPUS = path.join(ROOT, 'test', 'fixtures', 'corpus');
const WEB = path.join(ROOT, 'test', 'fixtures', 'corpus-web');

async function messages(file: string, extra: string[] = []): Promise<{ ruleId: string; line: number; column: number; endColumn: number; message: string }[]> {
  const r = await runMain(['--format', 'json', ...extra, file]);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  const res = JSON.parse(r.stdout) as EslintResult[];
  return res[0].messages.map((m) => ({ ruleId: m.ruleId, line: m.line, column: m.column, endColumn: m.endColumn, message: m.message }));
}

function partsOf(file: string): Record<string, string> {
  const files = unzipSync(new Uint8Array(fs.readFileSync(file)));
  return Object.fromEntries(Object.entries(files).filter(([k]) => k.endsWith('.xml') || k.endsWith('.rels')).map(([k, v]) => [k, strFromU8(v)]));
}

describe('CLI: checking Word documents', () => {
  it('a LibreOffice .docx with list numbering, tracked changes, a table and a footnote: the findings of the text draft', async () => {
    const fromText = await messages(path.join(DOCX, 'office.speech'));
    const fromWord = await messages(path.join(DOCX, 'office.docx'));
    assert.ok(fromText.length >= 5, 'the draft has findings to compare');
    assert.deepEqual(fromWord, fromText);
    const read = readDocx(fs.readFileSync(path.join(DOCX, 'office.docx')));
    assert.ok(read.ok);
    const heads = parse(read.draft.text).headings.map((h) => `${h.marker?.text}${h.title}`);
    assert.deepEqual(heads, ['一、充分肯定去年取得的成绩', '（一）经济运行稳中有进', '（二）民生保障持续加强', '二、准确把握今年工作的总体要求', '（1）坚持稳中求进', '（2）坚持改革创新驱动', '三、切实抓好今年重点任务']);
    assert.ok(heads.includes('三、切实抓好今年重点任务'), 'Word numbering continues across the other list: 三、');
    assert.ok(read.draft.text.includes('我们坚持尽力而为、量力而行'), 'the tracked insertion is accepted');
    assert.ok(!read.draft.text.includes('初步'), 'the tracked deletion is dropped');
    assert.ok(!read.draft.text.includes('数据来源'), 'the footnote is not part of the speech');
  });

  for (const name of ['000_d9e124108a59f07c', '004_3d17754bf2496d4d']) {
    it(`corpus draft ${name} saved as .docx by LibreOffice: the same findings as the text`, async () => {
      assert.deepEqual(await messages(path.join(DOCX, `corpus-${name}.docx`)), await messages(path.join(CORPUS, `${name}.txt`)));
    });
  }

  it('shows positions as paragraph and character, in both languages', async () => {
    const zh = await runMain([path.join(DOCX, 'office.docx')], { env: { LANG: 'zh_CN.UTF-8' } });
    assert.match(zh.stdout, /第 {1,2}7 段 11 字/);
    const en = await runMain([path.join(DOCX, 'office.docx')]);
    assert.match(en.stdout, /paragraph {1,2}7, char 11/);
    assert.doesNotMatch(en.stdout, /--fix/);
  });

  it('counts the column as Word shows it when an unnumbered Word heading is marked with #', async () => {
    const dir = tmpDir();
    try {
      const { zipSync, strToU8 } = await import('fflate');
      const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
      const styles = `<w:styles ${W}><w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/></w:style></w:styles>`;
      const body = `<w:p><w:pPr><w:pStyle w:val="H1"/></w:pPr><w:r><w:t>XX工作</w:t></w:r></w:p>`;
      fs.writeFileSync(path.join(dir, 'h.docx'), zipSync({ 'word/document.xml': strToU8(`<w:document ${W}><w:body>${body}</w:body></w:document>`), 'word/styles.xml': strToU8(styles) }));
      const m = (await messages(path.join(dir, 'h.docx'))).filter((x) => x.ruleId === 'placeholder/marker');
      assert.deepEqual(m.map((x) => [x.line, x.column, x.endColumn]), [[1, 1, 3]]);
    } finally {
      cleanup(dir);
    }
  });

  it('walks folders for .docx (leaving out Word owner files "~$…"), never rewrites one with --fix, and refuses an unreadable one clearly', async () => {
    const dir = tmpDir();
    try {
      fs.copyFileSync(path.join(DOCX, 'office.docx'), path.join(dir, 'office.docx'));
      fs.writeFileSync(path.join(dir, '~$office.docx'), Buffer.from([0x01, 0x02]));
      fs.writeFileSync(path.join(dir, 'old.docx'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]));
      const before = fs.readFileSync(path.join(dir, 'office.docx'));
      const r = await runMain(['--fix', '.'], { cwd: dir });
      assert.equal(r.code, 2, 'the .doc renamed is an error');
      assert.match(r.stderr, /old\.docx: this is an old Word 97-2003 document \(\.doc\); save it as \.docx in Word/);
      assert.match(r.stderr, /Word documents are not rewritten/);
      assert.doesNotMatch(r.stderr + r.stdout, /~\$office/);
      assert.match(r.stdout, /office\.docx/);
      assert.deepEqual(fs.readFileSync(path.join(dir, 'office.docx')), before);
    } finally {
      cleanup(dir);
    }
  });
});

describe('CLI: speechlint export', () => {
  let dir: string;
  beforeEach(() => {
    dir = tmpDir();
  });
  afterEach(() => cleanup(dir));

  it('writes the GB/T 9704 layout: A4, margins, 22×28 grid, fixed line spacing, fonts and sizes, indent, outer page numbers', async () => {
    fs.copyFileSync(path.join(DOCX, 'office.speech'), path.join(dir, 'office.speech'));
    const r = await runMain(['export', 'office.speech'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    const x = partsOf(path.join(dir, 'office.docx'));
    const doc = x['word/document.xml'];
    assert.match(doc, /<w:pgSz w:w="11906" w:h="16838"/);
    assert.match(doc, /<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    const grid = /<w:docGrid w:type="linesAndChars" w:linePitch="(\d+)" w:charSpace="(-?\d+)"\/>/.exec(doc);
    assert.ok(grid, 'a lines-and-characters grid');
    const textHeight = 16838 - 2098 - 1984;
    assert.equal(Math.floor(textHeight / Number(grid[1])), 22, '22 lines fit the text block');
    const pitch = 16 + Number(grid[2]) / 4096; // points per character
    assert.equal(Math.floor((11906 - 1587 - 1474) / 20 / pitch + 1e-6), 28, '28 characters fit a line');
    assert.match(doc, new RegExp(`<w:spacing w:after="0" w:before="0" w:line="${grid[1]}" w:lineRule="exact"/><w:ind w:firstLine="640" w:firstLineChars="200"/>`));
    // title 2号 方正小标宋简体 centred; body 3号 仿宋_GB2312; 一、 黑体, （一） 楷体_GB2312
    assert.match(doc, /<w:pStyle w:val="Title"\/>(?:(?!<\/w:p>).)*<w:jc w:val="center"\/>(?:(?!<\/w:p>).)*w:eastAsia="方正小标宋简体"(?:(?!<\/w:p>).)*<w:sz w:val="44"\/>(?:(?!<\/w:p>).)*县2024年经济工作会议上的讲话/);
    assert.match(doc, /w:eastAsia="黑体"[^]*?<w:sz w:val="32"\/>[^]*?<w:t xml:space="preserve">一、充分肯定/);
    assert.match(doc, /w:eastAsia="楷体_GB2312"[^]*?<w:t xml:space="preserve">（一）经济运行/);
    assert.match(doc, /w:eastAsia="仿宋_GB2312"[^]*?<w:t xml:space="preserve">同志们：/);
    assert.match(doc, /<w:pStyle w:val="Heading1"\/>/);
    // page numbers: 4号, "— PAGE —", odd right and even left, even/odd footers on
    const footers = Object.entries(x).filter(([k]) => /^word\/footer\d*\.xml$/.test(k)).map(([, v]) => v);
    assert.equal(footers.length, 2);
    for (const f of footers) {
      assert.match(f, /— <\/w:t>.*PAGE.* —<\/w:t>/s);
      assert.match(f, /<w:sz w:val="28"\/>/);
    }
    assert.ok(footers.some((f) => /<w:jc w:val="right"\/>/.test(f)) && footers.some((f) => /<w:jc w:val="left"\/>/.test(f)));
    assert.match(x['word/settings.xml'], /<w:evenAndOddHeaders\/>/);
    // fonts named with their fallbacks
    assert.match(x['word/fontTable.xml'], /<w:font w:name="仿宋_GB2312"><w:altName w:val="方正仿宋_GBK"\/><w:charset w:val="86"\/>/);
    for (const f of ['方正仿宋_GBK', '仿宋', 'FangSong', '黑体', '楷体_GB2312', '方正小标宋简体']) assert.ok(x['word/fontTable.xml'].includes(`w:name="${f}"`), f);
  });

  it('draft mode: exports placeholders highlighted in yellow and lists them; final mode: refuses, saying which and where', async () => {
    fs.copyFileSync(path.join(DOCX, 'office.speech'), path.join(dir, 'office.speech'));
    const refused = await runMain(['export', '--mode', 'final', 'office.speech'], { cwd: dir });
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /not exported in final mode: 5 placeholder or residue finding\(s\) left/);
    assert.match(refused.stderr, /office\.speech:7:11 {2}Placeholder "XX" has not been filled in {2}placeholder\/marker/);
    assert.match(refused.stderr, /office\.speech:15:14 .*placeholder\/instruction/);
    assert.ok(!fs.existsSync(path.join(dir, 'office.docx')), 'nothing written');
    const ok = await runMain(['export', 'office.speech', '-o', 'out.docx'], { cwd: dir });
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stderr, /wrote out\.docx \(draft mode: 5 placeholder or residue finding\(s\) highlighted in yellow\)/);
    const doc = partsOf(path.join(dir, 'out.docx'))['word/document.xml'];
    const yellow = [...doc.matchAll(/<w:highlight w:val="yellow"\/>(?:(?!<w:t).)*<w:t xml:space="preserve">([^<]*)</gs)].map((m) => m[1]);
    assert.deepEqual(yellow, ['XX', 'XX', 'X.X', 'X.X', '【此处补充省委经济工作会议精神】']);
  });

  it('never replaces an existing .docx without --force, and says so', async () => {
    fs.writeFileSync(path.join(dir, 'a.speech'), '标题\n同志们：\n正文。\n');
    fs.writeFileSync(path.join(dir, 'a.docx'), 'edited in Word');
    const r = await runMain(['export', 'a.speech'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /a\.docx exists \(it may hold edits made in Word\); add --force to replace it/);
    assert.equal(fs.readFileSync(path.join(dir, 'a.docx'), 'utf8'), 'edited in Word');
    assert.equal((await runMain(['export', 'a.speech', '--force'], { cwd: dir })).code, 0);
    assert.ok(readDocx(fs.readFileSync(path.join(dir, 'a.docx'))).ok);
    assert.equal((await runMain(['export', 'missing.speech'], { cwd: dir })).code, 2);
    assert.equal((await runMain(['export', 'a.docx'], { cwd: dir })).code, 2);
  });

  it('--force over a linked .docx writes where the link points and keeps the link', async function () {
    if (process.platform === 'win32') this.skip();
    fs.writeFileSync(path.join(dir, 'a.speech'), '标题\n同志们：\n正文。\n');
    fs.mkdirSync(path.join(dir, 'shared'));
    fs.writeFileSync(path.join(dir, 'shared', 'final.docx'), 'edited in Word');
    fs.symlinkSync(path.join('shared', 'final.docx'), path.join(dir, 'a.docx'));
    assert.equal((await runMain(['export', 'a.speech', '--force'], { cwd: dir })).code, 0);
    assert.ok(fs.lstatSync(path.join(dir, 'a.docx')).isSymbolicLink());
    assert.ok(readDocx(fs.readFileSync(path.join(dir, 'shared', 'final.docx'))).ok);
  });

  it('reads its input as a check does: /dev/zero gets one line, not all the memory', async function () {
    if (!fs.existsSync('/dev/zero')) this.skip();
    const r = await runMain(['export', '/dev/zero', '-o', 'z.docx'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /speechlint export: \/dev\/zero: /);
    assert.ok(!fs.existsSync(path.join(dir, 'z.docx')));
  });

  it('takes the layout from the export section of .speechlintrc.json, and names a bad value', async () => {
    fs.writeFileSync(path.join(dir, 'a.speech'), '标题\n同志们：\n正文。\n');
    writeJson(path.join(dir, '.speechlintrc.json'), { export: { margins: { top: 30, left: 'wide' }, linesPerPage: 20, fonts: { body: ['方正仿宋_GBK', '仿宋'] }, pageNumbers: 'center', colour: 1 } });
    const r = await runMain(['export', 'a.speech'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /export\.margins\.left: "export\.margins\.left" must be a number from 5 to 80; using the default/);
    assert.match(r.stderr, /export\.colour: unknown key "export\.colour" ignored/);
    const x = partsOf(path.join(dir, 'a.docx'));
    assert.match(x['word/document.xml'], /<w:pgMar w:top="1701" w:right="1474" w:bottom="1984" w:left="1587"/);
    assert.match(x['word/document.xml'], new RegExp(`w:linePitch="${Math.floor((16838 - 1701 - 1984) / 20)}"`));
    assert.match(x['word/document.xml'], /w:eastAsia="方正仿宋_GBK"/);
    assert.equal(Object.keys(x).filter((k) => /^word\/footer\d*\.xml$/.test(k)).length, 1, 'one centred footer');
  });
});

describe('export round trip: the corpus drafts read back with the same text and headings', () => {
  const drafts = [...fs.readdirSync(CORPUS).map((f) => path.join(CORPUS, f)), ...fs.readdirSync(WEB).filter((f) => f.endsWith('.txt')).map((f) => path.join(WEB, f))];
  const norm = (text: string) =>
    text
      .split(/\r\n|\r|\n/)
      .map((l) => l.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''))
      .filter((l) => l !== '');
  const headings = (text: string) => parse(text).headings.map((h) => ({ level: h.level, style: h.style, marker: h.marker?.text, title: h.title }));

  it('a Markdown draft: the title loses its "#", "##" headings become Word headings and read back as "##"', async () => {
    const { createRegistry, resolveConfig } = await import('../../server/src/core');
    const { planDraftExport } = await import('../../server/src/docx');
    const { writeDocx } = await import('../../server/src/node/docx-write');
    const reg = createRegistry();
    const { config } = resolveConfig(reg, []);
    const md = '# 在全市工作会议上的讲话\n\n同志们：\n\n<!-- speechlint-disable-next-line placeholder -->\n## 总体要求\n\n今年要做好三件事。\n\n## 重点任务\n\n（一）抓项目。要狠抓落实。\n';
    const plan = planDraftExport(md, reg, config);
    assert.ok(plan.ok);
    assert.deepEqual(plan.paragraphs.map((p) => [p.role, p.headingLevel, p.runs.map((r) => r.text).join('')]), [
      ['title', undefined, '在全市工作会议上的讲话'],
      ['salutation', undefined, '同志们：'],
      ['heading', 2, '总体要求'],
      ['body', undefined, '今年要做好三件事。'],
      ['heading', 2, '重点任务'],
      ['heading', 2, '（一）抓项目。要狠抓落实。'],
    ]);
    const back = readDocx(await writeDocx(plan.paragraphs, config.exportLayout));
    assert.ok(back.ok);
    assert.deepEqual(back.draft.text.split('\n'), ['在全市工作会议上的讲话', '同志们：', '## 总体要求', '今年要做好三件事。', '## 重点任务', '（一）抓项目。要狠抓落实。']);
  });

  it(`exports and reads back ${drafts.length} drafts`, async function () {
    this.timeout(120000);
    const { createRegistry, resolveConfig } = await import('../../server/src/core');
    const { planDraftExport } = await import('../../server/src/docx');
    const { writeDocx } = await import('../../server/src/node/docx-write');
    const reg = createRegistry();
    const { config } = resolveConfig(reg, []);
    assert.ok(drafts.length >= 30);
    for (const file of drafts) {
      const text = fs.readFileSync(file, 'utf8');
      const plan = planDraftExport(text, reg, config);
      assert.ok(plan.ok);
      const back = readDocx(await writeDocx(plan.paragraphs, config.exportLayout));
      assert.ok(back.ok, file);
      const orig = norm(text).filter((l) => !/^<!--.*-->$/.test(l));
      assert.deepEqual(norm(back.draft.text), orig, `${path.basename(file)}: text`);
      assert.deepEqual(headings(back.draft.text), headings(orig.join('\n')), `${path.basename(file)}: headings`);
    }
  });
});
