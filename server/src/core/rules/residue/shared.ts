/**
 * Helpers shared by the residue rules (a helper module, not a rule): the
 * edit that deletes a whole line, and the messages naming each kind of
 * residue.
 */
import type { SpeechDocument } from '../../model';
import type { LocalizedText, TextEdit } from '../../rule';

/**
 * Delete line `line` with its line break; when the line before it is blank
 * (or there is none), the blank lines after it go too, so that deleting a
 * block of residue separated by blank lines leaves one paragraph break.
 */
export function deleteLineEdit(doc: SpeechDocument, line: number): TextEdit {
  const lines = doc.lines;
  const blank = (k: number) => doc.text.slice(lines.lineStart(k), lines.contentEnd(k)).trim() === '';
  const start = lines.lineStart(line);
  let next = line + 1;
  if (line === 0 || blank(line - 1)) while (next < lines.lineCount && blank(next) && next + 1 < lines.lineCount) next++;
  return { start, end: next < lines.lineCount ? lines.lineStart(next) : doc.text.length, newText: '' };
}

export const LINE_KINDS: Record<string, LocalizedText> = {
  site: { zh: '网站名称或横幅', en: 'a site name or banner' },
  navigation: { zh: '网页导航（当前位置、搜索、翻页）', en: 'page navigation (breadcrumb, search, pager)' },
  'viewer-label': { zh: '文档站的栏目标签（内容预览、文档简介）', en: "a document site's section label (content preview, summary)" },
  tips: { zh: '下载站的“温馨提示”', en: "a download site's notice heading" },
  byline: { zh: '发布时间、作者、来源或点击数', en: 'a posting date, author, source or hit count' },
  'preview-end': { zh: '“预览结束”类提示', en: 'a "preview ended" notice' },
  download: { zh: '下载或复制提示', en: 'a download or copy prompt' },
  hidden: { zh: '“此处隐藏N字”类提示', en: 'a "N characters hidden" notice' },
  contact: { zh: '客服、登录或会员提示', en: 'a contact, login or membership prompt' },
  copyright: { zh: '版权或免责声明', en: 'a copyright or disclaimer line' },
  'page-thumbnail': { zh: '文档预览的页码缩略行', en: "a document viewer's page line" },
  tags: { zh: '网站标签行', en: "a site's tag line" },
  blurb: { zh: '网站介绍正文的按语', en: 'a site blurb introducing the text' },
  related: { zh: '相关文章列表或评论区', en: 'a list of related articles or the comments' },
  stray: { zh: '孤立的符号行', en: 'a line of stray symbols' },
  fragment: { zh: '封面上拆散的标题碎片', en: 'a fragment of a title scattered over a cover page' },
  'repeated-title': { zh: '重复的标题', en: 'the title printed again' },
  page: { zh: '正文之前的网页内容（页面标题等）', en: 'page content before the speech (a page title)' },
};

export const INLINE_KINDS: Record<string, LocalizedText> = {
  'page-counter': { zh: '文档预览的页码', en: "a viewer's page counter" },
  injected: { zh: '网站插入正文的字样', en: 'words a site injected into the text' },
  'title-note': { zh: '标题后附加的分类或网站名', en: 'a category or site name added to the title' },
  prompt: { zh: '会员或权限提示', en: 'a membership or permission prompt' },
  pinyin: { zh: '网页在汉字后标注的拼音', en: 'pinyin readings a site printed after the characters' },
  'stray-mark': { zh: '引号后多出的孤立撇号', en: 'a stray apostrophe after a quotation mark' },
  'duplicate-title': { zh: '重复出现的标题', en: 'the title printed again' },
};
