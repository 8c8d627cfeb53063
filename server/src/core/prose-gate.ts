/**
 * Which documents speechlint checks. Pure: the VS Code client decides with it
 * which documents it sends to the server (client/src/client.ts), and the
 * server decides with it which documents it checks, for editors that send it
 * every plain-text or Markdown file (Neovim, Helix, Zed; server/src/documents.ts).
 *
 * `speech` documents are always checked. Every other checked language
 * (`plaintext`, `markdown` by default, or anything the user adds to
 * `speechlint.languages`) is a general-purpose format, so a document of that
 * language is checked only when it is mostly Chinese prose:
 *
 * - at least {@link MIN_HAN} Han characters, and
 * - Han characters make up at least {@link MIN_HAN_SHARE} of the "units" of
 *   the text, where a unit is one Han character or one run of Latin letters
 *   (an English word is worth about one Chinese character of meaning, so a
 *   draft with the odd "GDP" or "5G" passes and an English README with a few
 *   Chinese names does not; Markdown code blocks count as Latin words, which
 *   keeps technical notes out).
 *
 * Only the first {@link SAMPLE_CHARS} characters are looked at, so the check is
 * cheap on every keystroke of a document that has not passed yet.
 */

export const MIN_HAN = 20;
export const MIN_HAN_SHARE = 0.7;
export const SAMPLE_CHARS = 50_000;

/** Languages checked whatever their content. */
export const ALWAYS_CHECKED: readonly string[] = ['speech'];

export interface ProseStats {
  /** Han characters (CJK ideographs and 〇). */
  han: number;
  /** Runs of Latin letters (A-Z, a-z, full-width Ａ-Ｚ ａ-ｚ). */
  latinWords: number;
}

function isHanCode(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || c === 0x3007;
}

function isLatinCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a);
}

export function proseStats(text: string, sample = SAMPLE_CHARS): ProseStats {
  const end = Math.min(text.length, Math.max(0, sample));
  let han = 0;
  let latinWords = 0;
  let inWord = false;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isHanCode(c)) {
      han++;
      inWord = false;
    } else if (isLatinCode(c)) {
      if (!inWord) latinWords++;
      inWord = true;
    } else {
      inWord = false;
    }
  }
  return { han, latinWords };
}

/** Han share of the units (Han characters + Latin words), 0 for a text with neither. */
export function hanShare(stats: ProseStats): number {
  const units = stats.han + stats.latinWords;
  return units === 0 ? 0 : stats.han / units;
}

export function isMostlyChineseProse(text: string): boolean {
  const s = proseStats(text);
  return s.han >= MIN_HAN && hanShare(s) >= MIN_HAN_SHARE;
}

/**
 * Should a document of this language with this text be checked?
 * `languages` is the (normalized) `speechlint.languages` setting.
 */
export function shouldCheck(languageId: string, text: string, languages: readonly string[]): boolean {
  if (!languages.includes(languageId)) return false;
  if (ALWAYS_CHECKED.includes(languageId)) return true;
  return isMostlyChineseProse(text);
}

/** Whether a language's documents go through the prose check (rather than being always checked). */
export function needsProseCheck(languageId: string): boolean {
  return !ALWAYS_CHECKED.includes(languageId);
}

/**
 * The server's gate: a document the client sent is checked when it is a
 * `speech` document or, whatever else its language (`plaintext`, `markdown`,
 * Neovim's `text`), mostly Chinese prose. The server has no list of
 * languages: the client chose which documents to send.
 */
export function admitsDocument(languageId: string, text: string): boolean {
  return !needsProseCheck(languageId) || isMostlyChineseProse(text);
}
