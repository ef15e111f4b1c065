import { z } from 'zod';
import { Lang } from '@liujin/core';

/** `7d`, `1d`, `12h`, `30m` -> seconds before the event; undefined for anything else (`abc`, `-1d`). */
export function parseAlarm(text: string): number | undefined {
  const m = /^(\d{1,3})([dhm])$/.exec(text.trim());
  if (!m) return undefined;
  return Number(m[1]) * { d: 86_400, h: 3_600, m: 60 }[m[2] as 'd' | 'h' | 'm'];
}

/** The alarms of a list or the CLI's comma-separated string: the values that cannot be read, and the rest without duplicates (`7d` and `168h` are one). */
export function parseAlarms(value: string | readonly string[]): { seconds: number[]; invalid: string[] } {
  const list = typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : value;
  const seconds: number[] = [];
  const invalid: string[] = [];
  for (const item of list) {
    const s = parseAlarm(item);
    if (s === undefined) invalid.push(item);
    else if (!seconds.includes(s)) seconds.push(s);
  }
  return { seconds, invalid };
}

/** Which feeds to write: one for the district, one per town (镇/街道), one per sector, one per unit. */
export const FeedKind = z.enum(['district', 'towns', 'sectors', 'units']);
/** One feed kind of {@link FeedKind}. */
export type FeedKind = z.infer<typeof FeedKind>;

/**
 * Options of the calendar exporter (zod schema): feeds, language, reminders, previous SEQUENCE state, name prefix, worker threads, UID domain.
 */
export const CalendarOptions = z
  .object({
    lang: Lang.default('zh'),
    /** Reminders before deadlines; a list or the CLI's comma-separated string. */
    alarms: z
      .union([z.array(z.string()), z.string()])
      .default(['7d', '1d'])
      .transform((v, ctx) => {
        const { invalid } = parseAlarms(v);
        for (const item of invalid) ctx.addIssue({ code: 'custom', message: `invalid alarm "${item}": use e.g. 7d, 12h, 30m` });
        return typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v;
      }),
    /**
     * Year-long tasks (due 31 December) have no alarm each: one year-end digest event per feed
     * reminds on this day (`MM-DD`, moved to the next working day). Default: the start of the fourth
     * quarter, a liujin default (the notice sets none), adjustable.
     */
    yearReminder: z
      .string()
      .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected MM-DD, e.g. 10-01')
      .default('10-01'),
    feeds: z.array(FeedKind).min(1).default(['district', 'towns', 'sectors', 'units']),
    /** SEQUENCE state of a previous generation, by UID (see `readSequenceState`). */
    previous: z.record(z.string(), z.object({ sequence: z.number().int().nonnegative(), start: z.string(), end: z.string().optional(), digest: z.string().optional() })).default({}),
    /** Prefix of every X-WR-CALNAME. */
    namePrefix: z.string().max(100).default(''),
    /** Also yield calendars/index.json: which file holds each town's and unit's feed (names come from ids alone). */
    index: z.boolean().default(false),
    /** Worker threads for large batches (feeds are independent); 1 renders on this thread. */
    concurrency: z.number().int().min(1).max(64).default(1),
    /** Domain part of UIDs: give each district its own (e.g. `qingpu.example.gov.cn`) so two districts' feeds never collide. */
    uidDomain: z.string().regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/).max(253).default('liujin.local'),
    /** Also write a printable year-at-a-glance HTML page per year for the district and each town. */
    glance: z.boolean().default(true),
  })
  .strict();
/** The calendar exporter's options with defaults filled in. */
export type CalendarOptions = z.output<typeof CalendarOptions>;
/** The calendar exporter's options as a caller passes them (every field optional). */
export type CalendarOptionsInput = z.input<typeof CalendarOptions>;
