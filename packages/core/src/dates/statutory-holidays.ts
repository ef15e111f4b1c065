// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- lunar-javascript ships no types; the declaration travels with the one file that imports it
/// <reference path="../types/lunar-javascript.d.ts" />
/**
 * Provisional public holidays for a year the State Council has not arranged yet.
 *
 * The days themselves are fixed by 《全国年节及纪念日放假办法》 (the national holiday regulation,
 * State Council decree; amended 2007, 2013 and 2024): which festivals, how many days, and — for
 * the lunar festivals and Qingming — which lunar day or solar term. What no rule fixes is the
 * yearly arrangement around them: bridging days and the weekend make-up workdays (调休) are set
 * by each year's notice, so a provisional year has the statutory days only and says so.
 *
 * Lunar dates come from lunar-javascript (MIT), a maintained lunisolar calendar; we never
 * compute them ourselves.
 */
import { Lunar, Solar } from 'lunar-javascript';
import { addDays, makeLocalDate } from './local-date';

/** One statutory holiday of a year (national holiday regulation), computed, not announced. */
export interface StatutoryHoliday {
  readonly date: string;
  /** The festival, in Chinese as the regulation names it (元旦, 春节, 清明节, ...). */
  readonly name: string;
}

/** Which version of the regulation governs `year`, as the days each festival gets. */
interface RegulationVersion {
  /** First year the version applies to (its effective date is 1 January of that year). */
  readonly from: number;
  readonly source: string;
  /** Spring Festival: include New Year's Eve (除夕), and how many days from the first day. */
  readonly springEve: boolean;
  readonly springDays: number;
  readonly labourDays: number;
  /** Qingming, Dragon Boat and Mid-Autumn became holidays with the 2007 amendment (from 2008). */
  readonly traditional: boolean;
}

const VERSIONS: readonly RegulationVersion[] = [
  { from: 2025, source: '《全国年节及纪念日放假办法》（2024年修订，2025年1月1日起施行）', springEve: true, springDays: 3, labourDays: 2, traditional: true },
  { from: 2014, source: '《全国年节及纪念日放假办法》（2013年修订）', springEve: false, springDays: 3, labourDays: 1, traditional: true },
  { from: 2008, source: '《全国年节及纪念日放假办法》（2007年修订）', springEve: true, springDays: 2, labourDays: 1, traditional: true },
  { from: 2000, source: '《全国年节及纪念日放假办法》（1999年修订）', springEve: false, springDays: 3, labourDays: 3, traditional: false },
];

/** The regulation text that sets `year`'s statutory days. */
export function holidayRegulationFor(year: number): string {
  return versionFor(year).source;
}

function versionFor(year: number): RegulationVersion {
  const version = VERSIONS.find((v) => year >= v.from);
  if (!version) throw new RangeError(`statutory holidays are known from 2000 on, not for ${year}`);
  return version;
}

function range(start: string, days: number, name: string): StatutoryHoliday[] {
  return Array.from({ length: days }, (_, i) => ({ date: addDays(start, i), name }));
}

/**
 * The statutory public holidays of `year` under the regulation in force that year, sorted by
 * date: the days the regulation itself names, without the bridging days a yearly arrangement adds.
 */
export function statutoryHolidays(year: number): StatutoryHoliday[] {
  const v = versionFor(year);
  const firstMonth = Lunar.fromYmd(year, 1, 1).getSolar().toYmd();
  const holidays: StatutoryHoliday[] = [
    { date: makeLocalDate(year, 1, 1), name: '元旦' },
    ...(v.springEve ? [{ date: addDays(firstMonth, -1), name: '春节' }] : []),
    ...range(firstMonth, v.springDays, '春节'),
    ...range(makeLocalDate(year, 5, 1), v.labourDays, '劳动节'),
    ...range(makeLocalDate(year, 10, 1), 3, '国庆节'),
  ];
  if (v.traditional) {
    // 清明 is a solar term: read it from the lunar calendar's table for April of that year.
    const qingming = Solar.fromYmd(year, 4, 15).getLunar().getJieQiTable()['清明'];
    if (!qingming) throw new Error(`lunar-javascript gave no 清明 for ${year}`);
    holidays.push(
      { date: qingming.toYmd(), name: '清明节' },
      { date: Lunar.fromYmd(year, 5, 5).getSolar().toYmd(), name: '端午节' },
      { date: Lunar.fromYmd(year, 8, 15).getSolar().toYmd(), name: '中秋节' },
    );
  }
  return holidays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
