/**
 * Chinese numerals as 公文 write them: digit by digit in years (二〇一四), positional elsewhere (二十三,
 * 一百零五). Only what dates and heading markers need: whole numbers below 10 000.
 */

const DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  // U+25CB WHITE CIRCLE: typed for 〇 by many input methods; it reads as zero in a date.
  '○': 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

export const CN_NUMERAL_CHARS = '〇零○一二两三四五六七八九十百千';

/** "二〇一四" → 2014: every character a digit (how years are written). */
export function parseDigitString(s: string): number | undefined {
  if (!s) return undefined;
  let n = 0;
  for (const ch of s) {
    const d = DIGITS[ch];
    if (d === undefined) return undefined;
    n = n * 10 + d;
  }
  return n;
}

/** "二十三" → 23, "十" → 10, "一百零五" → 105; also a digit string ("二〇") when there is no unit. */
export function parseChineseNumeral(s: string): number | undefined {
  if (!s) return undefined;
  if (![...s].some((c) => c in UNITS)) return parseDigitString(s);
  let total = 0;
  let pending: number | undefined;
  let lastUnit = Infinity;
  for (const ch of s) {
    if (ch in DIGITS) {
      if (pending !== undefined && DIGITS[ch] !== 0) return undefined; // two digits in a row: "二三十"
      pending = DIGITS[ch] === 0 ? undefined : DIGITS[ch];
      continue;
    }
    const unit = UNITS[ch];
    if (unit === undefined || unit >= lastUnit) return undefined;
    total += (pending ?? 1) * unit;
    pending = undefined;
    lastUnit = unit;
  }
  return total + (pending ?? 0);
}

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1..999 → "一", "十", "十一", "二十", "一百零五" (the form heading markers use). */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n >= 1000) return String(n);
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  let out = '';
  if (h) out += CN[h] + '百';
  if (t) out += (t === 1 && !h ? '' : CN[t]) + '十';
  else if (h && u) out += '零';
  if (u) out += CN[u];
  return out;
}
