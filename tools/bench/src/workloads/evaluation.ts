/**
 * Rule evaluation: every unit against the whole catalog with json-rules-engine (the reference
 * semantics), against the same conditions as plain compiled functions over the same facts.
 */
import { QINGPU_2024_CATALOG, compileCondition, createEvaluator, type Activity } from '@liujin/core';
import { syntheticActivities, syntheticUnits } from '../synthetic';
import type { Measurement, Workload } from '../types';
import { medianTime } from '../stats';

export const evaluationWorkload: Workload = {
  id: 'evaluation',
  title: 'Rule evaluation: units x the whole catalog',
  async run({ quick, repetitions }) {
    const count = quick ? 2_000 : 100_000;
    const units = syntheticUnits(count);
    const activities = new Map<string, Activity[]>(units.map((u) => [u.id, [...syntheticActivities(u, 10, 2026)]]));
    const evaluator = createEvaluator(QINGPU_2024_CATALOG);
    await evaluator.evaluateUnit({ unit: units[0]!, activities: activities.get(units[0]!.id)!, year: 2026 });
    // The reference engine takes minutes at full size: one repetition there.
    const engine = await medianTime(quick ? repetitions : 1, async () => {
      for (const unit of units) await evaluator.evaluateUnit({ unit, activities: activities.get(unit.id)!, year: 2026, asOf: '2026-11-28' });
    });
    const fast = createEvaluator(QINGPU_2024_CATALOG, { engine: 'compiled' });
    const compiledMs = await medianTime(repetitions, async () => {
      for (const unit of units) await fast.evaluateUnit({ unit, activities: activities.get(unit.id)!, year: 2026, asOf: '2026-11-28', includeNotApplicable: false });
    });
    // Baseline: each requirement's applies-to and compliance as plain functions on flat facts.
    const compiled = QINGPU_2024_CATALOG.requirements.map((r) => ({ applies: compileCondition(r.appliesTo), complies: compileCondition(r.compliance) }));
    const baseline = await medianTime(repetitions, () => {
      let met = 0;
      for (const unit of units) {
        const acts = activities.get(unit.id)!;
        const facts = { kind: unit.kind, roles: [unit.kind], town: unit.town, evidenceCount: acts.length, evidenceInWindowCount: acts.length, occasionsWithEvidence: 1, requiredTopicsCovered: 3, activityCount: acts.length, activitiesWithoutReference: 0, newsLateCount: 0, 'inWindow:training': 1, 'inWindow:evacuation-drill': 1 };
        for (const c of compiled) if (c.applies(facts) && c.complies(facts)) met++;
      }
      return met;
    });
    // Hand-written predicates for the same rules, doing the work any evaluator must: per unit,
    // each requirement's applies-to on the unit, then its evidence counted from the activities
    // (kinds that count, in the year and in the due windows) and its compliance checked.
    const year = { start: '2026-01-01', end: '2026-11-28' };
    const rules = QINGPU_2024_CATALOG.requirements.map((r, i) => ({
      applies: compiled[i]!.applies,
      complies: compiled[i]!.complies,
      kinds: new Set<string>(r.evidenceKinds),
      windows: fast.schedule(r, 2026).occasions.map((o) => [o.start, o.end] as const),
    }));
    const handWritten = await medianTime(repetitions, () => {
      let met = 0;
      for (const unit of units) {
        const acts = activities.get(unit.id)!;
        const unitFacts = { kind: unit.kind, roles: [unit.kind], town: unit.town, communityType: unit.communityType, headCount: unit.headCount, attributes: {} };
        for (const rule of rules) {
          if (!rule.applies(unitFacts)) continue;
          let evidence = 0;
          let inWindow = 0;
          let withReference = 0;
          for (const a of acts) {
            if (a.date < year.start || a.date > year.end) continue;
            if (a.reference) withReference++;
            if (!rule.kinds.has(a.kind)) continue;
            evidence++;
            if (rule.windows.length === 0 || rule.windows.some(([s, e]) => a.date >= s && a.date <= e)) inWindow++;
          }
          const facts = { ...unitFacts, evidenceCount: evidence, evidenceInWindowCount: inWindow, occasionsWithEvidence: inWindow > 0 ? 1 : 0, requiredTopicsCovered: 3, activityCount: acts.length, activitiesWithoutReference: acts.length - withReference, newsLateCount: 0 };
          if (rule.complies(facts)) met++;
        }
      }
      return met;
    });
    const m = (variant: string, ms: number): Measurement => ({ name: 'evaluation', variant, medianMs: ms, items: count, itemLabel: 'unit', extra: { 'units/s': Math.round((count / ms) * 1000) } });
    return [m('liujin (json-rules-engine, reference)', engine), m('liujin (compiled fast path)', compiledMs), m('baseline: hand-written predicates, evidence counted from activities', handWritten), m('conditions alone on ready facts (lower bound)', baseline)];
  },
};
