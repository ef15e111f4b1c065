import { createStreamedAuditExporter } from '@liujin/audit';
import { QINGPU_2024_CATALOG } from '@liujin/core';
import { streamActivities, streamRegistry } from '../../../apps/demo/src/stream-inputs';
const [dir, judgeThreads, readThreads, formats] = [process.argv[2]!, Number(process.argv[3]), Number(process.argv[4]), (process.argv[5] ?? 'md,html,junit').split(',')];
const reg = streamRegistry(dir + '/registry.jsonl');
const setAside: never[] = [];
const ex = createStreamedAuditExporter({ formats: formats as never }, { threads: judgeThreads, onRead: (r) => console.log('read', r), onPlan: (p) => console.log('plan', p) });
const t = performance.now();
const c0 = process.cpuUsage();
for await (const a of ex.export({ catalog: QINGPU_2024_CATALOG, year: 2026, asOf: '2026-11-28', district: reg.district, towns: reg.towns, units: reg.units, activities: streamActivities(dir + '/activities.jsonl', setAside, { threads: readThreads }), rereadActivities: () => streamActivities(dir + '/activities.jsonl', setAside, { threads: readThreads }), setAside, now: new Date('2026-11-28T00:00:00Z') })) {
  for await (const _ of a.content as AsyncIterable<unknown>) ;
}
const c = process.cpuUsage(c0);
console.log(Math.round(performance.now() - t), 'ms wall', Math.round((c.user + c.system) / 1000), 'ms cpu');
