import { z } from 'zod';

/** Text in both languages of the library: Chinese (the default) and English. */
export const LocalizedText = z.object({
  zh: z.string().min(1),
  en: z.string().min(1),
});
export type LocalizedText = z.infer<typeof LocalizedText>;

/** Output language: `zh` (default) or `en`. */
export const Lang = z.enum(['zh', 'en']);
/** One language of {@link Lang}. */
export type Lang = z.infer<typeof Lang>;

/** A calendar date without time or zone, `YYYY-MM-DD`; checked to exist (no 2026-02-30). */
export const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a date as YYYY-MM-DD' })
  .refine(isRealDate, { message: 'no such calendar date' });
export type LocalDate = z.infer<typeof LocalDate>;

/** A wall-clock time `HH:MM` (24 h), read in the region's time zone. */
export const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'expected a time as HH:MM' });
export type LocalTime = z.infer<typeof LocalTime>;

/** A plan or audit year (1949-2200). */
export const Year = z.number().int().min(1949).max(2200);

function isRealDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  if (m < 1 || m > 12 || d < 1) return false;
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= daysInMonth;
}

/** A stable identifier: lower-case letters, digits, `-`, `_` and `.`; derived from content, never random. */
export const Id = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: 'ids use letters, digits, ".", "-" and "_" only' });
