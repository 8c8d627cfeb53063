/**
 * One pending call, put off: `schedule(ms)` (re)starts the wait, so that a
 * burst of events (keystrokes, cursor moves, diagnostics) runs `fn` once,
 * `ms` after the last of them. Pure (no `vscode` import).
 */
export class Debounce {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly fn: () => void) {}

  /** Run `fn` in `ms` milliseconds, dropping the call scheduled before. */
  schedule(ms: number): void {
    this.cancel();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.fn();
    }, ms);
  }

  /** Drop the call waiting, if any. */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  dispose(): void {
    this.cancel();
  }
}
