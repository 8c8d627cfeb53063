/**
 * Reading Word documents: the pure mapping (document, numbering and styles
 * XML → one line per paragraph) and the zip layer's clear refusals.
 */
import * as assert from 'node:assert/strict';
import { zipSync, strToU8 } from 'fflate';
import { docxToDraft, formatNumber } from '../../server/src/docx';
import { parse } from '../../server/src/core';
import { readDocx, unzipEntries } from '../../server/src/node/docx-read';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const doc = (body: string) => `<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`;
const p = (inner: string, ppr = '') => `<w:p>${ppr ? `<w:pPr>${ppr}</w:pPr>` : ''}${inner}</w:p>`;
const r = (text: string, rpr = '') => `<w:r>${rpr ? `<w:rPr>${rpr}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const num = (numId: number, ilvl = 0) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;

const NUMBERING = `<w:numbering ${W}>
  <w:abstractNum w:abstractNumId="0">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
    <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="（%4）"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl></w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
  <w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
</w:numbering>`;

const STYLES = `<w:styles ${W}>
  <w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="ListHead"><w:name w:val="List Head"/><w:basedOn w:val="Base"/></w:style>
  <w:style w:type="paragraph" w:styleId="Base"><w:name w:val="Base"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
</w:styles>`;

function lines(body: string, numbering = NUMBERING, styles = STYLES): string[] {
  return docxToDraft({ document: doc(body), numbering, styles }).paragraphs.map((x) => x.line);
}

describe('docx reading: paragraphs as Word shows them', () => {
  it('renders Word list numbers as the marker, level by level, deeper levels restarting', () => {
    const got = lines(
      p(r('提振激情'), num(1)) + p(r('要造浓氛围'), num(1, 1)) + p(r('具体一'), num(1, 2)) + p(r('细目'), num(1, 3)) + p(r('具体二'), num(1, 2)) + p(r('强化创新'), num(1)) + p(r('要加强合作'), num(1, 1)),
    );
    assert.deepEqual(got, ['一、提振激情', '（一）要造浓氛围', '1.具体一', '（1）细目', '2.具体二', '二、强化创新', '（一）要加强合作']);
    const d = parse(got.join('\n'));
    assert.deepEqual(
      d.headings.map((h) => [h.level, h.marker?.text]),
      [[1, '一、'], [2, '（一）'], [3, '1.'], [4, '（1）'], [3, '2.'], [1, '二、'], [2, '（一）']],
      'the rendered numbers are the headings the checker sees',
    );
  });

  it('takes numbering from the paragraph style (basedOn followed); numId 0 switches it off; bullets are left out', () => {
    assert.deepEqual(lines(p(r('甲'), '<w:pStyle w:val="ListHead"/>') + p(r('乙'), '<w:pStyle w:val="ListHead"/>' + num(0)) + p(r('丙'), num(2))), ['（一）甲', '乙', '丙']);
  });

  it('lists sharing a definition share counters; startOverride restarts', () => {
    assert.deepEqual(lines(p(r('a'), num(1)) + p(r('b'), num(1)) + p(r('c'), num(3)) + p(r('d'), num(3))), ['一、a', '二、b', '一、c', '二、d']);
  });

  it('follows a list defined through a list style (w:numStyleLink → w:styleLink)', () => {
    const numbering = `<w:numbering ${W}>
      <w:abstractNum w:abstractNumId="5"><w:styleLink w:val="SpeechList"/>
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCountingThousand"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
      </w:abstractNum>
      <w:abstractNum w:abstractNumId="6"><w:numStyleLink w:val="SpeechList"/></w:abstractNum>
      <w:num w:numId="7"><w:abstractNumId w:val="6"/></w:num>
      <w:num w:numId="8"><w:abstractNumId w:val="5"/></w:num>
    </w:numbering>`;
    assert.deepEqual(lines(p(r('甲'), num(7)) + p(r('乙'), num(8)), numbering), ['一、甲', '二、乙']);
  });

  it('accepts tracked insertions, drops deletions, joins a paragraph whose mark was deleted', () => {
    const body =
      p(`${r('我们要')}<w:ins w:id="1" w:author="a">${r('坚定')}</w:ins><w:del w:id="2" w:author="a"><w:r><w:delText>动摇</w:delText></w:r></w:del>${r('信心。')}`) +
      p(r('前半句'), '<w:rPr><w:del w:id="3" w:author="a"/></w:rPr>') +
      p(r('后半句。'));
    assert.deepEqual(lines(body), ['我们要坚定信心。', '前半句后半句。']);
  });

  it('gives a field its result, not its instruction; drops footnote references and hidden text', () => {
    const field = `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE \\@ "yyyy年M月d日" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${r('2024年3月1日')}<w:r><w:fldChar w:fldCharType="end"/></w:r>`;
    const note = `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>`;
    assert.deepEqual(lines(p(field) + p(r('正文') + note + r('继续') + r('隐藏', '<w:vanish/>'))), ['2024年3月1日', '正文继续']);
  });

  it('reads table cells as paragraphs in reading order and skips text boxes', () => {
    const cell = (t: string) => `<w:tc>${p(r(t))}</w:tc>`;
    const body = p(r('表前')) + `<w:tbl><w:tr>${cell('甲')}${cell('乙')}</w:tr><w:tr>${cell('丙')}${cell('丁')}</w:tr></w:tbl>` + p(`${r('后')}<w:r><w:drawing><w:txbxContent>${p(r('框'))}</w:txbxContent></w:drawing></w:r>`);
    const d = docxToDraft({ document: doc(body) });
    assert.deepEqual(d.paragraphs.map((x) => x.line), ['表前', '甲', '乙', '丙', '丁', '后']);
    assert.deepEqual(d.paragraphs.map((x) => x.inTable), [false, true, true, true, true, false]);
  });

  it('marks a Word heading that shows no number with Markdown #, counted as added characters; the Title style is the title', () => {
    const d = docxToDraft({ document: doc(p(r('讲话标题'), '<w:pStyle w:val="Title"/>') + p(r('总体要求'), '<w:pStyle w:val="1"/>') + p(r('一、已编号'), '<w:pStyle w:val="1"/>')), styles: STYLES });
    assert.deepEqual(d.paragraphs.map((x) => [x.line, x.prefixLength, x.headingLevel]), [['讲话标题', 0, undefined], ['# 总体要求', 2, 1], ['一、已编号', 0, 1]]);
    assert.equal(parse(d.text).headings[0].title, '总体要求');
  });

  it('formats the number formats offices use', () => {
    assert.deepEqual([1, 10, 11, 20, 23].map((n) => formatNumber(n, 'chineseCounting')), ['一', '十', '十一', '二十', '二十三']);
    assert.deepEqual([1, 3, 11].map((n) => formatNumber(n, 'ideographTraditional')), ['甲', '丙', '甲']);
    assert.deepEqual([1, 12].map((n) => formatNumber(n, 'decimalFullWidth')), ['１', '１２']);
    assert.equal(formatNumber(3, 'decimalEnclosedCircle'), '③');
    assert.equal(formatNumber(4, 'upperRoman'), 'IV');
    assert.equal(formatNumber(28, 'upperLetter'), 'BB');
    assert.equal(formatNumber(999_999_999, 'lowerLetter'), '999999999', 'a hostile start cannot make a huge marker');
    assert.equal(formatNumber(2, 'somethingNew'), '2');
  });
});

describe('docx reading: the file', () => {
  const zip = (files: Record<string, string>) => zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));

  it('reads a minimal package', () => {
    const res = readDocx(zip({ 'word/document.xml': doc(p(r('同志们：'))) }));
    assert.ok(res.ok);
    assert.equal(res.draft.text, '同志们：');
  });

  it('follows _rels/.rels to the main document', () => {
    const rels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document2.xml"/></Relationships>`;
    const res = readDocx(zip({ '_rels/.rels': rels, 'word/document2.xml': doc(p(r('正文'))) }));
    assert.ok(res.ok && res.draft.text === '正文');
  });

  const refused = (bytes: Uint8Array, pattern: RegExp) => {
    const res = readDocx(bytes);
    assert.equal(res.ok, false);
    if (!res.ok) assert.match(res.reason.en, pattern);
  };

  it('refuses what is not a .docx with one clear reason', () => {
    refused(strToU8('同志们：这是一份文本。'), /not a Word document/);
    const cfb = new Uint8Array(2048);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    refused(cfb, /Word 97-2003 document \(\.doc\)/);
    cfb.set(Buffer.from('EncryptedPackage', 'utf16le'), 1024);
    refused(cfb, /encrypted/);
    refused(zip({ 'xl/workbook.xml': '<x/>' }), /no Word body/);
    refused(zip({ 'word/document.xml': '<w:document><w:body><w:p>' }), /damaged/);
    const good = zip({ 'word/document.xml': doc(p(r('正文'))) });
    refused(good.subarray(0, Math.floor(good.length / 2)), /damaged|no Word body/);
  });

  it('refuses XML nested without end (no quadratic walk)', () => {
    const deep = '<w:r>'.repeat(200_000);
    const res = readDocx(zip({ 'word/document.xml': doc(p(deep)) }));
    assert.equal(res.ok, false);
    if (!res.ok) assert.match(res.reason.en, /damaged: .*nested more than 256 deep/);
  });

  it('stops inflating a part at the bound, whatever size the zip declares (a zip bomb)', () => {
    const big = zipSync({ 'word/document.xml': new Uint8Array(3_000_000) }, { level: 9 });
    assert.ok(big.length < 10_000, 'the test zip is small');
    assert.throws(() => unzipEntries(big, () => true, 1_000_000));
    assert.equal(unzipEntries(big, () => true, 4_000_000).get('word/document.xml')?.length, 3_000_000);
  });
});
