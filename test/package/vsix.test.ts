/**
 * The VSIXs `npm run package` builds (scripts/package.js; run by `npm run
 * test:package` first): one per platform and a universal one. Each platform
 * VSIX carries exactly one native binary, of its target's format and machine
 * (read from its PE / Mach-O / ELF header), and nothing else native; the
 * universal one carries none, and the WebAssembly segmenter. All under 8 MB.
 * The linux-x64 and the universal VSIX are unzipped where no node_modules is
 * above them and their language servers run: diagnostics that need word
 * segmentation come back (natively, and with WebAssembly).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRegistry } from '../../server/src/core/rules';
import { ROOT, TestClient, corpus } from '../protocol/client';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { TARGETS } = require(path.join(ROOT, 'scripts', 'package.js')) as { TARGETS: Record<string, { os: string; cpu: string; libc?: string } | null> };

interface ZipFile {
  readEntry(): void;
  on(event: 'entry', f: (e: { fileName: string }) => void): void;
  on(event: 'end' | 'error', f: (e?: Error) => void): void;
  openReadStream(e: unknown, cb: (err: Error | null, s: NodeJS.ReadableStream) => void): void;
  close(): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yauzl = require('yauzl') as { open(p: string, o: { lazyEntries: boolean }, cb: (err: Error | null, z: ZipFile) => void): void };

const VSIX_DIR = process.env.SPEECHLINT_VSIX_DIR ?? path.join(ROOT, 'vsix');
const VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const vsixOf = (target: string) => path.join(VSIX_DIR, `speechlint-${target}-${VERSION}.vsix`);

/** Every file of a zip, with its bytes. */
function unzip(file: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      const out = new Map<string, Buffer>();
      zip.on('error', reject);
      zip.on('end', () => resolve(out));
      zip.on('entry', (e) => {
        if (e.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(e, (err2, s) => {
          if (err2) return reject(err2);
          const parts: Buffer[] = [];
          s.on('data', (d: Buffer) => parts.push(d));
          s.on('error', reject);
          s.on('end', () => {
            out.set(e.fileName, Buffer.concat(parts));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

/** The executable format and machine a file's header names, or undefined when it is no executable. */
function binaryKind(b: Buffer): { format: 'pe' | 'macho' | 'elf'; machine: string; libc?: string } | undefined {
  if (b.length >= 64 && b[0] === 0x4d && b[1] === 0x5a) {
    const pe = b.readUInt32LE(0x3c);
    if (pe + 6 > b.length || b.toString('latin1', pe, pe + 4) !== 'PE\0\0') return { format: 'pe', machine: 'unknown' };
    const m = b.readUInt16LE(pe + 4);
    return { format: 'pe', machine: m === 0x8664 ? 'x64' : m === 0xaa64 ? 'arm64' : `0x${m.toString(16)}` };
  }
  if (b.length >= 8 && b.readUInt32LE(0) === 0xfeedfacf) {
    const cpu = b.readUInt32LE(4);
    return { format: 'macho', machine: cpu === 0x01000007 ? 'x64' : cpu === 0x0100000c ? 'arm64' : `0x${cpu.toString(16)}` };
  }
  if (b.length >= 8 && [0xcafebabe, 0xfeedface, 0xcefaedfe].includes(b.readUInt32BE(0))) return { format: 'macho', machine: 'other (fat or 32-bit)' };
  if (b.length >= 20 && b.readUInt32BE(0) === 0x7f454c46) {
    if (b[4] !== 2 || b[5] !== 1) return { format: 'elf', machine: 'not 64-bit little-endian' };
    const m = b.readUInt16LE(18);
    // the C library it needs (a DT_NEEDED name in its string table): glibc's is libc.so.6, musl's libc.so
    const libc = b.includes('\0libc.so.6\0') ? 'glibc' : b.includes('\0libc.so\0') ? 'musl' : 'none';
    return { format: 'elf', machine: m === 62 ? 'x64' : m === 183 ? 'arm64' : `${m}`, libc };
  }
  return undefined;
}

const FORMAT: Record<string, 'pe' | 'macho' | 'elf'> = { win32: 'pe', darwin: 'macho', linux: 'elf' };
const MAX_BYTES = 8 * 1024 * 1024;

describe('VSIXs for every platform (npm run package)', function () {
  this.timeout(300000);

  it('there is one per target, universal included', () => {
    for (const t of Object.keys(TARGETS)) assert.ok(fs.existsSync(vsixOf(t)), `${vsixOf(t)} (run npm run package)`);
    assert.equal(Object.keys(TARGETS).length, 8);
  });

  for (const [target, platform] of Object.entries(TARGETS)) {
    it(`${target}: ${platform ? `one ${platform.os}-${platform.cpu}${platform.libc ? ` (${platform.libc})` : ''} binary` : 'no native binary, the WebAssembly segmenter'}, nothing else native, under 8 MB`, async () => {
      const file = vsixOf(target);
      const size = fs.statSync(file).size;
      assert.ok(size < MAX_BYTES, `${(size / 1048576).toFixed(1)} MB`);
      const files = await unzip(file);
      const manifest = files.get('extension.vsixmanifest')!.toString('utf8');
      const natives = [...files].filter(([name, bytes]) => binaryKind(bytes) || /\.(node|dll|so|dylib|exe)$/i.test(name));
      const wasm = [...files].filter(([, bytes]) => bytes.subarray(0, 4).equals(Buffer.from('\0asm', 'latin1')));
      for (const f of ['extension/dist/server.js', 'extension/dist/worker.js', 'extension/dist/extension.js', 'extension/dist/idf.bin', 'extension/node_modules/@node-rs/jieba/package.json']) assert.ok(files.has(f), f);
      if (!platform) {
        assert.deepEqual(natives, [], 'no native binary');
        assert.deepEqual(wasm.map(([n]) => n), ['extension/node_modules/jieba-wasm/pkg/nodejs/jieba_rs_wasm_bg.wasm']);
        assert.doesNotMatch(manifest, /TargetPlatform=/);
        return;
      }
      assert.match(manifest, new RegExp(`TargetPlatform="${target}"`));
      assert.equal(natives.length, 1, natives.map(([n]) => n).join(', '));
      const [name, bytes] = natives[0];
      assert.match(name, /^extension\/node_modules\/@node-rs\/jieba-[\w-]+\/jieba\.[\w-]+\.node$/);
      const kind = binaryKind(bytes);
      assert.equal(kind?.format, FORMAT[platform.os], name);
      assert.equal(kind?.machine, platform.cpu, name);
      if (platform.libc) assert.equal(kind?.libc, platform.libc, name);
      assert.deepEqual(wasm, [], 'no WebAssembly segmenter beside the native one');
      for (const f of ['index.js', 'dict.txt']) assert.ok(files.has(`extension/node_modules/@node-rs/jieba/${f}`), f);
    });
  }

  for (const [target, engine] of [
    ['linux-x64', 'native'],
    ['universal', 'WebAssembly'],
  ] as const) {
    it(`${target}: unzipped with no node_modules above it, its server publishes diagnostics that need segmentation (${engine})`, async function () {
      if (target === 'linux-x64' && !(process.platform === 'linux' && process.arch === 'x64' && process.report?.getReport && (process.report.getReport() as { header: { glibcVersionRuntime?: string } }).header.glibcVersionRuntime)) this.skip();
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), `speechlint-${target}-`));
      try {
        for (let d = dir; path.dirname(d) !== d; d = path.dirname(d)) assert.ok(!fs.existsSync(path.join(path.dirname(d), 'node_modules')), `node_modules above ${dir}`);
        for (const [name, bytes] of await unzip(vsixOf(target))) {
          fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
          fs.writeFileSync(path.join(dir, name), bytes);
        }
        if (target === 'universal') assert.ok(!fs.existsSync(path.join(dir, 'extension', 'node_modules', '@node-rs', 'jieba', 'index.js')));
        const segmented = new Set(
          createRegistry()
            .all()
            .filter((r) => r.meta.needsSegmentation)
            .map((r) => r.meta.id),
        );
        const c = await TestClient.start({ serverPath: path.join(dir, 'extension', 'dist', 'server.js'), env: { SPEECHLINT_SEGMENTER: undefined, NODE_PATH: undefined, SPEECHLINT_DEBUG: '1' } });
        try {
          const draft = corpus('004');
          const mark = c.mark();
          c.open(draft.uri, draft.text);
          const d = await c.waitForDiagnostics(draft.uri, mark, (p) => p.diagnostics.some((x) => segmented.has(String(x.code))));
          const found = new Set(d.diagnostics.map((x) => String(x.code)).filter((x) => segmented.has(x)));
          assert.deepEqual([...found].sort(), ['repetition/stutter']); // the segmented rule on by default (filler and overused-phrase are opt-in)
          const loaded = await c.waitForLog((l) => l.message.includes('jieba dictionary ('));
          assert.match(loaded.message, engine === 'native' ? /\(native\)/ : /\(WebAssembly\)/);
        } finally {
          await c.stop();
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
