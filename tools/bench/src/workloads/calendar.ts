/** Calendar: per-unit feeds of a district, against raw ical-generator writing the same events. */
import { availableParallelism } from 'node:os';
import ical from 'ical-generator';
import { QINGPU_2024_CATALOG, planYear } from '@liujin/core';
import { createCalendarExporter } from '@liujin/calendar';
import { syntheticRegistry } from '../synthetic';
import type { Measurement, Workload } from '../types';
import { medianTime } from '../stats';

export const calendarWorkload: Workload = {
  id: 'calendar',
  title: 'Calendar: per-unit feeds',
  async run({ quick, repetitions }) {
    const count = quick ? 500 : 5_000;
    const registry = syntheticRegistry(count);
    // Three-year feeds (2025-2027): about 100,000 events for 5,000 units, the size.
    const plans = [2025, 2026, 2027].map((year) => planYear({ catalog: QINGPU_2024_CATALOG, registry, year }));
    const now = new Date('2026-01-01T00:00:00Z');
    let events = 0;
    let bytes = 0;
    const run = (concurrency: number) =>
      medianTime(repetitions, async () => {
        events = 0;
        bytes = 0;
        for await (const file of createCalendarExporter({ feeds: ['units'], concurrency, glance: false }).export({ plans, registry, catalog: QINGPU_2024_CATALOG, now })) {
          const text = file.content as string;
          bytes += Buffer.byteLength(text);
          events += text.split('BEGIN:VEVENT').length - 1;
        }
      });
    const ours = await run(1);
    // Peak memory of the one-thread run (worker threads below add their own copies).
    const onePeak = process.resourceUsage().maxRSS * 1024;
    const threads = Math.max(2, availableParallelism());
    const parallel = await run(threads);
    const byUnit = new Map<string, (typeof plans)[number]['tasks']>();
    for (const plan of plans) for (const t of plan.tasks) byUnit.set(t.unitId, [...(byUnit.get(t.unitId) ?? []), t]);
    const baseline = await medianTime(repetitions, () => {
      for (const unit of registry.units) {
        const cal = ical({ name: unit.name });
        for (const t of byUnit.get(unit.id) ?? []) {
          if (t.due.type !== 'deadline' && t.due.type !== 'window') continue;
          const day = t.due.type === 'deadline' ? t.due.date : t.due.on;
          cal.createEvent({ id: t.id, start: new Date(`${day}T00:00:00Z`), allDay: true, summary: t.title.zh, description: t.requirementId, stamp: now, alarms: [{ trigger: 604800 }, { trigger: 86400 }] });
        }
        cal.toString();
      }
    });
    const peak = process.resourceUsage().maxRSS * 1024;
    const measurements: Measurement[] = [
      { name: 'calendar', variant: `liujin (units feeds, ${threads} worker threads)`, medianMs: parallel, items: events, itemLabel: 'event', peakRssBytes: peak, extra: { feeds: count } },
      { name: 'calendar', variant: 'liujin (units feeds, one thread)', medianMs: ours, items: events, itemLabel: 'event', peakRssBytes: onePeak, extra: { feeds: count, 'bytes/event': Math.round(bytes / events) } },
      { name: 'calendar', variant: 'baseline: raw ical-generator', medianMs: baseline, items: events, itemLabel: 'event' },
    ];
    return measurements;
  },
};
