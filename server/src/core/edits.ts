/**
 * The document-wide edits behind the server commands, in one place:
 * renumbering and moving sections (renumber.ts), filling a placeholder and
 * its same-context twins (placeholders.ts). Offsets in, offsets out.
 */
export { renumberEdits, moveSectionEdits } from './renumber';
export { fillEdits } from './placeholders';
