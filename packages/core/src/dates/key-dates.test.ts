import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KEY_DATE_IDS } from '../model/key-date';
import { isoWeekday } from './local-date';
import { KeyDateError, keyDatesFor, resolveKeyDates } from './key-dates';
import { listRegionProfiles } from './regions';
import { BUILT_IN_KEY_DATE_RULES } from './rules';
import { createWorkdayCalendar } from './workdays';

const years = fc.integer({ min: 2001, max: 2100 });
const dateOf = (year: number, id: string, region = 'shanghai') => keyDatesFor(year, { region }).find((d) => d.id === id)?.date;

function withTimeZone<T>(tz: string, fn: () => T): T {
  const previous = process.env.TZ;
  process.env.TZ = tz;
  try {
    return fn();
  } finally {
    if (previous === undefined) delete process.env.TZ;
    else process.env.TZ = previous;
  }
}

describe('key dates', () => {
  it('knows the 2025 and 2026 dates', () => {
    expect(dateOf(2026, KEY_DATE_IDS.educationDay)).toBe('2026-09-19');
    expect(dateOf(2025, KEY_DATE_IDS.educationDay)).toBe('2025-09-20');
    expect(dateOf(2024, KEY_DATE_IDS.annualPlanDeadline)).toBe('2024-02-29');
    expect(dateOf(2026, KEY_DATE_IDS.sirenTest)).toBe('2026-09-19');
  });

  it('Education Day is always a Saturday between 15 and 21 September (2001-2100)', () => {
    fc.assert(
      fc.property(years, (year) => {
        const date = dateOf(year, KEY_DATE_IDS.educationDay)!;
        const day = Number(date.slice(8));
        return date.slice(5, 7) === '09' && isoWeekday(date) === 6 && day >= 15 && day <= 21;
      }),
    );
  });

  it('the plan deadline is 28 or 29 February', () => {
    fc.assert(fc.property(years, (year) => ['02-28', '02-29'].includes(dateOf(year, KEY_DATE_IDS.annualPlanDeadline)!.slice(5))));
  });

  it('every key date of every region lands on its rule for 2001-2100', () => {
    const profiles = listRegionProfiles();
    fc.assert(
      fc.property(years, fc.constantFrom(...profiles), (year, profile) => {
        const dates = keyDatesFor(year, { region: profile.id });
        for (const rule of [...BUILT_IN_KEY_DATE_RULES, ...profile.keyDates]) {
          const found = dates.find((d) => d.id === rule.id);
          const active = (rule.since === undefined || year >= rule.since) && !rule.overrides?.[String(year)]?.date;
          if (!active) continue;
          expect(found, `${profile.id} ${rule.id} ${year}`).toBeDefined();
          const r = rule.rule;
          const [y, m, d] = found!.date.split('-').map(Number);
          expect(y).toBe(year);
          if (r.type === 'fixed') expect([m, d]).toEqual([r.month, r.day]);
          if (r.type === 'nth-weekday') expect([m, isoWeekday(found!.date), Math.ceil(d! / 7)]).toEqual([r.month, r.weekday, r.n]);
          if (r.type === 'last-day') expect(m).toBe(r.month);
          if (r.type === 'offset') expect(found!.date).toBe(dates.find((x) => x.id === r.from)!.date);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('no Education Day before 2001, no Shanghai citywide test before 2008', () => {
    expect(dateOf(2000, KEY_DATE_IDS.educationDay)).toBeUndefined();
    expect(dateOf(2007, KEY_DATE_IDS.sirenTest)).toBeUndefined();
  });

  it('gives the Shanghai siren phases with +08:00, and the 2014 override', () => {
    const siren = keyDatesFor(2026).find((d) => d.id === KEY_DATE_IDS.sirenTest)!;
    expect(siren.phases!.map((p) => `${p.start}/${p.end}`)).toEqual([
      '2026-09-19T11:35:00+08:00/2026-09-19T11:38:00+08:00',
      '2026-09-19T11:45:00+08:00/2026-09-19T11:48:00+08:00',
      '2026-09-19T11:55:00+08:00/2026-09-19T11:58:00+08:00',
    ]);
    expect(siren.phases![0]!.pattern?.zh).toContain('36');
    const y2014 = keyDatesFor(2014).find((d) => d.id === KEY_DATE_IDS.sirenTest)!;
    expect(y2014.phases![2]!.start).toBe('2014-09-20T12:00:00+08:00');
  });

  it('gives the same dates under UTC, Asia/Shanghai and America/New_York', () => {
    const runs = ['UTC', 'Asia/Shanghai', 'America/New_York'].map((tz) => withTimeZone(tz, () => JSON.stringify([2025, 2026, 2027].map((y) => keyDatesFor(y)))));
    expect(runs[1]).toBe(runs[0]);
    expect(runs[2]).toBe(runs[0]);
  });

  it('resolves working-day offsets onto working days', () => {
    const calendar = createWorkdayCalendar();
    fc.assert(
      fc.property(fc.integer({ min: 2005, max: 2026 }), fc.integer({ min: -10, max: 10 }), (year, days) => {
        const extra = [{ id: 'after-education-day', title: { zh: '测试', en: 'test' }, rule: { type: 'offset' as const, from: 'national-defense-education-day', days, unit: 'workdays' as const }, source: 'test', confirmed: true }];
        const d = keyDatesFor(year, { extraRules: extra, workdays: calendar }).find((k) => k.id === 'after-education-day')!;
        return calendar.isWorkday(d.date) && d.isWorkday;
      }),
    );
  });

  it('reports cycles and unknown references as problems, and throws a named error from keyDatesFor', () => {
    const cyc = [
      { id: 'a', title: { zh: 'a', en: 'a' }, rule: { type: 'offset' as const, from: 'b', days: 1, unit: 'days' as const }, source: 's', confirmed: true },
      { id: 'b', title: { zh: 'b', en: 'b' }, rule: { type: 'offset' as const, from: 'a', days: 1, unit: 'days' as const }, source: 's', confirmed: true },
      { id: 'c', title: { zh: 'c', en: 'c' }, rule: { type: 'offset' as const, from: 'nope', days: 1, unit: 'days' as const }, source: 's', confirmed: true },
    ];
    const result = resolveKeyDates(2026, { extraRules: cyc });
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.code).sort()).toEqual(['key_date_cycle', 'unknown_key_date']);
    expect(() => keyDatesFor(2026, { region: 'atlantis' })).toThrow(KeyDateError);
  });

  it('warns on every key date of a year without holiday data', () => {
    const dates = keyDatesFor(2031);
    expect(dates.every((d) => d.warnings.length === 1 && d.warnings[0]!.en.includes('2031'))).toBe(true);
    expect(keyDatesFor(2026).every((d) => d.warnings.length === 0)).toBe(true);
  });
});

describe('siren times past the last published notice', () => {
  it('Shanghai is confirmed through 2025, to confirm from 2026 unless that year is overridden', () => {
    const siren = (year: number, region?: Parameters<typeof keyDatesFor>[1]) => keyDatesFor(year, region).find((k) => k.id === KEY_DATE_IDS.sirenTest)!;
    expect(siren(2025).confirmed).toBe(true);
    expect(siren(2014).confirmed).toBe(true);
    expect(siren(2026).confirmed).toBe(false);
    const shanghai = listRegionProfiles().find((p) => p.id === 'shanghai')!;
    const withNotice = { ...shanghai, keyDates: shanghai.keyDates.map((r) => ({ ...r, overrides: { ...r.overrides, '2026': { date: '2026-09-19', source: '2026 notice' } } })) };
    expect(siren(2026, { region: withNotice }).confirmed).toBe(true);
    expect(siren(2027, { region: withNotice }).confirmed).toBe(false);
    expect(siren(2026, { region: 'beijing' }).confirmed).toBe(false);
  });
});
