/**
 * Table tests for every requirement of the built-in catalog, the way typescript-eslint tests its
 * rules: a unit and activities that meet it, a case that does not (with the reason), and a unit
 * it does not apply to. A test also checks that the table covers the whole catalog.
 */
import { describe, expect, it } from 'vitest';
import { QINGPU_2024_CATALOG } from '../catalogs/qingpu-2024';
import type { Activity, ActivityKind } from '../model/activity';
import type { Unit, UnitKind } from '../model/unit';
import { createEvaluator } from './evaluate';

const YEAR = 2026;
const ED = '2026-09-19';
const evaluator = createEvaluator(QINGPU_2024_CATALOG);

function act(kind: ActivityKind, date: string, extra: Partial<Activity> = {}): Activity {
  return { unitId: 'u', kind, date, reference: 'ref', ...extra };
}

interface Case {
  kind: UnitKind;
  /** Activities that meet the requirement for 2026. */
  meet: Activity[];
  /** Activities that do not (default: none), and a fragment of the English reason expected. */
  fail?: Activity[];
  failReason: string;
  /** A unit kind it does not apply to. */
  other: UnitKind;
}

const topics = (...t: string[]) => ({ topics: t });

const CASES: Record<string, Case> = {
  'party-school.liaison': { kind: 'party-school', meet: [act('liaison-mechanism', '2025-06-01')], failReason: 'evidence records', other: 'school' },
  'party-school.cobuilding-agreement': { kind: 'party-school', meet: [act('cobuilding-agreement', '2025-06-01')], fail: [act('liaison-mechanism', '2025-06-01')], failReason: 'evidence records', other: 'school' },
  'party-school.course': { kind: 'party-school', meet: [act('course', '2026-04-01')], fail: [act('course', '2025-04-01')], failReason: 'in the audited period is 0', other: 'organ' },
  'party-school.education-base-visit': { kind: 'party-school', meet: [act('education-base-visit', '2026-05-01')], failReason: 'is 0', other: 'school' },
  'party-school.display': { kind: 'party-school', meet: [act('display', '2026-03-01', topics('books', 'posters', 'films'))], fail: [act('display', '2026-03-01', topics('books', 'posters'))], failReason: 'required topics covered is 2 (needs ≥ 3)', other: 'community' },
  'party-school.education-day-publicity': { kind: 'party-school', meet: [act('concentrated-publicity', '2026-08-01')], fail: [act('concentrated-publicity', '2025-09-20')], failReason: 'in the audited period is 0', other: 'school' },
  'party-school.shelter-as-site': { kind: 'party-school', meet: [act('site-established', '2024-01-01')], failReason: 'is 0', other: 'organ' },
  'party-school.community-outreach': { kind: 'party-school', meet: [act('training', '2026-07-01', topics('community-volunteers'))], fail: [act('training', '2026-07-01')], failReason: 'required topics covered is 0', other: 'community' },
  'organ.study-session': { kind: 'organ', meet: [act('study-session', '2026-03-10')], fail: [act('training', '2026-03-10'), act('cadre-training', '2026-03-10')], failReason: 'is 0', other: 'school' },
  'organ.cadre-training': { kind: 'town', meet: [act('cadre-training', '2026-03-10')], fail: [act('study-session', '2026-03-10'), act('training', '2026-03-10')], failReason: 'is 0', other: 'school' },
  'organ.display': { kind: 'member-unit', meet: [act('display', '2026-03-10')], failReason: 'is 0', other: 'school' },
  'organ.online-push': { kind: 'town', meet: [act('online-publicity', '2026-03-10')], failReason: 'is 0', other: 'enterprise' },
  'organ.education-base-visit': { kind: 'organ', meet: [act('education-base-visit', '2026-10-10')], failReason: 'is 0', other: 'community' },
  'organ.evacuation-drill': { kind: 'organ', meet: [act('evacuation-drill', '2026-09-18')], failReason: 'is 0', other: 'party-school' },
  'school.liaison': { kind: 'school', meet: [act('liaison-mechanism', '2023-09-01')], failReason: 'is 0', other: 'town' },
  'school.curriculum': { kind: 'school', meet: [act('course', '2026-10-10')], failReason: 'is 0', other: 'enterprise' },
  'school.online-and-screens': { kind: 'school', meet: [act('display', '2026-10-10')], failReason: 'is 0', other: 'community' },
  'school.education-day-activities': { kind: 'school', meet: [act('contest', '2026-12-04')], fail: [act('contest', '2025-09-20')], failReason: 'in the audited period is 0', other: 'enterprise' },
  'school.evacuation-plan': { kind: 'school', meet: [act('evacuation-plan-compiled', '2025-05-01')], failReason: 'is 0', other: 'community' },
  'school.evacuation-drill': { kind: 'school', meet: [act('evacuation-drill', '2026-09-18')], fail: [act('evacuation-drill', '2025-09-18')], failReason: 'is 0', other: 'enterprise' },
  'enterprise.working-group': { kind: 'enterprise', meet: [act('team-established', '2022-01-01')], failReason: 'is 0', other: 'school' },
  'enterprise.coordination-mechanism': { kind: 'park', meet: [act('liaison-mechanism', '2026-01-01')], failReason: 'is 0', other: 'school' },
  'enterprise.drill-plan': { kind: 'enterprise', meet: [act('evacuation-plan-revised', '2026-01-01')], failReason: 'is 0', other: 'community' },
  'enterprise.drills': { kind: 'enterprise', meet: [act('evacuation-drill', '2026-06-16')], fail: [act('evacuation-drill', '2025-11-09')], failReason: 'in the audited period is 0', other: 'school' },
  'enterprise.publicity-site': { kind: 'enterprise', meet: [act('site-established', '2019-06-01')], fail: [act('display', '2026-06-01')], failReason: 'is 0', other: 'school' },
  'enterprise.materials-and-screens': { kind: 'park', meet: [act('display', '2026-06-01')], fail: [act('site-established', '2026-06-01')], failReason: 'is 0', other: 'school' },
  'enterprise.education-day-publicity': { kind: 'park', meet: [act('concentrated-publicity', '2026-10-19')], fail: [act('concentrated-publicity', '2025-09-20')], failReason: 'in the audited period is 0', other: 'school' },
  'enterprise.daily-management': { kind: 'enterprise', meet: [act('management-integration', '2024-06-01')], fail: [act('display', '2026-06-01'), act('training', '2026-06-01')], failReason: 'is 0', other: 'organ' },
  'community.sites': { kind: 'community', meet: [act('site-established', '2025-06-01', topics('micro-exhibition'))], fail: [act('site-established', '2025-06-01')], failReason: 'required topics covered is 0', other: 'school' },
  'community.volunteer-team': { kind: 'community', meet: [act('team-established', '2024-06-01')], failReason: 'is 0', other: 'school' },
  'community.shelter-visit': { kind: 'community', meet: [act('shelter-visit', '2026-06-01')], fail: [act('education-base-visit', '2026-06-01')], failReason: 'is 0', other: 'enterprise' },
  'community.self-rescue-training': { kind: 'community', meet: [act('training', '2026-09-15', topics('cpr', 'bandaging')), act('siren-listening', ED, topics('siren-listening'))], fail: [act('training', '2026-09-15')], failReason: 'required topics covered is 0 (needs ≥ 1)', other: 'school' },
  'community.plan-revision': { kind: 'community', meet: [act('evacuation-plan-revised', '2026-10-10')], fail: [act('evacuation-plan-revised', '2025-10-01')], failReason: 'in the audited period is 0', other: 'school' },
  'community.training-and-drill': { kind: 'community', meet: [act('training', '2026-09-12'), act('evacuation-drill', ED)], fail: [act('evacuation-drill', ED)], failReason: '"training" activities this year is 0', other: 'school' },
  'network.platforms': { kind: 'town', meet: [act('online-publicity', '2026-02-01')], failReason: 'is 0', other: 'school' },
  'network.products': { kind: 'member-unit', meet: [act('media-product', '2026-02-01')], failReason: 'is 0', other: 'community' },
  'network.media-cooperation': { kind: 'town', meet: [act('online-publicity', '2026-02-01', topics('media-cooperation'))], fail: [act('online-publicity', '2026-02-01')], failReason: 'required topics covered is 0', other: 'school' },
  'network.education-day-intensity': { kind: 'town', meet: [act('online-publicity', '2026-04-15'), act('online-publicity', ED)], fail: [act('online-publicity', ED)], failReason: 'in the audited period is 1 (needs ≥ 2); only records dated in 2026 (up to the as-of date) count; minPosts = 2 (default, adjustable)', other: 'school' },
  'network.district-supply': { kind: 'district-office', meet: [act('media-product', '2026-05-01')], failReason: 'is 0', other: 'town' },
  'general.annual-plan': { kind: 'town', meet: [act('annual-plan-submitted', '2026-02-27')], fail: [act('annual-plan-submitted', '2026-03-02')], failReason: 'in the audited period is 0', other: 'school' },
  'general.local-brand': { kind: 'member-unit', meet: [act('brand-initiative', '2026-05-01')], failReason: 'is 0', other: 'school' },
  'general.long-term-mechanism': { kind: 'party-school', meet: [act('work-summary', '2026-12-01')], failReason: 'is 0', other: 'school' },
  'general.funding': { kind: 'town', meet: [act('budget-allocated', '2026-01-15')], failReason: 'is 0', other: 'school' },
  'general.work-records': { kind: 'school', meet: [act('course', '2026-03-01')], fail: [act('course', '2026-03-01', { reference: undefined })], failReason: 'activities without a reference to evidence is 1', other: 'district-office' },
  'general.news-report': { kind: 'community', meet: [act('training', '2026-09-14'), act('activity-news-reported', '2026-09-16')], fail: [act('training', '2026-09-14'), act('activity-news-reported', '2026-10-30')], failReason: 'activities not reported on time is 1', other: 'district-office' },
};

async function statusOf(id: string, kind: UnitKind, activities: Activity[], asOf = `${YEAR}-12-31`) {
  const unit: Unit = { id: 'u', name: '测试单位', kind, town: 'zhujiajiao' };
  const results = await evaluator.evaluateUnit({ unit, activities, year: YEAR, asOf });
  return results.find((r) => r.requirementId === `qp2024.${id}`)!;
}

describe('the requirement table covers the catalog', () => {
  it('has a case for every requirement and no case for a missing one', () => {
    expect(Object.keys(CASES).map((k) => `qp2024.${k}`).sort()).toEqual(QINGPU_2024_CATALOG.requirements.map((r) => r.id).sort());
  });
});

describe.each(Object.entries(CASES))('qp2024.%s', (id, c) => {
  it('is met by the evidence, and names it', async () => {
    const r = await statusOf(id, c.kind, c.meet);
    expect(r.status, r.reason.en).toBe('met');
    expect(r.reason.en).toMatch(/^met: /);
    expect(r.reason.zh).toMatch(/^已满足：/);
    expect(r.evidence.length).toBeGreaterThan(0);
  });

  it('is not met without it, with the failing condition as the reason', async () => {
    const r = await statusOf(id, c.kind, c.fail ?? []);
    expect(r.status, r.reason.en).toBe('not-met');
    expect(r.reason.en).toContain(c.failReason);
    expect(r.reason.zh).toMatch(/^未满足：/);
  });

  it(`does not apply to a ${c.other}`, async () => {
    const r = await statusOf(id, c.other, c.meet);
    expect(r.status).toBe('not-applicable');
    expect(r.reason.en).toContain('does not apply');
  });
});

describe('statuses beyond met and not met', () => {
  it('work not yet due is pending, not failed (an audit in June)', async () => {
    const r = await statusOf('school.evacuation-drill', 'school', [], '2026-06-30');
    expect(r.status).toBe('pending');
    expect(r.dueDate).toBe('2026-12-31');
    const ed = await statusOf('community.training-and-drill', 'community', [], '2026-06-30');
    expect(ed.status).toBe('pending');
  });

  it('news of a unit with no activities is not assessed, never a failure', async () => {
    expect((await statusOf('general.news-report', 'community', [])).status).toBe('not-assessed');
    expect((await statusOf('general.work-records', 'school', [])).status).toBe('not-met');
  });

  it('a waiver holds until it expires', async () => {
    const unit: Unit = { id: 'u', name: 'x', kind: 'school' };
    const waivers = [{ unitId: 'u', requirementId: 'qp2024.school.evacuation-drill', justification: '校舍改造', expires: '2026-12-31' }];
    const [waived] = (await evaluator.evaluateUnit({ unit, activities: [], year: YEAR, waivers })).filter((r) => r.requirementId === 'qp2024.school.evacuation-drill');
    expect(waived).toMatchObject({ status: 'waived', waiver: waivers[0] });
    const expired = (await evaluator.evaluateUnit({ unit, activities: [], year: 2027, asOf: '2027-12-31', waivers })).find((r) => r.requirementId === 'qp2024.school.evacuation-drill');
    expect(expired!.status).toBe('not-met');
  });

  it('enterprise drills stay pending until the period ends: the notice sets no drill day', async () => {
    const r = await statusOf('enterprise.drills', 'enterprise', [], '2026-11-30');
    expect(r.status).toBe('pending');
  });
});
