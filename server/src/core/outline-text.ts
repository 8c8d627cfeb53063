/**
 * The outline as plain text: a 提纲 the writer can paste into a message to
 * the leader. Pure and dependency-free (types only), so that the extension
 * client can format the outline it received from the server without
 * bundling the rules.
 *
 * Format (decided for pasting into chat apps and mail, which keep U+3000 but
 * collapse or strip ASCII indentation):
 *
 *   县委书记在传达二十届三中全会精神会议上的讲话（约12分钟）
 *
 *   一、充分认识二十届三中会的重要意义（约3分钟）
 *   二、以更加奋发有为的精神状态推动全会精神落地落实（约7分钟）
 *   　　(一)经济运行（约40秒）
 *   三、在狠抓末端落实上出实招、求实效（约1分钟）
 *
 * - the title first (when there is one), then a blank line;
 * - one line per section, indented by two U+3000 per depth below the top;
 * - markers as the writer wrote them ("(一)" stays half-width: the outline
 *   mirrors the draft, the numbering rules report the form);
 * - lengths optional: speaking time ("约3分钟", "约40秒"), characters, both or none;
 * - inline series (一是……二是……) only on request, one line per item, one
 *   level below their section;
 * - announcements, opening and closing are not listed: they are not points.
 */

/** The fields the text needs: a server OutlineNode or a core OutlineItem. */
export interface OutlineTextNode {
  kind: 'title' | 'announcement' | 'section' | 'series' | 'seriesItem' | 'opening' | 'closing';
  label: string;
  marker?: string;
  chars: number;
  seconds: number;
  children: readonly OutlineTextNode[];
}

export interface OutlineTextOptions {
  /** What length to print after each line. Default 'time'. */
  lengths?: 'none' | 'time' | 'chars' | 'both';
  /** Language of the length texts. Default 'zh'. */
  locale?: 'zh' | 'en';
  /** List inline series items under their section. Default false. */
  series?: boolean;
  /** Print the title line. Default true. */
  title?: boolean;
  /** Indentation per level. Default two U+3000. */
  indent?: string;
}

const TIGHT_AFTER = /[、，,：:．。）)】」』]$/;

/** Marker and heading text as one line: "一、标题", "（三）标题", "01 标题", "1. 标题". */
export function joinMarker(marker: string | undefined, label: string): string {
  const m = (marker ?? '').trim();
  const l = label.trim();
  if (!m) return l;
  if (!l) return m;
  return TIGHT_AFTER.test(m) ? m + l : `${m} ${l}`;
}

function group(n: number): string {
  return String(Math.max(0, Math.round(Number.isFinite(n) ? n : 0))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "约3分钟" / "about 3 min": minutes from 55 s up, else tens of seconds (at least 10 s). */
export function approxDuration(seconds: number, locale: 'zh' | 'en' = 'zh'): string {
  const s = Math.max(0, Number.isFinite(seconds) ? seconds : 0);
  if (s >= 55) {
    const m = Math.max(1, Math.round(s / 60));
    return locale === 'en' ? `about ${m} min` : `约${m}分钟`;
  }
  const t = Math.max(10, Math.round(s / 10) * 10);
  return locale === 'en' ? `about ${t} s` : `约${t}秒`;
}

/** The length suffix of one line: "（约3分钟）", "（1,234字，约6分钟）", " (about 3 min)"; empty for none or for an empty node. */
export function lengthSuffix(chars: number, seconds: number, lengths: NonNullable<OutlineTextOptions['lengths']>, locale: 'zh' | 'en'): string {
  if (lengths === 'none' || !(chars > 0)) return '';
  const parts: string[] = [];
  if (lengths === 'chars' || lengths === 'both') parts.push(locale === 'en' ? `${group(chars)} chars` : `${group(chars)}字`);
  if (lengths === 'time' || lengths === 'both') parts.push(approxDuration(seconds, locale));
  return locale === 'en' ? ` (${parts.join(', ')})` : `（${parts.join('，')}）`;
}

/**
 * The outline as text. `nodes` are top-level outline nodes (the title, the
 * sections …) or the nodes of one subtree (copy one section's outline).
 */
export function outlineText(nodes: readonly OutlineTextNode[], options: OutlineTextOptions = {}): string {
  const lengths = options.lengths ?? 'time';
  const locale = options.locale ?? 'zh';
  const indent = options.indent ?? '\u3000\u3000';
  const head: string[] = [];
  const body: string[] = [];
  const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
  const walk = (list: readonly OutlineTextNode[], depth: number) => {
    for (const n of list) {
      if (n.kind === 'section') {
        body.push(indent.repeat(depth) + oneLine(joinMarker(n.marker, n.label)) + lengthSuffix(n.chars, n.seconds, lengths, locale));
        walk(n.children, depth + 1);
      } else if (n.kind === 'series') {
        if (options.series) {
          for (const it of n.children) {
            if (it.kind !== 'seriesItem') continue;
            // a series marker is a word ("一是", "第一，"): no space after it
            body.push(indent.repeat(depth) + oneLine((it.marker ?? '') + it.label) + lengthSuffix(it.chars, it.seconds, lengths, locale));
          }
        }
      } else if (n.kind === 'title') {
        if (options.title !== false && depth === 0 && head.length === 0) head.push(oneLine(n.label) + lengthSuffix(n.chars, n.seconds, lengths, locale));
      } else if (n.kind === 'opening' || n.kind === 'closing') {
        // their children (announcements, series) are not points either, but a series in the opening may be wanted
        if (options.series) walk(n.children.filter((c) => c.kind === 'series'), depth);
      }
    }
  };
  walk(nodes, 0);
  if (head.length && body.length) return [...head, '', ...body].join('\n');
  return [...head, ...body].join('\n');
}
