/**
 * Working days in mainland China. Official holidays and 调休 make-up workdays are set each year
 * by a State Council notice and cannot be computed by rule, so they come from data: the
 * `chinese-days` package plus user-supplied year files (which win). A year with neither is
 * "provisional": the statutory days of the national holiday regulation (statutory-holidays.ts),
 * no make-up workdays (they cannot be predicted), and a warning saying so wherever a date
 * depends on it (DOMAIN.md: the package answers as if a missing year had no holidays, so
 * coverage is detected here). `provisional: false` keeps weekends only instead.
 */
// The package's precomputed data, not its API: its functions build their tables with the host's
// time zone at import time and shift every date by a day west of UTC (measured under
// America/New_York). The JSON is bundled into our build (tsup noExternal).
import holidayData from 'chinese-days/dist/chinese-days.json';
import { z } from 'zod';
import { problemsFromZod, type ParseResult } from '../model/problem';
import { LocalDate, type LocalizedText } from '../model/text';
import { addDays, isoWeekday, toLocalDate, type DateInput } from './local-date';
import { holidayRegulationFor, statutoryHolidays } from './statutory-holidays';

/**
 * One year of official holidays and 调休 make-up working days (zod schema), as published by the State Council; user overrides use the same shape.
 */
export const HolidayYear = z.object({
  year: z.number().int().min(1949).max(2200),
  /** Where the data comes from, e.g. 国务院办公厅关于2027年部分节假日安排的通知. */
  source: z.string().trim().min(1),
  holidays: z.array(z.object({ date: LocalDate, name: z.string().trim().min(1) })),
  /** Weekend days that are working days (调休). */
  workdays: z.array(LocalDate),
});
/** A parsed {@link HolidayYear}. */
export type HolidayYear = z.infer<typeof HolidayYear>;

/**
 * Where a year's working days come from: the State Council's arrangement (package data), a
 * user's year file, the statutory days alone (`provisional`), or weekends alone.
 */
export type WorkdayDataSource = 'official' | 'user' | 'provisional' | 'weekends-only';

/** Statutory holidays are known for these years; outside them a year without data is weekends only. */
const PROVISIONAL_YEARS = { from: 2000, to: 2100 } as const;

/** A day off of a year's arrangement (statutory day or bridging day), as the data names it. */
export interface PublicHoliday {
  readonly date: string;
  readonly name: LocalizedText;
}

interface YearTable {
  source: WorkdayDataSource;
  /** Every day off the data names, weekends included, in date order. */
  holidays: PublicHoliday[];
  /** Dates that are days off although weekdays (holidays). */
  off: Set<string>;
  /** Weekend dates that are working days. */
  on: Set<string>;
}

/** Working days from data (official holidays and 调休 make-up days), never from a formula. */
export interface WorkdayCalendar {
  /** True when `date` is a working day. */
  isWorkday(date: DateInput): boolean;
  /** The first working day strictly after `date`. */
  nextWorkday(date: DateInput): string;
  /** The last working day strictly before `date`. */
  previousWorkday(date: DateInput): string;
  /**
   * `n` working days after `date` (before it when negative). With `n = 0`, `date` itself when it
   * is a working day, else the next working day.
   */
  addWorkdays(date: DateInput, n: number): string;
  /** Where this year's working days come from. */
  dataSourceFor(year: number): WorkdayDataSource;
  /** The year's days off as the data lists them (empty for a weekends-only year). */
  holidaysOf(year: number): readonly PublicHoliday[];
  /** The year's weekend make-up workdays (调休); empty for provisional years, which cannot know them. */
  makeUpWorkdaysOf(year: number): readonly string[];
  /** Warnings for results that depend on this year's working days (empty with official data). */
  warningsFor(year: number): LocalizedText[];
  /**
   * The data a calendar of {@link createWorkdayCalendar} was made from, so that another thread (a
   * streamed audit's workers) can make the same calendar; absent from calendars made otherwise.
   */
  readonly options?: WorkdayCalendarOptions;
}

/**
 * Parses and checks one year of holiday data (every date in that year); problems are returned as data.
 */
export function parseHolidayYear(json: unknown, file?: string): ParseResult<HolidayYear> {
  const result = HolidayYear.safeParse(json);
  if (!result.success) return { ok: false, problems: problemsFromZod(result.error, file ? { file } : {}) };
  const outside = (date: string) => !date.startsWith(`${result.data.year}-`);
  const problems = [
    ...result.data.holidays.flatMap((h, i) => (outside(h.date) ? [{ date: h.date, path: ['holidays', i, 'date'] }] : [])),
    ...result.data.workdays.flatMap((date, i) => (outside(date) ? [{ date, path: ['workdays', i] }] : [])),
  ].map(({ date, path }) => ({
    code: 'date_outside_year',
    severity: 'error' as const,
    path,
    message: { zh: `日期 ${date} 不在 ${result.data.year} 年内`, en: `date ${date} is outside ${result.data.year}` },
    ...(file ? { file } : {}),
  }));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: result.data, problems: [] };
}

interface PackageData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

let packageTables: Map<number, YearTable> | undefined;

/** The package's years as tables; a year it lacks is absent (never "a year without holidays"). */
function packageTable(year: number): YearTable | undefined {
  if (!packageTables) {
    packageTables = new Map();
    const data = holidayData as PackageData;
    const tableOf = (date: string) => {
      const y = Number(date.slice(0, 4));
      let table = packageTables!.get(y);
      if (!table) packageTables!.set(y, (table = { source: 'official', holidays: [], off: new Set(), on: new Set() }));
      return table;
    };
    // Values read "Spring Festival,春节,4": English name, Chinese name, length of the festival.
    for (const [date, value] of Object.entries(data.holidays).sort(([a], [b]) => (a < b ? -1 : 1))) {
      const [en = '', zh = en] = value.split(',');
      tableOf(date).holidays.push({ date, name: { zh, en } });
      if (isoWeekday(date) < 6) tableOf(date).off.add(date);
    }
    for (const date of Object.keys(data.workdays)) if (isoWeekday(date) >= 6) tableOf(date).on.add(date);
  }
  return packageTables.get(year);
}

const FESTIVAL_EN: Readonly<Record<string, string>> = {
  元旦: "New Year's Day",
  春节: 'Spring Festival',
  清明节: 'Tomb-sweeping Day',
  劳动节: 'Labour Day',
  端午节: 'Dragon Boat Festival',
  中秋节: 'Mid-autumn Festival',
  国庆节: 'National Day',
};

function provisionalTable(year: number): YearTable {
  const holidays = statutoryHolidays(year).map((h) => ({ date: h.date, name: { zh: h.name, en: FESTIVAL_EN[h.name] ?? h.name } }));
  return { source: 'provisional', holidays, off: new Set(holidays.map((h) => h.date).filter((d) => isoWeekday(d) < 6)), on: new Set() };
}

/** Options of {@link createWorkdayCalendar}. */
export interface WorkdayCalendarOptions {
  /** Year files (official arrangements the package lacks, or corrections); they win over the package. */
  years?: readonly HolidayYear[];
  /** Use the statutory days for years without data (default true); false counts weekends only. */
  provisional?: boolean;
}

/**
 * A working-day calendar from the package's official data plus `years` (user data, which wins for its
 * years); years without data get the statutory days (provisional) unless `provisional` is false.
 */
export function createWorkdayCalendar(options: WorkdayCalendarOptions = {}): WorkdayCalendar {
  const provisional = options.provisional ?? true;
  const tables = new Map<number, YearTable>();
  for (const y of options.years ?? []) {
    const holidays = [...y.holidays].sort((a, b) => (a.date < b.date ? -1 : 1)).map((h) => ({ date: h.date, name: { zh: h.name, en: FESTIVAL_EN[h.name] ?? h.name } }));
    tables.set(y.year, { source: 'user', holidays, off: new Set(holidays.map((h) => h.date).filter((d) => isoWeekday(d) < 6)), on: new Set(y.workdays) });
  }
  const tableFor = (year: number): YearTable => {
    let table = tables.get(year);
    if (!table) {
      table =
        packageTable(year) ??
        (provisional && year >= PROVISIONAL_YEARS.from && year <= PROVISIONAL_YEARS.to ? provisionalTable(year) : { source: 'weekends-only', holidays: [], off: new Set(), on: new Set() });
      tables.set(year, table);
    }
    return table;
  };
  const isWorkday = (input: DateInput): boolean => {
    const date = toLocalDate(input);
    const table = tableFor(Number(date.slice(0, 4)));
    if (table.on.has(date)) return true;
    if (table.off.has(date)) return false;
    return isoWeekday(date) < 6;
  };
  const step = (input: DateInput, direction: 1 | -1): string => {
    let date = addDays(input, direction);
    for (let i = 0; i < 400 && !isWorkday(date); i++) date = addDays(date, direction);
    return date;
  };
  // Deadlines repeat across thousands of units (the same activity dates, the same offsets).
  const memo = new Map<string, string>();
  return {
    options: { ...(options.years ? { years: options.years } : {}), provisional },
    isWorkday,
    nextWorkday: (date) => step(date, 1),
    previousWorkday: (date) => step(date, -1),
    addWorkdays(input, n) {
      if (!Number.isInteger(n)) throw new RangeError(`addWorkdays: n must be an integer, got ${n}`);
      // Audits ask for the same few hundred deadlines millions of times: look up before parsing.
      if (typeof input === 'string') {
        const hit = memo.get(`${input}|${n}`);
        if (hit !== undefined) return hit;
      }
      let date = toLocalDate(input);
      const key = `${date}|${n}`;
      const known = memo.get(key);
      if (known !== undefined) return known;
      if (memo.size > 100_000) memo.clear();
      const start = date;
      if (n === 0) return isWorkday(date) ? date : step(date, 1);
      const direction = n > 0 ? 1 : -1;
      for (let i = 0; i < Math.abs(n); i++) date = step(date, direction);
      memo.set(`${start}|${n}`, date);
      return date;
    },
    dataSourceFor: (year) => tableFor(year).source,
    holidaysOf: (year) => tableFor(year).holidays,
    makeUpWorkdaysOf: (year) => [...tableFor(year).on].sort(),
    warningsFor(year) {
      const source = tableFor(year).source;
      if (source === 'provisional') {
        return [
          {
            zh: `${year} 年国务院节假日安排尚未纳入：暂按${holidayRegulationFor(year)}的法定假日计算（临时），调休上班日无法预知、未计入；安排公布后请用 --holidays 提供该年数据`,
            en: `${year}: no State Council holiday arrangement yet: provisional statutory holidays of the national holiday regulation are used; make-up workdays cannot be predicted and are not counted; supply the year with --holidays once the arrangement is published`,
          },
        ];
      }
      if (source === 'weekends-only') {
        return [
          {
            zh: `${year} 年没有节假日数据：工作日仅按周末计算（可用 --holidays 提供该年数据）`,
            en: `no holiday data for ${year}: working days count weekends only (supply the year with --holidays)`,
          },
        ];
      }
      return [];
    },
  };
}

const defaultCalendar = createWorkdayCalendar();

/** Working-day functions on the default calendar (package data only). */
export const isWorkday = (date: DateInput): boolean => defaultCalendar.isWorkday(date);
/** The first working day after `date` on the default calendar. */
export const nextWorkday = (date: DateInput): string => defaultCalendar.nextWorkday(date);
/** The last working day before `date` on the default calendar. */
export const previousWorkday = (date: DateInput): string => defaultCalendar.previousWorkday(date);
/** `n` working days after `date` on the default calendar (see {@link WorkdayCalendar.addWorkdays}). */
export const addWorkdays = (date: DateInput, n: number): string => defaultCalendar.addWorkdays(date, n);
/** Where the default calendar's working days for `year` come from. */
export const workdayDataSource = (year: number): WorkdayDataSource => defaultCalendar.dataSourceFor(year);
/** The default working-day calendar (package data only). */
export const defaultWorkdayCalendar = (): WorkdayCalendar => defaultCalendar;
