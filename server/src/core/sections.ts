/**
 * Section sizes, as the balance rules and the outline both show them. One
 * pure computation over the document model, so that the numbers the outline
 * prints and the numbers a finding quotes cannot disagree.
 *
 * - Siblings are the sections with the same parent (the virtual root for
 *   top-level sections) and the same heading style (and, for Markdown
 *   headings, the same level): "（一）" sections are not compared with
 *   unnumbered sub-headings that happen to share their parent.
 * - A section's size is `Section.bodyChars`: spoken characters of its body,
 *   sub-sections included, heading excluded.
 * - Empty sections (a heading with no body yet) take no part in the sibling
 *   median: a draft written outline-first must not make its first filled
 *   section look "three times too long".
 */
import type { Section, SpeechDocument } from './model';

export interface SectionStat {
  section: Section;
  /** Index in `doc.allSections`. */
  index: number;
  /** Spoken characters of the body, sub-sections included (`Section.bodyChars`). */
  chars: number;
  /** Seconds to read the body aloud at the given rate. */
  seconds: number;
  /** The sibling group: same parent, same heading style; this section included, document order. */
  siblings: Section[];
  /** How many sections of the sibling group have a body (bodyChars > 0), this one included if so. */
  comparable: number;
  /** Median body characters of the non-empty sections of the group (0 when none has a body). */
  siblingMedian: number;
  /** Seconds to read `siblingMedian` characters aloud. */
  siblingMedianSeconds: number;
  /** chars / siblingMedian; 0 when the median is 0. */
  ratio: number;
  /** Share of the parent's body (top-level sections: of the speech's spoken characters), 0…1. */
  share: number;
}

/** Median of a list of numbers; the mean of the two middle values for an even count; 0 for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Seconds to read `chars` characters aloud at `rate` characters a minute (0 for a non-positive rate). */
export function speakingSeconds(chars: number, rate: number): number {
  return rate > 0 && Number.isFinite(rate) ? (chars * 60) / rate : 0;
}

function groupKey(s: Section): string {
  const h = s.heading;
  return h.style === 'markdown' ? `markdown:${h.level}` : h.style;
}

/**
 * Sibling groups of the whole tree: for the root and for every section, its
 * children split by heading style. Groups keep document order; every section
 * is in exactly one group.
 */
export function siblingGroups(doc: SpeechDocument): Section[][] {
  const out: Section[][] = [];
  const visit = (children: readonly Section[]) => {
    const byKey = new Map<string, Section[]>();
    for (const c of children) {
      const k = groupKey(c);
      let g = byKey.get(k);
      if (!g) {
        g = [];
        byKey.set(k, g);
        out.push(g);
      }
      g.push(c);
    }
  };
  visit(doc.sections);
  for (const s of doc.allSections) if (s.children.length) visit(s.children);
  return out;
}

/** Sizes of every section, in `doc.allSections` order. */
export function sectionStats(doc: SpeechDocument, rate: number): SectionStat[] {
  const index = new Map<Section, number>();
  doc.allSections.forEach((s, i) => index.set(s, i));
  const stats: SectionStat[] = new Array(doc.allSections.length);
  for (const group of siblingGroups(doc)) {
    const sizes = group.map((s) => s.bodyChars).filter((n) => n > 0);
    const med = median(sizes);
    for (const s of group) {
      const i = index.get(s);
      if (i === undefined) continue;
      const whole = s.parent ? s.parent.bodyChars : doc.spokenChars;
      stats[i] = {
        section: s,
        index: i,
        chars: s.bodyChars,
        seconds: speakingSeconds(s.bodyChars, rate),
        siblings: group,
        comparable: sizes.length,
        siblingMedian: med,
        siblingMedianSeconds: speakingSeconds(med, rate),
        ratio: med > 0 ? s.bodyChars / med : 0,
        share: whole > 0 ? Math.min(1, s.bodyChars / whole) : 0,
      };
    }
  }
  // sections outside any group cannot exist, but never leave holes
  for (let i = 0; i < stats.length; i++) {
    if (stats[i]) continue;
    const s = doc.allSections[i];
    stats[i] = {
      section: s,
      index: i,
      chars: s.bodyChars,
      seconds: speakingSeconds(s.bodyChars, rate),
      siblings: [s],
      comparable: s.bodyChars > 0 ? 1 : 0,
      siblingMedian: s.bodyChars,
      siblingMedianSeconds: speakingSeconds(s.bodyChars, rate),
      ratio: s.bodyChars > 0 ? 1 : 0,
      share: 0,
    };
  }
  return stats;
}
