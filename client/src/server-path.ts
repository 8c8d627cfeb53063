/**
 * Where the language server module is. Pure (no `vscode` import).
 *
 * Packaged (VSIX), the client runs as `dist/extension.js` and the server is the
 * bundle beside it, `dist/server.js`. From the TypeScript output (tests, or a
 * development host pointed at `out/`), the client is
 * `out/client/src/extension.js` and the server is `out/server/src/server.js`.
 * The client looks for a `server.js` beside itself first, so each build finds
 * its own server and never a stale one from the other.
 */
import * as path from 'path';

export function serverModuleCandidates(clientDir: string): string[] {
  return [path.join(clientDir, 'server.js'), path.join(clientDir, '..', '..', 'server', 'src', 'server.js')];
}

export function findServerModule(clientDir: string, exists: (p: string) => boolean): string | undefined {
  return serverModuleCandidates(clientDir).find(exists);
}
