import { describe, expect, it } from 'vitest';
import { QINGPU_2024_CATALOG } from '../catalogs/qingpu-2024';
import { Plan } from '../model/plan';
import { Activity } from '../model/activity';
import { Registry, UnitKind } from '../model/unit';
import { sampleActivities } from '../sample/activities';
import { sampleRegistry } from '../sample/registry';
import { planYear } from './plan-year';
import { renderPlanMarkdown } from '../report/plan-markdown';

const registry = sampleRegistry();

describe('planYear', () => {
  const plan = planYear({ catalog: QINGPU_2024_CATALOG, registry, year: 2026, region: 'shanghai' });

  it('returns a valid Plan with tasks for every unit the catalog applies to', () => {
    expect(Plan.safeParse(plan).success).toBe(true);
    const planned = new Set(plan.tasks.map((t) => t.unitId));
    for (const u of registry.units) expect(planned.has(u.id), u.id).toBe(true);
    expect(new Set(plan.tasks.map((t) => t.id)).size).toBe(plan.tasks.length);
  });

  it('dates the notice: plans by 28 Feb, drills on 12 May, Education Day and 9 November', () => {
    const town = plan.tasks.find((t) => t.requirementId === 'qp2024.general.annual-plan' && t.unitId === 'town-zhujiajiao')!;
    expect(town.due).toEqual({ type: 'deadline', date: '2026-02-28' });
    // The notice names drill occasions with 等 and sets no date: one task for the year, the days preferred.
    const drills = plan.tasks.filter((t) => t.requirementId === 'qp2024.enterprise.drills' && t.unitId === 'ent-zhujiajiao-1');
    expect(drills).toHaveLength(1);
    expect(drills[0]!.due).toEqual({ type: 'deadline', date: '2026-12-31' });
    expect(drills[0]!.flags).toContain('notice-sets-no-date');
    expect(drills[0]!.preferred!.map((p) => p.date)).toEqual(['2026-09-19', '2026-05-12', '2026-11-09']);
    expect(plan.milestones.map((m) => `${m.date} ${m.kind}`)).toEqual(
      expect.arrayContaining(['2026-02-28 deadline', '2026-05-12 drill', '2026-09-19 publicity', '2026-09-19 siren-test', '2026-11-09 drill']),
    );
    const siren = plan.milestones.find((m) => m.kind === 'siren-test')!;
    expect(siren.phases?.map((p) => p.start)).toEqual(['2026-09-19T11:35:00+08:00', '2026-09-19T11:45:00+08:00', '2026-09-19T11:55:00+08:00']);
    expect(plan.milestones.find((m) => m.kind === 'drill')!.requirementIds).toContain('qp2024.enterprise.drills');
    expect(plan.milestones.filter((m) => m.kind === 'report').map((m) => m.date)).toEqual(['2026-05-19', '2026-09-24', '2026-11-16']); // 20 Sept 2026 is a make-up working day;
  });

  it('flags a deadline on a non-working day and moves it when the catalog asks', () => {
    // 2025-02-28 is a Friday; 2027-02-28 a Sunday.
    const p2027 = planYear({ catalog: QINGPU_2024_CATALOG, registry, year: 2027 });
    const task = p2027.tasks.find((t) => t.requirementId === 'qp2024.general.annual-plan')!;
    expect(task.flags).toEqual(expect.arrayContaining(['non-workday', 'no-holiday-data']));
    expect(p2027.warnings.some((w) => w.en.includes('2027'))).toBe(true);
    const moving = { ...QINGPU_2024_CATALOG, requirements: QINGPU_2024_CATALOG.requirements.map((r) => (r.id === 'qp2024.general.annual-plan' ? { ...r, due: { type: 'by-key-date' as const, keyDate: 'annual-plan-deadline', offsetDays: 0, onNonWorkday: 'previous-workday' as const } } : r)) };
    const moved = planYear({ catalog: moving, registry, year: 2027 }).tasks.find((t) => t.requirementId === 'qp2024.general.annual-plan')!;
    expect(moved.due).toEqual({ type: 'deadline', date: '2027-02-26' });
    expect(moved.flags).toContain('moved');
  });

  it('optionally puts school drills on the school day before a weekend siren test', () => {
    const p = planYear({ catalog: QINGPU_2024_CATALOG, registry, year: 2026, schoolDrillBeforeWeekend: true });
    const drill = p.tasks.find((t) => t.requirementId === 'qp2024.school.evacuation-drill')!;
    expect(drill.due).toEqual({ type: 'window', start: '2026-09-18', end: '2026-09-18', on: '2026-09-18' });
    expect(drill.flags).toContain('school-day-before-weekend');
  });

  it('is deterministic', () => {
    expect(JSON.stringify(planYear({ catalog: QINGPU_2024_CATALOG, registry, year: 2026 }))).toBe(JSON.stringify(plan));
  });

  it('the sample registry covers every unit kind and is labelled synthetic', () => {
    expect(new Set(registry.units.map((u) => u.kind))).toEqual(new Set(UnitKind.options));
    expect(registry.district.synthetic).toBe(true);
    expect(registry.units.length).toBeGreaterThan(200);
    expect(Registry.safeParse(registry).success).toBe(true);
  });

  it('the sample activity log is valid, deterministic and names only registry units', () => {
    const log = sampleActivities(2026);
    expect(JSON.stringify(sampleActivities(2026))).toBe(JSON.stringify(log));
    expect(log.every((a) => Activity.safeParse(a).success)).toBe(true);
    const ids = new Set(registry.units.map((u) => u.id));
    expect(log.every((a) => ids.has(a.unitId))).toBe(true);
    expect(log.length).toBeGreaterThan(1000);
  });

  it('warns outside the notice\'s period: before 2024-05-13 and after the 十四五 years', () => {
    expect(plan.warnings.some((w) => w.zh.includes('十四五') && w.en.includes('2026'))).toBe(true);
    const p2025 = planYear({ catalog: QINGPU_2024_CATALOG, registry, year: 2025 });
    expect(p2025.warnings.some((w) => w.zh.includes('十四五') || w.zh.includes('施行'))).toBe(false);
    const p2024 = planYear({ catalog: QINGPU_2024_CATALOG, registry, year: 2024 });
    expect(p2024.warnings.map((w) => w.en)).toContain('青国动〔2024〕10号 took effect on 2024-05-13: the part of 2024 before that date is not bound by it; treat the results as indicative');
    const p2023 = planYear({ catalog: QINGPU_2024_CATALOG, registry, year: 2023 });
    expect(p2023.warnings.some((w) => w.en.includes('all of 2023 is before it'))).toBe(true);
  });

  it('plan.md lists each sector once, in the notice\'s order, and labels defaults and no-date work', () => {
    const md = renderPlanMarkdown(plan, 'zh');
    const headings = md.split('\n').filter((l) => l.startsWith('### ')).map((l) => l.slice(4));
    expect(headings).toEqual(['进党校（三（一））', '进机关（三（二））', '进学校（三（三））', '进企业（三（四））', '进社区（三（五））', '进网络（三（六））', '有关要求']);
    expect(md).toContain('每次活动后 5 个工作日内（默认，可调整）');
    expect(md).toContain('通知未规定日期：本年内任意时间（至 2026-12-31）；首选时机 2026-09-19、2026-05-12、2026-11-09');
  });
});
