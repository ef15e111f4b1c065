/** One feed to iCalendar text with ical-generator; VTIMEZONE data from timezones-ical-library. */
import ical, { ICalAlarmType, ICalCalendarMethod } from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import type { EventSpec, FeedSpec } from './events';
import { localDateTime, plainDate } from './stubs';

const TIME_ZONE = 'Asia/Shanghai';
let vtimezone: string | undefined;

/** The zone's VTIMEZONE block, read once per process. */
function timezoneBlock(zone: string): string | null {
  if (zone !== TIME_ZONE) return (tzlib_get_ical_block(zone) as string[])[0] ?? null;
  vtimezone ??= (tzlib_get_ical_block(zone) as string[])[0];
  return vtimezone ?? null;
}

/**
 * ical-generator 10 folds lines by constructing a TextEncoder and encoding every single
 * character to learn its UTF-8 length (`foldLines` in its tools.ts): 60% of the time of a
 * district's feeds here. While it renders (synchronously), TextEncoder is one that answers
 * one-character strings from a cache; the folded text is the same, byte for byte (golden files).
 */
type Encoded = ReturnType<InstanceType<typeof globalThis.TextEncoder>['encode']>;
const sizes = new Map<string, Encoded>();
const NativeEncoder = globalThis.TextEncoder;
class CachingEncoder extends NativeEncoder {
  override encode(input = ''): Encoded {
    if (input.length > 2) return super.encode(input);
    let bytes = sizes.get(input);
    if (!bytes) {
      bytes = super.encode(input);
      if (sizes.size < 100_000) sizes.set(input, bytes);
    }
    // Shared, not copied (a copy costs what the cache saves): ical-generator only reads `.length`,
    // and the encoder is in place only while it folds.
    return bytes;
  }
}

function withFastFolding<T>(render: () => T): T {
  globalThis.TextEncoder = CachingEncoder;
  try {
    return render();
  } finally {
    globalThis.TextEncoder = NativeEncoder;
  }
}

/**
 * What a previous generation of an event looked like: its SEQUENCE and times (RFC 5545 §3.8.7.4: a changed time raises SEQUENCE).
 */
export interface SequenceEntry {
  sequence: number;
  start: string;
  end?: string;
}

function when(event: EventSpec): { start: string; end: string } {
  return event.timed ?? event.allDay!;
}

/**
 * Renders one feed as iCalendar text (RFC 5545) with the VTIMEZONE of its zone; the same input gives the same bytes.
 */
export function renderFeed(feed: FeedSpec, options: { now: Date; alarms: readonly number[]; previous: Readonly<Record<string, SequenceEntry>>; lang: string }): string {
  const calendar = ical({
    // ical-generator escapes ; , and \ in NAME but not line breaks, which would break the file:
    // a calendar's name is one line, so breaks and other control characters become spaces.
    // eslint-disable-next-line no-control-regex
    name: feed.name.replace(/[\u0000-\u001f\u007f]+/g, ' '),
    prodId: { company: 'liujin', product: 'liujin', language: options.lang === 'zh' ? 'ZH' : 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    // No calendar-wide zone: with one, ical-generator writes DTSTAMP in local time without `Z`.
    // Timed events carry TZID, and the generator adds a VTIMEZONE for every TZID used.
    timezone: { name: null, generator: timezoneBlock },
    x: [['X-WR-TIMEZONE', TIME_ZONE]],
    ttl: 60 * 60 * 24,
  });
  for (const event of feed.events) {
    const { start, end } = when(event);
    const previous = options.previous[event.uid];
    // SEQUENCE rises when the time of an event we published before has changed.
    // Compared on the wall-clock minute: state read back from a feed has no seconds or offset.
    const minute = (s: string) => s.slice(0, 16);
    const moved = previous !== undefined && (minute(previous.start) !== minute(start) || (previous.end !== undefined && minute(previous.end) !== minute(end)));
    const sequence = previous === undefined ? 0 : moved ? previous.sequence + 1 : previous.sequence;
    const created = calendar.createEvent({
      id: event.uid,
      summary: event.summary,
      description: event.description,
      categories: event.categories.map((name) => ({ name })),
      stamp: options.now,
      sequence,
      ...(event.timed
        ? { start: localDateTime(event.timed.start), end: localDateTime(event.timed.end), timezone: TIME_ZONE }
        : { start: plainDate(event.allDay!.start), end: plainDate(event.allDay!.end), allDay: true }),
      ...(event.rrule ? { repeating: event.rrule } : {}),
    });
    if (event.alarms) {
      for (const seconds of options.alarms) {
        created.createAlarm({ type: ICalAlarmType.display, trigger: seconds, description: event.summary });
      }
    }
  }
  return withFastFolding(() => calendar.toString());
}
