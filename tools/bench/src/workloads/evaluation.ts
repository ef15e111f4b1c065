/**
 * Rule evaluation: every unit against the whole catalog, facts computed from its activities (what
 * an audit does per unit), against the cost of parsing the same units' input lines: each unit's
 * registry line and its activity lines as JSON Lines hold them, JSON.parse'd one by one (the
 * baseline a reviewer reads in a minute, and the least a streamed audit must do per unit anyway).
 * Also: json-rules-engine (the reference semantics, on a tenth of the units: it takes minutes at
 * full size) and, as a lower bound, the conditions alone on ready facts.
 */
import { QINGPU_2024_CATALOG, createEvaluator, type Activity } from '@liujin/core';
import { compileCondition } from '@liujin/core/plugin';
import { syntheticActivities, syntheticUnits } from '../synthetic';
import type { Measurement, Workload } from '../types';
import { medianTime } from '../stats';

export const evaluationWorkload: Workload = {
  id: 'evaluation',
  title: 'Rule evaluation: units x the whole catalog',
  async run({ quick, repetitions }) {
    const count = quick ? 2_000 : Number(process.env.LIUJIN_BENCH_EVALUATION ?? 100_000);
    const units = syntheticUnits(count);
    const activities = new Map<string, Activity[]>(units.map((u) => [u.id, [...syntheticActivities(u, 10, 2026)]]));
    // The input lines of each unit, as writeSyntheticJsonl writes them.
    const lines = units.map((u) => [JSON.stringify({ id: u.id, name: u.name, kind: u.kind, town: u.town, headCount: u.headCount }), ...activities.get(u.id)!.map((a) => JSON.stringify(a))]);
    const parseMs = await medianTime(repetitions, () => {
      let n = 0;
      for (const unitLines of lines) for (const line of unitLines) n += (JSON.parse(line) as object) ? 1 : 0;
      return n;
    });
    const fast = createEvaluator(QINGPU_2024_CATALOG, { engine: 'compiled' });
    const compiledMs = await medianTime(repetitions, async () => {
      for (const unit of units) await fast.evaluateUnit({ unit, activities: activities.get(unit.id)!, year: 2026, asOf: '2026-11-28', includeNotApplicable: false });
    });
    const reference = createEvaluator(QINGPU_2024_CATALOG);
    const some = units.slice(0, Math.max(1, Math.floor(count / 10)));
    const engineMs = await medianTime(1, async () => {
      for (const unit of some) await reference.evaluateUnit({ unit, activities: activities.get(unit.id)!, year: 2026, asOf: '2026-11-28' });
    });
    // Lower bound: each requirement's applies-to and compliance as plain functions on ready facts.
    const compiled = QINGPU_2024_CATALOG.requirements.map((r) => ({ applies: compileCondition(r.appliesTo), complies: compileCondition(r.compliance) }));
    const conditionsMs = await medianTime(repetitions, () => {
      let met = 0;
      for (const unit of units) {
        const acts = activities.get(unit.id)!;
        const facts = { kind: unit.kind, roles: [unit.kind], town: unit.town, evidenceCount: acts.length, evidenceInWindowCount: acts.length, occasionsWithEvidence: 1, requiredTopicsCovered: 3, activityCount: acts.length, activitiesWithoutReference: 0, newsLateCount: 0, 'inWindow:training': 1, 'inWindow:evacuation-drill': 1 };
        for (const c of compiled) if (c.applies(facts) && c.complies(facts)) met++;
      }
      return met;
    });
    const m = (variant: string, ms: number, items = count): Measurement => ({ name: 'evaluation', variant, medianMs: ms, items, itemLabel: 'unit', extra: { 'units/s': Math.round((items / ms) * 1000), ...(items !== count ? { units: items } : {}) } });
    return [
      m('liujin (compiled path: facts from activities, every requirement, reasons)', compiledMs),
      m('baseline: JSON.parse of the same units\' input lines', parseMs),
      m('liujin (json-rules-engine, the reference; a tenth of the units)', engineMs, some.length),
      m('conditions alone on ready facts (lower bound)', conditionsMs),
    ];
  },
};
