#!/usr/bin/env node
'use strict';
/**
 * Renders the first page of test/fixtures/docx/office.speech exported to Word
 * (draft mode: placeholders in yellow) to docs/export-page1.png, for the
 * README. Needs a build (npm run build or tsc -p .), LibreOffice and
 * poppler-utils; the official fonts are drawn with Noto CJK
 * (test/docx-render/fonts.conf).
 *
 *   node scripts/export-picture.js [out.png]
 */
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');
const out = path.resolve(process.argv[2] || path.join(root, 'docs', 'export-page1.png'));
const { createRegistry, resolveConfig } = require(path.join(root, 'out/server/src/core'));
const { planDraftExport } = require(path.join(root, 'out/server/src/docx'));
const { writeDocx } = require(path.join(root, 'out/server/src/node/docx-write'));
const { pageToPng, toPdf } = require(path.join(root, 'out/test/docx-render/render'));

(async () => {
  const reg = createRegistry();
  const { config } = resolveConfig(reg, []);
  const plan = planDraftExport(fs.readFileSync(path.join(root, 'test/fixtures/docx/office.speech'), 'utf8'), reg, config);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'speechlint-picture-'));
  try {
    const docx = path.join(dir, 'office.docx');
    fs.writeFileSync(docx, await writeDocx(plan.paragraphs, config.exportLayout));
    pageToPng(toPdf(docx, dir), 1, out, 60);
    console.log(`wrote ${path.relative(process.cwd(), out)}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
})().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
