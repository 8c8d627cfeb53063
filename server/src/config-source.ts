/**
 * Where a document's configuration comes from: defaults ← the nearest
 * `.speechlintrc.json` above the document ← the editor's `speechlint.*`
 * settings. Problems (a broken file, a wrong type) are shown in one message
 * per source naming the file and every key at fault, once per distinct
 * text, logged, and the defaults apply to the keys at fault.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ConfigProblem, RawConfig, ResolvedConfig } from './core/config';
import { debounceFrom } from './checker';
import { dropTooDeep, resolveConfig, restrictUntrusted } from './core/config';
import type { Registry } from './core/registry';
import type { Locale } from './core/rule';
import { dictionaryProblem, findConfigFile, readConfigFile } from './node/config-file';
import type { FileProblem } from './node/config-file';

export interface DocConfig {
  config: ResolvedConfig;
  /** Absolute path of the user dictionary, if one is configured. */
  dictionaryPath?: string;
  /** The `.speechlintrc.json` in effect, if any. */
  file?: string;
}

export interface SettingsView {
  layer: RawConfig;
  debounceMs?: number;
  debug?: boolean;
}

/**
 * The `speechlint` settings section → a raw config layer. Only the keys that
 * are config keys are taken; null, "" and empty collections mean "not set",
 * so that the file's value stays. A value the client sends is a value the
 * user chose: the VS Code client answers workspace/configuration with the
 * settings the user set only (client/src/settings.ts), not with the declared
 * defaults, so `"mode": "draft"` switched on in the editor overrides a
 * `.speechlintrc.json` that says "final".
 */
export function settingsToLayer(s: unknown): SettingsView {
  const view: SettingsView = { layer: {} };
  if (!s || typeof s !== 'object' || Array.isArray(s)) return view;
  const o = s as Record<string, unknown>;
  const set = (v: unknown): boolean => v !== undefined && v !== null && v !== '';
  if (set(o.rules) && !(typeof o.rules === 'object' && !Array.isArray(o.rules) && Object.keys(o.rules as object).length === 0)) view.layer.rules = o.rules;
  if (set(o.mode)) view.layer.mode = o.mode;
  if (set(o.speakingRate)) view.layer.speakingRate = o.speakingRate;
  if (set(o.allow) && !(Array.isArray(o.allow) && o.allow.length === 0)) view.layer.allow = o.allow;
  if (set(o.dictionary)) view.layer.dictionary = o.dictionary;
  const debounce = debounceFrom(o.debounceMs);
  if (debounce !== undefined) view.debounceMs = debounce;
  if (typeof o.debug === 'boolean') view.debug = o.debug;
  return view;
}

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export interface ConfigHost {
  /** workspace/configuration for the document, or undefined when the client cannot answer it. */
  pullSettings(uri: string | undefined): Promise<unknown> | undefined;
  showWarning(text: string): void;
  log(text: string): void;
  workspaceFolders(): string[];
}

const SETTINGS_LABEL = { zh: 'speechlint 设置', en: 'speechlint settings' };

/** Settings as pulled, with what every document that uses them needs: their cache key and their own problems. */
export interface PulledSettings extends SettingsView {
  key: string;
  problems: ConfigProblem[];
}

export class ConfigSource {
  /** Settings pushed by didChangeConfiguration or given as initializationOptions (clients without workspace/configuration). */
  pushedSettings: unknown;
  /**
   * False while the editor says the workspace is not trusted (VS Code's
   * workspace trust): config files then supply no dictionary path and no
   * patterns, with one message saying so; trusting the workspace turns them on.
   */
  private trusted = true;
  private readonly settings = new Map<string, Promise<PulledSettings>>();
  private readonly fileOfDir = new Map<string, string | undefined>();
  /** Config files read: their raw layer and their problems (reading and resolving), once per file until it changes. */
  private readonly files = new Map<string, { raw?: RawConfig; problems: FileProblem[] }>();
  private readonly resolved = new Map<string, DocConfig>();
  /** Messages shown, per source: file problems are shown again after the files change, settings problems are not. */
  private readonly shown = new Set<string>();
  private readonly shownSettings = new Set<string>();

  constructor(
    private readonly registry: Registry,
    private readonly host: ConfigHost,
    private readonly locale: Locale,
  ) {}

  /** Settings changed: pull them again. */
  invalidateSettings(): void {
    this.settings.clear();
    this.resolved.clear();
  }

  /** The workspace became trusted (or not): read the config files again. */
  setTrusted(trusted: boolean): void {
    if (this.trusted === trusted) return;
    this.trusted = trusted;
    this.invalidateFiles();
  }

  /** A config file changed, appeared or went away: look again (and show its problems again). */
  invalidateFiles(): void {
    this.fileOfDir.clear();
    this.files.clear();
    this.resolved.clear();
    this.shown.clear();
  }

  /** The settings for a document (cached until they change). */
  settingsFor(uri: string | undefined): Promise<PulledSettings> {
    const key = uri ?? '';
    let p = this.settings.get(key);
    if (!p) {
      p = this.pull(uri);
      this.settings.set(key, p);
      if (this.settings.size > 500) this.settings.delete(this.settings.keys().next().value as string);
    }
    return p;
  }

  private async pull(uri: string | undefined): Promise<PulledSettings> {
    let s: unknown;
    const pending = this.host.pullSettings(uri);
    if (pending) {
      try {
        s = await pending;
      } catch (e) {
        this.host.log(`speechlint: workspace/configuration failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    if (s === undefined || s === null) s = this.pushedSettings;
    const view = settingsToLayer(s);
    const problems = Object.keys(view.layer).length ? resolveConfig(this.registry, [view.layer]).problems : [];
    view.layer = dropTooDeep(view.layer).layer; // (reported above) the cache key below must not overflow the stack
    return { ...view, key: JSON.stringify(view.layer), problems };
  }

  /** The nearest config file above `dir` (looked up once per folder). */
  private fileFor(dir: string): string | undefined {
    if (this.fileOfDir.has(dir)) return this.fileOfDir.get(dir);
    const file = findConfigFile(dir);
    this.fileOfDir.set(dir, file);
    return file;
  }

  /** A config file's raw layer and problems (read and resolved once). */
  private fileConfig(file: string): { raw?: RawConfig; problems: FileProblem[] } {
    let r = this.files.get(file);
    if (!r) {
      const read = readConfigFile(file, this.host.workspaceFolders());
      const problems = [...read.problems];
      if (read.raw && !this.trusted) {
        const { layer, ignored } = restrictUntrusted(read.raw);
        read.raw = layer;
        if (ignored.length) {
          problems.push({
            file,
            key: ignored.join(', '),
            message: { zh: '工作区未受信任，已忽略（信任此工作区后启用）', en: 'ignored: the workspace is not trusted (trust it to use them)' },
          });
        }
      }
      if (read.raw) for (const p of resolveConfig(this.registry, [read.raw]).problems) problems.push({ ...p, file });
      r = { raw: read.raw, problems };
      this.files.set(file, r);
    }
    return r;
  }

  async forDocument(uri: string): Promise<DocConfig> {
    const settings = await this.settingsFor(uri);
    const docPath = uriToPath(uri);
    const dir = docPath ? path.dirname(docPath) : this.host.workspaceFolders()[0];
    const file = dir ? this.fileFor(dir) : undefined;
    const key = `${file ?? ''}\n${dir ?? ''}\n${settings.key}`;
    const hit = this.resolved.get(key);
    if (hit) return hit;

    const fromFile = file ? this.fileConfig(file) : undefined;
    const layers = fromFile?.raw ? [fromFile.raw, settings.layer] : [settings.layer];
    const { config } = resolveConfig(this.registry, layers);

    let dictionaryPath: string | undefined;
    if (config.dictionary) {
      const fromSettings = typeof settings.layer.dictionary === 'string' && settings.layer.dictionary === config.dictionary;
      const base = fromSettings ? (this.host.workspaceFolders()[0] ?? dir) : file ? path.dirname(file) : dir;
      const candidate = path.resolve(base ?? process.cwd(), config.dictionary);
      // a dictionary named by a config file is read only from inside the workspace or that file's folder;
      // one the settings name may be anywhere (in an untrusted workspace, only the user's own settings count)
      const roots = fromSettings ? [] : [...this.host.workspaceFolders(), ...(file ? [path.dirname(file)] : [])];
      const why = dictionaryProblem(candidate, roots);
      if (why) this.report(fromSettings ? SETTINGS_LABEL[this.locale] : (file ?? ''), [{ key: 'dictionary', message: why }], fromSettings ? this.shownSettings : this.shown);
      else dictionaryPath = candidate;
    }

    // one message per source (the file, the settings), however many keys are wrong
    if (file && fromFile?.problems.length) this.report(file, fromFile.problems, this.shown);
    if (settings.problems.length) {
      this.report(
        SETTINGS_LABEL[this.locale],
        settings.problems.map((p) => ({ key: p.key ? `speechlint.${p.key}` : '', message: p.message })),
        this.shownSettings,
      );
    }

    const result: DocConfig = { config, dictionaryPath, file };
    this.resolved.set(key, result);
    if (this.resolved.size > 200) this.resolved.delete(this.resolved.keys().next().value as string);
    return result;
  }

  /**
   * One warning (and log line) for the problems of one source: "speechlint:
   * file: key: message" for one problem, "speechlint: file: 3 problems: key:
   * message; key: message; …" for more.
   */
  private report(where: string, list: { key: string; message: { zh: string; en: string } }[], shown: Set<string>): void {
    const en = this.locale === 'en';
    const one = (p: { key: string; message: { zh: string; en: string } }) => {
      const whole = p.key === '' ? (en ? ' (defaults apply)' : '（已使用默认配置）') : '';
      return `${p.key ? `${p.key}: ` : ''}${en ? p.message.en : p.message.zh}${whole}`;
    };
    const body = list.length === 1 ? one(list[0]) : `${en ? `${list.length} problems: ` : `${list.length} 处问题：`}${list.map(one).join(en ? '; ' : '；')}`;
    const text = `speechlint: ${where ? `${where}: ` : ''}${body}`;
    if (shown.has(text)) return;
    shown.add(text);
    this.host.log(text);
    this.host.showWarning(text);
  }
}
