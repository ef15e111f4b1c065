import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { QINGPU_2024_CATALOG } from '../catalogs/qingpu-2024';
import { runAudit } from '../audit/run-audit';
import type { AuditResult } from '../audit/schema';
import { addDays } from '../dates/local-date';
import type { Activity } from '../model/activity';
import type { Registry } from '../model/unit';
import { sampleActivities, sampleRegistry } from '../sample/index';
import { buildWorklists, WorklistScopeError } from './build';
import { WorklistSet, WORKLISTS_JSON_SCHEMA } from './schema';

const registry = sampleRegistry();
const activities = sampleActivities(2026);
let audit: AuditResult;
beforeAll(async () => {
  audit = await runAudit({ catalog: QINGPU_2024_CATALOG, registry, activities, year: 2026, asOf: '2026-06-30' });
});

describe('work lists of the sample district as of 2026-06-30', () => {
  it('one list per town with units, then the district-level units; valid against the schema', () => {
    const set = buildWorklists({ audit, catalog: QINGPU_2024_CATALOG, registry, activities });
    expect(WorklistSet.parse(set)).toEqual(set);
    expect(set.lists.map((l) => l.id)).toEqual([...registry.towns.map((t) => t.id), 'district-level']);
    expect(set.lists.reduce((n, l) => n + l.units, 0)).toBe(registry.units.length);
    // The published JSON Schema is the schema of the code (a change to the format shows in review).
    const published = JSON.parse(readFileSync(new URL('../../schema/worklists.v1.json', import.meta.url), 'utf8')) as unknown;
    expect(published).toEqual(JSON.parse(JSON.stringify(WORKLISTS_JSON_SCHEMA)));
  });

  it("Zhujiajiao: every open result of every unit is listed once, in the section its status and due date say, and nothing else", () => {
    const set = buildWorklists({ audit, catalog: QINGPU_2024_CATALOG, registry, activities, town: 'zhujiajiao' });
    expect(set.lists).toHaveLength(1);
    const list = set.lists[0]!;
    const listed = new Map<string, string>();
    for (const section of ['overdue', 'dueSoon', 'dueLater', 'occasionSoon', 'laterThisYear'] as const) {
      for (const item of list[section]) for (const u of item.units) {
        const key = `${u.unitId}|${item.requirementId}|${item.dueDate ?? ''}`;
        expect(listed.has(key), key).toBe(false);
        listed.set(key, section);
      }
    }
    // By hand: 30 days after 06-30 is 07-30, 90 days is 09-28; Education Day and the siren test
    // fall on 2026-09-19, inside; news after an activity is due within 5 working days of it.
    const occasionInside = new Set(QINGPU_2024_CATALOG.requirements.filter((r) => (r.preferredOccasions ?? []).some((k) => k === 'national-defense-education-day' || k === 'air-raid-siren-test')).map((r) => r.id));
    const expected = new Map<string, string>();
    for (const u of audit.units.filter((x) => x.town === 'zhujiajiao')) {
      for (const r of u.results) {
        const key = `${u.unitId}|${r.requirementId}|${r.dueDate ?? ''}`;
        if (r.status === 'not-met') expected.set(key, 'overdue');
        else if (r.status !== 'pending') continue;
        else if (r.requirementId === 'qp2024.general.news-report') expected.set(key, 'dueSoon');
        else if (r.dueDate! <= '2026-07-30') expected.set(key, 'dueSoon');
        else if (r.dueDate! <= '2026-09-28') expected.set(key, 'dueLater');
        else expected.set(key, occasionInside.has(r.requirementId) ? 'occasionSoon' : 'laterThisYear');
      }
    }
    expect(listed).toEqual(expected);
    expect(list.overdue.length).toBeGreaterThan(0);
  });

  it('done recently: met results with records of the last 30 days, with those dates', () => {
    const set = buildWorklists({ audit, catalog: QINGPU_2024_CATALOG, registry, activities, town: 'zhujiajiao', windows: { recentDays: 181 } });
    const recent = set.lists[0]!.recent;
    expect(recent.length).toBeGreaterThan(0);
    for (const d of recent) {
      const result = audit.units.find((u) => u.unitId === d.unitId)!.results.find((r) => r.requirementId === d.requirementId)!;
      expect(result.status).toBe('met');
      for (const date of d.dates) {
        expect(date >= '2026-01-01' && date <= '2026-06-30').toBe(true);
        expect(activities.some((a: Activity) => a.unitId === d.unitId && a.date === date)).toBe(true);
      }
    }
    // Newest first.
    expect(recent.map((d) => d.dates[0])).toEqual([...recent.map((d) => d.dates[0])].sort().reverse());
  });

  it('one unit: only its own results', () => {
    const unit = registry.units.find((u) => u.kind === 'school' && u.town === 'zhujiajiao')!;
    const set = buildWorklists({ audit, catalog: QINGPU_2024_CATALOG, registry, activities, unit: unit.id });
    expect(set.lists).toMatchObject([{ scope: 'unit', id: unit.id, town: 'zhujiajiao', units: 1 }]);
    const items = [...set.lists[0]!.overdue, ...set.lists[0]!.dueSoon, ...set.lists[0]!.dueLater, ...set.lists[0]!.occasionSoon, ...set.lists[0]!.laterThisYear];
    for (const i of items) expect(i.units).toEqual([{ unitId: unit.id, name: unit.name }]);
  });

  it('takes a town by its name in the registry as well as by its id', () => {
    const byId = buildWorklists({ audit, catalog: QINGPU_2024_CATALOG, registry, activities, town: 'zhujiajiao' });
    const name = registry.towns.find((t) => t.id === 'zhujiajiao')!.name;
    expect(buildWorklists({ audit, catalog: QINGPU_2024_CATALOG, registry, activities, town: name })).toEqual(byId);
  });

  it('an unknown town or unit is a named error', () => {
    expect(() => buildWorklists({ audit, catalog: QINGPU_2024_CATALOG, registry, activities, town: 'nowhere' })).toThrow(WorklistScopeError);
    expect(() => buildWorklists({ audit, catalog: QINGPU_2024_CATALOG, registry, activities, unit: 'nobody' })).toThrow(WorklistScopeError);
  });
});

describe('windows and items, worked out by hand', () => {
  const small: Registry = {
    district: { id: 'test', name: '测试区', region: 'shanghai' },
    towns: [{ id: 't1', name: '甲镇', type: 'town' }],
    units: [
      { id: 'tw', name: '甲镇工作组', kind: 'town', town: 't1' },
      { id: 's1', name: '甲学校', kind: 'school', town: 't1' },
    ],
  };
  const acts: Activity[] = [
    { unitId: 's1', kind: 'evacuation-drill', date: '2026-06-10', reference: 'r' },
    { unitId: 's1', kind: 'activity-news-reported', date: '2026-06-11', reference: 'r' },
  ];
  it('the annual plan is overdue from 1 March with its clause and evidence; the drill is done recently', async () => {
    const a = await runAudit({ catalog: QINGPU_2024_CATALOG, registry: small, activities: acts, year: 2026, asOf: '2026-06-30' });
    const list = buildWorklists({ audit: a, catalog: QINGPU_2024_CATALOG, registry: small, activities: acts }).lists[0]!;
    const plan = list.overdue.find((i) => i.requirementId === 'qp2024.general.annual-plan')!;
    expect(plan).toMatchObject({ clause: '四（一）', dueDate: '2026-02-28', daysOverdue: 122, units: [{ unitId: 'tw', name: '甲镇工作组' }], evidence: { measure: 'document', kinds: [{ kind: 'annual-plan-submitted' }] } });
    expect(list.recent).toContainEqual(expect.objectContaining({ unitId: 's1', requirementId: 'qp2024.school.evacuation-drill', dates: ['2026-06-10'] }));
    // Everything else of the year is due by 31 December: after the 90-day horizon; the school
    // drill's occasion (the siren test, 2026-09-19) is inside it: preferred, not a deadline.
    expect(list.dueSoon).toEqual([]);
    expect([...list.occasionSoon, ...list.laterThisYear].every((i) => i.dueDate === '2026-12-31' && i.daysLeft === 184)).toBe(true);
    expect(list.occasionSoon.map((i) => [i.requirementId, i.preferred[0]])).toContainEqual(['qp2024.school.education-day-activities', { keyDateId: 'national-defense-education-day', date: '2026-09-19', title: { zh: '全民国防教育日', en: 'National Defence Education Day' } }]);
    // The optional local brand comes last among them.
    expect(list.laterThisYear.at(-1)).toMatchObject({ requirementId: 'qp2024.general.local-brand', tier: 'optional' });
  });
  it('as of 1 January the plan deadline falls in the 90-day window', async () => {
    const a = await runAudit({ catalog: QINGPU_2024_CATALOG, registry: small, activities: [], year: 2026, asOf: '2026-01-01' });
    const list = buildWorklists({ audit: a, catalog: QINGPU_2024_CATALOG, registry: small, activities: [] }).lists[0]!;
    expect(list.overdue).toEqual([]);
    expect(list.dueLater.map((i) => i.requirementId)).toEqual(['qp2024.general.annual-plan']);
    expect(addDays('2026-01-01', 58)).toBe(list.dueLater[0]!.dueDate);
  });
});
