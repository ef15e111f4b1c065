// Prints the district and one unit feed, for the host-time-zone test (run under several TZ values).
import { QINGPU_2024_CATALOG, collectArtefacts, planYear } from '@liujin/core';
import { sampleRegistry } from '@liujin/core/sample';
import { createCalendarExporter } from '../src/index';

const sample = sampleRegistry();
// Two units are enough to show the times; the whole district would only make three runs slower.
const registry = { ...sample, units: sample.units.filter((u) => u.id === 'school-zhujiajiao-1' || u.id === 'town-zhujiajiao') };
const plan = planYear({ catalog: QINGPU_2024_CATALOG, registry, year: 2026 });
const files = await collectArtefacts(createCalendarExporter({ feeds: ['district', 'units'], glance: false }).export({ plans: [plan], registry, catalog: QINGPU_2024_CATALOG, now: new Date('2026-01-05T08:00:00Z') }));
process.stdout.write(files.filter((f) => f.path === 'calendars/district.ics' || f.path === 'calendars/units/school-zhujiajiao-1.ics').map((f) => f.content).join('\n'));
