#!/usr/bin/env node
'use strict';
// The `speechlint` command. All logic lives in server/src/cli.ts: the bundle
// dist/cli.js when installed from npm, out/ in a clone (bin/entry.js).
let cli;
const file = require('./entry.js').entry('cli');
try {
  if (!file) throw Object.assign(new Error('neither out/ nor dist/ is there'), { code: 'MODULE_NOT_FOUND' });
  cli = require(file);
} catch (e) {
  process.stderr.write(`speechlint: not built (${e && e.code ? e.code : e}); run \`npm install\` or \`npm run build\` first\n`);
  process.exitCode = 2;
}
if (cli) {
  // `speechlint … | head` closes the pipe early: stop quietly.
  process.stdout.on('error', (e) => {
    if (e && e.code === 'EPIPE') process.exit(process.exitCode || 0);
  });
  cli
    .main(process.argv.slice(2), {
      stdout: process.stdout,
      stderr: process.stderr,
      stdin: process.stdin,
      cwd: process.cwd(),
      env: process.env,
    })
    .then(
      (code) => {
        process.exitCode = code;
      },
      (e) => {
        process.stderr.write(`speechlint: internal error: ${e && e.message ? e.message : String(e)}\n`);
        process.exitCode = 2;
      },
    );
}
