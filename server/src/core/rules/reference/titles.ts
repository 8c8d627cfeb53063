/**
 * Document titles in 《》 named by the speech (a helper module, not a rule):
 * where each is, and whether it is a full title (《关于推进……的三年行动计划》)
 * or a short one made only of generic words (《行动计划》《实施方案》《意见》).
 */
import type { SpeechDocument } from '../../model';
import { speechParagraphs } from '../typography/shared';

export interface Title {
  /** The whole title with its marks. */
  start: number;
  end: number;
  /** Inside the marks. */
  inner: string;
}

/** Kinds of official document a title may end with. */
const DOC_TYPE = '(?:方案|意见|计划|规划|措施|办法|通知|决定|纲要|条例|细则|规定|要点|决议|建议|通报|指南|清单|标准|准则)';
const DOC_TYPE_RE = new RegExp(`${DOC_TYPE}$`);
/** A short title: generic words only, ending in a document type (《三年行动计划》, 《实施意见》, 《决定》). */
const SHORT_RE = new RegExp(`^(?:[一二三四五六七八九十两0-9]+年)?(?:实施|行动|工作|专项|总体|指导|若干|暂行|试行|管理|推进|攻坚|具体)*${DOC_TYPE}$`);

export function isShortTitle(inner: string): boolean {
  return SHORT_RE.test(inner);
}

/** A full title of a document: names its subject and ends with a document type. */
export function isFullTitle(inner: string): boolean {
  return !isShortTitle(inner) && inner.length >= 6 && DOC_TYPE_RE.test(inner);
}

/** The document type a title ends with ("意见", "行动计划" → "计划"), or "". */
export function docType(inner: string): string {
  const m = DOC_TYPE_RE.exec(inner);
  return m ? m[0] : '';
}

/** Every 《…》 in the speech paragraphs (one paragraph, at most 100 characters inside, no nesting). */
export function titlesOf(doc: SpeechDocument): Title[] {
  const out: Title[] = [];
  const text = doc.text;
  for (const p of speechParagraphs(doc)) {
    let open = -1;
    for (let i = p.span.start; i < p.span.end; i++) {
      const ch = text[i];
      if (ch === '《') open = i;
      else if (ch === '》' && open >= 0) {
        if (i - open - 1 > 0 && i - open - 1 <= 100) out.push({ start: open, end: i + 1, inner: text.slice(open + 1, i) });
        open = -1;
      }
    }
  }
  return out;
}
