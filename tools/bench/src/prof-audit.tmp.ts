import { QINGPU_2024_CATALOG, createEvaluator, type Activity } from '@liujin/core';
import { createAuditExporter, runAudit } from '@liujin/audit';
import { syntheticActivities, syntheticRegistry } from './synthetic';
const count = Number(process.argv[2] ?? 20000);
const registry = syntheticRegistry(count);
const activities: Activity[] = registry.units.flatMap((u) => [...syntheticActivities(u, 10, 2026)]);
const evaluator = createEvaluator(QINGPU_2024_CATALOG, { engine: 'compiled' });
let t = performance.now();
const audit = await runAudit({ catalog: QINGPU_2024_CATALOG, registry, activities, year: 2026, asOf: '2026-11-28', evaluator });
console.log('runAudit', (performance.now() - t).toFixed(0), 'ms rss', (process.memoryUsage().rss / 1e6).toFixed(0));
for (const format of ['json', 'csv', 'md', 'junit', 'html', 'xlsx'] as const) {
  t = performance.now();
  let bytes = 0;
  for await (const f of createAuditExporter({ formats: [format] }).export({ audit, now: new Date('2026-11-28T00:00:00Z') })) bytes += f.content.length;
  console.log(format, (performance.now() - t).toFixed(0), 'ms', (bytes / 1e6).toFixed(1), 'MB rss', (process.memoryUsage().rss / 1e6).toFixed(0));
}
console.log('maxRSS MB', (process.resourceUsage().maxRSS / 1024).toFixed(0));
