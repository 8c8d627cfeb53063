/** Chinese numerals as used in section and series markers (一 … 九十九). */

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** Characters that may appear in a Chinese numeral. */
export const CN_NUMERAL_CHARS = '零〇一二两三四五六七八九十百';

/** Parse 一, 十, 十一, 二十, 二十三, 一百 … into a number; NaN when not a numeral. */
export function parseCnNumeral(s: string): number {
  if (s.length === 0 || s.length > 5) return NaN;
  if (s === '两') return 2;
  let total = 0;
  let current = -1;
  for (const ch of s) {
    if (ch === '百') {
      total += (current < 0 ? 1 : current) * 100;
      current = -1;
    } else if (ch === '十') {
      total += (current < 0 ? 1 : current) * 10;
      current = -1;
    } else if (ch in DIGITS) {
      if (current >= 0) return NaN; // 一二 is not a numeral
      current = DIGITS[ch];
    } else {
      return NaN;
    }
  }
  if (current > 0) total += current;
  return total > 0 ? total : NaN;
}

const CN_UNITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五. */
export function toCnNumeral(n: number): string {
  if (!Number.isInteger(n) || n <= 0) return String(n);
  if (n >= 1000) return String(n);
  let out = '';
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  if (h > 0) out += CN_UNITS[h] + '百';
  if (t > 0) out += (t === 1 && h === 0 ? '' : CN_UNITS[t]) + '十';
  else if (h > 0 && u > 0) out += '零';
  if (u > 0) out += CN_UNITS[u];
  return out;
}

/** Parse ASCII or full-width digits. */
export function parseArabic(s: string): number {
  let n = 0;
  if (s.length === 0 || s.length > 6) return NaN;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xff10 && c <= 0xff19) c = c - 0xff10 + 48;
    if (c < 48 || c > 57) return NaN;
    n = n * 10 + (c - 48);
  }
  return n;
}

/** Write n with the same digit family and zero padding as `like` ("01" → "02", "１" → "２"). */
export function formatArabicLike(n: number, like: string): string {
  let s = String(n);
  if (like.length > s.length && like.charCodeAt(0) === 48) s = s.padStart(like.length, '0');
  const fullWidth = like.length > 0 && like.charCodeAt(0) >= 0xff10 && like.charCodeAt(0) <= 0xff19;
  if (fullWidth) s = s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 48 + 0xff10));
  return s;
}

/** Write n in the numeral family of `like` (Chinese or Arabic). */
export function formatNumeralLike(n: number, like: string): string {
  return Number.isNaN(parseArabic(like)) ? toCnNumeral(n) : formatArabicLike(n, like);
}
