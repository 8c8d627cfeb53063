/** Shared helpers for the CLI tests: run the real bin, or main() in-process. */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CliDeps, CliIO } from '../../server/src/cli';
import { main } from '../../server/src/cli';
import { defineRule } from '../../server/src/core/rule';
import { createRegistry } from '../../server/src/core/rules';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const BIN = path.join(ROOT, 'bin', 'speechlint.js');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'cli');

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface MainResult extends RunResult {
  /** stdout as bytes (main() may write a draft it could not decode back as it came). */
  stdoutBytes: Buffer;
}

/** A fresh temporary folder (removed by `cleanup`). */
export function tmpDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'speechlint-cli-'));
}

export function cleanup(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** The real command as a child process, English messages and no colour unless env says otherwise. */
export function runBin(args: string[], opts: { cwd?: string; input?: string | Buffer; env?: Record<string, string | undefined>; timeoutMs?: number } = {}): RunResult {
  const env: Record<string, string | undefined> = { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: undefined, LC_MESSAGES: undefined, NO_COLOR: '1', ...opts.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input ?? '',
    env: env as NodeJS.ProcessEnv,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: opts.timeoutMs,
    killSignal: 'SIGKILL',
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** main() in-process with captured streams. */
export async function runMain(
  args: string[],
  opts: { cwd?: string; stdin?: string | Uint8Array; env?: Record<string, string | undefined>; stdoutTTY?: boolean; stderrTTY?: boolean; deps?: CliDeps } = {},
): Promise<MainResult> {
  const out: Buffer[] = [];
  let stderr = '';
  const io: CliIO = {
    stdout: { write: (s) => out.push(Buffer.from(s)), isTTY: opts.stdoutTTY ?? false },
    stderr: { write: (s) => (stderr += typeof s === 'string' ? s : Buffer.from(s).toString('utf8')), isTTY: opts.stderrTTY ?? false },
    stdin: opts.stdin,
    cwd: opts.cwd ?? ROOT,
    env: opts.env ?? { LANG: 'en_US.UTF-8' },
  };
  const code = await main(args, io, opts.deps);
  const stdoutBytes = Buffer.concat(out);
  return { code, stdout: stdoutBytes.toString('utf8'), stderr, stdoutBytes };
}

/**
 * A config that turns off every rule of the registry except the placeholder
 * family, so exit-code tests depend only on placeholders, whatever other
 * rules the project gains.
 */
export function placeholderOnlyConfig(extra: Record<string, unknown> = {}): Record<string, unknown> {
  const rules: Record<string, unknown> = {};
  for (const id of createRegistry().ids()) if (!id.startsWith('placeholder/')) rules[id] = 'off';
  return { rules: { ...rules, ...extra } };
}

export function writeJson(file: string, value: unknown): void {
  fs.writeFileSync(file, JSON.stringify(value, null, 2));
}

/**
 * Test-only rules with safe fixes, registered through main()'s injectable
 * registry. They let the --fix tests pin down the write path (multi-pass
 * fixing, line breaks, BOM, file mode, atomic replace) independently of which
 * real rules offer safe fixes.
 *
 * - repetition/cli-test-doubled: "的的" → "的" (one deletion; "的的的" needs two passes)
 * - numbering/cli-test-brackets: "(一)" → "（一）" (two edits in one fix)
 * - balance/cli-test-break: "<br>" → a line break (the new text holds "\n")
 */
export const testDoubled = defineRule<Record<string, never>>({
  meta: {
    id: 'repetition/cli-test-doubled',
    family: 'repetition',
    description: { zh: '测试：重复的“的”', en: 'test: doubled 的' },
    defaultSeverity: 'warning',
    fixable: true,
    defaultOptions: {},
    examples: { wrong: '的的', right: '的' },
  },
  messages: { doubled: { zh: '“的”重复', en: 'doubled "的"' } },
  check({ doc, report }) {
    const re = /的的/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(doc.text))) {
      report({
        messageId: 'doubled',
        span: { start: m.index, end: m.index + 2 },
        fixes: [{ title: { zh: '删除重复的“的”', en: 'delete the second 的' }, edits: [{ start: m.index + 1, end: m.index + 2, newText: '' }], safe: true }],
      });
    }
  },
});

export const testBrackets = defineRule<Record<string, never>>({
  meta: {
    id: 'numbering/cli-test-brackets',
    family: 'numbering',
    description: { zh: '测试：半角括号', en: 'test: half-width brackets' },
    defaultSeverity: 'error',
    fixable: true,
    defaultOptions: {},
    examples: { wrong: '(一)', right: '（一）' },
  },
  messages: { half: { zh: '应使用全角括号', en: 'use full-width brackets' } },
  check({ doc, report }) {
    const re = /\(([一二三四五六七八九十]+)\)/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(doc.text))) {
      const s = m.index;
      const e = s + m[0].length;
      report({
        messageId: 'half',
        span: { start: s, end: e },
        fixes: [
          {
            title: { zh: '改为全角括号', en: 'use full-width brackets' },
            edits: [
              { start: s, end: s + 1, newText: '（' },
              { start: e - 1, end: e, newText: '）' },
            ],
            safe: true,
          },
          { title: { zh: '删除括号', en: 'remove the brackets' }, edits: [{ start: s, end: e, newText: m[1] }], safe: false },
        ],
      });
    }
  },
});

export const testBreak = defineRule<Record<string, never>>({
  meta: {
    id: 'balance/cli-test-break',
    family: 'balance',
    description: { zh: '测试：换行标记', en: 'test: break marker' },
    defaultSeverity: 'hint',
    fixable: true,
    defaultOptions: {},
    examples: { wrong: 'a<br>b', right: 'a\nb' },
  },
  messages: { br: { zh: '换行标记', en: 'break marker' } },
  check({ doc, report }) {
    const re = /<br>/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(doc.text))) {
      report({
        messageId: 'br',
        span: { start: m.index, end: m.index + 4 },
        fixes: [{ title: { zh: '换行', en: 'line break' }, edits: [{ start: m.index, end: m.index + 4, newText: '\n' }], safe: true }],
      });
    }
  },
});

/** A rule that needs word segmentation: reports every token "工作". */
export const testSegmented = defineRule<Record<string, never>>({
  meta: {
    id: 'repetition/cli-test-tokens',
    family: 'repetition',
    description: { zh: '测试：分词', en: 'test: tokens' },
    defaultSeverity: 'warning',
    fixable: false,
    needsSegmentation: true,
    defaultOptions: {},
    examples: { wrong: '工作', right: '任务' },
  },
  messages: { tok: { zh: '词“{w}”', en: 'token "{w}"' } },
  check({ segmentation, report }) {
    for (const tok of segmentation?.tokens ?? []) if (tok.text === '工') report({ messageId: 'tok', data: { w: tok.text }, span: tok });
  },
});
