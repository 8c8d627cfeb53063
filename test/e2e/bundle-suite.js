'use strict';
/**
 * Bundles the end-to-end suite (test/e2e/suite/index.ts) with mocha into one
 * CommonJS file that any extension host can require: `vscode` stays external.
 *
 *   node test/e2e/bundle-suite.js [outfile]   (default: out/e2e/suite.js)
 */
const path = require('path');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..', '..');

async function bundleSuite(outfile = path.join(root, 'out', 'e2e', 'suite.js')) {
  await esbuild.build({
    entryPoints: [path.join(root, 'test', 'e2e', 'suite', 'index.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
    // mocha's parallel mode (unused here) resolves its worker files at run time
    logOverride: { 'require-resolve-not-external': 'silent' },
    absWorkingDir: root,
  });
  return outfile;
}

module.exports = { bundleSuite };

if (require.main === module) {
  bundleSuite(process.argv[2] && path.resolve(process.argv[2])).then(
    (f) => console.log(`bundled the e2e suite: ${path.relative(process.cwd(), f)}`),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
