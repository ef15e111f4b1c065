import { QINGPU_2024_CATALOG, createEvaluator, type Activity } from '@liujin/core';
import { syntheticActivities, syntheticUnits } from './synthetic';
const count = 50_000;
const units = syntheticUnits(count);
const activities = new Map<string, Activity[]>(units.map((u) => [u.id, [...syntheticActivities(u, 10, 2026)]]));
const fast = createEvaluator(QINGPU_2024_CATALOG, { engine: 'compiled' });
for (let r = 0; r < 4; r++) {
  const t = performance.now();
  for (const unit of units) await fast.evaluateUnit({ unit, activities: activities.get(unit.id)!, year: 2026, asOf: '2026-11-28', includeNotApplicable: false });
  console.log(((performance.now() - t) * 1000 / count).toFixed(1), 'µs/unit');
}
