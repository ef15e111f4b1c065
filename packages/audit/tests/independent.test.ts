/**
 * "An independent audit built from the docs alone" (issue 17): tests/independent_audit.py reads
 * only docs/catalog.md (evidence kinds, cadences and the earlier-year rule, due dates, conditions)
 * and must agree with runAudit on every unit-requirement status of the sample district, at the
 * year's end and mid-year. The working-day calendar is passed as data (the State Council's notice).
 */
import { execFileSync } from 'node:child_process';
import { addDays, defaultWorkdayCalendar, QINGPU_2024_CATALOG, runAudit } from '@liujin/core';
import { sampleActivities, sampleRegistry } from '@liujin/core/sample';
import { describe, expect, it } from 'vitest';
import { systemTool } from '../../../tools/config/system-tools';

const YEAR = 2026;
const registry = sampleRegistry();
// Earlier-year rows too, so the one rule for earlier years is exercised both ways.
const activities = [...sampleActivities(YEAR - 1), ...sampleActivities(YEAR)];
const calendar = defaultWorkdayCalendar();
const workdays: string[] = [];
for (let d = `${YEAR}-01-01`; d <= `${YEAR + 1}-01-31`; d = addDays(d, 1)) if (calendar.isWorkday(d)) workdays.push(d);

function independent(asOf: string): Record<string, string> {
  const input = JSON.stringify({ year: YEAR, asOf, workdays, units: registry.units.map((u) => ({ id: u.id, kind: u.kind })), activities });
  const out = execFileSync(systemTool('python3'), [new URL('./independent_audit.py', import.meta.url).pathname, new URL('../../../docs/catalog.md', import.meta.url).pathname], { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(out) as Record<string, string>;
}

describe('an audit built from docs/catalog.md alone agrees with liujin audit', () => {
  it.each(['2026-12-31', '2026-06-30'])('on every unit-requirement status of the sample district as of %s', async (asOf) => {
    const audit = await runAudit({ catalog: QINGPU_2024_CATALOG, registry, activities, year: YEAR, asOf });
    const ours: Record<string, string> = {};
    for (const u of audit.units) for (const r of u.results) if (r.status !== 'not-applicable') ours[`${u.unitId}|${r.requirementId}`] = r.status;
    const theirs = independent(asOf);
    const differ = Object.keys({ ...ours, ...theirs }).filter((k) => ours[k] !== theirs[k]).map((k) => `${k}: liujin ${ours[k]}, docs ${theirs[k]}`);
    expect(differ).toEqual([]);
    expect(Object.keys(ours).length).toBeGreaterThan(1000);
    // Every status the docs define occurs, so the comparison is not vacuous.
    const seen = new Set(Object.values(ours));
    expect([...seen].sort()).toEqual(expect.arrayContaining(asOf === '2026-12-31' ? ['met', 'not-met', 'not-assessed'] : ['met', 'not-met', 'pending']));
  }, 60_000);
});
