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

/**
 * Node flags for the language server process. V8's young generation
 * (semi-spaces of up to 16 MB, per heap: the main thread and each worker)
 * grows to its maximum while the writer types, and RSS with it; 1 MB
 * semi-spaces kept a server with three drafts and a 30k material file open at
 * about 210 MB instead of 255 MB after 80 edits, and its edit → diagnostics
 * p95 lower too (npm run bench: editMaterialP95Ms, rssMaterialMB). Process-wide:
 * the workers get them too.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=1'];
