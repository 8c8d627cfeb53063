/**
 * What the client answers to the server's workspace/configuration request
 * for the `speechlint` section: only the settings the user has set (in user,
 * workspace or folder settings, also per language). VS Code's own answer
 * fills in every declared default, and the server could not tell "draft
 * because nobody chose" from "draft because the user switched to it": the
 * former must leave a `.speechlintrc.json` in charge, the latter must win.
 *
 * Pure (no vscode import) so that it is unit-tested.
 */

/** The parts of `WorkspaceConfiguration.inspect()` that say where a value was set. */
export interface SettingInspection {
  globalValue?: unknown;
  workspaceValue?: unknown;
  workspaceFolderValue?: unknown;
  globalLanguageValue?: unknown;
  workspaceLanguageValue?: unknown;
  workspaceFolderLanguageValue?: unknown;
}

/** The keys the server reads from the `speechlint` section (`languages` and `trace` are the client's). */
export const SERVER_SETTING_KEYS = ['mode', 'speakingRate', 'rules', 'allow', 'dictionary', 'debounceMs'] as const;

export function isUserSet(i: SettingInspection | undefined): boolean {
  if (!i) return false;
  return (
    i.globalValue !== undefined ||
    i.workspaceValue !== undefined ||
    i.workspaceFolderValue !== undefined ||
    i.globalLanguageValue !== undefined ||
    i.workspaceLanguageValue !== undefined ||
    i.workspaceFolderLanguageValue !== undefined
  );
}

/**
 * The settings object for the server: every key the user set, with the value
 * VS Code resolves for it (`get`, which merges objects across scopes); keys
 * left at their declared default are absent.
 */
export function explicitSettings(config: { inspect(key: string): SettingInspection | undefined; get(key: string): unknown }): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of SERVER_SETTING_KEYS) {
    if (isUserSet(config.inspect(key))) out[key] = config.get(key);
  }
  return out;
}
