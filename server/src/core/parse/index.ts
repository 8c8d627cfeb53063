/**
 * Text → SpeechDocument: the parser as a list of passes over one shared state
 * (state.ts). Each pass is a file of this folder that reads what the earlier
 * ones produced and adds one layer; its opening comment says which. Pure,
 * linear in the text, never throws on any string (see
 * test/unit/robustness.test.ts).
 */
import type { SpeechDocument } from '../model';
import { announcementsPass } from './announcements';
import { closingPass } from './closing';
import { directivesPass } from './directives';
import { frontMatterPass } from './front-matter';
import { headingsPass } from './headings';
import { linesPass } from './lines';
import { paragraphsPass } from './paragraphs';
import { quotationsPass } from './quotations';
import { residuePass } from './residue';
import { sectionsPass } from './sections';
import { seriesPass } from './series';
import { createState, ParseState } from './state';

export { matchMarker } from './markers';
export { splitSentences } from './sentences';
export { Quotations } from './quotations';
export type { Quotation } from './quotations';

export interface ParseOptions {
  /** Skip inline-series and announcement detection (not used by rules; for tests of the outline only). */
  structureOnly?: boolean;
}

/** The passes, in order. */
export const PASSES: readonly { name: string; run: (st: ParseState) => void }[] = [
  { name: 'lines', run: linesPass },
  { name: 'directives', run: directivesPass },
  { name: 'residue', run: residuePass },
  { name: 'front-matter', run: frontMatterPass },
  { name: 'headings', run: headingsPass },
  { name: 'closing', run: closingPass },
  { name: 'paragraphs', run: paragraphsPass },
  { name: 'sections', run: sectionsPass },
  { name: 'quotations', run: quotationsPass },
  { name: 'series', run: seriesPass },
  { name: 'announcements', run: announcementsPass },
];

export function parse(input: string, _options: ParseOptions = {}): SpeechDocument {
  const text = typeof input === 'string' ? input : String(input ?? '');
  const st = createState(text);
  for (const pass of PASSES) pass.run(st);
  return toDocument(st);
}

function toDocument(st: ParseState): SpeechDocument {
  const docParagraph = (kind: 'title' | 'date' | 'salutation' | 'closing') => {
    const i = st.paragraphs.findIndex((p) => p.kind === kind);
    return i >= 0 ? i : undefined;
  };
  return {
    text: st.text,
    lines: st.lines,
    paragraphs: st.paragraphs,
    title: docParagraph('title'),
    date: docParagraph('date'),
    salutation: docParagraph('salutation'),
    closing: docParagraph('closing'),
    headings: st.headings,
    sections: st.sections,
    allSections: st.allSections,
    series: st.series,
    announcements: st.announcements,
    directives: st.directives,
    residue: st.residue,
    spokenChars: st.spokenChars,
    quotations: st.quotations,
  };
}
