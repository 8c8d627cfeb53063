/**
 * Export to Word: a planned draft (server/src/docx/plan.ts) written as a
 * .docx with the `docx` package, in the layout of GB/T 9704-2012 (or the
 * office's `export` section): A4, the margins, a line-and-character grid of
 * N lines of M characters with fixed line spacing, the fonts of each role
 * named in the runs and in the font table (each with its fallback as
 * w:altName, and the GB2312 character set so that Word substitutes a Chinese
 * face when none is installed), a two-character first-line indent, page
 * numbers "— 1 —" at the outer bottom corner (odd pages right, even left).
 */
import { AlignmentType, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import { strToU8, unzipSync, zipSync } from 'fflate';
import type { ExportLayout, FontRole } from '../core/export-layout';
import type { PlannedParagraph } from '../docx/plan';

const A4 = { width: 11906, height: 16838 };

export function mmToTwips(mm: number): number {
  return Math.round((mm / 25.4) * 1440);
}

/** The grid: line pitch (twips) for N lines, character spacing (1/4096 pt over the body size) for M characters. */
export function gridFor(layout: ExportLayout): { linePitch: number; charSpace: number; textWidth: number; textHeight: number } {
  const textHeight = A4.height - mmToTwips(layout.margins.top) - mmToTwips(layout.margins.bottom);
  const textWidth = A4.width - mmToTwips(layout.margins.left) - mmToTwips(layout.margins.right);
  const linePitch = Math.floor(textHeight / layout.linesPerPage);
  const pitchPt = textWidth / layout.charsPerLine / 20;
  const charSpace = Math.floor((pitchPt - layout.sizes.body) * 4096);
  return { linePitch, charSpace, textWidth, textHeight };
}

function font(layout: ExportLayout, role: FontRole): { ascii: string; hAnsi: string; eastAsia: string; cs: string; hint: 'eastAsia' } {
  const name = layout.fonts[role][0];
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name, hint: 'eastAsia' };
}

function paragraphFor(p: PlannedParagraph, layout: ExportLayout, linePitch: number): Paragraph {
  const size = (role: FontRole) => (role === 'title' ? layout.sizes.title : layout.sizes.body) * 2;
  const centred = p.role === 'title' || p.role === 'subtitle' || p.role === 'date';
  const indented = p.role === 'body' || p.role === 'heading';
  const children = p.runs.map(
    (r) => new TextRun({ text: r.text, font: font(layout, r.font), size: size(r.font), highlight: r.highlight ? 'yellow' : undefined }),
  );
  const style = p.role === 'title' ? 'Title' : p.headingLevel ? `Heading${p.headingLevel}` : undefined;
  return new Paragraph({
    style,
    children,
    alignment: centred ? AlignmentType.CENTER : AlignmentType.BOTH,
    indent: indented && layout.firstLineIndentChars > 0 ? { firstLineChars: Math.round(layout.firstLineIndentChars * 100), firstLine: Math.round(layout.firstLineIndentChars * layout.sizes.body * 20) } : undefined,
    spacing: { line: linePitch, lineRule: LineRuleType.EXACT, before: 0, after: p.endsTitleBlock ? linePitch : 0 },
  });
}

function pageNumberFooter(layout: ExportLayout, side: 'right' | 'left' | 'center'): Footer {
  const size = layout.sizes.pageNumber * 2;
  const f = font(layout, 'pageNumber');
  const oneChar = layout.sizes.pageNumber * 20;
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'right' ? AlignmentType.RIGHT : side === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
        // GB/T 9704 §7.5: odd page numbers one character in from the right, even ones from the left
        indent: side === 'right' ? { right: oneChar } : side === 'left' ? { left: oneChar } : undefined,
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: f, size })],
      }),
    ],
  });
}

function styleRun(layout: ExportLayout, role: FontRole, sizePt: number) {
  return { font: font(layout, role), size: sizePt * 2, bold: false, italics: false, color: '000000' };
}

function buildDocument(paragraphs: readonly PlannedParagraph[], layout: ExportLayout, title: string): Document {
  const grid = gridFor(layout);
  const exact = { line: grid.linePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
  const heading = (role: FontRole, outline: number) => ({ run: styleRun(layout, role, layout.sizes.body), paragraph: { spacing: exact, outlineLevel: outline, keepNext: true } });
  const footers =
    layout.pageNumbers === 'none'
      ? undefined
      : layout.pageNumbers === 'center'
        ? { default: pageNumberFooter(layout, 'center') }
        : { default: pageNumberFooter(layout, 'right'), even: pageNumberFooter(layout, 'left') };
  return new Document({
    title,
    creator: 'speechlint',
    evenAndOddHeaderAndFooters: layout.pageNumbers === 'outer',
    styles: {
      default: {
        document: { run: styleRun(layout, 'body', layout.sizes.body), paragraph: { spacing: exact } },
        title: { run: styleRun(layout, 'title', layout.sizes.title), paragraph: { spacing: exact, alignment: AlignmentType.CENTER } },
        heading1: heading('heading1', 0),
        heading2: heading('heading2', 1),
        heading3: heading('body', 2),
        heading4: heading('body', 3),
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height },
            margin: {
              top: mmToTwips(layout.margins.top),
              bottom: mmToTwips(layout.margins.bottom),
              left: mmToTwips(layout.margins.left),
              right: mmToTwips(layout.margins.right),
              // the page number's line starts about 7 mm below the text block (GB/T 9704 §7.5)
              footer: Math.max(0, mmToTwips(layout.margins.bottom - 7) - layout.sizes.pageNumber * 20 - 60),
              header: mmToTwips(15),
            },
          },
          grid: { type: 'linesAndChars', linePitch: grid.linePitch, charSpace: grid.charSpace },
        },
        footers,
        children: paragraphs.map((p) => paragraphFor(p, layout, grid.linePitch)),
      },
    ],
  });
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * word/fontTable.xml naming every font of the layout, each with its next
 * fallback as w:altName, the GB2312 character set and the family Word
 * substitutes from when none is installed (sans "modern" for 黑体, serif
 * "roman" for 仿宋, 楷体 and 小标宋).
 */
export function fontTableXml(layout: ExportLayout): string {
  const seen = new Set<string>();
  let fonts = '';
  for (const list of Object.values(layout.fonts)) {
    list.forEach((name, i) => {
      if (seen.has(name)) return;
      seen.add(name);
      const alt = list[i + 1];
      const latin = /^[\x20-\x7e]+$/.test(name) && !/^(SimSun|SimHei|FangSong|KaiTi)$/.test(name);
      fonts +=
        `<w:font w:name="${escapeXml(name)}">` +
        (alt ? `<w:altName w:val="${escapeXml(alt)}"/>` : '') +
        `<w:charset w:val="${latin ? '00' : '86'}"/><w:family w:val="${list === layout.fonts.heading1 ? 'modern' : 'roman'}"/><w:pitch w:val="${latin ? 'variable' : 'fixed'}"/></w:font>`;
    });
  }
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${fonts}</w:fonts>`;
}

/** The .docx bytes of a planned draft. */
export async function writeDocx(paragraphs: readonly PlannedParagraph[], layout: ExportLayout, title = ''): Promise<Uint8Array> {
  const packed = await Packer.toBuffer(buildDocument(paragraphs, layout, title));
  // the docx package writes a font table only for embedded fonts: name ours, with their fallbacks
  const files = unzipSync(new Uint8Array(packed));
  files['word/fontTable.xml'] = strToU8(fontTableXml(layout));
  return zipSync(files, { level: 6 });
}
