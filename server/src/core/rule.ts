/**
 * What a rule is and what it returns. A rule is a small object with metadata
 * and a `check`; findings carry data-only fixes (text edits on UTF-16
 * offsets), never callbacks, so the server, the CLI and the tests apply them
 * the same way.
 */
import type { SpeechDocument } from './model';
import type { Segmentation } from './segment';
import type { Span } from './text';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeverityOrOff = Severity | 'off';
export const SEVERITIES: readonly SeverityOrOff[] = ['error', 'warning', 'info', 'hint', 'off'];

export type Family = 'numbering' | 'placeholder' | 'repetition' | 'balance' | 'typography' | 'reference' | 'residue';
export const FAMILIES: readonly Family[] = ['numbering', 'placeholder', 'repetition', 'balance', 'typography', 'reference', 'residue'];

export type Locale = 'zh' | 'en';

/** A message in both languages; `{name}` is replaced by `data.name`. */
export interface LocalizedText {
  zh: string;
  en: string;
}

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  title: LocalizedText;
  edits: TextEdit[];
  /**
   * Safe fixes are applied by `speechlint --fix` and "fix all"; others are
   * offered only as quick fixes the user picks one at a time.
   */
  safe: boolean;
}

export interface RelatedInfo {
  span: Span;
  message: LocalizedText;
}

/** What a rule reports; `lint()` adds the rule id, severity and formatted message. */
export interface Report {
  messageId: string;
  data?: Record<string, string | number>;
  span: Span;
  fixes?: Fix[];
  related?: RelatedInfo[];
  /** Lower the configured severity for this report (e.g. near-duplicates as information); never raises it. */
  severity?: Severity;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: LocalizedText;
  span: Span;
  fixes: Fix[];
  related: RelatedInfo[];
}

/** Document-wide settings every rule may read (from the config, not per rule). */
export interface Settings {
  /** 'draft': placeholders are information; 'final': they are errors. */
  mode: 'draft' | 'final';
  /** Speaking rate in characters a minute (150-270). */
  speakingRate: number;
  /** Words never reported by placeholder and repetition rules. */
  allowWords: string[];
}

export const DEFAULT_SETTINGS: Settings = { mode: 'draft', speakingRate: 220, allowWords: [] };

export interface RuleContext<O> {
  doc: SpeechDocument;
  options: O;
  settings: Settings;
  /** Present for rules with `meta.needsSegmentation`. */
  segmentation?: Segmentation;
  report(r: Report): void;
}

export type OptionType = 'number' | 'string' | 'boolean' | 'string[]';

export interface OptionSpec {
  type: OptionType;
  description: LocalizedText;
  min?: number;
  max?: number;
}

export interface RuleMeta<O> {
  /** `family/name` */
  id: string;
  family: Family;
  description: LocalizedText;
  defaultSeverity: Severity;
  /**
   * Off unless a configuration turns it on: a check an editor does not want
   * by default (density hints). `defaultSeverity` is then the severity the
   * documentation suggests for it.
   */
  optIn?: boolean;
  fixable: boolean;
  /** Needs jieba tokens: runs after the fast rules, off the typing path. */
  needsSegmentation?: boolean;
  /** Severity in final mode (placeholder rules turn into errors). */
  finalSeverity?: Severity;
  defaultOptions: O;
  options?: { [K in keyof O]: OptionSpec };
  /** For the README: what the rule leaves alone on purpose, and its known limits (read on real drafts). */
  notes?: { leavesAlone: string; limits: string };
  /** Examples for the README: a wrong and a right draft excerpt. */
  examples: { wrong: string; right: string };
  /**
   * Checks option values beyond their type (e.g. that a regular expression
   * compiles), called by resolveConfig with the options one config layer set.
   * Keys are relative to the rule ("patterns[1]"). Must not throw.
   */
  validateOptions?: (options: Partial<O>) => OptionProblem[];
}

/** A problem with one option value, found by `RuleMeta.validateOptions`. */
export interface OptionProblem {
  /** The option, relative to the rule: "patterns[1]". */
  key: string;
  message: LocalizedText;
}

export interface Rule<O extends object = Record<string, unknown>> {
  meta: RuleMeta<O>;
  messages: Record<string, LocalizedText>;
  check(ctx: RuleContext<O>): void;
}

/** For registries and generic code: a rule whose options type is not known. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<any>;

export function defineRule<O extends object>(rule: Rule<O>): Rule<O> {
  return rule;
}

export function formatText(template: string, data: Record<string, string | number> | undefined): string {
  if (!data) return template;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in data ? String(data[k]) : m));
}

export function localize(t: LocalizedText, locale: Locale): string {
  return locale === 'en' ? t.en : t.zh;
}

/** 'zh-cn', 'zh-TW', 'zh' → 'zh'; anything else → 'en'. Default (undefined) is Chinese. */
/** The less severe of two severities (hint < info < warning < error). */
export function lowerSeverity(a: Severity, b: Severity): Severity {
  const rank: Record<Severity, number> = { hint: 0, info: 1, warning: 2, error: 3 };
  return rank[a] <= rank[b] ? a : b;
}

export function localeFrom(tag: string | undefined): Locale {
  if (!tag) return 'zh';
  // BCP 47 (zh, zh-CN, zh-Hans) and POSIX (zh_CN.UTF-8, zh@…) tags
  return /^zh(?:[-_.@]|$)/i.test(tag) ? 'zh' : 'en';
}

/**
 * The message language of a process: `explicit` (--locale), else LC_ALL,
 * LC_MESSAGES, LANG (POSIX order): zh* → zh, anything else → en; none set →
 * zh. The command line's default, and the language server's when the editor
 * sends no locale (Neovim, Helix). Pure: the environment is passed in.
 */
export function detectLocale(env: Record<string, string | undefined>, explicit?: Locale): Locale {
  if (explicit) return explicit;
  const tag = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  return localeFrom(tag);
}
