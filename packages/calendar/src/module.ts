/** `liujin export calendar` (and its shortcut `liujin calendar`): the plan of each year as iCalendar feeds (district, towns, sectors, units). */
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { planYear, type ExporterModule } from '@liujin/core';
import { resolveExporterOptions, withDefaults } from '@liujin/core/plugin';
import { createCalendarExporter } from './exporter';
import { CalendarOptions } from './options';

/** The calendar exporter's options plus the years to plan (default: the run's year); several give multi-year feeds. */
export const CalendarModuleOptions = CalendarOptions.extend({ years: z.array(z.number().int().min(2001).max(2100)).min(1).max(21).optional() });
/** The options of `liujin export calendar`, defaults filled in. */
export type CalendarModuleOptions = z.output<typeof CalendarModuleOptions>;

/** The calendar feeds as an installed exporter: `liujin export calendar`. */
export const liujinExporter: ExporterModule<CalendarModuleOptions> = {
  name: 'calendar',
  description: 'iCalendar (.ics) feeds of the plan for the district, each town, each sector and each unit',
  optionsSchema: CalendarModuleOptions,
  // The feeds and their index are one set: a feed of an earlier run never stays beside them.
  folder: 'calendars',
  async *export(context, options) {
    // Unless the options say otherwise: the index of town and unit feeds, and feeds rendered on every core (they are independent).
    const defaults = { lang: context.lang, index: true, concurrency: Math.max(1, Math.min(availableParallelism(), 8)) };
    const given = withDefaults(defaults, options);
    const { years } = resolveExporterOptions('calendar', CalendarModuleOptions, given);
    // The options as given, not as resolved: a reminder left unset falls to the catalog's settings
    // (docs/settings.md) before liujin's default, which the resolved options would already hold.
    const { years: _years, ...calendarOptions } = given as Record<string, unknown>;
    const exporter = createCalendarExporter(calendarOptions as z.input<typeof CalendarOptions>);
    const workdays = context.workdays ? { workdays: context.workdays } : {};
    const plans = (years ?? [context.year]).map((year) => planYear({ catalog: context.catalog, registry: context.registry, year, region: context.region, ...workdays }));
    yield* exporter.export({ plans, registry: context.registry, catalog: context.catalog, now: context.now, waivers: context.waivers, ...workdays });
  },
};
