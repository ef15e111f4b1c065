import { keyDatesFor, sampleRegistry } from '@liujin/core';
import { createPlanTemplateExporter, fonts } from '@liujin/pdf';
import { syntheticUnits } from './synthetic';
const template = sampleRegistry().units.find((u) => u.kind === 'school' && u.routes && u.contacts)!;
const units = syntheticUnits(200).map((u) => ({ ...template, id: u.id, name: u.name }));
fonts();
const t = performance.now();
let n = 0, pages = 0;
for await (const f of createPlanTemplateExporter().export({ kind: 'school', mode: 'prefilled', units, year: 2026, keyDates: keyDatesFor(2026), now: new Date('2026-01-01T00:00:00Z') })) { n += f.content.length; pages += (Buffer.from(f.content as Uint8Array).toString('latin1').match(/\/Type \/Page\b/g) ?? []).length; }
const ms = performance.now() - t;
console.log(ms.toFixed(0), 'ms', (ms / pages).toFixed(2), 'ms/page', pages, 'pages', (n / 200 / 1024).toFixed(0), 'KB/file', 'maxRSS', (process.resourceUsage().maxRSS / 1024).toFixed(0));
