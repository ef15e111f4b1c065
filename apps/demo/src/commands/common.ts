/** Option parsing shared by the commands: years, dates, `now`, and the output. */
import { defaultAsOf, problem } from '@liujin/core';
import { yearIn } from '@liujin/core/io';
import { InputError, createOutput, type GlobalOptions, type Output } from '../runtime';

function bad(option: string, zh: string, en: string): never {
  throw new InputError([problem('invalid_option', { zh: `${option}：${zh}`, en: `${option}: ${en}` }, { path: [option] })]);
}

export function parseYear(value: unknown, now: Date): number {
  if (value === undefined) return yearIn(now);
  const year = Number(value);
  if (!/^\d{4}$/.test(String(value)) || year < 2001 || year > 2100) bad('--year', '应为 2001 至 2100 之间的年份', 'expected a year from 2001 to 2100');
  return year;
}

export function parseYears(range: unknown, year: unknown, now: Date): number[] {
  if (range === undefined) return [parseYear(year, now)];
  const match = /^(\d{4})-(\d{4})$/.exec(String(range));
  if (!match) bad('--years', '应为 年份-年份，如 2025-2027', 'expected FROM-TO, e.g. 2025-2027');
  const from = parseYear(match[1], now);
  const to = parseYear(match[2], now);
  if (to < from || to - from > 20) bad('--years', '范围应从小到大，且不超过 20 年', 'the range must ascend and span at most 20 years');
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** The instants `--now` and SOURCE_DATE_EPOCH may name: the years `--year` accepts (2001-2100, Asia/Shanghai). */
const EARLIEST = Date.parse('2000-12-31T16:00:00Z');
const LATEST = Date.parse('2100-12-31T16:00:00Z');

/**
 * `--now`, else SOURCE_DATE_EPOCH (reproducible builds), else the clock. A value outside
 * 2001-2100 is refused like `--year` is: a plan or an audit for 1970 is never what was meant.
 */
export function parseNow(value: unknown, env: NodeJS.ProcessEnv = process.env): Date {
  if (value !== undefined) {
    const text = String(value);
    const date = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(text) ? new Date(text) : new Date(Number.NaN);
    if (Number.isNaN(date.getTime())) bad('--now', `「${text}」不是有效的时间（ISO 8601，如 2026-03-01T09:00:00+08:00）`, `"${text}" is not a valid ISO 8601 timestamp (e.g. 2026-03-01T09:00:00+08:00)`);
    if (date.getTime() < EARLIEST || date.getTime() >= LATEST) bad('--now', `「${text}」超出 2001 至 2100 年`, `"${text}" is outside the years 2001 to 2100`);
    return date;
  }
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    const seconds = /^\d{1,12}$/.test(epoch) ? Number(epoch) * 1000 : Number.NaN;
    if (!(seconds >= EARLIEST && seconds < LATEST)) {
      bad(
        'SOURCE_DATE_EPOCH',
        `「${epoch}」应为 2001 至 2100 年间某一时刻的 Unix 秒数（如 1790000000）；不需要时请取消该环境变量`,
        `"${epoch}" must be Unix seconds within the years 2001 to 2100 (e.g. 1790000000); unset the variable if it is not wanted`,
      );
    }
    return new Date(seconds);
  }
  return new Date();
}

function parseLocalDate(option: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const valid = m !== null && new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).toISOString().startsWith(text);
  if (!valid) bad(option, '应为存在的日期 YYYY-MM-DD', 'expected an existing date YYYY-MM-DD');
  return text;
}

/** `--as-of`, else the default of @liujin/core (`defaultAsOf`: today in the district's time zone, clamped to the year). */
export function asOfFor(year: number, value: unknown, now: Date): string {
  return parseLocalDate('--as-of', value) ?? defaultAsOf(year, now);
}

export function parsePercent(option: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 100) bad(option, '应为 0 至 100 的百分数', 'expected a percentage from 0 to 100');
  return n;
}

/** A count of units (a positive whole number), e.g. `--large-audit 100000`. */
export function parseUnitCount(option: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(String(value).replace(/[,_]/g, ''));
  if (!Number.isSafeInteger(n) || n < 1) bad(option, `应为正整数（单位数），读到「${String(value)}」`, `expected a whole number of units ≥ 1, read "${String(value)}"`);
  return n;
}

/** A positive whole number of something other than units, e.g. `--threads 2`. */
export function parseCount(option: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) bad(option, `应为正整数，读到「${String(value)}」`, `expected a whole number ≥ 1, read "${String(value)}"`);
  return n;
}

export function outputFor(global: GlobalOptions): Output {
  return createOutput(global);
}
