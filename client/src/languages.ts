/**
 * The `speechlint.languages` setting → document selector and file globs.
 * Pure (no `vscode` import).
 */

export const DEFAULT_LANGUAGES: readonly string[] = ['speech', 'plaintext', 'markdown'];

/** URI schemes whose documents are checked: files on disk, unsaved buffers, virtual file systems. */
export const CHECKED_SCHEMES: readonly string[] = ['file', 'untitled', 'vscode-vfs'];

/** File extensions of the built-in languages (others are looked up in the installed extensions' contributions). */
export const KNOWN_EXTENSIONS: Readonly<Record<string, readonly string[]>> = {
  speech: ['.speech'],
  plaintext: ['.txt'],
  markdown: ['.md', '.markdown'],
};

/** A valid, de-duplicated list of language ids; the default for anything that is not a list of strings. */
export function normalizeLanguages(value: unknown): string[] {
  if (!Array.isArray(value)) return [...DEFAULT_LANGUAGES];
  const out: string[] = [];
  for (const v of value) {
    if (typeof v !== 'string') continue;
    const id = v.trim();
    if (id && !out.includes(id)) out.push(id);
  }
  return out;
}

export interface DocumentFilterLike {
  language: string;
  scheme: string;
}

export function documentSelectorFor(languages: readonly string[]): DocumentFilterLike[] {
  const out: DocumentFilterLike[] = [];
  for (const language of languages) for (const scheme of CHECKED_SCHEMES) out.push({ language, scheme });
  return out;
}

/** Does the selector of `documentSelectorFor(languages)` take a document of this language and URI scheme? */
export function isSelected(languageId: string, scheme: string, languages: readonly string[]): boolean {
  return languages.includes(languageId) && CHECKED_SCHEMES.includes(scheme);
}

/**
 * A glob of the files of these languages, e.g. `**∕*.{md,markdown,speech,txt}`;
 * `extra` adds extensions known from other extensions' language contributions.
 * Undefined when no extension is known.
 */
export function filesGlob(languages: readonly string[], extra: Readonly<Record<string, readonly string[]>> = {}): string | undefined {
  const exts = new Set<string>();
  for (const id of languages) {
    for (const e of [...(KNOWN_EXTENSIONS[id] ?? []), ...(extra[id] ?? [])]) {
      const clean = e.replace(/^\.+/, '');
      // an extension with glob syntax in it would break the pattern
      if (clean && !/[{}*?[\],/\\]/.test(clean)) exts.add(clean);
    }
  }
  const list = [...exts].sort();
  if (list.length === 0) return undefined;
  return list.length === 1 ? `**/*.${list[0]}` : `**/*.{${list.join(',')}}`;
}

/** Language id → extensions, from extensions' `contributes.languages` (package.json objects). */
export function extensionsFromContributions(packages: readonly unknown[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const pkg of packages) {
    const langs = (pkg as { contributes?: { languages?: unknown } } | undefined)?.contributes?.languages;
    if (!Array.isArray(langs)) continue;
    for (const l of langs) {
      const id = (l as { id?: unknown }).id;
      const exts = (l as { extensions?: unknown }).extensions;
      if (typeof id !== 'string' || !Array.isArray(exts)) continue;
      const list = (out[id] ??= []);
      for (const e of exts) if (typeof e === 'string' && !list.includes(e)) list.push(e);
    }
  }
  return out;
}
