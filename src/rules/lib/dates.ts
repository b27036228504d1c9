import type { GwDocument } from '../../model/types.js';
import { CN_DIGITS } from '../../structure/patterns.js';

/**
 * Dates as drafts write them, found anywhere in a block's normalised text: 2024年5月20日, 5月20日 (year from
 * context), 二〇二四年五月二十日, 2024-05-20 / 2024/5/20 / 2024.5.20, and the continuation of a range
 * (5月20日至22日). Each mention keeps its offsets, so a rule reports the exact place; it says which parts were
 * written and which were inferred, so a rule can refuse to judge what the text does not state.
 *
 * Shared by date-validity, meeting-request, late-submission-date and normative-doc-validity (and open to any
 * rule that needs a date).
 */

export interface YMD {
  y: number;
  m: number;
  d: number;
}

export interface DateMention {
  start: number;
  end: number;
  /** The year as written, or undefined when the text gives only month and day. */
  year?: number;
  month: number;
  day: number;
  /** How the date is written. */
  form: 'arabic' | 'chinese' | 'numeric' | 'continuation';
  /** A weekday written right after the date: "（星期一）", "周一". 0 = Sunday … 6 = Saturday. */
  weekday?: { start: number; end: number; value: number; text: string };
  /** The text as written (original offsets into the searched string). */
  text: string;
}

const CN_VALUE: Record<string, number> = { 〇: 0, '○': 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 〇 一 … 九 十 as used in dates: "十二" 12, "二十一" 21, "三十" 30. NaN when it is not such a number. */
export function chineseNumber(s: string): number {
  if (!s) return NaN;
  if (s.includes('十')) {
    const [a, b] = s.split('十');
    if (s.split('十').length > 2) return NaN;
    const tens = a === '' ? 1 : CN_VALUE[a!];
    const ones = b === '' ? 0 : CN_VALUE[b!];
    if (tens === undefined || ones === undefined || (a!.length > 1) || (b!.length > 1)) return NaN;
    return tens * 10 + ones;
  }
  let n = 0;
  for (const ch of s) {
    const v = CN_VALUE[ch];
    if (v === undefined) return NaN;
    n = n * 10 + v;
  }
  return n;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number | undefined, m: number): number {
  if (m === 2) return y === undefined || isLeapYear(y) ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** Whether the date exists. With no year, 2月29日 is allowed (it exists in leap years). */
export function isValidDate(y: number | undefined, m: number, d: number): boolean {
  return Number.isInteger(m) && Number.isInteger(d) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Days since 1970-01-01 (UTC), for differences and weekdays. */
export function dayNumber(x: YMD): number {
  return Math.round(Date.UTC(x.y, x.m - 1, x.d) / 86400000);
}

export function fromDayNumber(n: number): YMD {
  const dt = new Date(n * 86400000);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(x: YMD): number {
  return (((dayNumber(x) + 4) % 7) + 7) % 7;
}

export const WEEKDAY_NAMES = ['日', '一', '二', '三', '四', '五', '六'];

/** "2024年5月20日" */
export function formatYMD(x: YMD): string {
  return `${x.y}年${x.m}月${x.d}日`;
}

export function compareYMD(a: YMD, b: YMD): number {
  return dayNumber(a) - dayNumber(b);
}

const CN = `[${CN_DIGITS}○]`;
const WEEKDAY = /^\s*([（(]\s*)?(星期|周|礼拜)([一二三四五六日天])(\s*[）)])?/;
const WEEKDAY_VALUE: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };

// One pass over the text with alternatives; the year is optional for Arabic and Chinese forms.
const DATE_RE = new RegExp(
  [
    // 2024年5月20日, 5月20日 (digits may be full-width in the original; the normalised view folds them)
    String.raw`(?<!\d)(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*(?:日|号)`,
    // 二〇二四年五月二十日, 五月二十日
    `(?:(${CN}{4})\\s*年\\s*)?(${CN}{1,3})\\s*月\\s*(${CN}{1,3})\\s*日`,
    // 2024-05-20, 2024/5/20, 2024.5.20
    String.raw`(?<![\d.\-/])((?:19|20)\d{2})([-/.])(\d{1,2})\8(\d{1,2})(?![\d.\-/])`,
  ].join('|'),
  'g',
);

// "至22日", "—22日", "-22日" right after a date: a range within the same month.
const CONTINUATION = /^\s*(?:至|到|—|－|-|～|~|–)\s*(\d{1,2})\s*日/;

/**
 * Every date in `text` (the normalised view of a block), in order. A mention without a written year has
 * `year` undefined; `yearFor` and `resolveYear` supply one where a rule needs it.
 */
export function findDates(text: string): DateMention[] {
  const out: DateMention[] = [];
  DATE_RE.lastIndex = 0;
  for (let m = DATE_RE.exec(text); m; m = DATE_RE.exec(text)) {
    let year: number | undefined;
    let month: number;
    let day: number;
    let form: DateMention['form'];
    if (m[2] !== undefined) {
      year = m[1] ? Number(m[1]) : undefined;
      month = Number(m[2]);
      day = Number(m[3]);
      form = 'arabic';
    } else if (m[5] !== undefined) {
      if (m[4]) {
        const digits = [...m[4]].map((c) => CN_VALUE[c]);
        if (digits.some((v) => v === undefined)) continue;
        year = Number(digits.join(''));
      }
      month = chineseNumber(m[5]!);
      day = chineseNumber(m[6]!);
      if (Number.isNaN(month) || Number.isNaN(day)) continue;
      form = 'chinese';
    } else {
      year = Number(m[7]);
      month = Number(m[9]);
      day = Number(m[10]);
      form = 'numeric';
    }
    const mention: DateMention = { start: m.index, end: m.index + m[0].length, month, day, form, text: m[0] };
    if (year !== undefined) mention.year = year;
    attachWeekday(text, mention);
    out.push(mention);
    // A range: "5月20日至22日" — the second day shares the month and year.
    const rest = text.slice(mention.weekday?.end ?? mention.end);
    const c = CONTINUATION.exec(rest);
    if (c && form !== 'numeric') {
      const offset = (mention.weekday?.end ?? mention.end) + c.index + c[0].indexOf(c[1]!);
      const cont: DateMention = {
        start: offset,
        end: (mention.weekday?.end ?? mention.end) + c[0].length,
        month,
        day: Number(c[1]),
        form: 'continuation',
        text: text.slice(offset, (mention.weekday?.end ?? mention.end) + c[0].length),
      };
      if (year !== undefined) cont.year = year;
      attachWeekday(text, cont);
      out.push(cont);
      DATE_RE.lastIndex = cont.weekday?.end ?? cont.end;
    }
  }
  return out;
}

function attachWeekday(text: string, d: DateMention): void {
  const w = WEEKDAY.exec(text.slice(d.end));
  if (!w) return;
  // "周一" must not be the start of another word ("周一至周五" is fine; "周年" is not matched by WEEKDAY).
  const lead = w[0].length - w[0].trimStart().length;
  const start = d.end + lead;
  const end = d.end + w[0].length;
  if (w[1] && !w[4]) return; // an opening bracket without its closing one is something else
  d.weekday = { start, end, value: WEEKDAY_VALUE[w[3]!]!, text: text.slice(start, end) };
}

/** The year a mention without one most likely means: the last year written before it in the same text, else `fallback`. */
export function yearFor(mentions: DateMention[], index: number, fallback?: number): number | undefined {
  for (let i = index; i >= 0; i--) {
    const y = mentions[i]!.year;
    if (y !== undefined) return y;
  }
  return fallback;
}

/** The 成文日期 of a document, if it has one that exists. */
export function documentDate(doc: GwDocument): (YMD & { block: GwDocument['children'][number] }) | undefined {
  const block = [...doc.children].reverse().find((b) => b.data.role === '成文日期');
  if (!block) return undefined;
  const d = findDates(block.data.norm).find((x) => x.year !== undefined);
  if (!d || d.year === undefined || !isValidDate(d.year, d.month, d.day)) return undefined;
  return { y: d.year, m: d.month, d: d.day, block };
}

/**
 * A month and day without a year, read against a reference date (usually the 成文日期): the same year, or the
 * next one when the month has already passed by more than `lookBackMonths` (a December draft about a
 * January meeting).
 */
export function resolveYear(month: number, day: number, ref: YMD, lookBackMonths = 2): YMD {
  let y = ref.y;
  const monthsBefore = ref.m - month;
  if (monthsBefore > lookBackMonths) y += 1;
  return { y, m: month, d: day };
}
