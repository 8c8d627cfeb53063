/**
 * The status bar's texts. Pure (no `vscode` import): the translator is passed
 * in (`vscode.l10n.t` in the extension, a plain formatter in the tests).
 */

/** `vscode.l10n.t`-like: replaces {0}, {1} … with the arguments. */
export type Translate = (message: string, ...args: Array<string | number>) => string;

/** The English default: substitutes {n} placeholders. */
export const plainTranslate: Translate = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (m, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : m));

/** 3412 → "3,412" (grouping as in both Chinese and English UI text). */
export function groupDigits(n: number): string {
  const v = Math.max(0, Math.round(Number.isFinite(n) ? n : 0));
  return String(v).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Speaking time in whole minutes and seconds. */
export function durationParts(seconds: number): { minutes: number; seconds: number } {
  const total = Math.max(0, Math.round(Number.isFinite(seconds) ? seconds : 0));
  return { minutes: Math.floor(total / 60), seconds: total % 60 };
}

/** "15 min 30 s" / "15分30秒", "15 min" / "15分钟", "45 s" / "45秒". */
export function durationText(seconds: number, t: Translate): string {
  const d = durationParts(seconds);
  if (d.minutes === 0) return t('{0} s', d.seconds);
  if (d.seconds === 0) return t('{0} min', d.minutes);
  return t('{0} min {1} s', d.minutes, d.seconds);
}

/** "1,234 chars · 5 min 36 s": the length and speaking time, as the status bar, the breakdown, the structure view and the chart show them. */
export function lengthText(chars: number, seconds: number, t: Translate): string {
  return `${t('{0} chars', groupDigits(chars))} · ${durationText(seconds, t)}`;
}

/** A share (0-1) as a whole percentage, "13%". */
export function percent(share: number): string {
  const s = Number.isFinite(share) ? Math.max(0, Math.min(1, share)) : 0;
  return `${Math.round(s * 100)}%`;
}

/** Seconds to read `chars` characters at `rate` characters a minute. */
export function secondsFor(chars: number, rate: number): number {
  return rate > 0 ? (chars / rate) * 60 : 0;
}

/** Clamp the configured rate into the setting's range (150-270), 220 when invalid. */
export function effectiveRate(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 220;
  return Math.min(270, Math.max(150, value));
}

export interface StatusInput {
  chars: number;
  seconds: number;
  speakingRate: number;
  /** True when `chars` counts the selection only. */
  selection: boolean;
  /** Undefined while unknown (server not answered yet and no diagnostics). */
  placeholders?: number;
  mode: 'draft' | 'final';
}

export interface StatusTexts {
  main: string;
  mainTooltip: string;
  placeholders: string;
  placeholdersTooltip: string;
  mode: string;
  modeTooltip: string;
  /** The placeholder item should stand out: final mode with placeholders left. */
  placeholdersAlarm: boolean;
}

export function statusTexts(s: StatusInput, t: Translate): StatusTexts {
  const chars = groupDigits(s.chars);
  const time = durationText(s.seconds, t);
  const main = s.selection ? `$(book) ${t('Selection: {0} chars', chars)} · ${time}` : `$(book) ${lengthText(s.chars, s.seconds, t)}`;
  const mainTooltip = [
    s.selection
      ? t('Selected text: {0} characters (Chinese characters and digits), about {1} to read aloud at {2} characters a minute.', chars, time, s.speakingRate)
      : t('Draft: {0} characters (Chinese characters and digits), about {1} to read aloud at {2} characters a minute.', chars, time, s.speakingRate),
    t('Click for the per-section breakdown.'),
  ].join('\n\n');
  const known = s.placeholders !== undefined;
  const n = s.placeholders ?? 0;
  const placeholders = `$(symbol-variable) ${known ? t('{0} placeholders', n) : t('Placeholders …')}`;
  const placeholdersTooltip = known
    ? n === 0
      ? t('No placeholders (XX, ×, 某某 …) left in this draft.')
      : t('{0} placeholders (XX, ×, 某某 …) left in this draft. Click to list them.', n)
    : t('Counting placeholders …');
  const mode = s.mode === 'final' ? `$(lock) ${t('Final')}` : `$(edit) ${t('Draft')}`;
  const modeTooltip =
    s.mode === 'final'
      ? t('Final mode: placeholders are errors. Click to switch to draft mode.')
      : t('Draft mode: placeholders are information. Click to switch to final mode.');
  return { main, mainTooltip, placeholders, placeholdersTooltip, mode, modeTooltip, placeholdersAlarm: s.mode === 'final' && n > 0 };
}
