/**
 * The contract between the extension client and the language server, beyond
 * standard LSP. Pure types and names: imported by both sides, no runtime deps.
 * Offsets here are LSP ranges (line/character, UTF-16).
 */

export interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** Commands the server executes (workspace/executeCommand); each answers with a workspace/applyEdit to the client. */
export const ServerCommands = {
  /** args: [uri]. Apply every safe fix in the document. */
  fixAll: 'speechlint.server.fixAll',
  /** args: [uri, ruleId]. Apply every safe fix of one rule. */
  fixAllOfRule: 'speechlint.server.fixAllOfRule',
  /** args: [uri]. Renumber every heading and series in the document. */
  renumber: 'speechlint.server.renumber',
  /** args: [uri, line, character, value]. Replace the placeholder at the position and all its same-context twins. */
  fillPlaceholder: 'speechlint.server.fillPlaceholder',
  /** args: [uri]. Delete every web residue the residue rules find and rejoin broken lines, in one edit. */
  cleanPasted: 'speechlint.server.cleanPasted',
  /** args: [uri]. Rejoin lines broken mid-sentence (a PDF or Word paste), keeping paragraph breaks and headings. */
  joinBrokenLines: 'speechlint.server.joinBrokenLines',
  /** args: [uri, line, character, 'up' | 'down']. Move the section at the position among its siblings, renumbering. */
  moveSection: 'speechlint.server.moveSection',
} as const;

/** Custom requests. */
export const Requests = {
  outline: 'speechlint/outline',
  placeholders: 'speechlint/placeholders',
  stats: 'speechlint/stats',
  fillPreview: 'speechlint/fillPreview',
  exportDocx: 'speechlint/exportDocx',
} as const;

/** speechlint/exportDocx: the open draft as a .docx in the configured layout, or what refuses it (final mode). */
export interface ExportLeftover {
  line: number;
  character: number;
  ruleId: string;
  message: string;
  excerpt: string;
}

export type ExportDocxResult = { ok: true; base64: string; highlighted: ExportLeftover[] } | { ok: false; blockers: ExportLeftover[] };

export interface UriParams {
  uri: string;
}

export interface OutlineNode {
  kind: 'title' | 'announcement' | 'section' | 'series' | 'seriesItem' | 'opening' | 'closing';
  /** Heading text without marker noise. */
  label: string;
  /** The marker as written ("一、", "（二）", "01"), if any. */
  marker?: string;
  /** Nominal level 1-4 for numbered sections, 0 otherwise. */
  level: number;
  /** The whole node (for a section: heading to the end of its body). */
  range: LspRange;
  /** Where to put the cursor / what to select when revealing (the heading). */
  selectionRange: LspRange;
  /** Spoken characters of the node (a section: its body, sub-sections included). */
  chars: number;
  /** Speaking time in seconds at the configured rate. */
  seconds: number;
  /** chars as a share of the parent's chars (0-1); for top-level nodes, of the whole speech. */
  share: number;
  problems: number;
  placeholders: number;
  /** Speaking time before the node starts, in seconds: its place on a time axis. */
  startSeconds?: number;
  /** Announcements: the number announced ("讲三点意见" → 3). */
  count?: number;
  /** Announcements: how many items were found for it. */
  found?: number;
  children: OutlineNode[];
}

export interface OutlineResult {
  uri: string;
  version: number;
  totalChars: number;
  totalSeconds: number;
  speakingRate: number;
  nodes: OutlineNode[];
}

export interface PlaceholderItem {
  range: LspRange;
  text: string;
  /** A few words either side, for the list. */
  before: string;
  after: string;
  ruleId: string;
}

export interface PlaceholdersResult {
  uri: string;
  version: number;
  items: PlaceholderItem[];
}

export interface StatsParams extends UriParams {
  /** Count only these ranges (the selection), when given and non-empty. */
  ranges?: LspRange[];
}

export interface StatsResult {
  chars: number;
  seconds: number;
  placeholders: number;
  speakingRate: number;
  mode: 'draft' | 'final';
}

export interface FillPreviewParams extends UriParams {
  position: { line: number; character: number };
}

export interface FillPreviewResult {
  /** The placeholder under the position, if any. */
  text?: string;
  /** The ranges that a fill would replace (the same placeholder in the same context). */
  ranges: LspRange[];
}
