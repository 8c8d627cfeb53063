/**
 * Functions longer than a limit in server/src/core/ (the TypeScript compiler
 * API; lines from the function's first to its last line, comments included).
 * Run as a program to list them: node out/test/function-length.js [limit].
 * test/unit/function-length.test.ts keeps them under the limit.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

export const CORE_DIR = path.resolve(__dirname, '..', '..', 'server', 'src', 'core');
export const LIMIT = 80;

export interface LongFunction {
  file: string;
  line: number;
  name: string;
  lines: number;
}

function tsFiles(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) tsFiles(p, out);
    else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out.sort();
}

function nameOf(node: ts.Node, sf: ts.SourceFile): string {
  const named = node as ts.Node & { name?: ts.Node };
  if (named.name) return named.name.getText(sf);
  const parent = node.parent;
  if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent))) return parent.name.getText(sf);
  return '(anonymous)';
}

/** Every function in server/src/core/ longer than `limit` lines. */
export function longFunctions(limit = LIMIT): LongFunction[] {
  const out: LongFunction[] = [];
  for (const file of tsFiles(CORE_DIR)) {
    const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node) && (node as ts.Node & { body?: ts.Node }).body) {
        const first = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
        const last = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
        if (last - first + 1 > limit) out.push({ file: path.relative(CORE_DIR, file), line: first + 1, name: nameOf(node, sf), lines: last - first + 1 });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}

if (require.main === module) {
  const limit = Number(process.argv[2] ?? LIMIT);
  for (const f of longFunctions(limit)) console.log(`${f.file}:${f.line} ${f.name} ${f.lines} lines`);
}
