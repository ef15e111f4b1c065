/**
 * A small district whose audit is worked out by hand in the tests of core's audit, the audit
 * reports and the OSCAL assessment-results (one fixture, so the three agree on what they check):
 * three schools and a residential committee in two towns, with names that attack spreadsheets and
 * HTML, and a log with a record from last year, a duplicate row and a unit the registry lacks.
 */
import type { Activity } from '../model/activity';
import type { Registry } from '../model/unit';

/** The small district's registry: schools s1-s3 and committee c1 in towns t1 and t2. */
export const SMALL_DISTRICT: Registry = {
  district: { id: 'test', name: '测试区', region: 'shanghai' },
  towns: [
    { id: 't1', name: '甲镇', type: 'town' },
    { id: 't2', name: '乙街道', type: 'subdistrict' },
  ],
  units: [
    { id: 's1', name: '=HYPERLINK("http://evil","点我")', kind: 'school', town: 't1' },
    { id: 's2', name: '<script>alert(1)</script>学校', kind: 'school', town: 't1' },
    { id: 's3', name: '丙学校', kind: 'school', town: 't2' },
    { id: 'c1', name: '丁居委', kind: 'community', communityType: 'residential', town: 't2' },
  ],
};

const a = (unitId: string, kind: Activity['kind'], date: string, row: number, extra: Partial<Activity> = {}): Activity => ({ unitId, kind, date, reference: 'r', ...extra, source: { file: 'a.csv', row } });

/** The small district's activity log for 2026, rows 2-8 of `a.csv`. */
export const SMALL_DISTRICT_ACTIVITIES: readonly Activity[] = [
  a('s1', 'evacuation-plan-compiled', '2025-04-01', 2),
  a('s1', 'evacuation-drill', '2026-09-18', 3),
  a('s2', 'evacuation-plan-compiled', '2026-03-01', 4),
  a('s2', 'evacuation-plan-compiled', '2026-03-01', 5), // duplicate of row 4
  a('x9', 'training', '2026-05-01', 6), // unknown unit
  a('c1', 'evacuation-plan-revised', '2026-08-20', 7),
  a('c1', 'training', '2026-09-12', 8, { topics: ['cpr', 'bandaging', 'gas-masks'] }),
];
