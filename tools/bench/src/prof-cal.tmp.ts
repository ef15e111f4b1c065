import { QINGPU_2024_CATALOG, planYear } from '@liujin/core';
import { createCalendarExporter } from '@liujin/calendar';
import { syntheticRegistry } from './synthetic';
const registry = syntheticRegistry(5000);
const plan = planYear({ catalog: QINGPU_2024_CATALOG, registry, year: 2026 });
const t = performance.now();
let n = 0;
for await (const f of createCalendarExporter({ feeds: ['units'], concurrency: 1 }).export({ plans: [plan], registry, catalog: QINGPU_2024_CATALOG, now: new Date('2026-01-01T00:00:00Z') })) n += (f.content as string).split('BEGIN:VEVENT').length - 1;
console.log((performance.now() - t).toFixed(0), 'ms', n, 'events');
