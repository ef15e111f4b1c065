/**
 * "Today" and the default as-of date, read in the district's time zone (the notice's zone,
 * Asia/Shanghai, unless a region profile says otherwise): a run at 23:30 UTC on 31 December is
 * already 1 January in Qingpu.
 */
const DOMAIN_ZONE = 'Asia/Shanghai';

/** The calendar date (YYYY-MM-DD) in `timeZone` at the instant `now`. */
export function todayIn(now: Date, timeZone: string = DOMAIN_ZONE): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The year in `timeZone` at the instant `now`: the year a run plans or audits by default. */
export function yearIn(now: Date, timeZone: string = DOMAIN_ZONE): number {
  return Number(todayIn(now, timeZone).slice(0, 4));
}

/**
 * The as-of date of an audit of `year` when none is given: today while the year runs, its last
 * day once it is over, its first day before it begins (docs/audit.md).
 */
export function defaultAsOf(year: number, now: Date, timeZone: string = DOMAIN_ZONE): string {
  const today = todayIn(now, timeZone);
  if (today < `${year}-01-01`) return `${year}-01-01`;
  if (today > `${year}-12-31`) return `${year}-12-31`;
  return today;
}
