/**
 * Reading a .docx: the zip (fflate, pure JavaScript) with bounded sizes, then
 * the pure mapping of server/src/docx. Works on bytes, so the client can
 * read a document through VS Code's file system too; `readDocxFile` adds the disk.
 *
 * Bounds: a file over MAX_DOCX_BYTES is refused before it is read, and each
 * XML part is inflated in a stream that stops at MAX_PART_BYTES, whatever size
 * the zip declares, so a zip bomb costs at most that much memory.
 */
import * as fs from 'fs';
import { Unzip, UnzipInflate, UnzipPassThrough } from 'fflate';
import type { DocxDraft, DocxParts } from '../docx';
import { docxToDraft } from '../docx';
import type { LocalizedText } from '../core/rule';

export const MAX_DOCX_BYTES = 50 * 1024 * 1024;
export const MAX_PART_BYTES = 64 * 1024 * 1024;

export type DocxReadResult = { ok: true; draft: DocxDraft } | { ok: false; reason: LocalizedText };

function t(zh: string, en: string): LocalizedText {
  return { zh, en };
}

class TooLarge extends Error {}

/** The named entries of a zip, inflated with a bound on each; entries not asked for are skipped unread. */
export function unzipEntries(bytes: Uint8Array, wanted: (name: string) => boolean, maxPart = MAX_PART_BYTES): Map<string, Uint8Array> {
  const found = new Map<string, Uint8Array>();
  const unzip = new Unzip((file) => {
    if (!wanted(file.name)) return;
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (err, chunk, final) => {
      if (err) throw err;
      size += chunk.length;
      if (size > maxPart) throw new TooLarge(file.name);
      chunks.push(chunk);
      if (final) found.set(file.name, concat(chunks, size));
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  const step = 1 << 16;
  for (let off = 0; off < bytes.length; off += step) unzip.push(bytes.subarray(off, Math.min(bytes.length, off + step)), off + step >= bytes.length);
  return found;
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(size);
  let off = 0;
  for (const c of chunks) {
    out.set(c, off);
    off += c.length;
  }
  return out;
}

function decodeXml(b: Uint8Array): string {
  if (b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b.subarray(2));
  if (b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be').decode(b.subarray(2));
  return new TextDecoder('utf-8').decode(b);
}

function hasUtf16(bytes: Uint8Array, s: string): boolean {
  const needle = Buffer.from(s, 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}

/** Why bytes that are not a zip cannot be read as a .docx. */
function notZipReason(bytes: Uint8Array): LocalizedText {
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    if (hasUtf16(bytes, 'EncryptedPackage')) {
      return t('文档已加密（设有打开密码），请在 Word 中取消密码后另存', 'the document is encrypted (it has an open password); remove the password in Word and save it again');
    }
    return t('这是旧版 Word 97-2003 文档（.doc），请在 Word 中另存为 .docx', 'this is an old Word 97-2003 document (.doc); save it as .docx in Word');
  }
  return t('不是 Word 文档（.docx 应为 zip 压缩包）', 'not a Word document (a .docx is a zip archive)');
}

/** The main document's path from _rels/.rels (word/document.xml when the relationships do not say). */
function mainDocumentPath(rels: Uint8Array | undefined): string {
  if (!rels) return 'word/document.xml';
  const m = /<Relationship\b[^>]*Type="[^"]*\/officeDocument"[^>]*>/.exec(decodeXml(rels));
  const target = m && /Target="\/?([^"]+)"/.exec(m[0]);
  return target ? target[1] : 'word/document.xml';
}

/** A .docx's bytes → the draft, or one clear reason why it cannot be read. */
const TOO_LARGE = t(`文档过大（超过 ${MAX_DOCX_BYTES / 1048576} MB）`, `the document is too large (over ${MAX_DOCX_BYTES / 1048576} MB)`);

export function readDocx(bytes: Uint8Array): DocxReadResult {
  if (bytes.length > MAX_DOCX_BYTES) return { ok: false, reason: TOO_LARGE };
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) return { ok: false, reason: notZipReason(bytes) };
  let parts: Map<string, Uint8Array>;
  let docPath = 'word/document.xml';
  try {
    const rels = unzipEntries(bytes, (n) => n === '_rels/.rels').get('_rels/.rels');
    docPath = mainDocumentPath(rels);
    const dir = docPath.includes('/') ? docPath.slice(0, docPath.lastIndexOf('/') + 1) : '';
    const names = new Set([docPath, `${dir}numbering.xml`, `${dir}styles.xml`]);
    parts = unzipEntries(bytes, (n) => names.has(n));
  } catch (e) {
    if (e instanceof TooLarge) return { ok: false, reason: t(`文档内容过大（${e.message} 解压后超过 ${MAX_PART_BYTES / 1048576} MB），可能已损坏`, `the document's content is too large (${e.message} is over ${MAX_PART_BYTES / 1048576} MB unpacked); it may be damaged`) };
    return { ok: false, reason: t(`文档已损坏，无法解压（${(e as Error).message}）`, `the document is damaged and cannot be unpacked (${(e as Error).message})`) };
  }
  const doc = parts.get(docPath);
  if (!doc) return { ok: false, reason: t('压缩包中没有 Word 正文（word/document.xml），不是 Word 文档', 'the archive has no Word body (word/document.xml); not a Word document') };
  const dir = docPath.slice(0, docPath.lastIndexOf('/') + 1);
  const input: DocxParts = { document: decodeXml(doc) };
  const numbering = parts.get(`${dir}numbering.xml`);
  const styles = parts.get(`${dir}styles.xml`);
  if (numbering) input.numbering = decodeXml(numbering);
  if (styles) input.styles = decodeXml(styles);
  try {
    return { ok: true, draft: docxToDraft(input) };
  } catch (e) {
    return { ok: false, reason: t(`文档已损坏，XML 无法解析（${(e as Error).message}）`, `the document is damaged: its XML cannot be parsed (${(e as Error).message})`) };
  }
}

/** Read a .docx from disk: the size is checked before the bytes are read. */
export function readDocxFile(abs: string): DocxReadResult {
  const size = fs.statSync(abs).size;
  if (size > MAX_DOCX_BYTES) return { ok: false, reason: TOO_LARGE };
  return readDocx(fs.readFileSync(abs));
}

export function isDocxPath(p: string): boolean {
  return /\.docx$/i.test(p);
}
