import { describe, expect, it } from 'vitest';
import { addDays, isoWeekday } from './local-date';
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

  it('treats a year without data as weekends only, and says so', () => {
    const calendar = createWorkdayCalendar();
    expect(calendar.dataSourceFor(2031)).toBe('weekends-only');
    expect(calendar.isWorkday('2031-01-01')).toBe(true); // a Wednesday; no data, no holiday assumed
    expect(calendar.warningsFor(2031)[0]!.zh).toContain('2031');
    expect(calendar.warningsFor(2026)).toEqual([]);
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
