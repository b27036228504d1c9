import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDateMentions, weekdayOf, type YMD } from '../../src/rules/lib/calendar.js';
import { holidayName, isWorkingDay, workingDaysBefore, workingDaysBetween, yearCoverage } from '../../src/rules/lib/workdays.js';
import { ROOT } from '../helpers.js';

interface Entry {
  notice?: { title: string; number?: string; date?: string };
  provisional?: boolean;
  holidays: { name: string; from: string; to: string; clause?: string }[];
  workdays: { date: string; for: string }[];
}

const data = JSON.parse(readFileSync(join(ROOT, 'rules', 'data', 'holidays.json'), 'utf8')) as { years: Record<string, Entry> };
const ymd = (s: string): YMD => {
  const [y, m, d] = s.split('-').map(Number);
  return { y: y!, m: m!, d: d! };
};

describe('rules/data/holidays.json', () => {
  it('covers 2020–2027, each year from its 国务院办公厅 notice (2027 not yet published: statutory days only)', () => {
    expect(Object.keys(data.years)).toEqual(['2020', '2021', '2022', '2023', '2024', '2025', '2026', '2027']);
    for (const [year, e] of Object.entries(data.years)) {
      if (year === '2027') {
        expect(e.provisional).toBe(true);
        continue;
      }
      expect(e.notice?.title).toBe(`国务院办公厅关于${year}年部分节假日安排的通知`);
    }
    expect(yearCoverage(2024)).toBe('notice');
    expect(yearCoverage(2027)).toBe('provisional');
    expect(yearCoverage(2019)).toBe('none');
  });

  it('every 调休 working day is a weekend day, and no holiday overlaps one', () => {
    for (const e of Object.values(data.years)) {
      for (const w of e.workdays) {
        expect([0, 6], w.date).toContain(weekdayOf(ymd(w.date)));
        expect(holidayName(ymd(w.date)), w.date).toBeUndefined();
        expect(isWorkingDay(ymd(w.date))).toBe(true);
      }
    }
  });

  it('the dates and weekdays quoted from each notice agree with the ranges', () => {
    for (const [year, e] of Object.entries(data.years)) {
      for (const h of e.holidays) {
        expect(h.from <= h.to, `${year} ${h.name}`).toBe(true);
        if (!h.clause) continue;
        const dates = findDateMentions(h.clause);
        const first = dates[0]!;
        const from = ymd(h.from);
        expect([first.month, first.day], `${year} ${h.name}`).toEqual([from.m, from.d]);
        for (const d of dates) {
          if (!d.weekday) continue;
          const y = d.year ?? Number(year);
          expect(weekdayOf({ y, m: d.month, d: d.day }), `${year} ${h.clause}`).toBe(d.weekday.value);
        }
      }
    }
  });

  it('gives the year totals of working days that the notices imply', () => {
    const total = (y: number): number => workingDaysBetween({ y, m: 1, d: 1 }, { y: y + 1, m: 1, d: 1 }).count;
    expect([2020, 2021, 2022, 2023, 2024, 2025, 2026].map(total)).toEqual([249, 250, 249, 249, 251, 248, 248]);
  });

  it('the 2020 Spring Festival as extended (国办发明电〔2020〕1号): 2月1日 is no longer a working day', () => {
    expect(isWorkingDay({ y: 2020, m: 2, d: 1 })).toBe(false);
    expect(isWorkingDay({ y: 2020, m: 2, d: 3 })).toBe(true);
    expect(isWorkingDay({ y: 2020, m: 1, d: 19 })).toBe(true);
  });
});

describe('counting working days', () => {
  it('skips the National Day week and counts the 调休 Sunday', () => {
    expect(workingDaysBetween({ y: 2024, m: 9, d: 20 }, { y: 2024, m: 10, d: 8 })).toEqual({ count: 8, uncertainYears: [] });
    expect(workingDaysBefore({ y: 2024, m: 10, d: 8 }, 10)).toEqual({ y: 2024, m: 9, d: 18 });
  });

  it('a weekend date counts as the next working day', () => {
    expect(workingDaysBetween({ y: 2024, m: 5, d: 4 }, { y: 2024, m: 5, d: 20 }).count).toBe(workingDaysBetween({ y: 2024, m: 5, d: 6 }, { y: 2024, m: 5, d: 20 }).count);
  });

  it('says when a year is only provisionally known', () => {
    expect(workingDaysBetween({ y: 2026, m: 12, d: 28 }, { y: 2027, m: 1, d: 5 })).toEqual({ count: 5, uncertainYears: [2027] });
  });
});
