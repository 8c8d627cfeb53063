/**
 * The exported layout as LibreOffice renders it: a full page holds 22 lines
 * of body text, the page number "— N —" sits below, odd pages right and even
 * pages left. Run with `npm run test:docx-render` (CI installs LibreOffice).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createRegistry, resolveConfig } from '../../server/src/core';
import { planDraftExport } from '../../server/src/docx';
import { writeDocx } from '../../server/src/node/docx-write';
import { missingTools, pagesOf, toPdf } from './render';

const ROOT = path.resolve(__dirname, '..', '..', '..');

describe('Export to Word, rendered by LibreOffice', function () {
  this.timeout(240000);
  let dir: string;
  let pages: string[] = [];

  before(async function () {
    const missing = missingTools();
    if (missing.length) {
      console.log(`    (skipped: ${missing.join(', ')} not installed; apt-get install libreoffice-writer-nogui poppler-utils fonts-noto-cjk)`);
      this.skip();
    }
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'speechlint-render-'));
    const reg = createRegistry();
    const { config } = resolveConfig(reg, []);
    const text = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'corpus', '004_3d17754bf2496d4d.txt'), 'utf8');
    const plan = planDraftExport(text, reg, config);
    assert.ok(plan.ok);
    const docx = path.join(dir, 'draft.docx');
    fs.writeFileSync(docx, await writeDocx(plan.paragraphs, config.exportLayout));
    pages = pagesOf(toPdf(docx, dir));
  });
  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const isPageNumber = (l: string) => /^\s*—\s*\d+\s*—\s*$/.test(l);
  const textLines = (page: string) => page.split('\n').filter((l) => l.trim() !== '' && !isPageNumber(l));

  it('fills several pages', () => {
    assert.ok(pages.length >= 3, `${pages.length} pages`);
  });

  it('a full page holds 22 lines of body text', () => {
    for (const i of [1, 2]) assert.equal(textLines(pages[i]).length, 22, `page ${i + 1}:\n${pages[i]}`);
  });

  it('numbers pages "— N —", odd pages at the right, even pages at the left', () => {
    for (const [i, page] of pages.entries()) {
      const num = page.split('\n').find(isPageNumber);
      assert.ok(num, `page ${i + 1} has its number`);
      assert.equal(num.trim().replace(/\s/g, ''), `—${i + 1}—`);
      const indent = num.length - num.trimStart().length;
      if ((i + 1) % 2 === 1) assert.ok(indent > 20, `odd page ${i + 1}: number at the right (${JSON.stringify(num)})`);
      else assert.ok(indent < 10, `even page ${i + 1}: number at the left (${JSON.stringify(num)})`);
    }
  });
});
