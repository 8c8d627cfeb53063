/** This package's own package.json (Node only): the CLI's --version and the language server's serverInfo. */
import * as fs from 'fs';
import * as path from 'path';

/**
 * The version in the nearest package.json named "speechlint" above this
 * module, wherever it runs from: out/server/src/… after tsc, dist/ in the
 * bundle. Undefined when there is none.
 */
export function packageVersion(from: string = __dirname): string | undefined {
  let dir = from;
  for (let i = 0; i < 8; i++) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'speechlint' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // none here, or not JSON: look further up
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}
