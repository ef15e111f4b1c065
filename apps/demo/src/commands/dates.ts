import { keyDatesFor, type KeyDate } from '@liujin/core';
import { EXIT, type GlobalOptions } from '../runtime';
import { outputFor, parseNow, parseYear } from './common';
import { dateContextFor, type DateContext } from './date-context';

export { checkRegion, regionFor } from './date-context';

function time(iso: string | undefined): string {
  return iso ? iso.slice(11, 16) : '';
}

export function formatKeyDates(dates: readonly KeyDate[], lang: 'zh' | 'en'): string[] {
  const lines: string[] = [];
  for (const d of dates) {
    const title = lang === 'zh' ? d.title : d.titleEn;
    const day = d.isWorkday ? '' : lang === 'zh' ? '（非工作日）' : ' (non-working day)';
    lines.push(`${d.date}  ${title}${day}`);
    for (const phase of d.phases ?? []) {
      lines.push(`            ${time(phase.start)}-${time(phase.end)}  ${lang === 'zh' ? phase.title : phase.titleEn}`);
    }
  }
  return lines;
}

/** The year's public holidays as the working-day data lists them, each flagged when provisional (issue 19). */
export function publicHolidaysFor(year: number, context: DateContext) {
  const source = context.workdays.dataSourceFor(year);
  const provisional = source === 'provisional';
  return {
    source,
    provisional,
    days: context.workdays.holidaysOf(year).map((h) => ({ date: h.date, name: h.name, provisional })),
    // Make-up workdays (调休) cannot be predicted: none for a provisional year, and the warnings say so.
    makeUpWorkdays: context.workdays.makeUpWorkdaysOf(year),
    warnings: context.workdays.warningsFor(year),
  };
}

export async function runDates(options: Record<string, unknown>, global: GlobalOptions): Promise<number> {
  const out = outputFor(global);
  const year = parseYear(options.year, parseNow(undefined));
  const context = await dateContextFor(options);
  const dates = keyDatesFor(year, { region: context.region, workdays: context.workdays });
  const holidays = publicHolidaysFor(year, context);
  if (global.json) {
    out.data({ year, region: context.regionId, timeZone: context.timeZone, keyDates: dates, publicHolidays: holidays });
    return EXIT.ok;
  }
  const zh = global.lang === 'zh';
  out.info(out.color.bold(zh ? `${year} 年关键日期（${context.regionId}）` : `Key dates ${year} (${context.regionId})`));
  for (const line of formatKeyDates(dates, global.lang)) out.info(line);
  out.info('');
  const sourceLabel = { official: zh ? '国务院安排' : 'State Council arrangement', user: zh ? '--holidays 文件' : '--holidays file', provisional: zh ? '临时：法定假日' : 'provisional: statutory days', 'weekends-only': zh ? '无数据' : 'no data' }[holidays.source];
  out.info(out.color.bold(zh ? `${year} 年公众假日（${sourceLabel}）` : `Public holidays ${year} (${sourceLabel})`));
  const flag = holidays.provisional ? (zh ? '  [临时]' : '  [provisional]') : '';
  for (const day of holidays.days) out.info(`${day.date}  ${day.name[global.lang]}${flag}`);
  if (holidays.makeUpWorkdays.length > 0) out.info(`${zh ? '调休上班' : 'Make-up workdays'}: ${holidays.makeUpWorkdays.join(zh ? '、' : ', ')}`);
  const warnings = new Set([...dates.flatMap((d) => d.warnings.map((w) => w[global.lang])), ...holidays.warnings.map((w) => w[global.lang])]);
  for (const w of warnings) out.warn(w);
  return EXIT.ok;
}
