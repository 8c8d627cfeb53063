/**
 * Open documents, kept in sync incrementally, with per-version caches: the
 * parsed SpeechDocument (shared by diagnostics, symbols, folding, stats,
 * outline), the fast findings, the segmented findings, and the segmented
 * findings carried across edits until the worker's fresh ones arrive.
 */
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocConfig } from './config-source';
import type { SpeechDocument } from './core/model';
import { parse } from './core/parse';
import type { Finding } from './core/rule';
import { shiftFindings } from './core/shift';
import { LineIndex } from './core/text';
import { MAX_DRAFT_BYTES } from './node/textfile';

/**
 * Is this text over the size the engine checks (MAX_DRAFT_BYTES of UTF-8, as
 * for the CLI)? Such a document is kept in sync but left unchecked: the server
 * says so once and stays responsive.
 */
export function tooLarge(text: string): boolean {
  return text.length > MAX_DRAFT_BYTES / 3 && Buffer.byteLength(text, 'utf8') > MAX_DRAFT_BYTES;
}

const EMPTY = parse('');

export interface Stamp {
  /** Internal revision: bumped on every change, even when a client repeats a version number. */
  rev: number;
  /** Configuration generation (bumped when settings or config files change). */
  gen: number;
}

export interface DocState {
  uri: string;
  languageId: string;
  td: TextDocument;
  /**
   * Kept in sync but not checked, and unknown to requests: a document the
   * store's gate has not admitted yet (an English README sent by an editor
   * that sends every Markdown file). Once admitted, a document stays admitted
   * until it is closed.
   */
  held: boolean;
  rev: number;
  parsed?: { rev: number; doc: SpeechDocument };
  /** Whether the text of revision `rev` is too large to check. */
  large?: { rev: number; value: boolean };
  /** A warning was shown that this document is too large (once per document). */
  largeShown?: boolean;
  /** Line starts of the current text, for documents whose parse is not needed yet. */
  lineIndex?: { rev: number; lines: LineIndex };
  fast?: Stamp & { findings: Finding[]; config: DocConfig };
  segmented?: Stamp & { findings: Finding[] };
  /** Segmented findings mapped onto the current text (exact when `segmented` is current). */
  carried: Finding[];
  timer?: NodeJS.Timeout;
  /** The check in progress, if any; `fast`/`done` resolve when the fast phase / both phases are done or the run was superseded. */
  run?: Stamp & { fast: Promise<void>; done: Promise<void> };
}

let nextRev = 1;

function isPos(p: unknown): boolean {
  const q = p as { line?: unknown; character?: unknown } | null;
  return !!q && typeof q === 'object' && Number.isInteger(q.line) && Number.isInteger(q.character);
}

/**
 * Are these didChange content changes well-formed (each a text, and a range
 * of integer positions when it has one)? Positions out of the text are fine
 * (they clamp); anything else would leave the text unknown.
 */
export function validChanges(changes: unknown): changes is TextDocumentContentChangeEvent[] {
  return (
    Array.isArray(changes) &&
    changes.every((c: unknown) => {
      if (!c || typeof c !== 'object' || typeof (c as { text?: unknown }).text !== 'string') return false;
      const r = (c as { range?: unknown }).range;
      if (r === undefined || r === null) return true;
      return typeof r === 'object' && isPos((r as { start?: unknown }).start) && isPos((r as { end?: unknown }).end);
    })
  );
}

/**
 * Does replacing [start, end) of `text` with `newText` put a \r right before a
 * \n at one of its edges (so that two line breaks become one \r\n)?
 */
export function joinsCrLf(text: string, start: number, end: number, newText: string): boolean {
  const before = newText.length ? newText.charCodeAt(newText.length - 1) : start > 0 ? text.charCodeAt(start - 1) : -1;
  const after = end < text.length ? text.charCodeAt(end) : -1;
  if (before === 13 && after === 10) return true;
  return newText.length > 0 && start > 0 && text.charCodeAt(start - 1) === 13 && newText.charCodeAt(0) === 10;
}

export class DocumentStore {
  private readonly docs = new Map<string, DocState>();

  /** `admits`: which documents are checked (the server passes core/prose-gate's admitsDocument); all by default. */
  constructor(private readonly admits: (languageId: string, text: string) => boolean = () => true) {}

  /** An open document that the gate admitted. */
  get(uri: string): DocState | undefined {
    const st = this.docs.get(uri);
    return st && !st.held ? st : undefined;
  }

  /** The open documents that the gate admitted. */
  all(): DocState[] {
    return [...this.docs.values()].filter((st) => !st.held);
  }

  open(uri: string, languageId: string, version: number, text: string): DocState {
    const old = this.docs.get(uri);
    if (old?.timer) clearTimeout(old.timer);
    const st: DocState = { uri, languageId, td: TextDocument.create(uri, languageId, version, text), held: !this.admits(languageId, text), rev: nextRev++, carried: [] };
    this.docs.set(uri, st);
    return st;
  }

  /** Apply incremental (or full) changes in order, carrying the segmented findings along. */
  change(uri: string, version: number, changes: readonly TextDocumentContentChangeEvent[]): DocState | undefined {
    const st = this.docs.get(uri);
    if (!st) return undefined;
    for (const c of changes) {
      if ('range' in c && c.range) {
        const start = st.td.offsetAt(c.range.start);
        const end = st.td.offsetAt(c.range.end);
        if (st.carried.length) st.carried = shiftFindings(st.carried, { start: Math.min(start, end), end: Math.max(start, end), newLength: c.text.length });
        const text = st.td.getText();
        if (joinsCrLf(text, Math.min(start, end), Math.max(start, end), c.text)) {
          // vscode-languageserver-textdocument updates its line starts only inside the
          // changed range: a \r and a \n that become one line break keep two line starts,
          // and every later position would land on the wrong offset. Give it the whole text.
          const s = Math.min(start, end);
          TextDocument.update(st.td, [{ text: text.slice(0, s) + c.text + text.slice(Math.max(start, end)) }], version);
        } else TextDocument.update(st.td, [c], version);
      } else {
        st.carried = [];
        TextDocument.update(st.td, [{ text: c.text }], version); // (a `range: null` would pass for incremental)
      }
    }
    if (st.td.version !== version) TextDocument.update(st.td, [], version);
    st.rev = nextRev++;
    if (st.held) st.held = !this.admits(st.languageId, st.td.getText());
    return st;
  }

  close(uri: string): DocState | undefined {
    const st = this.docs.get(uri);
    if (st?.timer) clearTimeout(st.timer);
    this.docs.delete(uri);
    return st;
  }

  /** Line starts of the current text (from the parse when there is one). */
  lines(st: DocState): LineIndex {
    if (st.parsed?.rev === st.rev) return st.parsed.doc.lines;
    if (st.lineIndex?.rev === st.rev) return st.lineIndex.lines;
    const lines = new LineIndex(st.td.getText());
    st.lineIndex = { rev: st.rev, lines };
    return lines;
  }

  /** Is the current text too large to check (cached per version)? */
  tooLarge(st: DocState): boolean {
    if (st.large?.rev !== st.rev) st.large = { rev: st.rev, value: tooLarge(st.td.getText()) };
    return st.large.value;
  }

  /** The parsed document of the current version (parsed once per version); an empty one for a document too large to check. */
  parsed(st: DocState): SpeechDocument {
    if (st.parsed?.rev === st.rev) return st.parsed.doc;
    if (this.tooLarge(st)) return EMPTY;
    const doc = parse(st.td.getText());
    st.parsed = { rev: st.rev, doc };
    return doc;
  }
}
