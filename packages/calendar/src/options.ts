import { z } from 'zod';
import { Lang } from '@liujin/core';

/** `7d`, `1d`, `12h`, `30m` -> seconds before the event. */
export function parseAlarm(text: string): number | undefined {
  const m = /^(\d{1,3})([dhm])$/.exec(text.trim());
  if (!m) return undefined;
  return Number(m[1]) * { d: 86_400, h: 3_600, m: 60 }[m[2] as 'd' | 'h' | 'm'];
}

const Alarm = z.string().refine((s) => parseAlarm(s) !== undefined, { message: 'alarms look like 7d, 12h or 30m' });

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
      .union([z.array(Alarm), z.string()])
      .default(['7d', '1d'])
      .transform((v, ctx) => {
        const list = typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v;
        for (const item of list) if (parseAlarm(item) === undefined) ctx.addIssue({ code: 'custom', message: `invalid alarm "${item}": use e.g. 7d, 12h, 30m` });
        return list;
      }),
    feeds: z.array(FeedKind).min(1).default(['district', 'towns', 'sectors', 'units']),
    /** SEQUENCE state of a previous generation, by UID (see `readSequenceState`). */
    previous: z.record(z.string(), z.object({ sequence: z.number().int().nonnegative(), start: z.string(), end: z.string().optional() })).default({}),
    /** Prefix of every X-WR-CALNAME. */
    namePrefix: z.string().max(100).default(''),
    /** Worker threads for large batches (feeds are independent); 1 renders on this thread. */
    concurrency: z.number().int().min(1).max(64).default(1),
    /** Domain part of UIDs. */
    uidDomain: z.string().regex(/^[a-z0-9.-]+$/).default('liujin.local'),
  })
  .strict();
/** The calendar exporter's options with defaults filled in. */
export type CalendarOptions = z.output<typeof CalendarOptions>;
/** The calendar exporter's options as a caller passes them (every field optional). */
export type CalendarOptionsInput = z.input<typeof CalendarOptions>;
