/**
 * Plans to iCalendar feeds that work in real calendar clients. Guide: docs/calendar.md.
 * @module @liujin/calendar
 */
export { createCalendarExporter, type CalendarInput } from './exporter';
export { CalendarOptions, FeedKind, parseAlarm, type CalendarOptionsInput } from './options';
export { buildFeeds, type EventSpec, type FeedSpec } from './events';
export { renderFeed, type SequenceEntry } from './render';
export { readSequenceState } from './sequence';
