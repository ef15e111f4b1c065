/**
 * A year's public holidays as a working-day calendar knows them, for listing (`liujin dates`):
 * where they come from, each day flagged when provisional (the statutory days of the national
 * regulation for a year without a State Council arrangement), and the make-up workdays, which a
 * provisional year cannot know (its warning says so). Issue 19.
 */
import type { LocalizedText } from '../model/text';
import type { PublicHoliday, WorkdayCalendar, WorkdayDataSource } from './workdays';

/** A year's days off as `liujin dates` lists them: where they come from, each day, the make-up workdays and the warnings. */
export interface PublicHolidayList {
  readonly source: WorkdayDataSource;
  readonly provisional: boolean;
  readonly days: readonly (PublicHoliday & { readonly provisional: boolean })[];
  readonly makeUpWorkdays: readonly string[];
  readonly warnings: readonly LocalizedText[];
}

/** The public holidays of `year` on `calendar`: official, from a user's file, or provisional (flagged, no make-up workdays). */
export function publicHolidaysFor(year: number, calendar: WorkdayCalendar): PublicHolidayList {
  const source = calendar.dataSourceFor(year);
  const provisional = source === 'provisional';
  return {
    source,
    provisional,
    days: calendar.holidaysOf(year).map((h) => ({ date: h.date, name: h.name, provisional })),
    makeUpWorkdays: calendar.makeUpWorkdaysOf(year),
    warnings: calendar.warningsFor(year),
  };
}

const SOURCE_LABELS: Readonly<Record<WorkdayDataSource, LocalizedText>> = {
  official: { zh: '国务院安排', en: 'State Council arrangement' },
  user: { zh: '--holidays 文件', en: '--holidays file' },
  provisional: { zh: '临时：法定假日', en: 'provisional: statutory days' },
  'weekends-only': { zh: '无数据', en: 'no data' },
};

/** The list as text lines: a heading, one line per day (flagged `[临时]` when provisional), the make-up workdays. */
export function publicHolidayLines(year: number, list: PublicHolidayList, lang: 'zh' | 'en'): string[] {
  const zh = lang === 'zh';
  const label = SOURCE_LABELS[list.source][lang];
  const flag = list.provisional ? (zh ? '  [临时]' : '  [provisional]') : '';
  return [
    zh ? `${year} 年公众假日（${label}）` : `Public holidays ${year} (${label})`,
    ...list.days.map((d) => `${d.date}  ${d.name[lang]}${flag}`),
    ...(list.makeUpWorkdays.length > 0 ? [`${zh ? '调休上班' : 'Make-up workdays'}: ${list.makeUpWorkdays.join(zh ? '、' : ', ')}`] : []),
  ];
}
