import { keyDatesFor, publicHolidaysFor } from '@liujin/core';
import { keyDateLines, keyDatesHeading, publicHolidayLines } from '@liujin/core/plugin';
import { EXIT, type GlobalOptions } from '../runtime';
import { outputFor, parseNow, parseYear } from './common';
import { dateContextFor } from './date-context';

export { checkRegion, regionFor } from './date-context';

export async function runDates(options: Record<string, unknown>, global: GlobalOptions): Promise<number> {
  const out = outputFor(global);
  const year = parseYear(options.year, parseNow(undefined));
  const context = await dateContextFor(options);
  const dates = keyDatesFor(year, { region: context.region, workdays: context.workdays });
  const holidays = publicHolidaysFor(year, context.workdays);
  if (global.json) {
    out.data({ year, region: context.regionId, timeZone: context.timeZone, keyDates: dates, publicHolidays: holidays });
    return EXIT.ok;
  }
  out.info(out.color.bold(keyDatesHeading(year, context.regionId, global.lang)));
  for (const line of keyDateLines(dates, global.lang)) out.info(line);
  out.info('');
  const [heading, ...lines] = publicHolidayLines(year, holidays, global.lang);
  out.info(out.color.bold(heading!));
  for (const line of lines) out.info(line);
  const warnings = new Set([...dates.flatMap((d) => d.warnings.map((w) => w[global.lang])), ...holidays.warnings.map((w) => w[global.lang])]);
  for (const w of warnings) out.warn(w);
  return EXIT.ok;
}
