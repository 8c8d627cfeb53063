/** Small helpers shared by rules. */
import type { SpeechDocument } from '../model';

/** Is the offset inside web residue (text that is not part of the speech)? */
export function inResidue(doc: SpeechDocument, offset: number): boolean {
  for (const r of doc.residue) if (offset >= r.start && offset < r.end) return true;
  return false;
}
