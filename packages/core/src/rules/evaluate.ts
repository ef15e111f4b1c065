/**
 * Evaluation of a unit against a catalog for a year. json-rules-engine is the reference
 * semantics: one engine per evaluator holds every requirement's applies-to and compliance rules
 * (evidence facts namespaced per requirement), built once and run once per unit.
 */
import { Engine, type RuleResult } from 'json-rules-engine';
import { keyDatesFor } from '../dates/key-dates';
import { defaultWorkdayCalendar, type WorkdayCalendar } from '../dates/workdays';
import type { Activity } from '../model/activity';
import type { Condition } from '../model/condition';
import type { RequirementResult, Waiver } from '../model/evaluation';
import type { KeyDate, RegionProfile } from '../model/key-date';
import type { Catalog, Requirement } from '../model/requirement';
import type { LocalizedText } from '../model/text';
import { rolesOf, type Unit } from '../model/unit';
import { evidenceFacts } from './evidence';
import { FACTS, groupActivities } from './facts';
import { activityId } from './ids';
import { describeLeaves, type Leaf } from './reasons';
import { scheduleRequirement, type Schedule } from './schedule';
import { resolvePath, traceCondition } from './compile';

export interface EvaluatorOptions {
  region?: string | RegionProfile;
  workdays?: WorkdayCalendar;
  /**
   * `rules-engine` (default) runs json-rules-engine, the reference semantics; `compiled` runs the
   * same conditions as plain functions (many times faster for large audits). A differential
   * property test holds both to identical statuses and reasons.
   */
  engine?: 'rules-engine' | 'compiled';
}

export interface EvaluateUnitInput {
  unit: Unit;
  /** The unit's activities (others are ignored); any years. */
  activities: readonly Activity[];
  year: number;
  /** Judge as of this date (default: 31 December of the year). */
  asOf?: string;
  waivers?: readonly Waiver[];
}

export interface Evaluator {
  readonly catalog: Catalog;
  evaluateUnit(input: EvaluateUnitInput): Promise<RequirementResult[]>;
  /** The schedule of a requirement in a year (shared with the planner). */
  schedule(requirement: Requirement, year: number): Schedule;
}

const UNIT_FACTS = new Set(FACTS.filter((f) => f.scope === 'unit').map((f) => f.name));

function factsOf(condition: Condition, out = new Set<string>()): Set<string> {
  if ('all' in condition) condition.all.forEach((c) => factsOf(c, out));
  else if ('any' in condition) condition.any.forEach((c) => factsOf(c, out));
  else if ('not' in condition) factsOf(condition.not, out);
  else if ('fact' in condition) out.add(condition.fact);
  return out;
}

/** Prefixes evidence facts with the requirement's index so one engine can hold every rule. */
function namespaced(condition: Condition, prefix: string): Condition {
  if ('all' in condition) return { ...condition, all: condition.all.map((c) => namespaced(c, prefix)) };
  if ('any' in condition) return { ...condition, any: condition.any.map((c) => namespaced(c, prefix)) };
  if ('not' in condition) return { ...condition, not: namespaced(condition.not, prefix) };
  if ('fact' in condition && !UNIT_FACTS.has(condition.fact)) return { ...condition, fact: `${prefix}${condition.fact}` };
  return condition;
}

const topLevel = (c: Condition): Condition => ('all' in c || 'any' in c || 'not' in c ? c : { all: [c] });


/** Evidence facts a condition names but the requirement did not compute read as 0, as in the engine path. */
function withDefaults(names: readonly string[], facts: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of names) out[name] = facts[name] ?? 0;
  return out;
}

interface Outcome {
  result: boolean;
  conditions: Leaf;
}

interface Prepared {
  req: Requirement;
  prefix: string;
  facts: string[];
  unitFacts: string[];
}

export function createEvaluator(catalog: Catalog, options: EvaluatorOptions = {}): Evaluator {
  const calendar = options.workdays ?? defaultWorkdayCalendar();
  // Catalogs are data: paths are resolved by plain property access, never by JSONPath script.
  const engine = new Engine([], { allowUndefinedFacts: true, pathResolver: resolvePath });
  const prepared: Prepared[] = catalog.requirements.map((req, i) => {
    const prefix = `r${i}|`;
    engine.addRule({ name: `${i}:applies`, conditions: topLevel(namespaced(req.appliesTo, prefix)) as never, event: { type: 'applies' }, priority: 1 });
    engine.addRule({ name: `${i}:complies`, conditions: topLevel(namespaced(req.compliance, prefix)) as never, event: { type: 'complies' }, priority: 1 });
    const all = new Set([...factsOf(req.appliesTo), ...factsOf(req.compliance)]);
    return { req, prefix, facts: [...all].filter((f) => !UNIT_FACTS.has(f)), unitFacts: [...factsOf(req.compliance)].filter((f) => UNIT_FACTS.has(f)) };
  });
  const compiled = options.engine === 'compiled';
  const traced = prepared.map((p) => ({ applies: topLevel(p.req.appliesTo), complies: topLevel(p.req.compliance) }));
  const runEngine = async (facts: Record<string, unknown>) => {
    const { results, failureResults } = await engine.run(facts);
    return new Map<string, Outcome>([...results, ...failureResults].map((r: RuleResult) => [r.name as string, { result: Boolean(r.result), conditions: r.conditions as unknown as Leaf }]));
  };
  const runCompiled = (factsByRequirement: readonly Record<string, unknown>[]) => {
    const out = new Map<string, Outcome>();
    traced.forEach((t, i) => {
      const facts = factsByRequirement[i]!;
      const applies = traceCondition(t.applies, facts);
      out.set(`${i}:applies`, { result: applies.result, conditions: applies as Leaf });
      const complies = traceCondition(t.complies, facts);
      out.set(`${i}:complies`, { result: complies.result, conditions: complies as Leaf });
    });
    return out;
  };
  const yearCache = new Map<number, { keyDates: Map<string, KeyDate>; schedules: Schedule[] }>();
  const forYear = (year: number) => {
    let entry = yearCache.get(year);
    if (!entry) {
      const keyDates = new Map(keyDatesFor(year, { ...(options.region !== undefined ? { region: options.region } : {}), workdays: calendar }).map((k) => [k.id, k]));
      entry = { keyDates, schedules: prepared.map((p) => scheduleRequirement(p.req, year, keyDates, calendar)) };
      yearCache.set(year, entry);
    }
    return entry;
  };

  async function evaluateUnit(input: EvaluateUnitInput): Promise<RequirementResult[]> {
    const { unit, year } = input;
    const asOf = input.asOf ?? `${year}-12-31`;
    const { schedules } = forYear(year);
    const acts = groupActivities(input.activities.filter((a) => a.unitId === unit.id));
    const unitFacts: Record<string, unknown> = {
      kind: unit.kind,
      roles: rolesOf(unit),
      town: unit.town,
      communityType: unit.communityType,
      headCount: unit.headCount,
      attributes: unit.attributes ?? {},
    };
    const evidences = prepared.map((p, i) => evidenceFacts(p.req, schedules[i]!, acts, year, asOf, calendar));
    let byName: Map<string, Outcome>;
    if (compiled) {
      // Each requirement against its own small fact object: no namespacing needed.
      byName = runCompiled(evidences.map((e, i) => ({ ...unitFacts, ...withDefaults(prepared[i]!.facts, e.facts) })));
    } else {
      const facts: Record<string, unknown> = { ...unitFacts };
      prepared.forEach((p, i) => {
        for (const name of p.facts) facts[`${p.prefix}${name}`] = evidences[i]!.facts[name] ?? 0;
      });
      byName = await runEngine(facts);
    }

    return prepared.map((p, i): RequirementResult => {
      const { req } = p;
      const schedule = schedules[i]!;
      const evidence = evidences[i]!;
      const dueDate = schedule.occasions.at(-1)?.end;
      const base = { requirementId: req.id, unitId: unit.id, year, ...(dueDate ? { dueDate } : {}) };
      const result = (status: RequirementResult['status'], reasonCode: string, reason: LocalizedText, evidenceIds: string[] = []): RequirementResult => ({ ...base, status, reasonCode, reason, evidence: evidenceIds });
      const waiver = input.waivers?.find((w) => w.unitId === unit.id && w.requirementId === req.id && w.expires >= asOf);
      if (waiver) return { ...result('waived', 'waived', { zh: `已豁免（至 ${waiver.expires}）：${waiver.justification}`, en: `waived until ${waiver.expires}: ${waiver.justification}` }), waiver };
      const applies = byName.get(`${i}:applies`)!;
      if (!applies.result) return result('not-applicable', 'not-applicable', describeLeaves(applies.conditions, p.prefix, false, 'applies'));
      const missingUnitFacts = p.unitFacts.filter((f) => unitFacts[f] === undefined);
      if (missingUnitFacts.length > 0) {
        return result('not-assessed', 'missing-facts', { zh: `缺少单位信息：${missingUnitFacts.join('、')}`, en: `missing unit facts: ${missingUnitFacts.join(', ')}` });
      }
      if (schedule.missingKeyDates.length > 0 && schedule.occasions.length === 0) {
        return result('not-assessed', 'no-key-date', { zh: `本年没有关键日期：${schedule.missingKeyDates.join('、')}`, en: `no such key date this year: ${schedule.missingKeyDates.join(', ')}` });
      }
      if (req.due.type === 'after-each-activity' && evidence.facts.newsDueCount === 0) {
        return evidence.newsOpenCount > 0
          ? result('pending', 'news-not-yet-due', { zh: `有 ${evidence.newsOpenCount} 项活动的新闻报送尚未到期`, en: `${evidence.newsOpenCount} activities' news reports are not yet due` })
          : result('not-assessed', 'no-activities', { zh: '本年尚无需要报送新闻的活动', en: 'no activities to report on yet this year' });
      }
      const complies = byName.get(`${i}:complies`)!;
      const ids = evidence.used.map(activityId);
      if (complies.result) return result('met', 'conditions-met', describeLeaves(complies.conditions, p.prefix, true, 'complies'), ids);
      // Not met yet: pending while the work can still be done on time.
      const due = req.due;
      const stillOpen =
        due.type === 'each-key-date'
          ? Number(evidence.facts.occasionsWithEvidence) + schedule.occasions.filter((o) => o.end > asOf).length >= due.minOccasions
          : dueDate !== undefined && dueDate > asOf;
      const reason = describeLeaves(complies.conditions, p.prefix, false, 'complies');
      if (stillOpen) {
        return result('pending', 'not-yet-due', { zh: `未到期限${dueDate ? `（${dueDate}）` : ''}；目前：${reason.zh}`, en: `not yet due${dueDate ? ` (${dueDate})` : ''}; so far: ${reason.en}` }, ids);
      }
      return result('not-met', 'conditions-not-met', reason, ids);
    });
  }

  return { catalog, evaluateUnit, schedule: (req, year) => scheduleRequirement(req, year, forYear(year).keyDates, calendar) };
}
