/**
 * The dates a command computes with, built once from its options (issue 19): the region (a
 * built-in profile by `--region`, a profile file by `--region-file`, else the registry district's
 * region) and the working-day calendar (the bundled State Council arrangements, the user's
 * `--holidays` year files, which win, and provisional statutory holidays for years without data).
 * Every command that computes dates (dates, plan, calendar, templates, audit, serve) uses this.
 */
import { createWorkdayCalendar, defaultWorkdayCalendar, getRegionProfile, listRegionProfiles, parseHolidayYear, parseRegionProfile, problem, type HolidayYear, type Problem, type RegionProfile, type Registry, type WorkdayCalendar } from '@liujin/core';
import { readJson } from '../inputs';
import { InputError } from '../runtime';

export interface DateContext {
  /** What planYear, keyDatesFor and the evaluator take: a built-in profile's id, or the profile read from `--region-file`. */
  readonly region: string | RegionProfile;
  /** The region's id, for headings and the audit's `region` field. */
  readonly regionId: string;
  readonly timeZone: string;
  readonly workdays: WorkdayCalendar;
  /** The years `--holidays` supplied. */
  readonly suppliedYears: readonly number[];
}

/** Checks a region id against the built-in profiles, listing the valid ones. */
export function checkRegion(region: string): string {
  const known = listRegionProfiles().map((p) => p.id);
  if (!known.includes(region)) {
    throw new InputError([
      problem('unknown_region', { zh: `未知地区「${region}」，可用：${known.join('、')}`, en: `unknown region "${region}"; known: ${known.join(', ')}` }, { path: ['--region'] }),
    ]);
  }
  return region;
}

/** `--region` when given, else the registry's district region (issue 18: a Beijing registry plans with Beijing's siren test). */
export function regionFor(option: unknown, registry: Pick<Registry, 'district'>): string {
  return checkRegion(option === undefined ? registry.district.region : String(option));
}

function validTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A `--region-file`: a RegionProfile JSON (docs/key-dates.md), checked whole; problems name the file and path. */
export async function readRegionFile(file: string): Promise<RegionProfile> {
  const result = parseRegionProfile(await readJson(file), file);
  if (!result.ok) throw new InputError(result.problems);
  const profile = result.value;
  if (!validTimeZone(profile.timeZone)) {
    throw new InputError([
      problem('invalid_time_zone', { zh: `未知时区「${profile.timeZone}」：应为 IANA 时区名，如 Asia/Shanghai、Asia/Urumqi`, en: `unknown time zone "${profile.timeZone}": expected an IANA zone name such as Asia/Shanghai or Asia/Urumqi` }, { file, path: ['timeZone'] }),
    ]);
  }
  return profile;
}

/** A `--holidays` file: one HolidayYear object or an array of them (docs/key-dates.md); every problem at once. */
export async function readHolidaysFile(file: string): Promise<HolidayYear[]> {
  const json = await readJson(file);
  const items = Array.isArray(json) ? json : [json];
  const problems: Problem[] = [];
  const years: HolidayYear[] = [];
  items.forEach((item, index) => {
    const result = parseHolidayYear(item, file);
    const prefix = Array.isArray(json) ? [index] : [];
    if (!result.ok) for (const p of result.problems) problems.push({ ...p, path: [...prefix, ...(p.path ?? [])] });
    else if (years.some((y) => y.year === result.value.year)) {
      problems.push(problem('duplicate_year', { zh: `${result.value.year} 年重复出现`, en: `the year ${result.value.year} appears twice` }, { file, path: [...prefix, 'year'] }));
    } else years.push(result.value);
  });
  if (items.length === 0) problems.push(problem('empty_holidays', { zh: '文件中没有任何年份', en: 'the file holds no year' }, { file }));
  if (problems.length > 0) throw new InputError(problems);
  return years;
}

/**
 * The date context of a command's options: `--region-file` wins over `--region`; without either,
 * the registry district's region (a Beijing registry plans with Beijing's siren test), else shanghai.
 */
export async function dateContextFor(options: Record<string, unknown>, registry?: Pick<Registry, 'district'>): Promise<DateContext> {
  const regionFile = options['regionFile'] === undefined ? undefined : String(options['regionFile']);
  const holidaysFile = options['holidays'] === undefined ? undefined : String(options['holidays']);
  const [profile, years] = await Promise.all([
    regionFile !== undefined ? readRegionFile(regionFile) : undefined,
    holidaysFile !== undefined ? readHolidaysFile(holidaysFile) : [],
  ]);
  // Without year files, the shared default calendar (its memo serves every command alike).
  const workdays = years.length > 0 ? createWorkdayCalendar({ years }) : defaultWorkdayCalendar();
  const suppliedYears = years.map((y) => y.year).sort();
  if (profile) return { region: profile, regionId: profile.id, timeZone: profile.timeZone, workdays, suppliedYears };
  const id = checkRegion(options['region'] !== undefined ? String(options['region']) : (registry?.district.region ?? 'shanghai'));
  return { region: id, regionId: id, timeZone: getRegionProfile(id)?.timeZone ?? 'Asia/Shanghai', workdays, suppliedYears };
}
