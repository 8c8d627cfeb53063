/**
 * `speechlint export <draft> [-o <file>.docx] [--mode draft|final] [--force]`:
 * a text draft written as a Word document laid out to GB/T 9704 (or the
 * `export` section of the draft's .speechlintrc.json). Placeholders and
 * residue refuse the export in final mode (each listed with where it is); in
 * draft mode they are highlighted in yellow. An existing .docx is replaced
 * only with --force (it may hold edits made in Word); the file is written
 * through a temporary file and a rename, never half.
 *
 * Exit codes: 0 written, 1 refused (final mode, left-overs listed),
 * 2 usage or I/O error.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { CliIO } from './cli';
import type { RawConfig } from './core/config';
import type { Registry } from './core/registry';
import type { LocalizedText, Locale } from './core/rule';
import { detectLocale, localize } from './core/rule';
import { createRegistry } from './core/rules';
import { LineIndex } from './core/text';
import { planDraftExport } from './docx';
import { findConfigFile, formatProblem, loadConfigFor } from './node/config-file';
import { writeDocx } from './node/docx-write';
import { decodeDraft, ioCause, ioReason, MAX_DRAFT_BYTES, readRegularFile, writeFileAtomic } from './node/textfile';

export const EXPORT_HELP = `speechlint export — 导出为 Word 文档 / export a draft to Word

用法 Usage:
  speechlint export <讲话稿 draft> [-o <文件 file>.docx] [选项 options]

  -o, --output <file>     输出文件（默认与讲话稿同名，扩展名为 .docx）
                          the .docx to write (default: the draft's name with .docx)
      --mode draft|final  定稿模式下有占位符或残留内容时拒绝导出并列出位置；
                          草稿模式下导出并以黄色标出
                          final: refuse when placeholders or residue are left (listed with
                          where); draft: export them highlighted in yellow
  -c, --config <file>     配置文件（默认就近的 .speechlintrc.json；版式见其 export 一节）
                          config file (default: the nearest .speechlintrc.json; its
                          "export" section sets the layout)
      --force             覆盖已有的 .docx / replace an existing .docx
      --locale zh|en      消息语言 / message language
  -h, --help              显示帮助 / show this help
`;

interface ExportOptions {
  input?: string;
  output?: string;
  mode?: 'draft' | 'final';
  config?: string;
  force: boolean;
  help: boolean;
  locale?: Locale;
}

function t(zh: string, en: string): LocalizedText {
  return { zh, en };
}

function parseExportArgs(argv: readonly string[]): ExportOptions | LocalizedText {
  const o: ExportOptions = { force: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const name = eq > 0 ? a.slice(0, eq) : a;
    const takes = ['-o', '--output', '--mode', '-c', '--config', '--locale'].includes(name);
    const value = !takes ? undefined : eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (takes && value === undefined) return t(`选项 ${name} 需要一个值`, `option ${name} needs a value`);
    if (name === '-h' || name === '--help') o.help = true;
    else if (name === '--force') o.force = true;
    else if (name === '-o' || name === '--output') o.output = value;
    else if (name === '-c' || name === '--config') o.config = value;
    else if (name === '--mode') {
      if (value !== 'draft' && value !== 'final') return t(`--mode 应为 draft 或 final，实际为“${value}”`, `--mode must be draft or final, got "${value}"`);
      o.mode = value;
    } else if (name === '--locale') {
      if (value !== 'zh' && value !== 'en') return t(`--locale 应为 zh 或 en，实际为“${value}”`, `--locale must be zh or en, got "${value}"`);
      o.locale = value;
    } else if (a.startsWith('-') && a !== '-') return t(`未知选项 ${name}（见 speechlint export --help）`, `unknown option ${name} (see speechlint export --help)`);
    else if (o.input === undefined) o.input = a;
    else return t(`只能导出一份讲话稿，多余的参数“${a}”`, `export takes one draft; extra argument "${a}"`);
  }
  return o;
}

/** Write a new `file` through a temporary file in the same folder and a rename. */
function writeNewFile(file: string, data: Uint8Array): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.speechlint-tmp`);
  try {
    fs.writeFileSync(tmp, data, { flag: 'wx' });
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

export async function runExport(argv: readonly string[], io: CliIO, registry?: Registry): Promise<number> {
  const parsed = parseExportArgs(argv);
  const locale = detectLocale(io.env, 'zh' in parsed ? undefined : parsed.locale);
  const say = (line: string) => io.stderr.write(`speechlint export: ${line}\n`);
  const fail = (text: LocalizedText): number => {
    say(localize(text, locale));
    return 2;
  };
  if ('zh' in parsed) return fail(parsed);
  if (parsed.help) {
    io.stdout.write(EXPORT_HELP);
    return 0;
  }
  if (parsed.input === undefined) return fail(t('未指定讲话稿（见 speechlint export --help）', 'no draft given (see speechlint export --help)'));
  const input = path.resolve(io.cwd, parsed.input);
  if (/\.docx$/i.test(input)) return fail(t('输入已是 Word 文档；导出的是文本讲话稿（.speech、.txt、.md）', 'the input is already a Word document; export takes a text draft (.speech, .txt, .md)'));
  const output = path.resolve(io.cwd, parsed.output ?? parsed.input.replace(/\.[^./\\]*$/, '') + '.docx');
  const shownOut = parsed.output ?? path.relative(io.cwd, output);
  if (!/\.docx$/i.test(output)) return fail(t(`输出文件应以 .docx 结尾：${shownOut}`, `the output must end in .docx: ${shownOut}`));

  let bytes: Buffer;
  try {
    // as a check reads a draft: a regular file under the size limit (a FIFO or /dev/zero gets one line, not a hang)
    bytes = readRegularFile(input, { maxBytes: MAX_DRAFT_BYTES });
  } catch (e) {
    return fail(t(`${parsed.input}：${ioReason(e).zh}`, `${parsed.input}: ${ioReason(e).en}`));
  }
  const decoded = decodeDraft(bytes);
  if (!decoded.ok) return fail(t(`${parsed.input}：${decoded.reason.zh}`, `${parsed.input}: ${decoded.reason.en}`));

  const reg = registry ?? createRegistry();
  const overrides: RawConfig[] = parsed.mode ? [{ mode: parsed.mode }] : [];
  const configFile = parsed.config !== undefined ? path.resolve(io.cwd, parsed.config) : findConfigFile(path.dirname(input));
  const loaded = loadConfigFor(reg, { configFile, docDir: path.dirname(input), overrides });
  for (const p of loaded.problems) say(formatProblem(p, locale));
  const plan = planDraftExport(decoded.text, reg, loaded.config, (id, e) => say(`${id}: ${e instanceof Error ? e.message : String(e)}`));
  const lines = new LineIndex(decoded.text);
  const where = (offset: number) => {
    const p = lines.positionAt(offset);
    return `${parsed.input}:${p.line + 1}:${p.character + 1}`;
  };
  if (!plan.ok) {
    say(localize(t(`定稿模式下不导出：还有 ${plan.blockers.length} 处占位符或残留内容`, `not exported in final mode: ${plan.blockers.length} placeholder or residue finding(s) left`), locale));
    for (const f of plan.blockers) io.stderr.write(`  ${where(f.span.start)}  ${localize(f.message, locale)}  ${f.ruleId}\n`);
    return 1;
  }
  if (fs.existsSync(output) && !parsed.force) return fail(t(`${shownOut} 已存在（其中可能有在 Word 中的修改）；加 --force 覆盖`, `${shownOut} exists (it may hold edits made in Word); add --force to replace it`));
  try {
    // --force over an existing file: replaced as --fix replaces a draft (through a link, mode and owner kept, synced)
    (fs.existsSync(output) ? writeFileAtomic : writeNewFile)(output, await writeDocx(plan.paragraphs, loaded.config.exportLayout, plan.title));
  } catch (e) {
    const r = ioCause(e, 'write');
    return fail(t(`无法写入 ${shownOut}：${r.zh}`, `cannot write ${shownOut}: ${r.en}`));
  }
  const n = plan.highlighted.length;
  say(localize(n ? t(`已导出 ${shownOut}（草稿模式：${n} 处占位符或残留内容以黄色标出）`, `wrote ${shownOut} (draft mode: ${n} placeholder or residue finding(s) highlighted in yellow)`) : t(`已导出 ${shownOut}`, `wrote ${shownOut}`), locale));
  for (const f of plan.highlighted) io.stderr.write(`  ${where(f.span.start)}  ${localize(f.message, locale)}  ${f.ruleId}\n`);
  return 0;
}
