/**
 * numbering/hierarchy: levels nest 一、 > （一） > 1. > （1） (GB/T 9704 §7.3.3).
 * Skipping a level is fine (一、 then 1.); inverting it is not (a 1. item
 * followed by （一） items under the same 一、). One level keeps one style:
 * 一、 in one section and 第一部分 (or "01") in another, at the same depth, is
 * flagged on the less used style. No fix: which form is meant is the writer's call.
 */
import type { Section, SpeechDocument } from '../../model';
import { defineRule } from '../../rule';
import { findInversions, isLevel1Style, isNumbered, quotedHeadings } from '../../renumber';
import { trimEnd } from './shared';

function markerOf(doc: SpeechDocument, s: Section): string {
  const m = s.heading.marker!;
  return doc.text.slice(m.span.start, m.span.end).trim();
}

export default defineRule({
  meta: {
    id: 'numbering/hierarchy',
    family: 'numbering',
    description: {
      zh: '标题层级颠倒（应为 一、>（一）>1.>（1）），或同一层级在不同部分使用不同的序号样式',
      en: 'Heading levels inverted (they nest 一、 > （一） > 1. > （1）), or one level numbered in different styles in different places',
    },
    defaultSeverity: 'warning',
    fixable: false,
    defaultOptions: {},
    notes: {
      leavesAlone: "Skipped levels (一、 then 1.); restarting （一） under each 一、; numbered points inside a quotation, or between an opening mark left open at a paragraph's end and its closing mark, when the draft's own 一、 follows them.",
      limits: "Numbered points of a quoted instruction (总书记强调：“ then （1）……（2）……。”) are left out of the level check only when the quotation is marked; unmarked, they read as the draft's own headings.",
    },
    examples: {
      wrong: '一、总体要求 / 1. 指导思想 / （一）基本原则 / （二）主要目标',
      right: '一、总体要求 / （一）指导思想 / （二）基本原则 / （三）主要目标',
    },
  },
  messages: {
    inverted: {
      zh: '标题层级颠倒：“{found}”是上一级序号，却排在下一级序号“{lower}”之后；应按 一、>（一）>1.>（1） 逐级嵌套',
      en: 'Heading levels inverted: "{found}" is a higher level than "{lower}" but follows it; numbers nest 一、 > （一） > 1. > （1）',
    },
    style: {
      zh: '同一层级序号样式不一致：此处用“{found}”，本级其他标题多用“{majority}”',
      en: 'One level numbered in two styles: "{found}" here, "{majority}" in most other headings of this level',
    },
  },
  check({ doc, report }) {
    // 1. inversion among the children of one parent; numbered points of a quoted instruction are not the draft's
    const quoted = quotedHeadings(doc);
    const visit = (kids: Section[]) => {
      for (const { item, lower } of findInversions(kids.filter((k) => !quoted(k)))) {
        report({
          messageId: 'inverted',
          data: { found: markerOf(doc, item), lower: markerOf(doc, lower) },
          span: trimEnd(doc.text, item.heading.marker!.span),
          related: [{ span: trimEnd(doc.text, lower.heading.marker!.span), message: { zh: `下级序号“${markerOf(doc, lower)}”`, en: `the lower-level "${markerOf(doc, lower)}"` } }],
        });
      }
      for (const k of kids) visit(k.children);
    };
    visit(doc.sections);

    // 2. one level-1 style per depth
    const byDepth = new Map<number, Section[]>();
    for (const s of doc.allSections) {
      if (!isNumbered(s) || !isLevel1Style(s.heading.style)) continue;
      const list = byDepth.get(s.depth) ?? [];
      list.push(s);
      byDepth.set(s.depth, list);
    }
    for (const list of byDepth.values()) {
      const counts = new Map<string, number>();
      for (const s of list) counts.set(s.heading.style, (counts.get(s.heading.style) ?? 0) + 1);
      if (counts.size < 2) continue;
      let majority: string = list[0].heading.style;
      for (const [st, n] of counts) if (n > counts.get(majority)!) majority = st;
      const seen = new Set<string>();
      for (const s of list) {
        if (s.heading.style === majority) continue;
        const key = `${s.heading.style}@${s.parent ? s.parent.span.start : -1}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const example = list.find((x) => x.heading.style === majority)!;
        report({
          messageId: 'style',
          data: { found: markerOf(doc, s), majority: markerOf(doc, example) },
          span: trimEnd(doc.text, s.heading.marker!.span),
          related: [{ span: trimEnd(doc.text, example.heading.marker!.span), message: { zh: `本级的“${markerOf(doc, example)}”`, en: `"${markerOf(doc, example)}" at this level` } }],
        });
      }
    }
  },
});
