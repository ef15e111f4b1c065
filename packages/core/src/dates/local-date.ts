/**
 * Calendar dates as `YYYY-MM-DD` strings, computed with UTC arithmetic so the host's time zone
 * never shifts a day. A `Date` object is read as its calendar date in Asia/Shanghai, the
 * notice's zone.
 */
import type { LocalDate } from '../model/text';

const DOMAIN_ZONE = 'Asia/Shanghai';
const shanghaiDate = new Intl.DateTimeFormat('en-CA', { timeZone: DOMAIN_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * A calendar date as a `LocalDate` string (YYYY-MM-DD), any ISO string, or a `Date` (read in Asia/Shanghai).
 */
export type DateInput = LocalDate | string | Date;

function fromParts(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function utc(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

function fromUtc(ms: number): string {
  const dt = new Date(ms);
  return fromParts(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

/** Normalises a date string or Date to `YYYY-MM-DD`; throws a RangeError on an impossible date. */
export function toLocalDate(input: DateInput): string {
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) throw new RangeError('invalid Date');
    return shanghaiDate.format(input);
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input);
  if (!m) throw new RangeError(`expected a date as YYYY-MM-DD, got ${JSON.stringify(input)}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) throw new RangeError(`no such date: ${input}`);
  return input;
}

/** The date `year-month-day` as YYYY-MM-DD (month 1-12). */
export function makeLocalDate(year: number, month: number, day: number): string {
  return fromParts(year, month, day);
}

/** Number of days in `month` (1-12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `date` plus `days` calendar days (minus when negative), as YYYY-MM-DD. */
export function addDays(date: DateInput, days: number): string {
  return fromUtc(utc(toLocalDate(date)) + days * 86_400_000);
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: DateInput): number {
  const day = new Date(utc(toLocalDate(date))).getUTCDay();
  return day === 0 ? 7 : day;
}

/** Whole days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: DateInput, b: DateInput): number {
  return Math.round((utc(toLocalDate(b)) - utc(toLocalDate(a))) / 86_400_000);
}

/**
 * The UTC offset of a time zone at a wall-clock time, as `+08:00`, from the platform's time-zone
 * data (never hard-coded), so a region in another zone works too.
 */
export function zoneOffset(timeZone: string, date: string, time: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const guess = Date.UTC(y, m - 1, d, hh, mm);
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' }).formatToParts(new Date(guess));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asZone = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  const minutes = Math.round((asZone - guess) / 60_000);
  const sign = minutes >= 0 ? '+' : '-';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
