/** The calendar exporter (the Exporter contract of @liujin/core). */
import { resolveExporterOptions, type Artefact, type Catalog, type Exporter, type Plan, type Registry } from '@liujin/core';
import { buildFeeds } from './events';
import { CalendarOptions, parseAlarm, type CalendarOptionsInput } from './options';
import { renderInParallel } from './parallel';
import { renderFeed } from './render';

/**
 * What the calendar exporter renders: plans (one per year), the registry for town and unit feeds, the catalog for event text, and `now`.
 */
export interface CalendarInput {
  /** One plan per year; several give multi-year feeds. */
  plans: readonly Plan[];
  /** Needed for town and unit feeds. */
  registry?: Registry;
  /** Gives events the requirement's summary. */
  catalog?: Catalog;
  /** DTSTAMP of every event: the same `now` gives the same bytes. */
  now: Date;
}

/**
 * Creates the calendar exporter: plans to iCalendar feeds (`calendars/district.ics`, per town, sector and unit) with stable UIDs.
 * @throws ExporterOptionsError when `options` do not match {@link CalendarOptions}.
 */
export function createCalendarExporter(options?: CalendarOptionsInput): Exporter<CalendarInput, CalendarOptions> {
  const resolved = resolveExporterOptions('calendar', CalendarOptions, options);
  const alarms = resolved.alarms.map((a) => parseAlarm(a)!); // seconds before the start
  return {
    name: 'calendar',
    description: 'iCalendar feeds of key dates, district milestones and each town, sector and unit’s tasks',
    optionsSchema: CalendarOptions as never,
    options: resolved,
    async *export(input: CalendarInput): AsyncIterable<Artefact> {
      const years = input.plans.map((p) => p.year);
      const feeds = buildFeeds([...input.plans].sort((a, b) => a.year - b.year), input.registry, input.catalog, new Set(resolved.feeds), resolved.lang, resolved.uidDomain);
      const named = feeds.map((feed) => ({ ...feed, name: `${resolved.namePrefix}${feed.name}${years.length > 1 ? ` ${Math.min(...years)}-${Math.max(...years)}` : ` ${years[0] ?? ''}`}` }));
      const renderOptions = { now: input.now, alarms, previous: resolved.previous, lang: resolved.lang };
      // Threads pay only for large batches: starting one costs tens of milliseconds.
      if (resolved.concurrency > 1 && named.length >= 200) {
        const texts = await renderInParallel(named, renderOptions, resolved.concurrency);
        for (let i = 0; i < named.length; i++) yield { path: named[i]!.path, mediaType: 'text/calendar', content: texts[i]! };
        return;
      }
      for (const feed of named) yield { path: feed.path, mediaType: 'text/calendar', content: renderFeed(feed, renderOptions) };
    },
  };
}
