'use strict';
/**
 * Where the bin scripts find their code. Installed from npm, the package has
 * the esbuild bundles in dist/ (`prepack` builds them; .npmignore ships them). In
 * a clone of the repository, the TypeScript output in out/ comes first: every
 * `tsc` (`npm install`, `npm test`) keeps it current, while dist/ is rebuilt
 * only by `npm run bundle`, so the tests never run a stale bundle.
 */
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');

/** The module to load for `name` ('cli' or 'server'), or undefined when neither build is there. */
function entry(name) {
  const candidates = [path.join(root, 'out', 'server', 'src', `${name}.js`), path.join(root, 'dist', `${name}.js`)];
  return candidates.find((p) => fs.existsSync(p));
}

module.exports = { entry };
