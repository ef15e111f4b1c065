import { z } from 'zod';
import { Id, LocalDate, LocalTime, LocalizedText, Year } from './text';

const Month = z.number().int().min(1).max(12);
/** ISO weekday: 1 = Monday ... 7 = Sunday. */
const IsoWeekday = z.number().int().min(1).max(7);

/** How a key date falls in a year: rules, not lists (DOMAIN.md). */
export const DateRule = z.discriminatedUnion('type', [
  z.object({ type: z.literal('fixed'), month: Month, day: z.number().int().min(1).max(31) }),
  /** The n-th (1-5) given weekday of a month, e.g. third Saturday of September. */
  z.object({ type: z.literal('nth-weekday'), month: Month, weekday: IsoWeekday, n: z.number().int().min(1).max(5) }),
  z.object({ type: z.literal('last-weekday'), month: Month, weekday: IsoWeekday }),
  z.object({ type: z.literal('last-day'), month: Month }),
  /** Offset from another key date, in calendar days or in working days. */
  z.object({
    type: z.literal('offset'),
    from: Id,
    days: z.number().int().min(-366).max(366),
    unit: z.enum(['days', 'workdays']).default('days'),
  }),
]);
export type DateRule = z.infer<typeof DateRule>;

/** A timed phase of a key date, e.g. the siren test's 预先警报 11:35-11:38. */
export const Phase = z.object({
  id: Id,
  title: LocalizedText,
  start: LocalTime,
  end: LocalTime,
  /** Sound pattern, e.g. 鸣36秒停24秒，反复3遍. */
  pattern: LocalizedText.optional(),
});
export type Phase = z.infer<typeof Phase>;

/** A per-year override of a key date (e.g. a siren test moved by that year's notice). */
export const KeyDateOverride = z.object({
  date: LocalDate.optional(),
  phases: z.array(Phase).optional(),
  /** No occurrence that year. */
  cancelled: z.boolean().optional(),
  source: z.string().optional(),
});
/** A parsed {@link KeyDateOverride}. */
export type KeyDateOverride = z.infer<typeof KeyDateOverride>;

/**
 * A key date as a rule: fixed month-day, nth or last weekday, last day of a month, or an offset from another key date; with phases, effective years and overrides (zod schema).
 */
export const KeyDateRule = z.object({
  id: Id,
  title: LocalizedText,
  rule: DateRule,
  /** First year the day exists (e.g. 2001 for National Defence Education Day). */
  since: Year.optional(),
  until: Year.optional(),
  phases: z.array(Phase).optional(),
  /** Per-year changes, keyed by year: `{ "2014": { phases: [...] } }`. */
  overrides: z.record(z.string().regex(/^\d{4}$/), KeyDateOverride).optional(),
  /** Where the rule comes from (law, notice, press report). */
  source: z.string().min(1),
  /** False when the fact should be confirmed each year (DOMAIN.md "confirm"). */
  confirmed: z.boolean().default(true),
  /**
   * The last year a published notice confirmed (e.g. Shanghai's siren times, published through
   * 2025): later years are unconfirmed until a per-year override (that year's notice) is given.
   */
  confirmedThrough: Year.optional(),
});
/** A parsed {@link KeyDateRule}. */
export type KeyDateRule = z.infer<typeof KeyDateRule>;

/** A region's key-date rules: where its air-raid siren test falls and at what times. */
export const RegionProfile = z.object({
  id: Id,
  name: LocalizedText,
  timeZone: z.string().min(1).default('Asia/Shanghai'),
  /** Rules added to or replacing the built-in national ones (matched by id). */
  keyDates: z.array(KeyDateRule),
  source: z.string().min(1),
});
export type RegionProfile = z.infer<typeof RegionProfile>;

/** A key date computed for one year. */
export const KeyDate = z.object({
  id: Id,
  date: LocalDate,
  title: z.string(),
  titleEn: z.string(),
  /** ISO 8601 with offset, e.g. `2026-09-19T11:35:00+08:00`, for timed entries. */
  start: z.string().optional(),
  end: z.string().optional(),
  phases: z
    .array(z.object({ id: Id, title: z.string(), titleEn: z.string(), start: z.string(), end: z.string(), pattern: LocalizedText.optional() }))
    .optional(),
  isWorkday: z.boolean(),
  source: z.string(),
  confirmed: z.boolean(),
  /** E.g. "no official holiday data for 2027: working days assume weekends only". */
  warnings: z.array(LocalizedText),
});
export type KeyDate = z.infer<typeof KeyDate>;

/** Well-known key-date ids (the catalog's due rules refer to them). */
export const KEY_DATE_IDS = {
  educationDay: 'national-defense-education-day',
  sirenTest: 'air-raid-siren-test',
  disasterPreventionDay: 'disaster-prevention-day',
  fireSafetyDay: 'fire-safety-day',
  civilDefenseDay: 'civil-defense-day',
  securityEducationDay: 'national-security-education-day',
  annualPlanDeadline: 'annual-plan-deadline',
} as const;
