#!/usr/bin/env node
'use strict';
// The speechlint language server for any LSP client (Neovim, Helix, Zed, …):
//   speechlint-language-server --stdio
// --node-ipc and --socket=<port> work too (vscode-languageserver reads them
// from argv); with no transport flag, --stdio is assumed.
// All logic lives in server/src/server.ts: the bundle dist/server.js (and its
// worker, dist/worker.js) when installed from npm, out/ in a clone (bin/entry.js).
const path = require('path');
const args = process.argv.slice(2);
if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`${require(path.join(__dirname, '..', 'package.json')).version}\n`);
  process.exit(0);
}
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(
    'Usage: speechlint-language-server [--stdio | --node-ipc | --socket=<port>]\n' +
      'Speaks the Language Server Protocol; stdio is the default transport.\n',
  );
  process.exit(0);
}
if (!args.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
  process.argv.push('--stdio');
}
const file = require('./entry.js').entry('server');
try {
  if (!file) throw Object.assign(new Error('neither out/ nor dist/ is there'), { code: 'MODULE_NOT_FOUND' });
  require(file);
} catch (e) {
  process.stderr.write(`speechlint-language-server: cannot start (${e && e.code ? e.code : e}); run \`npm install\` or \`npm run build\` first\n`);
  process.exit(2);
}
