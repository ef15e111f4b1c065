import { availableParallelism } from 'node:os';
import { planYear, type Catalog, type Registry } from '@liujin/core';
import { withOutputSet, type OutputSet, type WrittenArtefact } from '../output/index';
import { loadCatalog, loadRegistry } from '../inputs';
import { EXIT, type GlobalOptions, type Output } from '../runtime';
import { checkRegion } from './dates';
import { outputFor, parseNow, parseYears } from './common';

export interface CalendarRun {
  catalog: Catalog;
  registry: Registry;
  years: number[];
  region: string;
  alarms: string;
  includeUnits: boolean;
  sink: OutputSet;
  now: Date;
}

/** Plans each year and writes the feeds; shared by `calendar`, `plan` and `serve`. */
export async function writeCalendars(run: CalendarRun, out: Output): Promise<WrittenArtefact[]> {
  const { createCalendarExporter } = await import('@liujin/calendar');
  const plans = run.years.map((year) => planYear({ catalog: run.catalog, registry: run.registry, year, region: run.region }));
  const exporter = createCalendarExporter({
    lang: out.lang,
    // Feeds are independent: large districts render on every core.
    concurrency: Math.max(1, Math.min(availableParallelism(), 8)),
    alarms: run.alarms,
    feeds: run.includeUnits ? ['district', 'towns', 'sectors', 'units'] : ['district', 'towns', 'sectors'],
    index: true,
  });
  const progress = out.progress(out.lang === 'zh' ? '日历' : 'calendars', run.registry.units.length + 20);
  // The feeds and their index are one set: a feed of an earlier run never stays beside them.
  run.sink.claimFolder('calendars');
  const written = await run.sink.write(exporter.export({ plans, registry: run.registry, catalog: run.catalog, now: run.now }), () => progress.tick());
  progress.done();
  return written;
}

export async function runCalendar(options: Record<string, unknown>, global: GlobalOptions): Promise<number> {
  const out = outputFor(global);
  const now = parseNow(options.now);
  const years = parseYears(options.years, options.year, now);
  const region = checkRegion(String(options.region));
  const registryFile = options.registry as string | undefined;
  const [catalog, registry] = await Promise.all([loadCatalog(undefined, undefined, out), loadRegistry(registryFile, out)]);
  const written = await withOutputSet({ outDir: String(options.out), set: 'calendar', inputs: [registryFile] }, out, (sink) =>
    writeCalendars({ catalog, registry, years, region, alarms: String(options.alarms ?? ''), includeUnits: registryFile !== undefined, sink, now }, out),
  );
  if (global.json) out.data(written.map((w) => ({ path: w.path, bytes: w.bytes })));
  else out.info(out.lang === 'zh' ? `已写出 ${written.length} 个日历文件到 ${options.out}/calendars` : `wrote ${written.length} calendar files to ${options.out}/calendars`);
  return EXIT.ok;
}
