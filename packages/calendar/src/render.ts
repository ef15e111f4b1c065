/** One feed to iCalendar text with ical-generator; VTIMEZONE data from timezones-ical-library. */
import ical, { ICalAlarmType, ICalCalendarMethod } from 'ical-generator';
import { createHash } from 'node:crypto';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import type { EventSpec, FeedSpec } from './events';
import { localDateTime, plainDate } from './stubs';

const vtimezones = new Map<string, string | null>();

/** The zone's VTIMEZONE block, read once per process and zone. */
function timezoneBlock(zone: string): string | null {
  let block = vtimezones.get(zone);
  if (block === undefined) {
    block = (tzlib_get_ical_block(zone) as string[])[0] ?? null;
    vtimezones.set(zone, block);
  }
  return block;
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
  /** Digest of the event's content as published (X-LIUJIN-DIGEST); absent in feeds written before it. */
  digest?: string;
}

function when(event: EventSpec): { start: string; end: string } {
  return event.timed ?? event.allDay!;
}

/** What a subscriber sees of an event: a change to any of it is a change (RFC 5545 §3.8.7.4 SEQUENCE). */
function digestOf(event: EventSpec): string {
  const content = JSON.stringify([event.summary, event.description, event.categories, event.allDay ?? null, event.timed ?? null, event.alarms.map((a) => a.before)]);
  return createHash('sha256').update(content).digest('hex').slice(0, 24);
}

/** TEXT escaping of RFC 5545 §3.3.11, for a property ical-generator writes raw (X-WR-CALNAME). */
function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`);
}

/** How {@link renderFeed} renders: `now` for DTSTAMP, the previous SEQUENCE state, the language. */
export interface RenderOptions {
  now: Date;
  previous: Readonly<Record<string, SequenceEntry>>;
  lang: string;
}

/**
 * Renders one feed as iCalendar text (RFC 5545) with the VTIMEZONE of its zone; the same input gives the same bytes.
 */
export function renderFeed(feed: FeedSpec, options: RenderOptions): string {
  // A calendar's name is one line: breaks and other control characters become spaces.
  // eslint-disable-next-line no-control-regex
  const name = feed.name.replace(/[\u0000-\u001f\u007f]+/g, ' ');
  const calendar = ical({
    name,
    prodId: { company: 'liujin', product: 'liujin', language: options.lang === 'zh' ? 'ZH' : 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    // No calendar-wide zone: with one, ical-generator writes DTSTAMP in local time without `Z`.
    // Timed events carry TZID, and the generator adds a VTIMEZONE for every TZID used.
    timezone: { name: null, generator: timezoneBlock },
    ttl: 60 * 60 * 24,
  });
  for (const event of feed.events) {
    const { start, end } = when(event);
    const digest = digestOf(event);
    const previous = options.previous[event.uid];
    // SEQUENCE rises when an event we published before has changed, and only then. Feeds written
    // before the digest existed are compared on the wall-clock minute of their times.
    const minute = (s: string) => s.slice(0, 16);
    const changed =
      previous !== undefined &&
      (previous.digest !== undefined ? previous.digest !== digest : minute(previous.start) !== minute(start) || (previous.end !== undefined && minute(previous.end) !== minute(end)));
    const sequence = previous === undefined ? 0 : changed ? previous.sequence + 1 : previous.sequence;
    const created = calendar.createEvent({
      id: event.uid,
      summary: event.summary,
      description: event.description,
      categories: event.categories.map((name) => ({ name })),
      stamp: options.now,
      sequence,
      ...(event.timed
        ? { start: localDateTime(event.timed.start), end: localDateTime(event.timed.end), timezone: feed.timeZone }
        : { start: plainDate(event.allDay!.start), end: plainDate(event.allDay!.end), allDay: true }),
      x: [['X-LIUJIN-DIGEST', digest]],
    });
    for (const alarm of event.alarms) created.createAlarm({ type: ICalAlarmType.display, trigger: alarm.before, description: alarm.description });
  }
  const text = withFastFolding(() => calendar.toString());
  return finish(text, feed.timeZone, name);
}

/**
 * RFC 5545 details ical-generator leaves out: calendar properties before the components
 * (X-WR-TIMEZONE), NAME and X-WR-CALNAME escaped as TEXT, a VTIMEZONE in a feed without events (a calendar
 * needs at least one component, §3.6), and a CRLF after the last line (§3.1).
 */
function finish(text: string, zone: string, name: string): string {
  const lines = text.split('\r\n');
  // ical-generator 10 writes NAME and X-WR-CALNAME raw: both become TEXT escaped (RFC 7986 §5.1).
  for (const property of ['NAME', 'X-WR-CALNAME']) {
    const at = lines.findIndex((l) => l.startsWith(`${property}:`));
    if (at < 0) continue;
    let end = at + 1;
    while (lines[end]?.startsWith(' ')) end++;
    lines.splice(at, end - at, ...foldLine(`${property}:${escapeText(name)}`));
  }
  const firstComponent = lines.findIndex((l, i) => i > 0 && l.startsWith('BEGIN:'));
  const headerEnd = firstComponent >= 0 ? firstComponent : lines.length - 1;
  lines.splice(headerEnd, 0, `X-WR-TIMEZONE:${zone}`);
  if (firstComponent < 0) {
    const block = timezoneBlock(zone);
    if (block) lines.splice(lines.length - 1, 0, ...block.split(/\r?\n/).filter(Boolean));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Folds a content line at 75 octets without splitting a character (RFC 5545 §3.1). */
function foldLine(line: string): string[] {
  const out: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const bytes = Buffer.byteLength(ch);
    const limit = out.length === 0 ? 75 : 74;
    if (size + bytes > limit) {
      out.push(out.length === 0 ? current : ` ${current}`);
      current = '';
      size = 0;
    }
    current += ch;
    size += bytes;
  }
  out.push(out.length === 0 ? current : ` ${current}`);
  return out;
}
