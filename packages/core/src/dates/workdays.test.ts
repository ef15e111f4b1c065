import { describe, expect, it } from 'vitest';
import { addDays, isoWeekday } from './local-date';
import { holidayRegulationFor, statutoryHolidays } from './statutory-holidays';
import { addWorkdays, createWorkdayCalendar, isWorkday, nextWorkday, parseHolidayYear, previousWorkday, workdayDataSource } from './workdays';

/** Written from the State Council notices on the 2025 and 2026 holiday arrangements. */
const OFFICIAL = {
  2025: {
    off: [['2025-01-01'], ['2025-01-28', '2025-02-04'], ['2025-04-04', '2025-04-06'], ['2025-05-01', '2025-05-05'], ['2025-05-31', '2025-06-02'], ['2025-10-01', '2025-10-08']],
    work: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  2026: {
    off: [['2026-01-01', '2026-01-03'], ['2026-02-15', '2026-02-23'], ['2026-04-04', '2026-04-06'], ['2026-05-01', '2026-05-05'], ['2026-06-19', '2026-06-21'], ['2026-09-25', '2026-09-27'], ['2026-10-01', '2026-10-07']],
    work: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
} as const;

function expand(range: readonly string[]): string[] {
  const [from, to = from] = range as [string, string?];
  const out: string[] = [];
  for (let d = from; d <= to!; d = addDays(d, 1)) out.push(d);
  return out;
}

describe.each(Object.entries(OFFICIAL))('working days %s match the State Council notice', (year, data) => {
  const off = new Set(data.off.flatMap(expand));
  const work = new Set<string>(data.work);
  it('every day of the year', () => {
    for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1)) {
      const expected = work.has(d) || (!off.has(d) && isoWeekday(d) < 6);
      expect(isWorkday(d), d).toBe(expected);
    }
    expect(workdayDataSource(Number(year))).toBe('official');
  });
});

describe('provisional statutory holidays', () => {
  // The regulation fixes the statutory days; the yearly notice adds bridging days around them.
  // So every provisional day must be a day off in the official arrangement of the same year.
  it.each([2025, 2026])('%s: every statutory day is a day off in the official arrangement', (year) => {
    const official = new Set(OFFICIAL[year as 2025 | 2026].off.flatMap(expand));
    const days = statutoryHolidays(year);
    expect(days).toHaveLength(13); // 2024 revision: 1 + 4 + 1 + 2 + 1 + 1 + 3
    for (const h of days) expect(official.has(h.date), `${h.date} ${h.name}`).toBe(true);
    // ... and each festival of the official arrangement holds at least one statutory day.
    for (const range of OFFICIAL[year as 2025 | 2026].off) expect(expand(range).some((d) => days.some((h) => h.date === d)), range.join('..')).toBe(true);
  });

  it('2027 from the lunar calendar: Spring Festival 02-06, Qingming 04-05, Dragon Boat 06-09, Mid-Autumn 09-15', () => {
    const byName = (name: string) => statutoryHolidays(2027).filter((h) => h.name === name).map((h) => h.date);
    expect(byName('春节')).toEqual(['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08']);
    expect(byName('清明节')).toEqual(['2027-04-05']);
    expect(byName('劳动节')).toEqual(['2027-05-01', '2027-05-02']);
    expect(byName('端午节')).toEqual(['2027-06-09']);
    expect(byName('中秋节')).toEqual(['2027-09-15']);
    expect(byName('国庆节')).toEqual(['2027-10-01', '2027-10-02', '2027-10-03']);
    expect(holidayRegulationFor(2027)).toContain('2024年修订');
  });

  it('follows the regulation in force: 2013 revision before 2025, 1999 text before 2008', () => {
    expect(statutoryHolidays(2020).filter((h) => h.name === '春节')).toHaveLength(3);
    expect(statutoryHolidays(2020).filter((h) => h.name === '劳动节')).toHaveLength(1);
    expect(statutoryHolidays(2010).map((h) => h.name)).toContain('清明节');
    expect(statutoryHolidays(2003).map((h) => h.name)).not.toContain('清明节');
    expect(statutoryHolidays(2003).filter((h) => h.name === '劳动节')).toHaveLength(3);
  });

  it('a user year file replaces the provisional days', () => {
    const parsed = parseHolidayYear({ year: 2027, source: '国务院办公厅关于2027年部分节假日安排的通知', holidays: [{ date: '2027-01-01', name: '元旦' }], workdays: ['2027-02-20'] });
    const calendar = createWorkdayCalendar({ years: [parsed.ok ? parsed.value : (undefined as never)] });
    expect(calendar.dataSourceFor(2027)).toBe('user');
    expect(calendar.isWorkday('2027-02-08')).toBe(true);
    expect(calendar.isWorkday('2027-02-20')).toBe(true);
    expect(calendar.holidaysOf(2027)).toEqual([{ date: '2027-01-01', name: { zh: '元旦', en: "New Year's Day" } }]);
  });

  it('lists the official arrangement with both names', () => {
    const calendar = createWorkdayCalendar();
    expect(calendar.holidaysOf(2026)[0]).toEqual({ date: '2026-01-01', name: { zh: '元旦', en: "New Year's Day" } });
    expect(calendar.makeUpWorkdaysOf(2026)).toEqual([...OFFICIAL[2026].work]);
  });
});

describe('working-day arithmetic', () => {
  it('accepts strings and Dates (read in Asia/Shanghai)', () => {
    expect(isWorkday('2026-10-10')).toBe(true);
    expect(isWorkday(new Date('2026-10-09T18:00:00Z'))).toBe(true); // 02:00 on 10 October in Shanghai
    expect(nextWorkday('2026-09-30')).toBe('2026-10-08');
    expect(previousWorkday('2026-10-08')).toBe('2026-09-30');
    expect(addWorkdays('2026-09-30', 2)).toBe('2026-10-09');
    expect(addWorkdays('2026-10-01', 0)).toBe('2026-10-08');
    expect(addWorkdays('2026-10-08', -1)).toBe('2026-09-30');
    expect(() => isWorkday('2026-02-30')).toThrow(RangeError);
  });

  it('treats a year without data as provisional (statutory days only), and says so', () => {
    const calendar = createWorkdayCalendar();
    expect(calendar.dataSourceFor(2031)).toBe('provisional');
    expect(calendar.isWorkday('2031-01-01')).toBe(false); // New Year's Day, a Wednesday
    expect(calendar.isWorkday('2031-01-02')).toBe(true); // no bridging day is guessed
    expect(calendar.makeUpWorkdaysOf(2031)).toEqual([]);
    expect(calendar.warningsFor(2031)[0]!.zh).toContain('临时');
    expect(calendar.warningsFor(2031)[0]!.en).toContain('make-up workdays cannot be predicted');
    expect(calendar.warningsFor(2026)).toEqual([]);
  });

  it('counts weekends only when provisional days are switched off, and says so', () => {
    const calendar = createWorkdayCalendar({ provisional: false });
    expect(calendar.dataSourceFor(2031)).toBe('weekends-only');
    expect(calendar.isWorkday('2031-01-01')).toBe(true);
    expect(calendar.holidaysOf(2031)).toEqual([]);
    expect(calendar.warningsFor(2031)[0]!.zh).toContain('2031');
  });

  it('uses a user-supplied year file over the package data', () => {
    const parsed = parseHolidayYear({ year: 2031, source: 'test notice', holidays: [{ date: '2031-01-01', name: '元旦' }], workdays: ['2031-01-04'] });
    expect(parsed.ok).toBe(true);
    const calendar = createWorkdayCalendar({ years: [parsed.ok ? parsed.value : (undefined as never)] });
    expect(calendar.dataSourceFor(2031)).toBe('user');
    expect(calendar.isWorkday('2031-01-01')).toBe(false);
    expect(calendar.isWorkday('2031-01-04')).toBe(true);
    expect(calendar.warningsFor(2031)).toEqual([]);
  });

  it('rejects a year file with every problem', () => {
    const bad = parseHolidayYear({ year: 2031, source: 'x', holidays: [{ date: '2030-02-30', name: '' }], workdays: ['nope'] }, 'h.json');
    expect(bad.ok).toBe(false);
    expect(bad.problems.length).toBeGreaterThanOrEqual(3);
    expect(bad.problems.every((p) => p.file === 'h.json')).toBe(true);
    const outside = parseHolidayYear({ year: 2031, source: 'x', holidays: [{ date: '2030-01-01', name: 'a' }], workdays: [] });
    expect(outside.problems[0]!.code).toBe('date_outside_year');
  });
});
