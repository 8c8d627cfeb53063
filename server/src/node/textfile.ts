/**
 * Reading drafts from disk and writing them back, for the CLI (Node only).
 *
 * - `decodeDraft` turns bytes into text or a clear reason why they are not a
 *   UTF-8 text draft (binary, UTF-16, invalid UTF-8 — with a hint when the
 *   bytes are GB18030/GBK, the usual encoding of drafts saved on Chinese
 *   Windows). It remembers the BOM and the line-break style so a fix can be
 *   written back without touching anything else.
 * - `writeFileAtomic` writes through a temporary file in the same folder,
 *   fsync and rename, keeping the file mode (and owner, when allowed): a crash
 *   or a full disk can never leave a truncated draft.
 * - `expandPaths` turns command-line paths into draft files, walking folders
 *   without following a symbolic link back into one of its own ancestors.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { LocalizedText } from '../core/rule';

export type DecodeResult =
  | { ok: true; text: string; bom: boolean; eol: '\r\n' | '\n' | '\r' }
  | { ok: false; reason: LocalizedText };

const SNIFF = 8192;

function t(zh: string, en: string): LocalizedText {
  return { zh, en };
}

/** Offset of the first byte that breaks UTF-8, or -1 when the bytes are valid UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function looksLikeGb18030(bytes: Uint8Array): boolean {
  try {
    const s = new TextDecoder('gb18030', { fatal: true }).decode(bytes.subarray(0, 65536));
    return /[\u4e00-\u9fff]/.test(s);
  } catch {
    // not GB18030 either (or this Node has no ICU data for it)
    return false;
  }
}

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/** Bytes → the draft's text (BOM removed, remembered), or why the bytes are not a UTF-8 text draft. */
export function decodeDraft(bytes: Uint8Array): DecodeResult {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return { ok: false, reason: t('文件为 UTF-16 编码，请另存为 UTF-8 文本', 'the file is UTF-16 encoded; save it as UTF-8 text') };
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return {
      ok: false,
      reason: t('二进制文件（像是 Word 文档或压缩包），请先另存为 UTF-8 纯文本', 'binary file (it looks like a Word document or an archive); save the draft as UTF-8 plain text first'),
    };
  }
  const sniffLen = Math.min(bytes.length, SNIFF);
  for (let i = 0; i < sniffLen; i++) {
    if (bytes[i] === 0) return { ok: false, reason: t('二进制文件（含 NUL 字节），不是文本', 'binary file (contains NUL bytes), not text') };
  }
  const bom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  const body = bom ? bytes.subarray(3) : bytes;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    const at = firstInvalidUtf8(body) + (bom ? 3 : 0);
    const where = at >= 0 ? at : 0;
    if (looksLikeGb18030(body)) {
      return {
        ok: false,
        reason: t(
          `不是有效的 UTF-8（第 ${where} 字节起），像是 GBK/GB18030 编码，请转换为 UTF-8（如 iconv -f GB18030 -t UTF-8）`,
          `not valid UTF-8 (at byte ${where}); it looks like GBK/GB18030: convert it to UTF-8 (e.g. iconv -f GB18030 -t UTF-8)`,
        ),
      };
    }
    return { ok: false, reason: t(`不是有效的 UTF-8 文本（第 ${where} 字节起）`, `not valid UTF-8 text (at byte ${where})`) };
  }
  // "Mostly non-text": control characters other than tab, line breaks and form feed.
  const sample = text.slice(0, SNIFF);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 11 && c !== 12 && c !== 13) || c === 0x7f) control++;
  }
  if (sample.length > 0 && control > 2 && control / sample.length > 0.3) {
    return { ok: false, reason: t('二进制文件（大部分是控制字符），不是文本', 'binary file (mostly control characters), not text') };
  }
  return { ok: true, text, bom, eol: detectEol(text) };
}

/** The line-break style of a text: the first one found, "\n" when there is none. */
export function detectEol(text: string): '\r\n' | '\n' | '\r' {
  const i = text.search(/\r\n|\r|\n/);
  if (i < 0) return '\n';
  if (text.charCodeAt(i) === 10) return '\n';
  return text.charCodeAt(i + 1) === 10 ? '\r\n' : '\r';
}

/** Text (+ BOM) → bytes, as the draft was read. */
export function encodeDraft(text: string, bom: boolean): Buffer {
  const body = Buffer.from(text, 'utf8');
  return bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}

/**
 * Replace `file`'s content through a temporary file in the same folder:
 * write, fsync, rename. The mode (and owner, when the process may set it) of
 * the original is kept. A symbolic link is followed: its target is replaced,
 * the link stays. Throws on failure, leaving the original untouched.
 */
export function writeFileAtomic(file: string, data: Uint8Array): void {
  const real = fs.realpathSync(file);
  const st = fs.statSync(real);
  const dir = path.dirname(real);
  removeStaleTemps(dir, path.basename(real));
  const tmp = path.join(dir, `.${path.basename(real)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.speechlint-tmp`);
  const mode = st.mode & 0o7777;
  let fd: number | undefined = fs.openSync(tmp, 'wx', mode);
  try {
    let off = 0;
    while (off < data.length) off += fs.writeSync(fd, data, off, data.length - off);
    fs.fchmodSync(fd, mode); // the umask may have narrowed the mode given to open
    try {
      fs.fchownSync(fd, st.uid, st.gid);
    } catch {
      // only root (or the owner, for the group) may; the draft keeps the writer's ownership otherwise
    }
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(tmp, real);
  } catch (e) {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // already failing
      }
    }
    try {
      fs.unlinkSync(tmp);
    } catch {
      // already gone
    }
    throw e;
  }
  // Make the rename itself durable; not every platform can fsync a folder.
  try {
    const dfd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(dfd);
    } finally {
      fs.closeSync(dfd);
    }
  } catch {
    // best effort
  }
}

/** Limits for files that a workspace names: a draft, a config file, a user dictionary. */
export const MAX_DRAFT_BYTES = 20 * 1024 * 1024;
export const MAX_CONFIG_BYTES = 1024 * 1024;
export const MAX_DICTIONARY_BYTES = 20 * 1024 * 1024;
const READ_TIMEOUT_MS = 10_000;
const CHUNK = 1024 * 1024;

/** A file refused before or while it was read (not a regular file, too large, too slow): `reason` says which, in words. */
export class FileLimitError extends Error {
  constructor(readonly reason: LocalizedText) {
    super(reason.en);
  }
}

function megabytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round((n / (1024 * 1024)) * 10) / 10} MB` : `${Math.ceil(n / 1024)} KB`;
}

/**
 * Read a file that must be a regular file of at most `maxBytes`, within
 * `timeoutMs`. Opened without blocking (a FIFO never hangs the open), checked
 * with fstat on the open descriptor (no race with a swap of the path), read in
 * chunks with the size and the time checked after each one, so that a device
 * (/dev/zero), a FIFO, a socket or a file that grows while it is read is
 * refused with a FileLimitError instead of filling the memory or blocking for
 * good. Other failures throw the system error (ioCause names it).
 */
export function readRegularFile(file: string, opts: { maxBytes: number; timeoutMs?: number }): Buffer {
  const started = Date.now();
  const timeoutMs = opts.timeoutMs ?? READ_TIMEOUT_MS;
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const st = fs.fstatSync(fd);
    if (st.isDirectory()) throw new FileLimitError(t('是文件夹，不是文件', 'is a folder, not a file'));
    if (!st.isFile()) throw new FileLimitError(t('不是普通文件（设备、管道或套接字），未读取', 'not a regular file (a device, a pipe or a socket); not read'));
    const tooLarge = () => new FileLimitError(t(`文件过大（上限 ${megabytes(opts.maxBytes)}），未读取`, `the file is too large (at most ${megabytes(opts.maxBytes)}); not read`));
    if (st.size > opts.maxBytes) throw tooLarge();
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(CHUNK, opts.maxBytes + 1 - total));
      const n = fs.readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      chunks.push(buf.subarray(0, n));
      total += n;
      if (total > opts.maxBytes) throw tooLarge();
      if (Date.now() - started > timeoutMs) throw new FileLimitError(t(`读取超时（超过 ${timeoutMs / 1000} 秒），未读取`, `reading took too long (over ${timeoutMs / 1000} s); not read`));
    }
    return Buffer.concat(chunks, total);
  } finally {
    fs.closeSync(fd);
  }
}

/** Is `p` (links resolved) `root` or inside it (links resolved)? A path that cannot be resolved is judged as written. */
export function isInside(root: string, p: string): boolean {
  const rel = path.relative(realOr(root), realOr(p));
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/**
 * Remove the temporary files that a killed write of `base` left in `dir`
 * (`.<base>.<pid>.<random>.speechlint-tmp` whose process is gone). Best effort.
 */
function removeStaleTemps(dir: string, base: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  const prefix = `.${base}.`;
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.speechlint-tmp')) continue;
    const pid = Number(name.slice(prefix.length).split('.')[0]);
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || processAlive(pid)) continue;
    try {
      fs.unlinkSync(path.join(dir, name));
    } catch {
      // gone already, or not ours to remove
    }
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // alive, another user's
  }
}

export const DRAFT_EXTENSIONS: readonly string[] = ['.speech', '.txt', '.md'];

export interface DraftFile {
  /** The path as shown to the user (as typed, or joined under the folder as typed). */
  display: string;
  /** Absolute path. */
  abs: string;
  /** For a draft found by walking a folder: that folder (links resolved); a fix is written only inside it. */
  root?: string;
}

export interface PathError {
  display: string;
  reason: LocalizedText;
}

function systemMessage(e: unknown): LocalizedText {
  const msg = e instanceof Error ? e.message : String(e);
  return t(msg, msg);
}

/** Why a file operation failed: the error named in words, else the system's message. */
export function ioCause(e: unknown, op: 'read' | 'write' = 'read'): LocalizedText {
  return knownCause(e, op) ?? systemMessage(e);
}

/** Why a read failed, on its own line: ioCause, where a system message says "cannot read" first. */
export function ioReason(e: unknown): LocalizedText {
  const known = knownCause(e, 'read');
  if (known) return known;
  const m = systemMessage(e);
  return t(`无法读取：${m.zh}`, `cannot read: ${m.en}`);
}

function knownCause(e: unknown, op: 'read' | 'write'): LocalizedText | undefined {
  if (e instanceof FileLimitError) return e.reason;
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return t('文件或文件夹不存在', 'no such file or folder');
    case 'EACCES':
    case 'EPERM':
      return op === 'write' ? t('没有写入权限', 'permission denied') : t('没有读取权限', 'permission denied');
    case 'ENOSPC':
    case 'EDQUOT':
      return t('磁盘空间不足', 'no space left on the disk');
    case 'EROFS':
      return t('文件系统只读', 'read-only file system');
    case 'EISDIR':
      return t('是文件夹，不是文件', 'is a folder, not a file');
    case 'ELOOP':
      return t('符号链接循环', 'symbolic link loop');
    case 'ENOTDIR':
      return t('路径中有一段不是文件夹', 'a part of the path is not a folder');
    case 'EMFILE':
    case 'ENFILE':
      return t('打开的文件过多', 'too many open files');
    default:
      return undefined;
  }
}

/** The real path (links resolved), or the path itself when it cannot be resolved. */
function realOr(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}

/**
 * Command-line paths → draft files. Folders are walked for `.speech`, `.txt`
 * and `.md` (names compared case-insensitively), skipping `node_modules`,
 * `.git` and every other dot-folder or dot-file. Files named explicitly are
 * checked whatever their extension. Each file is listed once (by real path).
 * A symbolic link that leads back into one of its own ancestor folders is a
 * directory loop and an error; a second link to a folder already walked is
 * skipped quietly. A symbolic link that leads out of the folder given (to a
 * file or a folder elsewhere, to `/`) is not followed: the walk stays inside
 * the folders it was given, and `skipped` says, once per folder, how many
 * links were left out.
 */
export function expandPaths(
  args: readonly string[],
  cwd: string,
  exts: readonly string[] = DRAFT_EXTENSIONS,
): { files: DraftFile[]; errors: PathError[]; skipped: PathError[] } {
  const files: DraftFile[] = [];
  const errors: PathError[] = [];
  const skipped: PathError[] = [];
  let root = '';
  let outside: string[] = [];
  const seenFiles = new Set<string>();
  const seenDirs = new Set<string>();
  const extSet = new Set(exts.map((e) => e.toLowerCase()));
  const wanted = (name: string) => extSet.has(path.extname(name).toLowerCase());

  const addFile = (abs: string, display: string, inRoot?: string) => {
    const real = realOr(abs);
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    files.push(inRoot ? { display, abs, root: inRoot } : { display, abs });
  };

  const walk = (dir: string, display: string, ancestors: string[]): number => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      errors.push({ display, reason: ioReason(e) });
      return 0;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    let found = 0;
    for (const ent of entries) {
      if (ent.name.startsWith('.') || ent.name === 'node_modules') continue;
      const full = path.join(dir, ent.name);
      const disp = path.join(display, ent.name);
      let isDir = ent.isDirectory();
      let isFile = ent.isFile();
      if (ent.isSymbolicLink()) {
        let st: fs.Stats;
        try {
          st = fs.statSync(full);
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          // a dangling link matters only where a draft was expected; a link cycle always does
          if (code === 'ELOOP' || wanted(ent.name)) errors.push({ display: disp, reason: code === 'ENOENT' ? t('符号链接指向的文件不存在', 'broken symbolic link') : ioReason(e) });
          continue;
        }
        isDir = st.isDirectory();
        isFile = st.isFile();
        if ((isDir || (isFile && wanted(ent.name))) && !isInside(root, full)) {
          outside.push(disp);
          continue;
        }
      }
      if (isDir) {
        let real: string;
        try {
          real = fs.realpathSync(full);
        } catch (e) {
          errors.push({ display: disp, reason: ioReason(e) });
          continue;
        }
        if (ancestors.includes(real)) {
          errors.push({ display: disp, reason: t(`文件夹循环：链接回到上层文件夹 ${real}`, `directory loop: links back to its ancestor ${real}`) });
          continue;
        }
        if (seenDirs.has(real)) continue;
        seenDirs.add(real);
        ancestors.push(real);
        found += walk(full, disp, ancestors);
        ancestors.pop();
      } else if (isFile && wanted(ent.name)) {
        addFile(full, disp, root);
        found++;
      }
    }
    return found;
  };

  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
    } catch (e) {
      let reason = ioReason(e);
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
        try {
          if (fs.lstatSync(abs).isSymbolicLink()) reason = t('符号链接指向的文件不存在', 'broken symbolic link');
        } catch {
          // plainly missing
        }
      }
      errors.push({ display: arg, reason });
      continue;
    }
    if (st.isDirectory()) {
      const real = realOr(abs);
      if (seenDirs.has(real)) continue;
      seenDirs.add(real);
      const before = errors.length;
      root = real;
      outside = [];
      const found = walk(abs, arg, [real]);
      if (outside.length > 0) {
        const n = outside.length;
        const eg = outside.slice(0, 3).join(', ');
        skipped.push({
          display: arg,
          reason: t(`${n} 个符号链接指向此文件夹之外，未跟随（如 ${eg}）`, `${n} symbolic ${n === 1 ? 'link leads' : 'links lead'} out of this folder and ${n === 1 ? 'was' : 'were'} not followed (${eg})`),
        });
      }
      if (found === 0 && errors.length === before && outside.length === 0) {
        errors.push({ display: arg, reason: t(`文件夹中没有 ${exts.join('、')} 文件`, `no ${exts.join(', ')} files in this folder`) });
      }
    } else if (st.isFile()) {
      addFile(abs, arg);
    } else {
      errors.push({ display: arg, reason: t('不是普通文件', 'not a regular file') });
    }
  }
  return { files, errors, skipped };
}
