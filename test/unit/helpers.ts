/** Shared helpers for unit tests. */
import * as fs from 'fs';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '../../..');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');

export function fixture(rel: string): string {
  return fs.readFileSync(path.join(FIXTURES, rel), 'utf8');
}

export const CORPUS = {
  c000: 'corpus/000_d9e124108a59f07c.txt',
  c002: 'corpus/002_c75f3d7b29f7633a.txt',
  c004: 'corpus/004_3d17754bf2496d4d.txt',
} as const;

/** The text of a span. */
export function at(text: string, span: { start: number; end: number }): string {
  return text.slice(span.start, span.end);
}
