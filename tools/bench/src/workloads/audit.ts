/** Audit in memory (runAudit + the exporter): a city of 100,000 units with 10 activities each, evaluated and written in every format. */
import { QINGPU_2024_CATALOG, collectContent, createEvaluator, runAudit, type Activity } from '@liujin/core';
import { createAuditExporter } from '@liujin/audit';
import { syntheticActivities, syntheticRegistry } from '../synthetic';
import type { Workload } from '../types';
import { medianTime } from '../stats';

export const auditWorkload: Workload = {
  id: 'audit',
  title: 'Audit: units x 10 activities, all formats',
  async run({ quick, repetitions }) {
    const count = quick ? 2_000 : 100_000;
    const registry = syntheticRegistry(count);
    const activities: Activity[] = registry.units.flatMap((u) => [...syntheticActivities(u, 10, 2026)]);
    const evaluator = createEvaluator(QINGPU_2024_CATALOG, { engine: 'compiled' });
    let bytes = 0;
    // A city takes about half a minute a run: one run at full size.
    const ms = await medianTime(quick ? repetitions : 1, async () => {
      const audit = await runAudit({ catalog: QINGPU_2024_CATALOG, registry, activities, year: 2026, asOf: '2026-11-28', evaluator });
      bytes = 0;
      for await (const file of createAuditExporter().export({ audit, now: new Date('2026-11-28T00:00:00Z') })) bytes += (await collectContent(file.content)).length;
    });
    const peak = process.resourceUsage().maxRSS * 1024;
    return [{ name: 'audit', variant: 'liujin (evaluate + 6 formats)', medianMs: ms, items: count, itemLabel: 'unit', peakRssBytes: peak, extra: { activities: activities.length, 'units/s': Math.round((count / ms) * 1000), 'MB written': Math.round(bytes / 1e6) } }];
  },
};
