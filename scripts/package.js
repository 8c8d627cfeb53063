#!/usr/bin/env node
'use strict';
/**
 * Builds the VSIXs, all on one machine (any OS; no compiler):
 *   speechlint-<target>-<version>.vsix  for win32-x64, win32-arm64, darwin-x64,
 *       darwin-arm64, linux-x64, linux-arm64 and alpine-x64: the bundles and
 *       @node-rs/jieba with that platform's one native binary;
 *   speechlint-universal-<version>.vsix: no native binary; segments with
 *       jieba-wasm (WebAssembly) wherever it is installed.
 * Each is packed by vsce from a staging folder whose node_modules npm
 * installs for the target (`npm install --os --cpu --libc`: npm picks that
 * platform's prebuilt binary package of @node-rs/jieba); .vscodeignore says
 * which of their files ship.
 *
 *   node scripts/package.js                      all eight, into vsix/
 *   node scripts/package.js --target linux-x64   some (repeat --target, or a,b)
 *   node scripts/package.js --out x.vsix         one: the given target, or this machine's
 *   node scripts/package.js --out dir/           into dir/
 */
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');

/** VS Code target → npm's platform flags for @node-rs/jieba's binary package. */
const TARGETS = {
  'win32-x64': { os: 'win32', cpu: 'x64' },
  'win32-arm64': { os: 'win32', cpu: 'arm64' },
  'darwin-x64': { os: 'darwin', cpu: 'x64' },
  'darwin-arm64': { os: 'darwin', cpu: 'arm64' },
  'linux-x64': { os: 'linux', cpu: 'x64', libc: 'glibc' },
  'linux-arm64': { os: 'linux', cpu: 'arm64', libc: 'glibc' },
  'alpine-x64': { os: 'linux', cpu: 'x64', libc: 'musl' },
  universal: null,
};

/** What a staging folder gets from the project (.vscodeignore then picks the files). */
const SHIPPED = ['package.json', 'package.nls.json', 'package.nls.zh-cn.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'images', 'l10n', 'language-configuration.json', 'syntaxes', 'snippets', 'dist', '.vscodeignore'];

function args(argv) {
  const targets = [];
  let out;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--target') targets.push(...String(argv[++i] ?? '').split(','));
    else if (argv[i] === '--out') out = argv[++i];
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  for (const t of targets) if (!(t in TARGETS)) throw new Error(`unknown target ${t}; one of ${Object.keys(TARGETS).join(', ')}`);
  const single = out !== undefined && !out.endsWith('/') && !(fs.existsSync(out) && fs.statSync(out).isDirectory());
  if (single && targets.length > 1) throw new Error('--out names one file: give one --target');
  if (single && targets.length === 0) targets.push(hostTarget());
  return { targets: targets.length ? targets : Object.keys(TARGETS), out: out ?? 'vsix/', single };
}

/** This machine's target (universal where no native build exists). */
function hostTarget() {
  const musl = process.platform === 'linux' && !process.report?.getReport().header.glibcVersionRuntime;
  const t = process.platform === 'linux' && musl ? `alpine-${process.arch}` : `${process.platform}-${process.arch}`;
  return t in TARGETS ? t : 'universal';
}

function run(cmd, argv, cwd) {
  execFileSync(cmd, argv, { cwd, stdio: ['ignore', 'ignore', 'inherit'], shell: process.platform === 'win32' });
}

/** The staging folder's manifest: the project's, with only the segmenters as dependencies and no scripts (dist/ is built). */
function stagedManifest(pkg, target) {
  const deps = { '@node-rs/jieba': pkg.dependencies['@node-rs/jieba'] };
  if (target === 'universal') deps['jieba-wasm'] = pkg.dependencies['jieba-wasm'];
  const m = { ...pkg, dependencies: deps };
  delete m.devDependencies;
  delete m.scripts;
  delete m.allowScripts;
  return m;
}

function stage(dir, pkg, target) {
  fs.rmSync(path.join(dir, 'node_modules'), { recursive: true, force: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(stagedManifest(pkg, target), null, 2) + '\n');
  const flags = ['install', '--no-package-lock', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'];
  const p = TARGETS[target];
  if (p) flags.push(`--os=${p.os}`, `--cpu=${p.cpu}`, ...(p.libc ? [`--libc=${p.libc}`] : []));
  else flags.push('--omit=optional');
  run('npm', flags, dir);
  const scope = path.join(dir, 'node_modules', '@node-rs');
  const binaries = fs.readdirSync(scope).filter((d) => d.startsWith('jieba-'));
  if (target === 'universal') {
    // its package.json only (the version dist/idf.bin was made from): no loader, no dictionary (jieba-wasm carries its own), no binary
    for (const f of ['index.js', 'dict.txt']) fs.rmSync(path.join(scope, 'jieba', f), { force: true });
    for (const b of binaries) fs.rmSync(path.join(scope, b), { recursive: true, force: true });
  } else if (binaries.length !== 1) {
    throw new Error(`${target}: expected one binary package of @node-rs/jieba, npm installed ${binaries.length ? binaries.join(', ') : 'none'}`);
  }
}

function main() {
  const { targets, out, single } = args(process.argv.slice(2));
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  run(process.execPath, [path.join(root, 'scripts', 'bundle.js'), '--production'], root);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'speechlint-vsix-'));
  const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  try {
    for (const f of SHIPPED) if (fs.existsSync(path.join(root, f))) fs.cpSync(path.join(root, f), path.join(dir, f), { recursive: true });
    if (!single) fs.mkdirSync(out, { recursive: true });
    for (const target of targets) {
      const file = path.resolve(single ? out : path.join(out, `speechlint-${target}-${pkg.version}.vsix`));
      stage(dir, pkg, target);
      run(process.execPath, [vsce, 'package', '--no-yarn', '--out', file, ...(target === 'universal' ? [] : ['--target', target])], dir);
      console.log(`${path.relative(process.cwd(), file)}  ${(fs.statSync(file).size / 1048576).toFixed(1)} MB`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { TARGETS };

if (require.main === module) {
  try {
    main();
  } catch (e) {
    console.error(`package: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  }
}
