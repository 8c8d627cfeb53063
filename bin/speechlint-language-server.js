#!/usr/bin/env node
'use strict';
// The speechlint language server for any LSP client (Neovim, Helix, Zed, …):
//   speechlint-language-server --stdio
// --node-ipc and --socket=<port> work too (vscode-languageserver reads them
// from argv); with no transport flag, --stdio is assumed.
// All logic lives in server/src/server.ts (compiled to out/).
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
try {
  require(path.join(__dirname, '..', 'out', 'server', 'src', 'server.js'));
} catch (e) {
  process.stderr.write(`speechlint-language-server: cannot start (${e && e.code ? e.code : e}); run \`npm install\` or \`npm run build\` first\n`);
  process.exit(2);
}
