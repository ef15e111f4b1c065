/**
 * Evaluation of a unit against a catalog for a year. json-rules-engine is the reference
 * semantics: one engine per evaluator holds every requirement's applies-to and compliance rules
 * (evidence facts namespaced per requirement), built once and run once per unit.
 */
import { Engine, type RuleResult } from 'json-rules-engine';
import { keyDatesFor } from '../dates/key-dates';
import { defaultWorkdayCalendar, type WorkdayCalendar } from '../dates/workdays';
import type { Activity } from '../model/activity';
import { conditionLeaves, mapFactConditions, type Condition, type FactCondition } from '../model/condition';
import type { RequirementResult, Waiver } from '../model/evaluation';
import type { KeyDate, RegionProfile } from '../model/key-date';
import type { Catalog, Requirement } from '../model/requirement';
import type { LocalizedText } from '../model/text';
import { rolesOf, type Unit } from '../model/unit';
import { evidenceFacts, type Evidence, type UnitEvidenceContext } from './evidence';
import { FACTS, groupActivities } from './facts';
import { activityId } from './ids';
import { acceptsEarlierYears, describeLeaves, withNotes, type Leaf } from './reasons';
import { scheduleRequirement, type Schedule } from './schedule';
import { compileKeyed, compileTrace, resolvePath, type TracedCondition } from './compile';
import { ValueTrie } from './value-trie';

/** Options of {@link createEvaluator}. */
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

/** One unit to judge: its activities, the year and the date judged as of. */
export interface EvaluateUnitInput {
  unit: Unit;
  /** The unit's activities (others are ignored); any years. */
  activities: readonly Activity[];
  year: number;
  /** Judge as of this date (default: 31 December of the year). */
  asOf?: string;
  waivers?: readonly Waiver[];
  /** Also return the requirements that do not apply (default true); audits leave them out. */
  includeNotApplicable?: boolean;
}

/** Judges units against a catalog. */
export interface Evaluator {
  readonly catalog: Catalog;
  /** Each requirement's result for the unit: status, reason and evidence. */
  evaluateUnit(input: EvaluateUnitInput): Promise<RequirementResult[]>;
  /** The schedule of a requirement in a year (shared with the planner). */
  schedule(requirement: Requirement, year: number): Schedule;
}

const UNIT_FACTS = new Set(FACTS.filter((f) => f.scope === 'unit').map((f) => f.name));

function factsOf(condition: Condition): Set<string> {
  return new Set(conditionLeaves<FactCondition>(condition).map((leaf) => leaf.fact));
}

/** Prefixes evidence facts with the requirement's index so one engine can hold every rule. */
function namespaced(condition: Condition, prefix: string): Condition {
  return mapFactConditions(condition, (leaf) => (UNIT_FACTS.has(leaf.fact) ? leaf : { ...leaf, fact: `${prefix}${leaf.fact}` }));
}

const topLevel = (c: Condition): Condition => ('all' in c || 'any' in c || 'not' in c ? c : { all: [c] });


interface Outcome {
  result: boolean;
  conditions: Leaf;
  /** The tree's leaves in order (`conditionLeaves(conditions)`). */
  leaves: readonly Leaf[];
}

interface Prepared {
  req: Requirement;
  prefix: string;
  facts: string[];
  unitFacts: string[];
}

/**
 * An evaluator for `catalog`: json-rules-engine by default, or compiled conditions with the same results.
 */
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
  const traced = prepared.map((p) => ({ applies: compileTrace(topLevel(p.req.appliesTo)), complies: compileTrace(topLevel(p.req.compliance)) }));
  // The result and the leaves' values without the tree; the tree (traced) only for a reason not cached.
  const keyed = prepared.map((p) => ({ applies: compileKeyed(topLevel(p.req.appliesTo)), complies: compileKeyed(topLevel(p.req.compliance)) }));
  const runEngine = async (facts: Record<string, unknown>) => {
    const { results, failureResults } = await engine.run(facts);
    return new Map<string, Outcome>([...results, ...failureResults].map((r: RuleResult) => [r.name as string, { result: Boolean(r.result), conditions: r.conditions as unknown as Leaf, leaves: conditionLeaves<Leaf>(r.conditions) }]));
  };
  const yearCache = new Map<number, { keyDates: Map<string, KeyDate>; schedules: Schedule[]; dueDates: (string | undefined)[] }>();
  const forYear = (year: number) => {
    let entry = yearCache.get(year);
    if (!entry) {
      const keyDates = new Map(keyDatesFor(year, { ...(options.region !== undefined ? { region: options.region } : {}), workdays: calendar, ...(catalog.keyDates ? { extraRules: catalog.keyDates } : {}) }).map((k) => [k.id, k]));
      const schedules = prepared.map((p) => scheduleRequirement(p.req, year, keyDates, calendar));
      // A requirement's due date is the end of its last occasion.
      entry = { keyDates, schedules, dueDates: schedules.map((s) => s.occasions.at(-1)?.end) };
      yearCache.set(year, entry);
    }
    return entry;
  };

  // Compiled path: applies-to conditions that read only unit facts are decided before any
  // evidence is prepared, and a not-applicable reason is the same for every unit with the same
  // values of those facts, so it is built once.
  const appliesOnUnitFacts = prepared.map((p) => [...factsOf(p.req.appliesTo)].every((f) => UNIT_FACTS.has(f)));
  const appliesFacts = [...new Set(prepared.flatMap((p) => [...factsOf(p.req.appliesTo)]))];
  const conditionFacts = prepared.map((p) => [...new Set([...factsOf(p.req.appliesTo), ...factsOf(p.req.compliance)])]);
  /** Per combination of the unit facts that applies-to conditions read: each requirement's not-applicable reason, or null when it applies. */
  const applicability = new ValueTrie<(LocalizedText | null | undefined)[]>(10_000);
  const applicabilityPath: unknown[] = [];
  const waiverIndex = new WeakMap<readonly Waiver[], Map<string, Waiver[]>>();
  const waiverFor = (waivers: readonly Waiver[] | undefined, unitId: string, requirementId: string, asOf: string): Waiver | undefined => {
    if (!waivers || waivers.length === 0) return undefined;
    let index = waiverIndex.get(waivers);
    if (!index) {
      index = new Map();
      for (const w of waivers) {
        const key = `${w.unitId}\u0000${w.requirementId}`;
        const list = index.get(key);
        if (list) list.push(w);
        else index.set(key, [w]);
      }
      waiverIndex.set(waivers, index);
    }
    // The first waiver in input order that has not expired, as a linear search would find.
    return index.get(`${unitId}\u0000${requirementId}`)?.find((w) => w.expires >= asOf);
  };

  // Reasons built once per requirement and outcome (compiled path): units whose deciding facts read
  // alike share one reason object. The text is a function of the requirement, the year, the first
  // record used and each leaf's shown value (its result follows from the value), so those values
  // are the path of the cache, which spares a city's audit millions of equal strings. Bounded:
  // past the bound reasons are built per unit. The reference path builds every reason, and the
  // differential test holds the cache to it.
  const reasonCache = new ValueTrie<{ reason: LocalizedText; pending?: LocalizedText }>(50_000);
  // Scratch arrays shared by every call of this evaluator: safe because each is filled and read
  // with no await in between (judging is synchronous once the facts are in).
  /** The cache's path for the reason being judged: [requirement, year, first record's date and kind, leaf values...]. */
  const reasonPath: unknown[] = [];
  /** Leaf values of applies-to conditions, read for their result only. */
  const ignoredValues: unknown[] = [];

  async function evaluateUnit(input: EvaluateUnitInput): Promise<RequirementResult[]> {
    const { unit, year } = input;
    const asOf = input.asOf ?? `${year}-12-31`;
    const { schedules, dueDates } = forYear(year);
    const acts = groupActivities(input.activities.filter((a) => a.unitId === unit.id));
    const unitFacts: Record<string, unknown> = {
      kind: unit.kind,
      roles: rolesOf(unit),
      town: unit.town,
      communityType: unit.communityType,
      headCount: unit.headCount,
      attributes: unit.attributes ?? {},
    };
    const evidences: (Evidence | undefined)[] = new Array(prepared.length);
    const shared: UnitEvidenceContext = {};
    const evidenceOf = (i: number): Evidence => (evidences[i] ??= evidenceFacts(prepared[i]!.req, schedules[i]!, acts, year, asOf, calendar, shared));
    let outcome: (i: number, which: 'applies' | 'complies') => Outcome;
    // Compiled path only: the result, without the tree, each leaf's value appended to `values`.
    let decide: ((i: number, which: 'applies' | 'complies', values: unknown[]) => boolean) | undefined;
    if (compiled) {
      // Each requirement against its own small fact object holding only the facts its conditions
      // name (evidence facts it did not compute read as 0, as in the engine path).
      const factObjects: (Record<string, unknown> | undefined)[] = new Array(prepared.length);
      const factsFor = (i: number) => {
        let facts = factObjects[i];
        if (facts !== undefined) return facts;
        const evidence = evidenceOf(i).facts;
        facts = factObjects[i] = {};
        for (const name of conditionFacts[i]!) facts[name] = UNIT_FACTS.has(name) ? unitFacts[name] : (evidence[name] ?? 0);
        return facts;
      };
      const factsOf = (i: number, which: 'applies' | 'complies') => (which === 'applies' && appliesOnUnitFacts[i] ? unitFacts : factsFor(i));
      outcome = (i, which) => {
        const t = traced[i]!;
        const leaves: TracedCondition[] = [];
        const traced_ = (which === 'applies' ? t.applies : t.complies)(factsOf(i, which), leaves);
        return { result: traced_.result, conditions: traced_ as Leaf, leaves: leaves as Leaf[] };
      };
      decide = (i, which, values) => keyed[i]![which](factsOf(i, which), values);
    } else {
      const facts: Record<string, unknown> = { ...unitFacts };
      prepared.forEach((p, i) => {
        for (const name of p.facts) facts[`${p.prefix}${name}`] = evidenceOf(i).facts[name] ?? 0;
      });
      const byName = await runEngine(facts);
      outcome = (i, which) => byName.get(`${i}:${which}`)!;
    }

    // Units alike in the facts that decide applicability share the verdicts (bounded cache).
    applicabilityPath.length = 0;
    if (compiled) for (const f of appliesFacts) applicabilityPath.push(unitFacts[f]);
    const known = applicability.get(applicabilityPath) ?? applicability.set(applicabilityPath, new Array<LocalizedText | null | undefined>(prepared.length));
    const results: RequirementResult[] = [];
    const includeNotApplicable = input.includeNotApplicable ?? true;
    for (let i = 0; i < prepared.length; i++) {
      const r = judge(i);
      if (r.status !== 'not-applicable' || includeNotApplicable) results.push(r);
    }
    return results;

    /** Requirement i's result for this unit. One object shape per result (no spreads): audits make millions of these. */
    function result(i: number, status: RequirementResult['status'], reasonCode: string, reason: LocalizedText, evidenceIds: string[] = []): RequirementResult {
      const requirementId = prepared[i]!.req.id;
      const dueDate = dueDates[i];
      return dueDate ? { requirementId, unitId: unit.id, year, dueDate, status, reasonCode, reason, evidence: evidenceIds } : { requirementId, unitId: unit.id, year, status, reasonCode, reason, evidence: evidenceIds };
    }

    function judge(i: number): RequirementResult {
      const p = prepared[i]!;
      const { req } = p;
      const schedule = schedules[i]!;
      const dueDate = dueDates[i];
      const waiver = waiverFor(input.waivers, unit.id, req.id, asOf);
      if (waiver) return { ...result(i, 'waived', 'waived', { zh: `已豁免（至 ${waiver.expires}）：${waiver.justification}`, en: `waived until ${waiver.expires}: ${waiver.justification}` }), waiver };
      if (compiled && appliesOnUnitFacts[i]) {
        let reason = known[i];
        if (reason === undefined) {
          const applies = outcome(i, 'applies');
          reason = known[i] = applies.result ? null : describeLeaves(applies.conditions, p.prefix, false, 'applies');
        }
        if (reason !== null) return result(i, 'not-applicable', 'not-applicable', reason);
      } else if (!(decide ? decide(i, 'applies', ((ignoredValues.length = 0), ignoredValues)) : outcome(i, 'applies').result)) {
        return result(i, 'not-applicable', 'not-applicable', describeLeaves(outcome(i, 'applies').conditions, p.prefix, false, 'applies'));
      }
      const missingUnitFacts = p.unitFacts.filter((f) => unitFacts[f] === undefined);
      if (missingUnitFacts.length > 0) {
        return result(i, 'not-assessed', 'missing-facts', { zh: `缺少单位信息：${missingUnitFacts.join('、')}`, en: `missing unit facts: ${missingUnitFacts.join(', ')}` });
      }
      if (schedule.missingKeyDates.length > 0 && schedule.occasions.length === 0) {
        return result(i, 'not-assessed', 'no-key-date', { zh: `本年没有关键日期：${schedule.missingKeyDates.join('、')}`, en: `no such key date this year: ${schedule.missingKeyDates.join(', ')}` });
      }
      const evidence = evidenceOf(i);
      if (req.due.type === 'after-each-activity' && evidence.facts.newsDueCount === 0) {
        return evidence.newsOpenCount > 0
          ? result(i, 'pending', 'news-not-yet-due', { zh: `有 ${evidence.newsOpenCount} 项活动的新闻报送尚未到期`, en: `${evidence.newsOpenCount} activities' news reports are not yet due` })
          : result(i, 'not-assessed', 'no-activities', { zh: '本年尚无需要报送新闻的活动', en: 'no activities to report on yet this year' });
      }
      const ids = evidence.used.map(activityId);
      // withNotes names the first record only for work done once.
      const first = acceptsEarlierYears(req) ? evidence.used[0] : undefined;
      // The tree of the conditions is built only when a reason is not in the cache.
      let complies: Outcome | undefined;
      let passed: boolean;
      let cached: { reason: LocalizedText; pending?: LocalizedText } | undefined;
      if (decide) {
        reasonPath.length = 0;
        reasonPath.push(i, year, first?.date, first?.kind);
        passed = decide(i, 'complies', reasonPath);
        cached = reasonCache.get(reasonPath);
      } else passed = (complies = outcome(i, 'complies')).result;
      const conditions = () => (complies ??= outcome(i, 'complies')).conditions;
      const entry = cached ?? { reason: withNotes(req, describeLeaves(conditions(), p.prefix, passed, 'complies'), evidence, year) };
      if (decide && !cached) reasonCache.set(reasonPath, entry);
      if (passed) return result(i, 'met', 'conditions-met', entry.reason, ids);
      // Not met yet: pending while the work can still be done on time.
      const due = req.due;
      const stillOpen =
        due.type === 'each-key-date'
          ? Number(evidence.facts.occasionsWithEvidence) + schedule.occasions.filter((o) => o.end > asOf).length >= due.minOccasions
          : dueDate !== undefined && dueDate > asOf;
      const { reason } = entry;
      if (stillOpen) {
        // The due date is the schedule's, so one per cache entry (requirement and year).
        return result(i, 'pending', 'not-yet-due', (entry.pending ??= { zh: `未到期限${dueDate ? `（${dueDate}）` : ''}；目前：${reason.zh}`, en: `not yet due${dueDate ? ` (${dueDate})` : ''}; so far: ${reason.en}` }), ids);
      }
      return result(i, 'not-met', 'conditions-not-met', reason, ids);
    }
  }

  return { catalog, evaluateUnit, schedule: (req, year) => scheduleRequirement(req, year, forYear(year).keyDates, calendar) };
}
