/**
 * Audit in memory (runAudit + the exporter): a city of 100,000 units with 10 activities each,
 * evaluated and written in every format (at 100,000 units the default threshold makes it a large
 * audit: docs/audit.md). Content is counted as it streams, as a writer would take it.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { QINGPU_2024_CATALOG, createEvaluator, runAudit, type Activity } from '@liujin/core';
import { contentChunks } from '@liujin/core/plugin';
import { createAuditExporter } from '@liujin/audit';
import { syntheticActivities, syntheticRegistry } from '../synthetic';
import type { Workload } from '../types';
import { medianTime } from '../stats';

export const auditWorkload: Workload = {
  id: 'audit',
  title: 'Audit: units x 10 activities, all formats',
  async run({ quick, repetitions }) {
    const count = quick ? 2_000 : Number(process.env.LIUJIN_BENCH_CITY ?? 100_000);
    const registry = syntheticRegistry(count);
    const activities: Activity[] = registry.units.flatMap((u) => [...syntheticActivities(u, 10, 2026)]);
    const evaluator = createEvaluator(QINGPU_2024_CATALOG, { engine: 'compiled' });
    let bytes = 0;
    let files = '';
    let gcMs = 0;
    const gc = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) gcMs += entry.duration;
    });
    gc.observe({ entryTypes: ['gc'] });
    // A city takes a while a run: one run at full size.
    const ms = await medianTime(quick ? repetitions : 1, async () => {
      gcMs = 0;
      const audit = await runAudit({ catalog: QINGPU_2024_CATALOG, registry, activities, year: 2026, asOf: '2026-11-28', evaluator });
      bytes = 0;
      const paths: string[] = [];
      for await (const file of createAuditExporter().export({ audit, now: new Date('2026-11-28T00:00:00Z') })) {
        paths.push(file.path.replace(/^audit\//, ''));
        for await (const chunk of contentChunks(file.content)) bytes += chunk.byteLength;
      }
      files = paths.join(' ');
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    gc.disconnect();
    const peak = process.resourceUsage().maxRSS * 1024;
    return [{ name: 'audit', variant: 'liujin in memory (evaluate + 6 formats)', medianMs: ms, items: count, itemLabel: 'unit', peakRssBytes: peak, extra: { activities: activities.length, 'units/s': Math.round((count / ms) * 1000), 'GC share': `${Math.round((gcMs / ms) * 100)}%`, 'MB written': Math.round(bytes / 1e6), files } }];
  },
};
