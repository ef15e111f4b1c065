/**
 * Plans to iCalendar feeds that work in real calendar clients. Guide: docs/calendar.md.
 * @module @liujin/calendar
 */
export { createCalendarExporter, type CalendarInput } from './exporter';
export { CalendarOptions, FeedKind, parseAlarm, parseAlarms, type CalendarOptionsInput } from './options';
export { buildFeeds, type BuildFeedsInput, type EventSpec, type FeedSpec } from './events';
export { type AlarmSpec } from './reminders';
export { renderFeed, type RenderOptions, type SequenceEntry } from './render';
export { readSequenceState } from './sequence';
export { liujinExporter, CalendarModuleOptions } from './module';
export { renderGlances, type GlanceInput } from './glance';
