import type { GwDocument } from '../../model/types.js';
import { daysInMonth, documentDate, findDates } from './dates.js';

/**
 * Calendar arithmetic on the dates a draft writes, on top of dates.ts (which finds 年月日 dates): the numeric
 * forms (2024-05-20, 2024/5/20, 2024.5.20), the second day of a range (5月20日至22日), the weekday written after
 * a date (（星期一）, 周一), and day counts and weekdays.
 */

export interface YMD {
  y: number;
  m: number;
  d: number;
}

export interface DateMention {
  start: number;
  end: number;
  /** As written; undefined when the text gives only month and day. */
  year?: number;
  month: number;
  day: number;
  form: 'arabic' | 'chinese' | 'mixed' | 'numeric' | 'continuation';
  /** A weekday written right after the date. value: 0 = Sunday … 6 = Saturday. */
  weekday?: { start: number; end: number; value: number; text: string };
  text: string;
}

export const WEEKDAY_NAMES = ['日', '一', '二', '三', '四', '五', '六'];
const WEEKDAY_VALUE: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };
const WEEKDAY = /^\s*(?:([（(])\s*)?(星期|礼拜|周)([一二三四五六日天])\s*([）)])?/;
const NUMERIC = /(?<![\d.\-/])((?:19|20)\d{2})([-/.])(\d{1,2})\2(\d{1,2})(?![\d.\-/])/g;
/** What every NUMERIC date contains. */
const NUMERIC_START = /(?:19|20)\d\d[-/.]/;
const CONTINUATION = /^\s*(?:至|到|—|－|-|～|~|–)\s*(\d{1,2})\s*日/;

export function isValidDate(y: number | undefined, m: number, d: number): boolean {
  return Number.isInteger(m) && Number.isInteger(d) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Days since 1970-01-01, for differences and weekdays. */
export function epochDay(x: YMD): number {
  return Math.round(Date.UTC(x.y, x.m - 1, x.d) / 86400000);
}

export function fromEpochDay(n: number): YMD {
  const t = new Date(n * 86400000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(x: YMD): number {
  return (((epochDay(x) + 4) % 7) + 7) % 7;
}

export function formatYMD(x: YMD): string {
  return `${x.y}年${x.m}月${x.d}日`;
}

function attachWeekday(text: string, d: DateMention): void {
  const w = WEEKDAY.exec(text.slice(d.end));
  if (!w) return;
  // An opening bracket without its closing one (or the reverse) is not a weekday note.
  if (Boolean(w[1]) !== Boolean(w[4])) return;
  const lead = w[0].length - w[0].trimStart().length;
  d.weekday = { start: d.end + lead, end: d.end + w[0].length, value: WEEKDAY_VALUE[w[3]!]!, text: w[0].trimStart() };
}

/** Every date in a block's normalised text, in order, with weekdays and range ends. */
export function findDateMentions(norm: string): DateMention[] {
  const found: DateMention[] = [];
  for (const m of findDates(norm)) {
    const d: DateMention = { start: m.start, end: m.end, month: m.month.value, day: m.day.value, form: m.kind, text: norm.slice(m.start, m.end) };
    if (m.year) d.year = m.year.value;
    found.push(d);
  }
  // A numeric date opens with a year and a separator: without one, no date (and no scan with look-behinds).
  if (NUMERIC_START.test(norm)) {
    for (const m of norm.matchAll(NUMERIC)) {
      found.push({ start: m.index!, end: m.index! + m[0].length, year: Number(m[1]), month: Number(m[3]), day: Number(m[4]), form: 'numeric', text: m[0] });
    }
    // findDates gives its dates in order: only numeric ones need sorting in.
    found.sort((a, b) => a.start - b.start);
  }
  const out: DateMention[] = [];
  for (const d of found) {
    if (out.length && d.start < out[out.length - 1]!.end) continue;
    attachWeekday(norm, d);
    out.push(d);
    const after = d.weekday?.end ?? d.end;
    const c = d.form === 'numeric' ? null : CONTINUATION.exec(norm.slice(after));
    if (c) {
      const start = after + c[0].indexOf(c[1]!);
      const cont: DateMention = { start, end: after + c[0].length, month: d.month, day: Number(c[1]), form: 'continuation', text: norm.slice(start, after + c[0].length) };
      if (d.year !== undefined) cont.year = d.year;
      attachWeekday(norm, cont);
      out.push(cont);
    }
  }
  return out;
}

/** The 成文日期 of a draft, when it has one that exists. */
export function draftDate(doc: GwDocument): YMD | undefined {
  const d = documentDate(doc);
  if (!d || !isValidDate(d.year, d.month, d.day)) return undefined;
  return { y: d.year, m: d.month, d: d.day };
}

/**
 * A month and day without a year, read against a reference date (usually the 成文日期): the same year, or
 * the next one when the month lies more than `lookBackMonths` before the reference (a December draft about
 * a January meeting).
 */
export function resolveYear(month: number, day: number, ref: YMD, lookBackMonths = 2): YMD {
  return { y: ref.m - month > lookBackMonths ? ref.y + 1 : ref.y, m: month, d: day };
}

/** The year the last dated mention before `index` wrote, if any. */
export function writtenYearBefore(mentions: DateMention[], index: number): number | undefined {
  for (let i = index; i >= 0; i--) if (mentions[i]!.year !== undefined) return mentions[i]!.year;
  return undefined;
}
