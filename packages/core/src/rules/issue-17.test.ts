/**
 * Issue 17's cases as a table, per requirement: the evidence, the as-of date, and the status and
 * reason it must give (met / not met / pending). Read the notice (青国动〔2024〕10号) for each row.
 */
import { describe, expect, it } from 'vitest';
import { QINGPU_2024_CATALOG } from '../catalogs/qingpu-2024';
import type { Activity, ActivityKind } from '../model/activity';
import type { Status } from '../model/evaluation';
import type { UnitKind } from '../model/unit';
import { createEvaluator } from './evaluate';

const evaluator = createEvaluator(QINGPU_2024_CATALOG);
const act = (kind: ActivityKind, date: string, extra: Partial<Activity> = {}): Activity => ({ unitId: 'u', kind, date, reference: 'r', ...extra });
const END = '2026-12-31';
const JUNE = '2026-06-30';

interface Row {
  case: string;
  requirement: string;
  unit: UnitKind;
  evidence: Activity[];
  asOf: string;
  status: Status;
  /** A fragment of the Chinese reason that names what decided it. */
  reason?: string;
}

const TABLE: Row[] = [
  // 一 ask, its own evidence.
  { case: 'a liaison record is no co-building agreement (三（一）)', requirement: 'party-school.cobuilding-agreement', unit: 'party-school', evidence: [act('liaison-mechanism', '2025-03-01')], asOf: END, status: 'not-met' },
  { case: '…and is not yet overdue mid-year', requirement: 'party-school.cobuilding-agreement', unit: 'party-school', evidence: [act('liaison-mechanism', '2025-03-01')], asOf: JUNE, status: 'pending' },
  { case: 'the agreement, signed 2023, counts (made once)', requirement: 'party-school.cobuilding-agreement', unit: 'party-school', evidence: [act('cobuilding-agreement', '2023-04-01')], asOf: END, status: 'met', reason: '依据 2023-04-01「签订共建协议」记录（一次性要求，往年记录有效）' },
  { case: 'the liaison record meets the liaison ask', requirement: 'party-school.liaison', unit: 'party-school', evidence: [act('liaison-mechanism', '2025-03-01')], asOf: END, status: 'met' },
  { case: 'one display row: materials and screens met (三（四）)', requirement: 'enterprise.materials-and-screens', unit: 'enterprise', evidence: [act('display', '2026-05-01')], asOf: END, status: 'met' },
  { case: '…not the publicity site', requirement: 'enterprise.publicity-site', unit: 'enterprise', evidence: [act('display', '2026-05-01')], asOf: END, status: 'not-met' },
  { case: '…not daily management', requirement: 'enterprise.daily-management', unit: 'enterprise', evidence: [act('display', '2026-05-01')], asOf: END, status: 'not-met' },
  { case: 'daily management: the written integration, 2024', requirement: 'enterprise.daily-management', unit: 'enterprise', evidence: [act('management-integration', '2024-07-01')], asOf: END, status: 'met', reason: '2024-07-01' },
  { case: 'an education-base visit is no shelter visit (三（五）)', requirement: 'community.shelter-visit', unit: 'community', evidence: [act('education-base-visit', '2026-05-01')], asOf: END, status: 'not-met' },
  { case: 'a shelter visit', requirement: 'community.shelter-visit', unit: 'community', evidence: [act('shelter-visit', '2026-05-01')], asOf: END, status: 'met' },
  { case: 'school liaison is judged per school: a school without its record', requirement: 'school.liaison', unit: 'school', evidence: [], asOf: END, status: 'not-met' },
  { case: '…and with it', requirement: 'school.liaison', unit: 'school', evidence: [act('liaison-mechanism', '2022-09-01')], asOf: END, status: 'met', reason: '2022-09-01' },
  { case: 'a town\'s own liaison record is not the schools\'', requirement: 'school.liaison', unit: 'town', evidence: [act('liaison-mechanism', '2022-09-01')], asOf: END, status: 'not-applicable' },
  { case: 'a training is no study-group session (三（二）)', requirement: 'organ.study-session', unit: 'organ', evidence: [act('training', '2026-04-01'), act('cadre-training', '2026-04-01')], asOf: END, status: 'not-met' },
  { case: 'a study-group session', requirement: 'organ.study-session', unit: 'organ', evidence: [act('study-session', '2026-04-01')], asOf: END, status: 'met' },
  { case: 'a cadre training', requirement: 'organ.cadre-training', unit: 'member-unit', evidence: [act('cadre-training', '2026-04-01')], asOf: END, status: 'met' },
  { case: 'an ordinary training is no cadre training', requirement: 'organ.cadre-training', unit: 'member-unit', evidence: [act('training', '2026-04-01')], asOf: END, status: 'not-met' },
  // No deadlines or windows the notice does not set.
  { case: 'school publicity on 12-04 (法治宣传日) counts', requirement: 'school.education-day-activities', unit: 'school', evidence: [act('concentrated-publicity', '2026-12-04')], asOf: END, status: 'met' },
  { case: 'a school contest on 11-09 (消防日) counts', requirement: 'school.education-day-activities', unit: 'school', evidence: [act('contest', '2026-11-09')], asOf: END, status: 'met' },
  { case: 'an enterprise drill in June (安全生产月) counts', requirement: 'enterprise.drills', unit: 'enterprise', evidence: [act('evacuation-drill', '2026-06-16')], asOf: END, status: 'met' },
  { case: 'no enterprise drill yet in November: pending, not failed', requirement: 'enterprise.drills', unit: 'park', evidence: [], asOf: '2026-11-30', status: 'pending' },
  { case: 'a community plan revised on 10-10 counts (每年修订完善)', requirement: 'community.plan-revision', unit: 'community', evidence: [act('evacuation-plan-revised', '2026-10-10')], asOf: END, status: 'met' },
  { case: 'the annual plan after the end of February is late (the notice\'s own date)', requirement: 'general.annual-plan', unit: 'town', evidence: [act('annual-plan-submitted', '2026-03-02')], asOf: END, status: 'not-met' },
  { case: 'one self-rescue skill trained: met under the default, labelled', requirement: 'community.self-rescue-training', unit: 'community', evidence: [act('training', '2026-09-10', { topics: ['cpr'] })], asOf: END, status: 'met', reason: 'minTopics = 1（默认，可调整）' },
  { case: 'one post: under the default minimum, labelled', requirement: 'network.education-day-intensity', unit: 'town', evidence: [act('online-publicity', '2026-04-15')], asOf: END, status: 'not-met', reason: 'minPosts = 2（默认，可调整）' },
  // Earlier years, one rule.
  { case: 'a 2010 school plan counts, and the reason names its date', requirement: 'school.evacuation-plan', unit: 'school', evidence: [act('evacuation-plan-compiled', '2010-03-01')], asOf: END, status: 'met', reason: '依据 2010-03-01「编制疏散方案」记录（一次性要求，往年记录有效）' },
  { case: 'a 2025 drill does not count in 2026', requirement: 'school.evacuation-drill', unit: 'school', evidence: [act('evacuation-drill', '2025-09-19')], asOf: END, status: 'not-met', reason: '仅计 2026 年内' },
  { case: 'a 2025 community plan revision does not count in 2026', requirement: 'community.plan-revision', unit: 'community', evidence: [act('evacuation-plan-revised', '2025-10-10')], asOf: JUNE, status: 'pending' },
  // News after activities only.
  { case: 'setting up a mechanism or a team needs no news report', requirement: 'general.news-report', unit: 'enterprise', evidence: [act('liaison-mechanism', '2026-03-01'), act('team-established', '2026-03-01'), act('display', '2026-03-01')], asOf: END, status: 'not-assessed' },
  { case: 'a drill does', requirement: 'general.news-report', unit: 'enterprise', evidence: [act('evacuation-drill', '2026-06-16')], asOf: END, status: 'not-met', reason: '未按时报送新闻的活动数为 1' },
  { case: 'a drill reported within the default 5 working days', requirement: 'general.news-report', unit: 'enterprise', evidence: [act('evacuation-drill', '2026-06-16'), act('activity-news-reported', '2026-06-19')], asOf: END, status: 'met', reason: 'newsReportWorkdays = 5（默认，可调整）' },
];

describe.each(TABLE)('qp2024.$requirement: $case', (row) => {
  it(`is ${row.status}`, async () => {
    const results = await evaluator.evaluateUnit({ unit: { id: 'u', name: '单位', kind: row.unit }, activities: row.evidence, year: 2026, asOf: row.asOf });
    const r = results.find((x) => x.requirementId === `qp2024.${row.requirement}`)!;
    expect(r.status, r.reason.zh).toBe(row.status);
    if (row.reason) expect(r.reason.zh).toContain(row.reason);
  });
});
