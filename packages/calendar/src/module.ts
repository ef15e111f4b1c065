/** `liujin export calendar`: the year's plan as iCalendar feeds (district, towns, sectors, units). */
import { planYear, type ExporterModule } from '@liujin/core';
import { createCalendarExporter } from './exporter';
import { CalendarOptions } from './options';

export const liujinExporter: ExporterModule<CalendarOptions> = {
  name: 'calendar',
  description: 'iCalendar (.ics) feeds of the plan for the district, each town, each sector and each unit',
  optionsSchema: CalendarOptions,
  async *export(context, options) {
    const exporter = createCalendarExporter({ lang: context.lang, ...(options as object) });
    const plan = planYear({ catalog: context.catalog, registry: context.registry, year: context.year, region: context.region });
    yield* exporter.export({ plans: [plan], registry: context.registry, catalog: context.catalog, now: context.now });
  },
};
