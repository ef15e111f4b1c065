/** The calendar exporter (the Exporter contract of @liujin/core). */
import type { Artefact, Catalog, Exporter, Plan, Registry, Waiver, WorkdayCalendar } from '@liujin/core';
import { DEFAULT_REMINDERS, reminderSettings, resolveExporterOptions } from '@liujin/core/plugin';
import { buildFeeds, type FeedSpec } from './events';
import { renderGlances } from './glance';
import { CalendarOptions, parseAlarms, type CalendarOptionsInput } from './options';
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
  /** Gives events the requirement's summary, and tells drills from other work. */
  catalog?: Catalog;
  /** Waived unit-requirement pairs leave the feeds while the waiver holds (`expires` on or after the date). */
  waivers?: readonly Waiver[];
  /** The working days the plans were made with (reminders, report dates, days off); default: the planner's default. */
  workdays?: WorkdayCalendar;
  /** DTSTAMP of every event: the same `now` gives the same bytes. */
  now: Date;
}

/**
 * Creates the calendar exporter: plans to iCalendar feeds (`calendars/district.ics`, per town, sector and unit) with stable UIDs.
 * @throws ExporterOptionsError when `options` do not match {@link CalendarOptions}.
 */
export function createCalendarExporter(options?: CalendarOptionsInput): Exporter<CalendarInput, CalendarOptions> {
  const resolved = resolveExporterOptions('calendar', CalendarOptions, options);
  return {
    name: 'calendar',
    description: 'iCalendar feeds of key dates, district milestones and each town, sector and unit’s tasks, and year-at-a-glance pages',
    optionsSchema: CalendarOptions,
    options: resolved,
    async *export(input: CalendarInput): AsyncIterable<Artefact> {
      const plans = [...input.plans].sort((a, b) => a.year - b.year);
      const years = plans.map((p) => p.year);
      // Reminders: the options when given, else the catalog's settings (docs/settings.md), else the defaults.
      const settings = reminderSettings(input.catalog ?? {});
      type Source = 'default' | 'settings';
      const alarmsSource: Source = options?.alarms === undefined && settings.alarms !== DEFAULT_REMINDERS.alarms ? 'settings' : 'default';
      const yearSource: Source = options?.yearReminder === undefined && settings.yearReminder !== DEFAULT_REMINDERS.yearReminder ? 'settings' : 'default';
      const alarms = parseAlarms(alarmsSource === 'settings' ? settings.alarms : resolved.alarms).seconds; // seconds before the start, duplicates merged
      const yearReminder = yearSource === 'settings' ? settings.yearReminder : resolved.yearReminder;
      // An explicit option that differs from liujin's default is the caller's setting too.
      const given = (value: unknown, fallback: string): Source | undefined => (value !== undefined && (Array.isArray(value) ? value.join(',') : String(value)).replace(/\s/g, '') !== fallback ? 'settings' : undefined);
      const reminderSource = { alarms: given(options?.alarms, DEFAULT_REMINDERS.alarms) ?? alarmsSource, yearReminder: given(options?.yearReminder, DEFAULT_REMINDERS.yearReminder) ?? yearSource };
      const feeds = buildFeeds({ plans, registry: input.registry, catalog: input.catalog, waivers: input.waivers, workdays: input.workdays, kinds: new Set(resolved.feeds), lang: resolved.lang, domain: resolved.uidDomain, alarms, yearReminder, reminderSource });
      const span = years.length > 1 ? ` ${Math.min(...years)}-${Math.max(...years)}` : ` ${years[0] ?? ''}`;
      const named = feeds.map((feed) => ({ ...feed, name: `${resolved.namePrefix}${feed.name}${span}` }));
      const renderOptions = { now: input.now, previous: resolved.previous, lang: resolved.lang };
      // Threads pay only for large batches: starting one costs tens of milliseconds.
      if (resolved.concurrency > 1 && named.length >= 200) {
        const texts = await renderInParallel(named, renderOptions, resolved.concurrency);
        for (let i = 0; i < named.length; i++) yield { path: named[i]!.path, mediaType: 'text/calendar', content: texts[i]! };
      } else {
        for (const feed of named) yield { path: feed.path, mediaType: 'text/calendar', content: renderFeed(feed, renderOptions) };
      }
      const index = resolved.index ? feedIndex(feeds) : undefined;
      if (index) yield index;
      if (resolved.glance) yield* renderGlances({ plans, registry: input.registry, catalog: input.catalog, waivers: input.waivers, workdays: input.workdays, lang: resolved.lang, towns: resolved.feeds.includes('towns') });
    },
  };
}

/** calendars/index.json: which file holds each town's and unit's feed (file names come from ids alone). */
function feedIndex(feeds: readonly FeedSpec[]): Artefact | undefined {
  const subjects = feeds.filter((f) => f.subject !== undefined);
  if (subjects.length === 0) return undefined;
  const list = (kind: 'town' | 'unit') => subjects.filter((f) => f.subject!.kind === kind).map((f) => ({ id: f.subject!.id, name: f.subject!.name, file: f.path }));
  return { path: 'calendars/index.json', mediaType: 'application/json', content: `${JSON.stringify({ towns: list('town'), units: list('unit') }, null, 2)}\n` };
}
