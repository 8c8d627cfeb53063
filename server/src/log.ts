/**
 * Logging to the client's output channel (window/logMessage). Debug lines
 * (timings) only when asked for: initializationOptions.debug, the setting
 * `speechlint.debug`, or SPEECHLINT_DEBUG=1.
 */
import type { Connection } from 'vscode-languageserver';

export class Log {
  debugEnabled = process.env.SPEECHLINT_DEBUG === '1';
  private readonly once = new Set<string>();

  constructor(private readonly connection: Connection) {}

  info(m: string): void {
    this.connection.console.info(m);
  }
  warn(m: string): void {
    this.connection.console.warn(m);
  }
  error(m: string): void {
    this.connection.console.error(m);
  }
  debug(m: string): void {
    if (this.debugEnabled) this.connection.console.log(m);
  }
  /** Log a message only the first time its text is seen (a rule failing on every keystroke). */
  errorOnce(m: string): void {
    if (this.once.has(m)) return;
    if (this.once.size > 1000) this.once.clear();
    this.once.add(m);
    this.error(m);
  }
}

export function errorText(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}
