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
      for (const unit of units) await fast.evaluateUnit({ unit, activities: activities.get(unit.id)!, year: 2026, asOf: '2026-11-28' });
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
    const m = (variant: string, ms: number): Measurement => ({ name: 'evaluation', variant, medianMs: ms, items: count, itemLabel: 'unit', extra: { 'units/s': Math.round((count / ms) * 1000) } });
    return [m('liujin (json-rules-engine, reference)', engine), m('liujin (compiled fast path)', compiledMs), m('baseline: plain predicates', baseline)];
  },
};
