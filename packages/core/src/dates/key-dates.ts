/**
 * Computes a year's key dates from rules: fixed days, n-th or last weekdays, last days of a
 * month, offsets (in days or working days) from other key dates, effective years and per-year
 * overrides. The result is sorted by date, then id, and is the same whatever the host's zone.
 */
import type { DateRule, KeyDate, KeyDateRule, RegionProfile } from '../model/key-date';
import { problem, type ParseResult, type Problem } from '../model/problem';
import { addDays, daysInMonth, isoWeekday, makeLocalDate, zoneOffset } from './local-date';
import { DEFAULT_REGION, getRegionProfile } from './regions';
import { BUILT_IN_KEY_DATE_RULES } from './rules';
import { defaultWorkdayCalendar, type WorkdayCalendar } from './workdays';

/** Options of {@link keyDatesFor}: region profile, working-day calendar and extra rules. */
export interface KeyDateOptions {
  /** Region profile id or object; default `shanghai`. */
  region?: string | RegionProfile;
  workdays?: WorkdayCalendar;
  /** More rules, added to (or replacing, by id) the built-in and regional ones. */
  extraRules?: readonly KeyDateRule[];
}

/** Thrown by `keyDatesFor` for misuse (unknown region, broken rules); `resolveKeyDates` returns problems instead. */
export class KeyDateError extends Error {
  override readonly name = 'KeyDateError';
  constructor(readonly problems: readonly Problem[]) {
    super(problems.map((p) => p.message.en).join('; '));
  }
}

function simpleDate(rule: Exclude<DateRule, { type: 'offset' }>, year: number): string | undefined {
  switch (rule.type) {
    case 'fixed':
      return rule.day <= daysInMonth(year, rule.month) ? makeLocalDate(year, rule.month, rule.day) : undefined;
    case 'last-day':
      return makeLocalDate(year, rule.month, daysInMonth(year, rule.month));
    case 'nth-weekday': {
      const first = makeLocalDate(year, rule.month, 1);
      const day = 1 + ((rule.weekday - isoWeekday(first) + 7) % 7) + (rule.n - 1) * 7;
      return day <= daysInMonth(year, rule.month) ? makeLocalDate(year, rule.month, day) : undefined;
    }
    case 'last-weekday': {
      const last = daysInMonth(year, rule.month);
      const lastDate = makeLocalDate(year, rule.month, last);
      return makeLocalDate(year, rule.month, last - ((isoWeekday(lastDate) - rule.weekday + 7) % 7));
    }
  }
}

function regionOf(region: KeyDateOptions['region']): RegionProfile | Problem {
  if (typeof region === 'object') return region;
  const id = region ?? DEFAULT_REGION;
  return getRegionProfile(id) ?? problem('unknown_region', { zh: `未知地区「${id}」`, en: `unknown region "${id}"` }, { path: ['region'] });
}

/** Resolves every rule for a year, returning problems (unknown references, cycles) as data. */
export function resolveKeyDates(year: number, options: KeyDateOptions = {}): ParseResult<KeyDate[]> {
  const region = regionOf(options.region);
  if ('code' in region) return { ok: false, problems: [region] };
  const calendar = options.workdays ?? defaultWorkdayCalendar();
  const rules = new Map<string, KeyDateRule>();
  for (const rule of [...BUILT_IN_KEY_DATE_RULES, ...region.keyDates, ...(options.extraRules ?? [])]) rules.set(rule.id, rule);

  const problems: Problem[] = [];
  const dates = new Map<string, string | null>(); // null: the day does not occur this year
  const resolving = new Set<string>();
  const failed = new Set<string>(); // reported once, not again for every rule that refers to it
  const resolve = (id: string, path: string[]): string | null | undefined => {
    if (dates.has(id)) return dates.get(id);
    if (failed.has(id)) return undefined;
    const rule = rules.get(id);
    if (!rule) {
      problems.push(problem('unknown_key_date', { zh: `引用了不存在的关键日期「${id}」`, en: `reference to unknown key date "${id}"` }, { path }));
      return undefined;
    }
    if (resolving.has(id)) {
      problems.push(problem('key_date_cycle', { zh: `关键日期循环引用：${[...resolving, id].join(' → ')}`, en: `key dates refer to each other in a cycle: ${[...resolving, id].join(' -> ')}` }, { path }));
      return undefined;
    }
    resolving.add(id);
    let date: string | null | undefined;
    const override = rule.overrides?.[String(year)];
    if ((rule.since !== undefined && year < rule.since) || (rule.until !== undefined && year > rule.until) || override?.cancelled) date = null;
    else if (override?.date) date = override.date;
    else if (rule.rule.type === 'offset') {
      const from = resolve(rule.rule.from, [...path, rule.id]);
      if (from === undefined) date = undefined;
      else if (from === null) date = null;
      else date = rule.rule.unit === 'workdays' ? calendar.addWorkdays(from, rule.rule.days) : addDays(from, rule.rule.days);
    } else date = simpleDate(rule.rule, year) ?? null;
    resolving.delete(id);
    if (date !== undefined) dates.set(id, date);
    else failed.add(id);
    return date;
  };
  for (const id of rules.keys()) resolve(id, [id]);
  if (problems.length > 0) return { ok: false, problems };

  const warnings = calendar.warningsFor(year);
  const result: KeyDate[] = [];
  for (const [id, date] of dates) {
    if (date === null) continue;
    const rule = rules.get(id)!;
    const override = rule.overrides?.[String(year)];
    const phases = override?.phases ?? rule.phases;
    const stamp = (time: string) => `${date}T${time}:00${zoneOffset(region.timeZone, date, time)}`;
    const entry: KeyDate = {
      id,
      date,
      title: rule.title.zh,
      titleEn: rule.title.en,
      isWorkday: calendar.isWorkday(date),
      source: override?.source ?? rule.source,
      // A year past the last published notice is unconfirmed, unless that year's override gives it.
      confirmed: rule.confirmed && (rule.confirmedThrough === undefined || year <= rule.confirmedThrough || override?.phases !== undefined || override?.date !== undefined),
      warnings,
    };
    if (phases && phases.length > 0) {
      entry.start = stamp(phases[0]!.start);
      entry.end = stamp(phases[phases.length - 1]!.end);
      entry.phases = phases.map((p) => ({ id: p.id, title: p.title.zh, titleEn: p.title.en, start: stamp(p.start), end: stamp(p.end), ...(p.pattern ? { pattern: p.pattern } : {}) }));
    }
    result.push(entry);
  }
  result.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { ok: true, value: result, problems: [] };
}

/** A year's key dates; throws `KeyDateError` on an unknown region or broken rules. */
export function keyDatesFor(year: number, options: KeyDateOptions = {}): KeyDate[] {
  const result = resolveKeyDates(year, options);
  if (!result.ok) throw new KeyDateError(result.problems);
  return result.value;
}
