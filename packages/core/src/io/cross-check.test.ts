import { describe, expect, it } from 'vitest';
import type { Activity } from '../model/activity';
import { crossCheckInputs } from './cross-check';

const registry = { units: [{ id: 's1', name: '甲学校', kind: 'school' as const }] };
const activity = (unitId: string, date: string, row?: number): Activity => ({ unitId, kind: 'training', date, ...(row ? { source: { file: 'a.csv', row } } : {}) });

describe('crossCheckInputs', () => {
  it('names records and waivers of units missing from the registry, with file and row', () => {
    const problems = crossCheckInputs({ registry, activities: [activity('s1', '2026-05-01', 2), activity('x9', '2026-05-01', 3)], waivers: [{ unitId: 'x8', requirementId: 'r', justification: 'j', expires: '2027-01-01' }], files: { waivers: 'w.csv' } });
    expect(problems.map((p) => [p.code, p.file, p.row ?? p.path.join('.')])).toEqual([
      ['unknown_unit', 'a.csv', 3],
      ['unknown_unit', 'w.csv', '0.unitId'],
    ]);
  });
  it('warns of records outside the year only when a year is given', () => {
    const activities = [activity('s1', '2025-12-31', 2)];
    expect(crossCheckInputs({ registry, activities })).toEqual([]);
    expect(crossCheckInputs({ registry, activities, year: 2026 })).toEqual([expect.objectContaining({ code: 'outside_year', severity: 'warning', row: 2, column: 'date' })]);
  });
});
