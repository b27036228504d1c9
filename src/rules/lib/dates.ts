import type { GwDocument } from '../../model/types.js';
import { CN_NUMERAL_CHARS, parseChineseNumeral, parseDigitString } from './chinese-numerals.js';

/**
 * Written 年月日 dates with the offsets of their parts (shared by date-format, terminology and calendar.ts,
 * which adds numeric forms, ranges and weekdays on top).
 */

/** One written date "2014年9月20日" / "二〇一四年九月二十日", with where its parts are in the text. */
export interface DateMatch {
  start: number;
  end: number;
  /** Absent when the text gives only month and day ("2月4日"). */
  year?: DatePart;
  month: DatePart;
  day: DatePart;
  /** arabic: all parts in digits; chinese: all in Chinese numerals; mixed: both. */
  kind: 'arabic' | 'chinese' | 'mixed';
}

export interface DatePart {
  text: string;
  start: number;
  end: number;
  value: number;
  arabic: boolean;
}

const CN = `[${CN_NUMERAL_CHARS}]`;
const NUM = (arabic: string, chinese: string): string => `(\\d{${arabic}}|${CN}{${chinese}})`;
/** Year (optional), month, day, at one position. */
const DATE_AT = new RegExp(`(?:${NUM('2,4', '2,4')}(\\s*年\\s*))?${NUM('1,2', '1,3')}(\\s*月\\s*)${NUM('1,2', '1,3')}\\s*日`, 'y');
/**
 * A run of digits or Chinese numerals. Digits may not continue a longer number on the left, so a date starts
 * only where a run starts: DATE_AT is tried there, rather than a look-behind at every character of the text.
 */
const NUMERAL_RUN = new RegExp(`[\\d${CN_NUMERAL_CHARS}]+`, 'g');

function part(text: string, start: number, isYear: boolean): DatePart | undefined {
  // The pattern's groups are all digits or all Chinese numerals: the first character tells which.
  const c = text.charCodeAt(0);
  const arabic = c >= 0x30 && c <= 0x39;
  let value: number | undefined;
  if (arabic) value = Number(text);
  // A year is written digit by digit (二〇一四); "二十年" is a count of years, not a date.
  else if (isYear) value = text.length >= 2 && !/[十百千]/.test(text) ? parseDigitString(text) : undefined;
  // A month or day is positional (十二, 二十三); "一二" is not a way to write 12.
  else value = text.length > 1 && !/[十百千]/.test(text) ? undefined : parseChineseNumeral(text);
  if (value === undefined) return undefined;
  return { text, start, end: start + text.length, value, arabic };
}

/** Every date written as 年月日 (or 月日) in a normalised text. */
export function findDates(norm: string, opts: { requireYear?: boolean } = {}): DateMatch[] {
  const out: DateMatch[] = [];
  // Every written date has a 月 and ends in 日; most paragraphs have neither.
  if (norm.indexOf('日') < 0 || norm.indexOf('月') < 0) return out;
  NUMERAL_RUN.lastIndex = 0;
  for (let run = NUMERAL_RUN.exec(norm); run; run = NUMERAL_RUN.exec(norm)) {
    DATE_AT.lastIndex = run.index;
    const m = DATE_AT.exec(norm);
    if (!m) continue;
    // The next date starts after this one, whether or not this one is kept.
    NUMERAL_RUN.lastIndex = m.index + m[0].length;
    // Groups by index, not destructured: this runs for every date of every paragraph.
    const y = m[1];
    if (opts.requireYear && !y) continue;
    let pos = m.index;
    let year: DatePart | undefined;
    if (y) {
      year = part(y, pos, true);
      if (!year && opts.requireYear) continue;
      pos += y.length + m[2]!.length;
    }
    const mo = m[3]!;
    const month = part(mo, pos, false);
    pos += mo.length + m[4]!.length;
    const day = part(m[5]!, pos, false);
    if (!month || !day) continue;
    const parts = year ? 3 : 2;
    const arabic = (year?.arabic ? 1 : 0) + (month.arabic ? 1 : 0) + (day.arabic ? 1 : 0);
    const kind = arabic === parts ? 'arabic' : arabic === 0 ? 'chinese' : 'mixed';
    const end = m.index + m[0].length;
    out.push(year ? { start: year.start, end, year, month, day, kind } : { start: month.start, end, month, day, kind });
  }
  return out;
}

export function daysInMonth(year: number | undefined, month: number): number {
  if (month === 2) {
    if (year === undefined) return 29;
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Why a date cannot exist, or undefined when it can. */
export function impossible(d: { year?: number; month: number; day: number }): string | undefined {
  if (d.month < 1 || d.month > 12) return `没有${d.month}月`;
  const max = daysInMonth(d.year, d.month);
  if (d.day < 1 || d.day > max) {
    if (d.month === 2 && d.year !== undefined && max === 28 && d.day === 29) return `${d.year}年不是闰年，2月只有28天`;
    return `${d.month}月只有${max}天`;
  }
  return undefined;
}

/** "YYYY-MM-DD" → a comparable number (20120701). */
export function dayNumber(y: number, m: number, d: number): number {
  return y * 10000 + m * 100 + d;
}

export function parseIsoDay(s: string): number | undefined {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  return m ? dayNumber(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

/**
 * The document's own date (成文日期), which says which rules of its time it was written under. Undefined when
 * the draft has none yet.
 */
export function documentDate(doc: GwDocument): { year: number; month: number; day: number } | undefined {
  for (const b of doc.children) {
    if (b.data.role !== '成文日期') continue;
    const d = findDates(b.data.norm, { requireYear: true })[0];
    if (d?.year && d.year.value >= 1000) return { year: d.year.value, month: d.month.value, day: d.day.value };
  }
  return undefined;
}
