import { QINGPU_2024_CATALOG, createEvaluator, type Activity } from '@liujin/core';
import { syntheticActivities, syntheticUnits } from './synthetic';
const count = Number(process.argv[2] ?? 20000);
const units = syntheticUnits(count);
const activities = new Map<string, Activity[]>(units.map((u) => [u.id, [...syntheticActivities(u, 10, 2026)]]));
const lines = units.map((u) => [JSON.stringify({ id: u.id, name: u.name, kind: u.kind, town: u.town, headCount: u.headCount }), ...activities.get(u.id)!.map((a) => JSON.stringify(a))]);
const fast = createEvaluator(QINGPU_2024_CATALOG, { engine: 'compiled' });
for (let r = 0; r < 3; r++) {
  let t = performance.now();
  let n = 0;
  for (const unitLines of lines) for (const line of unitLines) n += (JSON.parse(line) as object) ? 1 : 0;
  const parse = performance.now() - t;
  t = performance.now();
  for (const unit of units) await fast.evaluateUnit({ unit, activities: activities.get(unit.id)!, year: 2026, asOf: '2026-11-28', includeNotApplicable: false });
  const ev = performance.now() - t;
  console.log(`parse ${(parse * 1000 / count).toFixed(1)} µs/unit, eval ${(ev * 1000 / count).toFixed(1)} µs/unit, ratio ${(ev / parse).toFixed(2)}`);
}
