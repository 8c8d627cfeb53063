/**
 * Finding and reading `.speechlintrc.json` (the nearest one up the tree).
 * Never throws: a broken file yields one problem naming the file, and the
 * defaults apply.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { ConfigProblem, RawConfig, ResolvedConfig } from '../core/config';
import { parseConfigText, resolveConfig } from '../core/config';
import type { Registry } from '../core/registry';
import { ioCause } from './textfile';

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

export function readConfigFile(file: string): { raw?: RawConfig; problems: FileProblem[] } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const r = ioCause(e);
    return { problems: [{ file, key: '', message: { zh: `无法读取配置文件：${r.zh}`, en: `cannot read the configuration file: ${r.en}` } }] };
  }
  const { raw, problem } = parseConfigText(text);
  return { raw, problems: problem ? [{ ...problem, file }] : [] };
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
    dictionaryPath = path.resolve(file ? path.dirname(file) : opts.docDir, resolved.config.dictionary);
  }
  return { config: resolved.config, problems, file, dictionaryPath };
}

/** "file: key: message" in the given locale. */
export function formatProblem(p: FileProblem, locale: 'zh' | 'en'): string {
  const where = [p.file, p.key].filter(Boolean).join(': ');
  const msg = locale === 'en' ? p.message.en : p.message.zh;
  return where ? `${where}: ${msg}` : msg;
}
