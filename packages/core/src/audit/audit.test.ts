import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { QINGPU_2024_CATALOG } from '../catalogs/qingpu-2024';
import type { Activity } from '../model/activity';
import type { Registry } from '../model/unit';
import { arbitraryActivities, arbitraryRegistry } from '../testing/arbitraries';
import { SMALL_DISTRICT, SMALL_DISTRICT_ACTIVITIES } from '../testing/district';
import { runAudit } from './run-audit';
import { AUDIT_JSON_SCHEMA, AuditResult } from './schema';
import { chaseWeight, compareChase, type ChaseTier } from './chase';
import { sampleActivities, sampleRegistry } from '../sample/index';

/** A small district whose coverage is worked out by hand below (@liujin/core/testing). */
const registry = SMALL_DISTRICT;
const activities = SMALL_DISTRICT_ACTIVITIES;
const a = (unitId: string, kind: Activity['kind'], date: string, extra: Partial<Activity> = {}): Activity => ({ unitId, kind, date, reference: 'r', ...extra });
let audit: AuditResult;
let june: AuditResult;
beforeAll(async () => {
  audit = await runAudit({ catalog: QINGPU_2024_CATALOG, registry, activities, year: 2026, asOf: '2026-12-31' });
  june = await runAudit({ catalog: QINGPU_2024_CATALOG, registry, activities, year: 2026, asOf: '2026-06-30' });
});
const req = (r: AuditResult, id: string) => r.byRequirement.find((x) => x.requirementId === `qp2024.${id}`)!;

describe('coverage, worked out by hand', () => {
  it('school evacuation plans: s1 and s2 have one, s3 not: 2 of 3, target 100% missed', () => {
    expect(req(audit, 'school.evacuation-plan')).toMatchObject({ applicable: 3, met: 2, notMet: 1, pending: 0, all: 3, shareOfAll: 2 / 3, denominator: 3, share: 2 / 3, target: 1, targetStatus: 'behind', targetMet: false });
  });
  it('school drills: only s1 drilled: 1 of 3', () => {
    expect(req(audit, 'school.evacuation-drill')).toMatchObject({ met: 1, notMet: 2, share: 1 / 3 });
  });
  it('community: plan revised before Education Day and trained, but no drill', () => {
    expect(req(audit, 'community.plan-revision')).toMatchObject({ met: 1, share: 1, targetMet: true });
    expect(req(audit, 'community.training-and-drill')).toMatchObject({ met: 0, notMet: 1, share: 0 });
    expect(req(audit, 'community.self-rescue-training')).toMatchObject({ met: 1 });
  });
  it('in June, Education Day work is pending, not failed, and outside the denominator', () => {
    expect(req(june, 'community.training-and-drill')).toMatchObject({ met: 0, notMet: 0, pending: 1, all: 1, shareOfAll: 0, denominator: 0, share: null, targetStatus: 'on-track', targetMet: false });
    expect(req(june, 'school.evacuation-drill')).toMatchObject({ pending: 3, met: 0 }); // s1's drill (18 Sept) is after the as-of date
  });
  it('status counts add up, every unit is present, shares lie in [0, 1]', () => {
    expect(audit.units.map((u) => u.unitId)).toEqual(registry.units.map((u) => u.id));
    for (const c of [audit.overall, ...audit.byRequirement, ...audit.bySector, ...audit.byTown, ...audit.byKind]) {
      expect(c.met + c.notMet + c.pending + c.notAssessed + c.waived).toBe(c.applicable);
      if (c.share !== null) {
        expect(c.share).toBeGreaterThanOrEqual(0);
        expect(c.share).toBeLessThanOrEqual(1);
      }
    }
    const applicable = audit.units.reduce((n, u) => n + u.results.length, 0);
    expect(audit.overall.applicable).toBe(applicable);
  });
  it('accounts for every activity: used, or unmatched with file, row and why', () => {
    expect(audit.activities.used + audit.activities.unmatched).toBe(activities.length);
    expect(audit.unmatched.map((u) => `${u.row}:${u.reason}`).sort()).toEqual(['5:duplicate', '6:unknown-unit']);
  });
  it('lists rows set aside for an unknown kind as unmatched, and counts them', async () => {
    const withSetAside = await runAudit({ catalog: QINGPU_2024_CATALOG, registry, activities, year: 2026, setAside: [{ unitId: 's1', kind: 'party', date: '2026-05-02', file: 'a.csv', row: 9 }] });
    expect(withSetAside.unmatched).toContainEqual(expect.objectContaining({ row: 9, reason: 'unknown-kind', kind: 'party' }));
    expect(withSetAside.activities.total).toBe(activities.length + 1);
    expect(withSetAside.activities.used + withSetAside.activities.unmatched).toBe(withSetAside.activities.total);
  });

  it('orders gaps overdue first, then by due date, then by number of units', () => {
    const statuses = audit.gaps.map((g) => g.status);
    expect(statuses.indexOf('pending') === -1 || statuses.lastIndexOf('not-met') < statuses.indexOf('pending')).toBe(true);
    const overdue = audit.gaps.filter((g) => g.status === 'not-met');
    for (let i = 1; i < overdue.length; i++) expect((overdue[i - 1]!.dueDate ?? '9999') <= (overdue[i]!.dueDate ?? '9999')).toBe(true);
  });
  it('compares with last year', async () => {
    const next = await runAudit({ catalog: QINGPU_2024_CATALOG, registry, activities, year: 2027, asOf: '2027-12-31', previous: JSON.parse(JSON.stringify(audit)) });
    expect(next.change?.previousYear).toBe(2026);
    expect(next.change?.byRequirement.find((r) => r.requirementId === 'qp2024.school.evacuation-plan')).toMatchObject({ previousShare: 2 / 3, share: 2 / 3, previousShareOfAll: 2 / 3, shareOfAll: 2 / 3 });
  });
});

it('the published, versioned JSON Schema of audit.json is the schema of AuditResult', () => {
  const published = JSON.parse(readFileSync(new URL('../../schema/audit.v1.json', import.meta.url), 'utf8')) as unknown;
  expect(published).toEqual(JSON.parse(JSON.stringify(AUDIT_JSON_SCHEMA)));
});

describe('audit invariants on random districts (property)', () => {
  const coverageHolds = (c: { applicable: number; met: number; notMet: number; pending: number; notAssessed: number; waived: number; denominator: number; share: number | null }, label: string) => {
    expect(c.met + c.notMet + c.pending + c.notAssessed + c.waived, label).toBe(c.applicable);
    expect(c.denominator, label).toBe(c.met + c.notMet);
    if (c.denominator === 0) expect(c.share, label).toBeNull();
    else {
      expect(c.share, label).toBeGreaterThanOrEqual(0);
      expect(c.share, label).toBeLessThanOrEqual(1);
      expect(c.share, label).toBeCloseTo(c.met / c.denominator, 12);
    }
  };

  it('every unit present, status counts add up, coverage in [0, 1], every activity used or unmatched', async () => {
    const input = arbitraryRegistry({ maxUnits: 12 }).chain((reg) =>
      fc.record({
        reg: fc.constant(reg),
        activities: arbitraryActivities(reg, 2026, { maxRows: 60 }),
        asOf: fc.integer({ min: 0, max: 364 }).map((d) => new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10)),
        waived: fc.subarray(reg.units.map((u) => u.id)),
      }),
    );
    await fc.assert(
      fc.asyncProperty(input, async ({ reg, activities: acts, asOf, waived }) => {
        const waivers = waived.map((unitId) => ({ unitId, requirementId: QINGPU_2024_CATALOG.requirements[0]!.id, justification: '停办', expires: '2027-01-01' }));
        const audit = await runAudit({ catalog: QINGPU_2024_CATALOG, registry: reg, activities: acts, year: 2026, asOf, waivers });
        expect(AuditResult.safeParse(audit).success).toBe(true);
        expect(audit.units.map((u) => u.unitId)).toEqual(reg.units.map((u) => u.id));
        expect(audit.units.map((u) => u.name)).toEqual(reg.units.map((u) => u.name));
        const applicable = audit.units.flatMap((u) => u.results).filter((r) => r.status !== 'not-applicable').length;
        expect(audit.overall.applicable).toBe(applicable);
        coverageHolds(audit.overall, 'overall');
        for (const c of audit.byRequirement) coverageHolds(c, c.requirementId);
        for (const c of audit.bySector) coverageHolds(c, c.sector);
        for (const c of audit.byTown) coverageHolds(c, c.town);
        for (const c of audit.byKind) coverageHolds(c, c.kind);
        expect(audit.byRequirement.reduce((n, c) => n + c.applicable, 0)).toBe(applicable);
        expect(audit.activities.total).toBe(acts.length);
        expect(audit.activities.used + audit.activities.unmatched).toBe(acts.length);
        expect(audit.unmatched.length).toBe(audit.activities.unmatched);
        for (const u of audit.unmatched) expect(u.row, 'an unmatched row names its row').toBeGreaterThan(1);
        const evidence = new Set(audit.units.flatMap((u) => u.results.flatMap((r) => r.evidence)));
        expect(evidence.size).toBeLessThanOrEqual(audit.activities.used);
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});

describe('record ids and earlier years in the audit (issue 17)', () => {
  const reg: Registry = { district: { id: 'd', name: '区', region: 'shanghai' }, towns: [], units: [{ id: 's', name: '学校', kind: 'school' }] };
  it('tells duplicates by every text field, even when a field holds the NUL the key joins them with', async () => {
    const rows: Activity[] = [
      // Joined by NUL alone, rows 2 and 3 would read alike.
      a('s', 'evacuation-drill', '2026-09-18', { title: 'a\u0000b', place: 'c', source: { file: 'a.csv', row: 2 } }),
      a('s', 'evacuation-drill', '2026-09-18', { title: 'a', place: 'b\u0000c', source: { file: 'a.csv', row: 3 } }),
      a('s', 'evacuation-drill', '2026-09-18', { title: 'a', place: 'b\u0000c', source: { file: 'a.csv', row: 4 } }),
    ];
    const r = await runAudit({ catalog: QINGPU_2024_CATALOG, registry: reg, activities: rows, year: 2026 });
    expect(r.unmatched.filter((u) => u.reason === 'duplicate').map((u) => u.row)).toEqual([4]);
  });
  it('finds the same repeats in a few records (compared pairwise) as in many (by key): the first of equal rows counts', async () => {
    const text = fc.constantFrom(undefined, '', 'a', 'b', 'a\u0000b');
    const row = fc.record({ kind: fc.constantFrom('evacuation-drill', 'course'), date: fc.constantFrom('2026-09-18', '2026-03-01'), time: text, title: text, place: text, reference: text }, { requiredKeys: ['kind', 'date'] });
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 70, size: 'max' }), async (list) => {
        const rows: Activity[] = list.map((r, i) => ({ unitId: 's', ...r, source: { file: 'a.csv', row: i + 2 } }) as Activity);
        const key = (r: Activity) => JSON.stringify([r.kind, r.date, r.time ?? '', r.title ?? '', r.place ?? '', r.reference ?? '']);
        const expected = rows.filter((r, i) => rows.findIndex((o) => key(o) === key(r)) < i).map((r) => r.source!.row);
        const audit = await runAudit({ catalog: QINGPU_2024_CATALOG, registry: reg, activities: rows, year: 2026 });
        expect(audit.unmatched.filter((u) => u.reason === 'duplicate').map((u) => u.row).sort((x, y) => x! - y!)).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });
  it('keeps each row\'s own 记录编号; two rows without one never share a derived id', async () => {
    const rows: Activity[] = [
      a('s', 'evacuation-drill', '2026-09-18', { source: { file: 'a.csv', row: 2 } }),
      a('s', 'evacuation-drill', '2026-09-18', { source: { file: 'a.csv', row: 3 } }), // same content, no id
      a('s', 'evacuation-drill', '2024-09-18', { id: 'R-17', source: { file: 'a.csv', row: 4 } }), // recurring, earlier year
      a('x', 'course', '2026-03-01', { source: { file: 'a.csv', row: 5 } }),
      a('x', 'course', '2026-03-01', { source: { file: 'a.csv', row: 6 } }),
    ];
    const r = await runAudit({ catalog: QINGPU_2024_CATALOG, registry: reg, activities: rows, year: 2026, setAside: [{ unitId: 's', kind: '宣传日', date: '2026-05-01', file: 'a.csv', row: 7, id: 'R-18' }] });
    const used = r.units[0]!.results.find((x) => x.requirementId === 'qp2024.school.evacuation-drill')!.evidence;
    const byRow = new Map(r.unmatched.map((u) => [u.row, u]));
    expect(byRow.get(3)).toMatchObject({ reason: 'duplicate' });
    expect(used).not.toContain(byRow.get(3)!.activityId);
    expect(byRow.get(4)).toMatchObject({ activityId: 'R-17', reason: 'outside-year' });
    expect(byRow.get(5)!.activityId).not.toBe(byRow.get(6)!.activityId);
    expect(byRow.get(7)).toMatchObject({ activityId: 'R-18', reason: 'unknown-kind' });
    expect(new Set(r.unmatched.map((u) => u.activityId)).size).toBe(r.unmatched.length);
  });

  it('a plan made once in 2010 counts, and the reason names its date; earlier recurring rows do not', async () => {
    const r = await runAudit({ catalog: QINGPU_2024_CATALOG, registry: reg, activities: [a('s', 'evacuation-plan-compiled', '2010-03-01'), a('s', 'evacuation-drill', '2025-09-19')], year: 2026 });
    const results = new Map(r.units[0]!.results.map((x) => [x.requirementId, x]));
    expect(results.get('qp2024.school.evacuation-plan')).toMatchObject({ status: 'met' });
    expect(results.get('qp2024.school.evacuation-plan')!.reason.zh).toContain('依据 2010-03-01「编制疏散方案」记录（一次性要求，往年记录有效）');
    expect(results.get('qp2024.school.evacuation-plan')!.reason.en).not.toContain('evidence activities this year');
    expect(results.get('qp2024.school.evacuation-drill')).toMatchObject({ status: 'not-met' });
    expect(results.get('qp2024.school.evacuation-drill')!.reason.en).toContain('only records dated in 2026');
    expect(r.unmatched.map((u) => `${u.date} ${u.reason}`)).toEqual(['2025-09-19 outside-year']);
    expect(r.warnings.map((w) => w.en)).toEqual([expect.stringContaining('14th Five-Year Plan')]);
  });
});

describe('the chase order (优先催办, docs/audit.md)', () => {
  const tiers = ['target-overdue', 'overdue', 'due', 'optional'];
  it('ranks 1..n; tiers in order: 100% targets overdue, other overdue, due, optional', () => {
    for (const r of [audit, june]) {
      expect(r.gaps.map((g) => g.rank)).toEqual(r.gaps.map((_, i) => i + 1));
      const order = r.gaps.map((g) => tiers.indexOf(g.tier));
      expect(order).toEqual([...order].sort((x, y) => x - y));
      for (const g of r.gaps) expect(g.why.zh.length).toBeGreaterThan(0);
    }
    expect(audit.gaps.slice(0, 3).map((g) => [g.requirementId, g.tier])).toEqual([
      ['qp2024.school.evacuation-drill', 'target-overdue'],
      ['qp2024.community.training-and-drill', 'target-overdue'],
      ['qp2024.school.evacuation-plan', 'target-overdue'],
    ]);
    expect(audit.gaps[0]!.why.zh).toBe('覆盖目标 100%，一个单位逾期即未达标；已逾期 0 天（期限 2026-12-31）');
    expect(june.gaps.every((g) => g.tier === 'due' && g.daysOverdue === null)).toBe(true);
  });

  it('weights, table-tested', () => {
    expect(chaseWeight({ status: 'not-met', dueDate: '2026-02-28', target: 1 }, '2026-06-30')).toMatchObject({ tier: 'target-overdue', daysOverdue: 122, daysLeft: null });
    expect(chaseWeight({ status: 'not-met', dueDate: '2026-02-28', target: null }, '2026-06-30')).toMatchObject({ tier: 'overdue', daysOverdue: 122, why: { zh: '已逾期 122 天（期限 2026-02-28）' } });
    expect(chaseWeight({ status: 'pending', dueDate: '2026-12-31' }, '2026-06-30')).toMatchObject({ tier: 'due', daysOverdue: null, daysLeft: 184 });
    expect(chaseWeight({ status: 'not-met', dueDate: '2026-02-28', target: 1, optional: true }, '2026-06-30')).toMatchObject({ tier: 'optional', daysOverdue: 122 });
    const gap = (tier: ChaseTier, status: 'not-met' | 'pending', dueDate: string | null, count: number, requirementId: string) => ({ tier, status, dueDate, count, requirementId });
    const sorted = [gap('optional', 'not-met', '2026-01-01', 9, 'a'), gap('due', 'pending', '2026-07-01', 1, 'b'), gap('overdue', 'not-met', '2026-05-01', 1, 'c'), gap('overdue', 'not-met', '2026-03-01', 1, 'd'), gap('target-overdue', 'not-met', '2026-06-01', 1, 'e')].sort(compareChase);
    // Longest overdue first within a tier; optional last whatever its date.
    expect(sorted.map((g) => g.requirementId)).toEqual(['e', 'd', 'c', 'b', 'a']);
  });

  it('the optional local brand ranks after every other gap of the sample district', async () => {
    const r = await runAudit({ catalog: QINGPU_2024_CATALOG, registry: sampleRegistry(), activities: sampleActivities(2026), year: 2026, asOf: '2026-12-31' });
    const brand = r.gaps.filter((g) => g.requirementId === 'qp2024.general.local-brand');
    expect(brand.length).toBeGreaterThan(0);
    for (const b of brand) expect(r.gaps.slice(b.rank).every((g) => g.tier === 'optional')).toBe(true);
    expect(r.gaps[0]!.tier).toBe('target-overdue');
  });
});

describe('town × sector (二 "六进"全区全覆盖)', () => {
  it('worked out by hand: active units / units, no-units said distinctly', () => {
    const cell = (r: AuditResult, town: string, sector: string) => r.townSectors.find((t) => t.town === town)!.sectors.find((s) => s.sector === sector)!;
    expect(audit.townSectors.map((t) => t.town)).toEqual(['t1', 't2']);
    expect(audit.townSectors[0]!.sectors.map((s) => s.sector)).toEqual(['party-school', 'organ', 'school', 'enterprise', 'community', 'network']);
    // s1 drilled in September, s2 compiled its plan in March: both active this year.
    expect(cell(audit, 't1', 'school')).toEqual({ sector: 'school', units: 2, active: 2, state: 'covered' });
    expect(cell(audit, 't1', 'community')).toEqual({ sector: 'community', units: 0, active: 0, state: 'no-units' });
    expect(cell(audit, 't2', 'school')).toEqual({ sector: 'school', units: 1, active: 0, state: 'not-covered' });
    expect(cell(audit, 't2', 'community')).toEqual({ sector: 'community', units: 1, active: 1, state: 'covered' });
    // In June s1's only record of the year (the September drill) is not evidence yet; s1's 2025 plan is not this year's work.
    expect(cell(june, 't1', 'school')).toEqual({ sector: 'school', units: 2, active: 1, state: 'covered' });
    expect(cell(june, 't2', 'community')).toEqual({ sector: 'community', units: 1, active: 0, state: 'not-covered' });
  });
});
