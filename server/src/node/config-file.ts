/**
 * Finding and reading `.speechlintrc.json` (the nearest one up the tree).
 * Never throws: a broken file yields one problem naming the file, and the
 * defaults apply.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { ConfigProblem, RawConfig, ResolvedConfig } from '../core/config';
import type { LocalizedText } from '../core/rule';
import { KNOWN_KEYS, parseConfigText, resolveConfig } from '../core/config';
import type { Registry } from '../core/registry';
import { ioCause, isInside, MAX_CONFIG_BYTES, MAX_DICTIONARY_BYTES, readRegularFile } from './textfile';

export const CONFIG_NAME = '.speechlintrc.json';

/** The nearest `.speechlintrc.json` at or above `dir`, or undefined. */
export function findConfigFile(dir: string): string | undefined {
  let cur = path.resolve(dir);
  for (let i = 0; i < 64; i++) {
    const candidate = path.join(cur, CONFIG_NAME);
    try {
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
    const parent = path.dirname(cur);
    if (parent === cur) return undefined;
    cur = parent;
  }
  return undefined;
}

export interface FileProblem extends ConfigProblem {
  file?: string;
}

/**
 * Read and parse a config file: a regular file of at most MAX_CONFIG_BYTES
 * (anything else is one problem, and the defaults apply). A JSON error quotes
 * what it found only when the file is the user's own text: a regular file, not
 * reached through a symbolic link, inside one of `roots` when roots are given
 * (the workspace folders); otherwise it says where the JSON breaks, not what is
 * there (a link to a secret must not show its first characters), and a JSON
 * file with keys a config does not have is ignored without naming them.
 */
export function readConfigFile(file: string, roots?: readonly string[]): { raw?: RawConfig; problems: FileProblem[] } {
  let text: string;
  try {
    text = readRegularFile(file, { maxBytes: MAX_CONFIG_BYTES }).toString('utf8');
  } catch (e) {
    const r = ioCause(e);
    return { problems: [{ file, key: '', message: { zh: `无法读取配置文件：${r.zh}`, en: `cannot read the configuration file: ${r.en}` } }] };
  }
  const own = ownText(file, roots);
  const { raw, problem } = parseConfigText(text, { quote: own });
  if (raw && !own && Object.keys(raw).some((k) => !KNOWN_KEYS.has(k))) {
    // some other JSON file behind a link: its key names are not the user's to show either
    return { problems: [{ file, key: '', message: { zh: '该文件（经链接读到，或在工作区之外）不是 speechlint 配置（含未知的配置项），已忽略', en: 'the file (reached through a link, or outside the workspace) is not a speechlint configuration (it has unknown keys); ignored' } }] };
  }
  return { raw, problems: problem ? [{ ...problem, file }] : [] };
}

/** Is `file` a regular file reached without a link (and inside one of `roots`, when given)? */
function ownText(file: string, roots?: readonly string[]): boolean {
  try {
    const st = fs.lstatSync(file);
    if (!st.isFile() || st.nlink > 1) return false; // a link (symbolic or hard) to some other file
  } catch {
    return false;
  }
  return !roots || roots.length === 0 || roots.some((r) => isInside(r, file));
}

/**
 * Why the user dictionary at `dict` must not be read, or undefined when it
 * may: it must be inside one of `roots` (links resolved: the workspace, the
 * config file's folder), a regular file (not a FIFO, a device, a folder) of at
 * most MAX_DICTIONARY_BYTES. Checked with stat, which never blocks; the read
 * itself (readRegularFile) checks type and size again on the open file.
 */
export function dictionaryProblem(dict: string, roots: readonly string[]): LocalizedText | undefined {
  if (roots.length > 0 && !roots.some((r) => isInside(r, dict))) {
    return { zh: `用户词典 ${dict} 不在工作区（或配置文件所在文件夹）内，未读取`, en: `the user dictionary ${dict} is outside the workspace (or the config file's folder); not read` };
  }
  let st: fs.Stats;
  try {
    st = fs.statSync(dict);
  } catch (e) {
    const r = ioCause(e);
    return { zh: `无法读取用户词典 ${dict}：${r.zh}`, en: `cannot read the user dictionary ${dict}: ${r.en}` };
  }
  if (!st.isFile()) return { zh: `用户词典 ${dict} 不是普通文件，未读取`, en: `the user dictionary ${dict} is not a regular file; not read` };
  if (st.size > MAX_DICTIONARY_BYTES) {
    return { zh: `用户词典 ${dict} 过大（上限 ${MAX_DICTIONARY_BYTES / 1024 / 1024} MB），未读取`, en: `the user dictionary ${dict} is too large (at most ${MAX_DICTIONARY_BYTES / 1024 / 1024} MB); not read` };
  }
  return undefined;
}

export interface LoadedConfig {
  config: ResolvedConfig;
  problems: FileProblem[];
  /** The file the config came from, if any. */
  file?: string;
  /** The user dictionary resolved against the config file's folder. */
  dictionaryPath?: string;
}

/**
 * The config of a draft in `docDir`: `configFile` (found with findConfigFile,
 * or given; none: the defaults) with extra layers on top.
 */
export function loadConfigFor(registry: Registry, opts: { configFile?: string; docDir: string; overrides?: RawConfig[] }): LoadedConfig {
  const file = opts.configFile;
  const problems: FileProblem[] = [];
  const layers: RawConfig[] = [];
  if (file) {
    const r = readConfigFile(file);
    problems.push(...r.problems);
    if (r.raw) layers.push(r.raw);
  }
  layers.push(...(opts.overrides ?? []));
  const resolved = resolveConfig(registry, layers);
  for (const p of resolved.problems) problems.push({ ...p, file });
  let dictionaryPath: string | undefined;
  if (resolved.config.dictionary) {
    const base = file ? path.dirname(file) : opts.docDir;
    const candidate = path.resolve(base, resolved.config.dictionary);
    // a dictionary is read only from inside the config file's folder (a repository cannot name /etc/passwd)
    const why = dictionaryProblem(candidate, [base]);
    if (why) problems.push({ file, key: 'dictionary', message: why });
    else dictionaryPath = candidate;
  }
  return { config: resolved.config, problems, file, dictionaryPath };
}

/** "file: key: message" in the given locale. */
export function formatProblem(p: FileProblem, locale: 'zh' | 'en'): string {
  const where = [p.file, p.key].filter(Boolean).join(': ');
  const msg = locale === 'en' ? p.message.en : p.message.zh;
  return where ? `${where}: ${msg}` : msg;
}
