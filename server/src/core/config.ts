/**
 * Configuration, ESLint-like, validated without throwing:
 *
 *   { "rules": { "placeholder/marker": "error",
 *                "repetition/overused-phrase": ["warning", { "minCount": 4 }],
 *                "balance/section-length": "off" },
 *     "mode": "final", "speakingRate": 200, "allow": ["学赶"], "dictionary": "words.txt" }
 *
 * Layers (defaults ← .speechlintrc.json ← editor settings) are merged in order.
 * Anything invalid yields a problem naming the key, and that key's default applies.
 */
import type { ExportLayout } from './export-layout';
import { applyExportSection, defaultExportLayout } from './export-layout';
import type { AnyRule, LocalizedText, Settings, Severity, SeverityOrOff } from './rule';
import { DEFAULT_SETTINGS, SEVERITIES } from './rule';
import type { Registry } from './registry';
import { LineIndex } from './text';

export interface RawConfig {
  rules?: unknown;
  mode?: unknown;
  speakingRate?: unknown;
  allow?: unknown;
  dictionary?: unknown;
  export?: unknown;
  [k: string]: unknown;
}

export interface RuleSetting {
  severity: SeverityOrOff;
  options: Record<string, unknown>;
  /** True when a layer set the severity explicitly (final mode does not override it). */
  explicit: boolean;
}

export interface ResolvedConfig {
  rules: Map<string, RuleSetting>;
  settings: Settings;
  /** Path of the user dictionary, as written in the config (resolved by the caller). */
  dictionary?: string;
  /** The layout of Export to Word (the `export` section). */
  exportLayout: ExportLayout;
}

export interface ConfigProblem {
  /** The config key at fault: "rules.placeholder/marker", "speakingRate". */
  key: string;
  message: LocalizedText;
}

/** The keys of a config file. */
export const KNOWN_KEYS: ReadonlySet<string> = new Set(['rules', 'mode', 'speakingRate', 'allow', 'dictionary', 'export', '$schema']);

/** Deepest nesting a config value may have (a rule's [severity, { option: [..] }] needs 4). */
export const MAX_CONFIG_DEPTH = 32;

/** Is `v` nested deeper than `max` levels? Iterative: a value nested 100,000 deep cannot overflow the stack. */
export function nestedDeeper(v: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[v, 0]];
  while (stack.length) {
    const [x, d] = stack.pop()!;
    if (typeof x !== 'object' || x === null) continue;
    if (d >= max) return true;
    for (const c of Object.values(x)) if (typeof c === 'object' && c !== null) stack.push([c, d + 1]);
  }
  return false;
}

/**
 * A layer without the keys (and rules) nested deeper than MAX_CONFIG_DEPTH,
 * and the keys dropped: everything downstream (messages, cache keys, the copy
 * sent to a worker) recurses, and a 5,000-deep value would overflow the stack.
 */
export function dropTooDeep(raw: RawConfig): { layer: RawConfig; dropped: string[] } {
  const layer: RawConfig = {};
  const dropped: string[] = [];
  for (const [k, v] of Object.entries(raw)) {
    if (k === 'rules' && typeof v === 'object' && v !== null && !Array.isArray(v)) {
      const rules: Record<string, unknown> = {};
      for (const [id, r] of Object.entries(v)) {
        if (nestedDeeper(r, MAX_CONFIG_DEPTH - 2)) dropped.push(`rules.${id}`);
        else rules[id] = r;
      }
      layer.rules = rules;
    } else if (nestedDeeper(v, MAX_CONFIG_DEPTH - 1)) dropped.push(k);
    else layer[k] = v;
  }
  return { layer, dropped };
}

/** At most this many `allow` words per layer, of at most MAX_ALLOW_WORD_LENGTH characters (an allow list is words, not a dump). */
export const MAX_ALLOW_WORDS = 10_000;
export const MAX_ALLOW_WORD_LENGTH = 64;

function boundedAllow(words: string[], problem: (key: string, zh: string, en: string) => void): string[] {
  const long = words.filter((w) => w.length > MAX_ALLOW_WORD_LENGTH).length;
  if (long > 0) problem('allow', `${long} 个词超过 ${MAX_ALLOW_WORD_LENGTH} 个字符，已忽略`, `${long} ${long === 1 ? 'word is' : 'words are'} longer than ${MAX_ALLOW_WORD_LENGTH} characters; ignored`);
  const kept = long > 0 ? words.filter((w) => w.length <= MAX_ALLOW_WORD_LENGTH) : words;
  if (kept.length <= MAX_ALLOW_WORDS) return kept;
  problem('allow', `词数超过 ${MAX_ALLOW_WORDS}（共 ${kept.length} 个），只用前 ${MAX_ALLOW_WORDS} 个`, `more than ${MAX_ALLOW_WORDS} words (${kept.length}); only the first ${MAX_ALLOW_WORDS} are used`);
  return kept.slice(0, MAX_ALLOW_WORDS);
}

/** Rule options that a workspace must not set until it is trusted (they steer what is matched). */
const TRUST_OPTIONS = ['patterns'];

/**
 * A layer from an untrusted workspace without what it must not supply: the
 * user dictionary path and the rules' `patterns`; and the keys left out.
 */
export function restrictUntrusted(raw: RawConfig): { layer: RawConfig; ignored: string[] } {
  const ignored: string[] = [];
  const layer: RawConfig = { ...raw };
  if (layer.dictionary !== undefined) {
    delete layer.dictionary;
    ignored.push('dictionary');
  }
  if (layer.rules && typeof layer.rules === 'object' && !Array.isArray(layer.rules)) {
    const rules: Record<string, unknown> = {};
    for (const [id, v] of Object.entries(layer.rules as Record<string, unknown>)) {
      let value = v;
      const opts = Array.isArray(v) ? v[1] : v;
      if (opts && typeof opts === 'object' && !Array.isArray(opts) && TRUST_OPTIONS.some((k) => Object.hasOwn(opts, k))) {
        const kept = Object.fromEntries(Object.entries(opts).filter(([k]) => !TRUST_OPTIONS.includes(k)));
        for (const k of TRUST_OPTIONS) if (Object.hasOwn(opts, k)) ignored.push(`rules.${id}.${k}`);
        value = Array.isArray(v) ? [v[0], kept, ...v.slice(2)] : kept;
      }
      rules[id] = value;
    }
    layer.rules = rules;
  }
  return { layer, ignored };
}

/** A value as written, for a message: JSON, cut to 40 characters. */
function shownValue(v: unknown): string {
  let s: string;
  try {
    s = JSON.stringify(v) ?? String(v);
  } catch {
    s = typeName(v);
  }
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

function typeName(v: unknown): string {
  return Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v;
}

export function defaultConfig(registry: Registry): ResolvedConfig {
  const rules = new Map<string, RuleSetting>();
  for (const r of registry.all()) {
    rules.set(r.meta.id, { severity: r.meta.optIn ? 'off' : r.meta.defaultSeverity, options: { ...(r.meta.defaultOptions as object) }, explicit: false });
  }
  return { rules, settings: { ...DEFAULT_SETTINGS, allowWords: [] }, exportLayout: defaultExportLayout() };
}

/** Merge raw layers over the defaults. Never throws; problems name the key. */
export function resolveConfig(registry: Registry, layers: RawConfig[]): { config: ResolvedConfig; problems: ConfigProblem[] } {
  const config = defaultConfig(registry);
  const problems: ConfigProblem[] = [];
  const problem = (key: string, zh: string, en: string) => problems.push({ key, message: { zh, en } });

  for (const given of layers) {
    if (given === undefined || given === null) continue;
    if (typeof given !== 'object' || Array.isArray(given)) {
      problem('', `配置应为 JSON 对象，实际为 ${typeName(given)}`, `the configuration must be a JSON object, got ${typeName(given)}`);
      continue;
    }
    const { layer: raw, dropped } = dropTooDeep(given);
    for (const key of dropped) {
      problem(key, `“${key}”嵌套超过 ${MAX_CONFIG_DEPTH} 层，已忽略`, `"${key}" is nested more than ${MAX_CONFIG_DEPTH} levels deep; ignored`);
    }
    for (const key of Object.keys(raw)) {
      if (!KNOWN_KEYS.has(key)) problem(key, `未知的配置项“${key}”，已忽略`, `unknown key "${key}" ignored`);
    }
    if (raw.mode !== undefined) {
      if (raw.mode === 'draft' || raw.mode === 'final') config.settings.mode = raw.mode;
      else problem('mode', `“mode”应为 "draft" 或 "final"，已使用 "${config.settings.mode}"`, `"mode" must be "draft" or "final"; using "${config.settings.mode}"`);
    }
    if (raw.speakingRate !== undefined) {
      const v = raw.speakingRate;
      if (typeof v === 'number' && Number.isFinite(v) && v >= 100 && v <= 400) config.settings.speakingRate = v;
      else problem('speakingRate', `“speakingRate”应为 100 到 400 之间的数字（每分钟字数），已使用 ${config.settings.speakingRate}`, `"speakingRate" must be a number from 100 to 400 (characters a minute); using ${config.settings.speakingRate}`);
    }
    if (raw.allow !== undefined) {
      if (Array.isArray(raw.allow) && raw.allow.every((w) => typeof w === 'string')) {
        config.settings.allowWords = [...config.settings.allowWords, ...boundedAllow(raw.allow as string[], problem)];
      } else problem('allow', '“allow”应为字符串数组', '"allow" must be an array of strings');
    }
    if (raw.dictionary !== undefined) {
      if (typeof raw.dictionary === 'string' && raw.dictionary.length > 0) config.dictionary = raw.dictionary;
      else problem('dictionary', '“dictionary”应为词表文件路径（字符串）', '"dictionary" must be a path to a word list (a string)');
    }
    if (raw.export !== undefined) applyExportSection(config.exportLayout, raw.export, (key, message) => problems.push({ key, message }));
    if (raw.rules !== undefined) {
      if (typeof raw.rules !== 'object' || raw.rules === null || Array.isArray(raw.rules)) {
        problem('rules', `“rules”应为对象，实际为 ${typeName(raw.rules)}`, `"rules" must be an object, got ${typeName(raw.rules)}`);
        continue;
      }
      for (const [id, value] of Object.entries(raw.rules as Record<string, unknown>)) {
        const rule = registry.get(id);
        const key = `rules.${id}`;
        if (!rule) {
          problem(key, `未知的规则“${id}”，已忽略`, `unknown rule "${id}" ignored`);
          continue;
        }
        applyRuleSetting(rule, key, value, config.rules.get(id)!, problem);
      }
    }
  }
  return { config, problems };
}

function applyRuleSetting(
  rule: AnyRule,
  key: string,
  value: unknown,
  setting: RuleSetting,
  problem: (key: string, zh: string, en: string) => void,
): void {
  let sev: unknown = value;
  let opts: unknown;
  if (Array.isArray(value)) {
    sev = value[0];
    opts = value[1];
    if (value.length > 2) problem(key, `“${key}”最多两项：[严重程度, 选项]`, `"${key}" takes at most two items: [severity, options]`);
  } else if (typeof value === 'object' && value !== null) {
    // { "severity": "warning", "minCount": 4 } is accepted too
    const { severity, ...rest } = value as Record<string, unknown>;
    sev = severity ?? setting.severity;
    opts = rest;
  }
  if (typeof sev === 'string' && (SEVERITIES as readonly string[]).includes(sev)) {
    setting.severity = sev as SeverityOrOff;
    setting.explicit = true;
  } else if (sev === 'warn') {
    setting.severity = 'warning';
    setting.explicit = true;
  } else if (sev === 'information') {
    setting.severity = 'info';
    setting.explicit = true;
  } else {
    problem(
      key,
      `“${key}”的严重程度应为 error、warning、info、hint 或 off，实际为 ${shownValue(sev)}，已使用默认值`,
      `"${key}": severity must be error, warning, info, hint or off, got ${shownValue(sev)}; using the default`,
    );
  }
  if (opts === undefined) return;
  if (typeof opts !== 'object' || opts === null || Array.isArray(opts)) {
    problem(key, `“${key}”的选项应为对象`, `"${key}": options must be an object`);
    return;
  }
  const specs = (rule.meta.options ?? {}) as Record<string, { type: string; min?: number; max?: number }>;
  const defaults = rule.meta.defaultOptions as Record<string, unknown>;
  const accepted: Record<string, unknown> = {};
  for (const [name, v] of Object.entries(opts as Record<string, unknown>)) {
    // own keys only: "__proto__" or "toString" is not an option
    const spec = Object.hasOwn(specs, name) ? specs[name] : undefined;
    const okey = `${key}.${name}`;
    if (!spec || !Object.hasOwn(defaults, name)) {
      problem(okey, `规则“${rule.meta.id}”没有选项“${name}”，已忽略`, `rule "${rule.meta.id}" has no option "${name}"; ignored`);
      continue;
    }
    if (!optionOk(spec, v)) {
      const range = spec.min !== undefined || spec.max !== undefined ? ` (${spec.min ?? '-∞'}–${spec.max ?? '∞'})` : '';
      problem(okey, `“${okey}”应为 ${spec.type}${range}，已使用默认值 ${JSON.stringify(defaults[name])}`, `"${okey}" must be a ${spec.type}${range}; using the default ${JSON.stringify(defaults[name])}`);
      continue;
    }
    setting.options[name] = v;
    accepted[name] = v;
  }
  // rule-specific checks of the values (a regular expression that does not compile …)
  if (rule.meta.validateOptions && Object.keys(accepted).length > 0) {
    let found: { key: string; message: LocalizedText }[] = [];
    try {
      found = rule.meta.validateOptions(accepted);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      found = [{ key: '', message: { zh: `选项检查失败：${msg}`, en: `option check failed: ${msg}` } }];
    }
    for (const p of found) problem(p.key ? `${key}.${p.key}` : key, p.message.zh, p.message.en);
  }
}

function optionOk(spec: { type: string; min?: number; max?: number }, v: unknown): boolean {
  switch (spec.type) {
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) && (spec.min === undefined || v >= spec.min) && (spec.max === undefined || v <= spec.max);
    case 'string':
      return typeof v === 'string';
    case 'boolean':
      return typeof v === 'boolean';
    case 'string[]':
      return Array.isArray(v) && v.every((x) => typeof x === 'string');
    default:
      return false;
  }
}

/** The severity a rule reports at, given the mode (placeholder rules become errors in final mode). */
export function effectiveSeverity(rule: AnyRule, setting: RuleSetting, settings: Settings): SeverityOrOff {
  if (setting.severity === 'off') return 'off';
  if (settings.mode === 'final' && rule.meta.finalSeverity && !setting.explicit) return rule.meta.finalSeverity;
  if (settings.mode === 'final' && rule.meta.finalSeverity && setting.explicit) {
    // an explicit severity weaker than the final one is raised: final mode is a gate
    return rank(rule.meta.finalSeverity) > rank(setting.severity) ? rule.meta.finalSeverity : setting.severity;
  }
  return setting.severity;
}

function rank(s: Severity): number {
  return s === 'error' ? 4 : s === 'warning' ? 3 : s === 'info' ? 2 : 1;
}

/**
 * Parse JSON text of a config file; on failure, one problem with the line and
 * column. With `quote: false` (a file reached through a link, or outside the
 * workspace: its content is not the user's to show), the message says where
 * the JSON breaks and what was expected, never what was found there.
 */
export function parseConfigText(text: string, opts: { quote?: boolean } = {}): { raw?: RawConfig; problem?: ConfigProblem } {
  const quote = opts.quote ?? true;
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    const v: unknown = JSON.parse(clean);
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      return { problem: { key: '', message: { zh: `配置应为 JSON 对象，实际为 ${typeName(v)}`, en: `the configuration must be a JSON object, got ${typeName(v)}` } } };
    }
    return { raw: v as RawConfig };
  } catch (e) {
    const err = jsonSyntaxError(clean, quote);
    if (err) {
      const lines = new LineIndex(clean);
      const p = lines.positionAt(err.offset);
      const line = p.line + 1;
      const column = p.character + 1;
      return {
        problem: {
          key: '',
          message: { zh: `JSON 格式错误（第 ${line} 行第 ${column} 列）：${err.reason.zh}`, en: `invalid JSON at line ${line}, column ${column}: ${err.reason.en}` },
        },
      };
    }
    // the engine's message quotes the text: only for the user's own file
    const msg = quote ? `：${e instanceof Error ? e.message : String(e)}` : '';
    return { problem: { key: '', message: { zh: `JSON 格式错误${msg}`, en: `invalid JSON${msg.replace('：', ': ')}` } } };
  }
}

export interface JsonSyntaxError {
  /** UTF-16 offset of the first character that breaks the JSON (the text length at an early end). */
  offset: number;
  reason: LocalizedText;
}

const JSON_NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

/**
 * Where strict JSON (RFC 8259, what JSON.parse accepts) breaks in `text`,
 * with a short bilingual reason, or undefined when it is valid. Iterative:
 * deep nesting cannot overflow the stack.
 */
export function jsonSyntaxError(text: string, quote = true): JsonSyntaxError | undefined {
  return new JsonChecker(text, quote).run();
}

type JsonState = 'value' | 'valueOrEnd' | 'key' | 'keyOrEnd' | 'colon' | 'commaOrEnd' | 'eof';

/** The state machine behind jsonSyntaxError: one method per state, a step returns an error or undefined. */
class JsonChecker {
  private readonly stack: number[] = []; // 0x7b '{' or 0x5b '['
  private state: JsonState = 'value';
  private lastComma = -1;
  private i = 0;
  private readonly n: number;

  /** `quote`: say what was found where the JSON breaks (false: only where, and what was expected). */
  constructor(
    private readonly text: string,
    private readonly quote = true,
  ) {
    this.n = text.length;
  }

  run(): JsonSyntaxError | undefined {
    const { text, n } = this;
    for (;;) {
      while (this.i < n) {
        const c = text.charCodeAt(this.i);
        if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) this.i++;
        else break;
      }
      if (this.i >= n) return this.state === 'eof' ? undefined : this.expected(n, this.state);
      const c = text.charCodeAt(this.i);
      const err = this.step(c);
      if (err) return err;
    }
  }

  private step(c: number): JsonSyntaxError | undefined {
    switch (this.state) {
      case 'value':
      case 'valueOrEnd':
        return this.stepValue(c);
      case 'key':
      case 'keyOrEnd':
        return this.stepKey(c);
      case 'colon':
        if (c !== 0x3a) return this.expected(this.i, this.state);
        this.i++;
        this.state = 'value';
        return undefined;
      case 'commaOrEnd':
        return this.stepCommaOrEnd(c);
      case 'eof':
        return this.expected(this.i, this.state);
    }
  }

  private afterValue(): JsonState {
    return this.stack.length ? 'commaOrEnd' : 'eof';
  }

  private stepValue(c: number): JsonSyntaxError | undefined {
    const { text } = this;
    const i = this.i;
    if (this.state === 'valueOrEnd' && c === 0x5d) {
      this.stack.pop();
      this.i++;
      this.state = this.afterValue();
    } else if (c === 0x7b || c === 0x5b) {
      this.stack.push(c);
      this.i++;
      this.state = c === 0x7b ? 'keyOrEnd' : 'valueOrEnd';
    } else if (c === 0x22) {
      const r = this.scanString(i);
      if (typeof r !== 'number') return r;
      this.i = r;
      this.state = this.afterValue();
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      JSON_NUMBER.lastIndex = i;
      const m = JSON_NUMBER.exec(text);
      if (!m) return this.fail(i, '无效的数字', 'invalid number');
      this.i += m[0].length;
      this.state = this.afterValue();
    } else {
      const lit = ['true', 'false', 'null'].find((w) => text.startsWith(w, i));
      if (!lit) return this.expected(i, this.state);
      this.i += lit.length;
      this.state = this.afterValue();
    }
    this.lastComma = -1;
    return undefined;
  }

  private stepKey(c: number): JsonSyntaxError | undefined {
    if (this.state === 'keyOrEnd' && c === 0x7d) {
      this.stack.pop();
      this.i++;
      this.state = this.afterValue();
    } else if (c === 0x22) {
      const r = this.scanString(this.i);
      if (typeof r !== 'number') return r;
      this.i = r;
      this.state = 'colon';
    } else return this.expected(this.i, this.state);
    this.lastComma = -1;
    return undefined;
  }

  private stepCommaOrEnd(c: number): JsonSyntaxError | undefined {
    const top = this.stack[this.stack.length - 1];
    if (c === 0x2c) {
      this.lastComma = this.i;
      this.i++;
      this.state = top === 0x7b ? 'key' : 'value';
    } else if ((top === 0x7b && c === 0x7d) || (top === 0x5b && c === 0x5d)) {
      this.stack.pop();
      this.i++;
      this.state = this.afterValue();
    } else return this.expected(this.i, this.state);
    return undefined;
  }

  private found(at: number): LocalizedText {
    const { text, n } = this;
    if (at >= n) return { zh: '文件结束', en: 'the end of the file' };
    const word = /[A-Za-z_$][\w$]*/y;
    word.lastIndex = at;
    const m = word.exec(text);
    const cp = text.codePointAt(at)!;
    const s = m ? m[0].slice(0, 20) : cp < 0x20 ? `U+${cp.toString(16).toUpperCase().padStart(4, '0')}` : String.fromCodePoint(cp);
    return { zh: `“${s}”`, en: `"${s}"` };
  }

  private fail(at: number, zh: string, en: string): JsonSyntaxError {
    if (!this.quote) return { offset: Math.min(at, this.n), reason: { zh, en } };
    const f = this.found(at);
    return { offset: Math.min(at, this.n), reason: { zh: `${zh}，实际为${f.zh}`, en: `${en}, found ${f.en}` } };
  }

  private expected(at: number, st: JsonState): JsonSyntaxError {
    const { text } = this;
    const c = text.charCodeAt(at);
    if (c === 0x2f && (text.charCodeAt(at + 1) === 0x2f || text.charCodeAt(at + 1) === 0x2a)) {
      return { offset: at, reason: { zh: 'JSON 不允许注释', en: 'comments are not allowed in JSON' } };
    }
    if ((c === 0x7d || c === 0x5d) && this.lastComma >= 0 && (st === 'key' || st === 'value')) {
      return { offset: this.lastComma, reason: { zh: `“${String.fromCharCode(c)}”前多了一个逗号`, en: `a comma before "${String.fromCharCode(c)}" is not allowed` } };
    }
    switch (st) {
      case 'value':
      case 'valueOrEnd':
        return this.fail(at, '此处应为值（字符串、数字、对象、数组、true、false 或 null）', 'expected a value (string, number, object, array, true, false or null)');
      case 'key':
      case 'keyOrEnd':
        return this.fail(at, st === 'keyOrEnd' ? '此处应为带双引号的属性名或“}”' : '此处应为带双引号的属性名', st === 'keyOrEnd' ? 'expected a property name in double quotes or "}"' : 'expected a property name in double quotes');
      case 'colon':
        return this.fail(at, '属性名后应为“:”', 'expected ":" after the property name');
      case 'commaOrEnd':
        return this.stack[this.stack.length - 1] === 0x7b ? this.fail(at, '此处应为“,”或“}”', 'expected "," or "}"') : this.fail(at, '此处应为“,”或“]”', 'expected "," or "]"');
      case 'eof':
        return this.fail(at, 'JSON 值之后不应再有内容', 'expected the end of the file after the JSON value');
    }
  }

  /** Scan a string starting at the quote at `start`; returns the offset after it or an error. */
  private scanString(start: number): number | JsonSyntaxError {
    const { text, n } = this;
    let j = start + 1;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 0x22) return j + 1;
      if (c < 0x20) {
        return c === 10 || c === 13
          ? { offset: start, reason: { zh: '字符串缺少结尾的双引号（字符串不能跨行）', en: 'the string has no closing double quote (a string cannot span lines)' } }
          : this.fail(j, '字符串中不能有控制字符', 'control character in a string');
      }
      if (c === 0x5c) {
        const e = text.charCodeAt(j + 1);
        if (e === 0x75) {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) return this.fail(j, '“\\u”后应为四位十六进制数', 'expected four hex digits after "\\u"');
          j += 6;
          continue;
        }
        if (!'"\\/bfnrt'.includes(text[j + 1] ?? '') || j + 1 >= n) return this.fail(j + 1, '无效的转义字符', 'invalid escape');
        j += 2;
        continue;
      }
      j++;
    }
    return { offset: start, reason: { zh: '字符串缺少结尾的双引号', en: 'the string has no closing double quote' } };
  }
}
