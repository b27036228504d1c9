import { readFileSync } from 'node:fs';
import { rulesDataPath } from '../../util/paths.js';
import { epochDay as dayNumber, formatYMD, fromEpochDay as fromDayNumber, type YMD } from './calendar.js';

/**
 * Working days (工作日) as Chinese offices count them: Monday to Friday, minus the public holidays, plus the
 * weekend days a 国务院办公厅 notice turns into working days (调休上班). The calendar is data
 * (rules/data/holidays.json), one entry per year with the notice it comes from.
 */

interface HolidayRange {
  name: string;
  from: string;
  to: string;
  clause?: string;
}

interface YearEntry {
  notice?: { title: string; number?: string; date?: string };
  provisional?: boolean;
  holidays: HolidayRange[];
  workdays: { date: string; for: string }[];
}

interface Calendar {
  holidays: Map<number, string>;
  workdays: Set<number>;
  years: Map<number, YearEntry>;
}

let calendar: Calendar | undefined;

function parseISO(s: string): YMD {
  const [y, m, d] = s.split('-').map(Number);
  return { y: y!, m: m!, d: d! };
}

/** Loads rules/data/holidays.json once. A broken file is a defect of gwlint itself, so it throws. */
export function loadCalendar(): Calendar {
  if (calendar) return calendar;
  const raw = JSON.parse(readFileSync(rulesDataPath('data', 'holidays.json'), 'utf8')) as { years: Record<string, YearEntry> };
  const cal: Calendar = { holidays: new Map(), workdays: new Set(), years: new Map() };
  for (const [year, entry] of Object.entries(raw.years)) {
    cal.years.set(Number(year), entry);
    for (const h of entry.holidays) {
      for (let n = dayNumber(parseISO(h.from)); n <= dayNumber(parseISO(h.to)); n++) cal.holidays.set(n, h.name);
    }
    for (const w of entry.workdays) cal.workdays.add(dayNumber(parseISO(w.date)));
  }
  calendar = cal;
  return cal;
}

/** How well the calendar knows a year: from a notice, only statutory days (provisional), or not at all. */
export function yearCoverage(year: number): 'notice' | 'provisional' | 'none' {
  const e = loadCalendar().years.get(year);
  if (!e) return 'none';
  return e.provisional ? 'provisional' : 'notice';
}

export function holidayName(x: YMD): string | undefined {
  return loadCalendar().holidays.get(dayNumber(x));
}

export function isWorkingDay(x: YMD): boolean {
  const cal = loadCalendar();
  const n = dayNumber(x);
  if (cal.workdays.has(n)) return true;
  if (cal.holidays.has(n)) return false;
  const wd = (((n + 4) % 7) + 7) % 7;
  return wd !== 0 && wd !== 6;
}

export interface WorkdayCount {
  /** Working days d with from ≤ d < to: how many working days ahead of `to` the date `from` is. */
  count: number;
  /** Years in the span that the calendar knows only provisionally or not at all. */
  uncertainYears: number[];
}

/**
 * The working days from `from` (inclusive) to `to` (exclusive). "提前10个工作日报送" holds when this is at
 * least 10: a 请示 dated on the 10th working day before the meeting is in time, and a weekend date counts as
 * the next working day.
 */
export function workingDaysBetween(from: YMD, to: YMD): WorkdayCount {
  const a = dayNumber(from);
  const b = dayNumber(to);
  let count = 0;
  const uncertain = new Set<number>();
  for (let n = a; n < b; n++) {
    const x = fromDayNumber(n);
    if (yearCoverage(x.y) !== 'notice') uncertain.add(x.y);
    if (isWorkingDay(x)) count++;
  }
  return { count, uncertainYears: [...uncertain].sort() };
}

/** The date `n` working days before `to`: the latest date a submission "提前n个工作日" can carry. */
export function workingDaysBefore(to: YMD, n: number): YMD {
  let d = dayNumber(to);
  let left = n;
  while (left > 0) {
    d--;
    if (isWorkingDay(fromDayNumber(d))) left--;
  }
  return fromDayNumber(d);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: YMD, to: YMD): number {
  return dayNumber(to) - dayNumber(from);
}

/** A short note for messages when a count relies on a year the calendar does not know from a notice. */
export function uncertaintyNote(years: number[], locale: 'zh' | 'en' = 'zh'): string {
  if (years.length === 0) return '';
  const ys = years.join('、');
  return locale === 'en'
    ? ` (no holiday notice for ${years.join(', ')} yet: counted with statutory holidays and weekends only)`
    : `（${ys}年放假调休安排未公布，按法定节日和周末计）`;
}

export { formatYMD };
