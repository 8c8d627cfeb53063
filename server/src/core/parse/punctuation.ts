/** Character sets several passes share: sentence ends, heading ends, paired quotation marks. */

export const SENTENCE_END = new Set(['。', '！', '？', '；', '!', '?', ';', '…']);
export const HEADING_END = new Set(['。', '！', '？', '!', '?']);
export const OPENERS: Record<string, string> = { '“': '”', '《': '》', '「': '」', '『': '』', '‘': '’' };
export const CLOSERS = new Set(Object.values(OPENERS));
/** Punctuation that closes a line of prose (a line ending otherwise may be a heading). */
export const TERMINAL = new Set([...'。！？；，、：,.!?;:…—）)”’》」』'.split('')]);
/** A Chinese numeral digit, and an Arabic digit (ASCII or full width), as regex classes. */
export const CN = '[零〇一二两三四五六七八九十百]';
export const DIGIT = '[0-9０-９]';
