/**
 * Rendering an exported draft with LibreOffice (headless) to PDF, its pages as
 * text (pdftotext) and a page as PNG (pdftoppm): for the layout test and the
 * README picture. Needs soffice and poppler-utils (.ci/run installs them).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const FONTS_CONF = path.resolve(__dirname, '..', '..', '..', 'test', 'docx-render', 'fonts.conf');

export function missingTools(): string[] {
  return ['soffice', 'pdftotext', 'pdftoppm'].filter((t) => spawnSync('sh', ['-c', `command -v ${t}`]).status !== 0);
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env, timeout: 180000 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr || r.error}`);
  return r.stdout;
}

/** The PDF LibreOffice makes of a .docx (in a fresh profile, with the fonts.conf aliases). */
export function toPdf(docx: string, outDir: string): string {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'speechlint-lo-'));
  try {
    run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, docx], { ...process.env, FONTCONFIG_FILE: FONTS_CONF });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  const pdf = path.join(outDir, path.basename(docx).replace(/\.docx$/i, '.pdf'));
  if (!fs.existsSync(pdf)) throw new Error(`LibreOffice made no PDF of ${docx}`);
  return pdf;
}

/** The text of each page, laid out. */
export function pagesOf(pdf: string): string[] {
  return run('pdftotext', ['-layout', pdf, '-']).split('\f').filter((p, i, all) => i < all.length - 1 || p.trim() !== '');
}

export function pageToPng(pdf: string, page: number, outPng: string, dpi = 60): void {
  const stem = outPng.replace(/\.png$/, '');
  run('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdf, stem]);
}
