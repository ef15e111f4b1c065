import { describe, expect, it } from 'vitest';
import { defaultAsOf, todayIn, yearIn } from './today';

describe('today in the district time zone', () => {
  it('reads the date in Asia/Shanghai, not UTC: 23:30 UTC on 31 December is already 1 January', () => {
    const now = new Date('2026-12-31T23:30:00Z');
    expect(todayIn(now)).toBe('2027-01-01');
    expect(yearIn(now)).toBe(2027);
    expect(todayIn(now, 'UTC')).toBe('2026-12-31');
  });
  it('defaults the as-of date to today while the year runs, else clamps it to the year', () => {
    const now = new Date('2026-06-30T01:00:00Z');
    expect(defaultAsOf(2026, now)).toBe('2026-06-30');
    expect(defaultAsOf(2025, now)).toBe('2025-12-31');
    expect(defaultAsOf(2027, now)).toBe('2027-01-01');
  });
});
