/**
 * The npm package's manifest, without packing (npm run test:pack packs and
 * installs it): what ships is chosen by .npmignore, not by "files", which
 * vsce refuses beside .vscodeignore; the bin scripts find the bundles that
 * prepack builds.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  files?: unknown;
  bin: Record<string, string>;
  scripts: Record<string, string>;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { entry } = require(path.join(ROOT, 'bin', 'entry.js')) as { entry(name: string): string | undefined };

describe('npm package manifest', () => {
  it('has no "files" (vsce refuses it beside .vscodeignore): .npmignore chooses what ships', () => {
    assert.equal(pkg.files, undefined);
    assert.ok(fs.existsSync(path.join(ROOT, '.vscodeignore')));
    const ignore = fs.readFileSync(path.join(ROOT, '.npmignore'), 'utf8').split('\n');
    assert.equal(ignore.find((l) => l && !l.startsWith('#')), '/*', 'everything out unless let in');
    for (const f of ['/bin/', '/dist/cli.js', '/dist/server.js', '/dist/worker.js', '/dist/idf.bin', '/CHANGELOG.md']) assert.ok(ignore.includes(`!${f}`), f);
  });

  it('prepack builds the bundles that the bin scripts load when installed', () => {
    assert.match(pkg.scripts.prepack, /scripts\/bundle\.js --production/);
    const bundle = fs.readFileSync(path.join(ROOT, 'scripts', 'bundle.js'), 'utf8');
    for (const name of ['server', 'worker', 'cli']) assert.match(bundle, new RegExp(`\\b${name}: 'server/src/${name}\\.ts'`), name);
    assert.deepEqual(pkg.bin, { speechlint: 'bin/speechlint.js', 'speechlint-language-server': 'bin/speechlint-language-server.js' });
    for (const f of Object.values(pkg.bin)) assert.match(fs.readFileSync(path.join(ROOT, f), 'utf8'), /require\('\.\/entry\.js'\)\.entry\('(cli|server)'\)/, f);
  });

  it('bin/entry.js: the TypeScript output in a clone, so that tests never run a stale bundle', () => {
    assert.equal(entry('cli'), path.join(ROOT, 'out', 'server', 'src', 'cli.js'));
    assert.equal(entry('server'), path.join(ROOT, 'out', 'server', 'src', 'server.js'));
    assert.equal(entry('nothing-of-that-name'), undefined);
  });
});
