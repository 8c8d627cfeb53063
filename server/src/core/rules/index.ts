/**
 * Every rule, one module per file, grouped by family. Add a rule here and it
 * is in the registry, the README table test, the CLI and the server.
 */
import { Registry } from '../registry';
import type { AnyRule } from '../rule';
import balanceHeadingParallelism from './balance/heading-parallelism';
import balanceSectionLength from './balance/section-length';
import balanceSeriesParallelism from './balance/series-parallelism';
import balanceSubsectionCount from './balance/subsection-count';
import numberingAnnouncedCount from './numbering/announced-count';
import numberingHierarchy from './numbering/hierarchy';
import numberingMarkerPunctuation from './numbering/marker-punctuation';
import numberingSequence from './numbering/sequence';
import numberingSeries from './numbering/series';
import placeholderInstruction from './placeholder/instruction';
import placeholderMarker from './placeholder/marker';
import referenceMeetingName from './reference/meeting-name';
import referenceShortTitle from './reference/short-title';
import referenceTitleVariant from './reference/title-variant';
import repetitionDuplicateSentence from './repetition/duplicate-sentence';
import repetitionFiller from './repetition/filler';
import repetitionOverusedPhrase from './repetition/overused-phrase';
import repetitionStutter from './repetition/stutter';
import residueBrokenLines from './residue/broken-lines';
import residueCjkSpace from './residue/cjk-space';
import residueInline from './residue/inline';
import residueLine from './residue/line';
import typographyDecimalPoint from './typography/decimal-point';
import typographyEllipsis from './typography/ellipsis';
import typographyHalfWidthPunctuation from './typography/half-width-punctuation';
import typographyNumeralZero from './typography/numeral-zero';
import typographyPairedMarks from './typography/paired-marks';
import typographyRangeMark from './typography/range-mark';

export const allRules: readonly AnyRule[] = [
  balanceSectionLength,
  balanceSubsectionCount,
  balanceHeadingParallelism,
  balanceSeriesParallelism,
  numberingSequence,
  numberingMarkerPunctuation,
  numberingHierarchy,
  numberingSeries,
  numberingAnnouncedCount,
  placeholderMarker, placeholderInstruction,
  repetitionStutter,
  repetitionDuplicateSentence,
  repetitionOverusedPhrase,
  repetitionFiller,
  referenceShortTitle,
  referenceTitleVariant,
  referenceMeetingName,
  residueLine,
  residueInline,
  residueBrokenLines,
  residueCjkSpace,
  typographyHalfWidthPunctuation,
  typographyPairedMarks,
  typographyDecimalPoint,
  typographyNumeralZero,
  typographyEllipsis,
  typographyRangeMark,
];

export function createRegistry(): Registry {
  return new Registry(allRules);
}
