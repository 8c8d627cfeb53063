#!/usr/bin/env node
'use strict';
/**
 * Bundles speechlint with esbuild:
 *   dist/extension.js  the VS Code client (vscode-languageclient inside; `vscode` external)
 *   dist/server.js     the language server (vscode-languageserver inside), for the
 *                      extension and for bin/speechlint-language-server.js
 *   dist/worker.js     its segmentation worker
 *   dist/cli.js        the command line, for bin/speechlint.js
 *   dist/idf.bin       the idf table of the topic keywords, prepared from
 *                      @node-rs/jieba's idf.txt (server/src/tools/idf-table.ts),
 *                      which the server reads in a few ms instead of parsing 6 MB of text
 * The VSIX ships extension.js, server.js, worker.js and idf.bin (.vscodeignore),
 * the npm package cli.js, server.js, worker.js and idf.bin (.npmignore;
 * `prepack` runs this script).
 * The segmenters stay external (SEGMENTER_PACKAGES), shipped as real packages
 * in node_modules/ (see scripts/package.js; dependencies of the npm package):
 * @node-rs/jieba (its dictionary, its JavaScript loader and the platform's
 * native binary) and jieba-wasm (a .wasm file read from beside its JavaScript).
 * Also writes dist/ThirdPartyNotices.txt with the licenses of the bundled packages.
 *
 *   node scripts/bundle.js               development build (source maps)
 *   node scripts/bundle.js --production  minified, no source maps (vscode:prepublish)
 */
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const production = process.argv.includes('--production');
const out = path.join(root, 'dist');

/** Packages loaded at run time from node_modules/, never bundled. */
const SEGMENTER_PACKAGES = ['@node-rs/jieba', 'jieba-wasm'];

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  metafile: true,
  logLevel: 'warning',
  absWorkingDir: root,
};

async function main() {
  fs.rmSync(out, { recursive: true, force: true });
  const results = await Promise.all([
    esbuild.build({ ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: out, external: ['vscode'] }),
    // the server starts its workers from worker.js beside it (server/src/lint-worker.ts)
    esbuild.build({
      ...common,
      entryPoints: { server: 'server/src/server.ts', worker: 'server/src/worker.ts', cli: 'server/src/cli.ts' },
      outdir: out,
      external: SEGMENTER_PACKAGES,
    }),
  ]);
  writeNotices(results.map((r) => r.metafile));
  await writeIdfTable();
  for (const f of fs.readdirSync(out).sort()) {
    const size = fs.statSync(path.join(out, f)).size;
    console.log(`dist/${f}  ${(size / 1024).toFixed(1)} KB`);
  }
}

/** dist/idf.bin, by the tool bundled to a temporary file and run. */
async function writeIdfTable() {
  const tmp = fs.mkdtempSync(path.join(require('os').tmpdir(), 'speechlint-idf-'));
  try {
    const tool = path.join(tmp, 'idf-table.js');
    await esbuild.build({ ...common, sourcemap: false, minify: false, metafile: false, entryPoints: ['server/src/tools/idf-table.ts'], outfile: tool, external: SEGMENTER_PACKAGES, nodePaths: [path.join(root, 'node_modules')] });
    require('child_process').execFileSync(process.execPath, [tool, path.join(out, 'idf.bin')], { stdio: 'inherit', env: { ...process.env, NODE_PATH: path.join(root, 'node_modules') } });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** The license text of every npm package that went into a bundle. */
function writeNotices(metafiles) {
  const pkgs = new Map();
  for (const meta of metafiles) {
    for (const input of Object.keys(meta.inputs)) {
      // the innermost package: …/node_modules/a/node_modules/b/lib/x.js → b
      const m = /^(.*node_modules\/)((?:@[^/]+\/)?[^/]+)\//.exec(input);
      if (!m) continue;
      const dir = path.join(root, m[1] + m[2]);
      const key = `${m[2]}@${dir}`;
      if (!pkgs.has(key)) pkgs.set(key, dir);
    }
  }
  const parts = [`Third-party software bundled in dist/ (${SEGMENTER_PACKAGES.join(' and ')} ship separately in node_modules/ with their own LICENSE files).`, ''];
  for (const [key, dir] of [...pkgs].sort()) {
    const name = key.slice(0, key.lastIndexOf('@'));
    let pkg = {};
    try {
      pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    } catch {
      // no package.json: name only
    }
    const licenseFile = fs.existsSync(dir) ? fs.readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f)) : undefined;
    parts.push('='.repeat(72), `${name} ${pkg.version ?? ''} (${pkg.license ?? 'see below'})`, '='.repeat(72));
    parts.push(licenseFile ? fs.readFileSync(path.join(dir, licenseFile), 'utf8').trim() : `License: ${pkg.license ?? 'unknown'}`, '');
  }
  fs.writeFileSync(path.join(out, 'ThirdPartyNotices.txt'), parts.join('\n'));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
