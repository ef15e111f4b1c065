/** The year's key dates as text: one line per date, siren phases indented under it (`liujin dates`, key-dates.md). */
import type { KeyDate } from '../model/key-date';
import type { Lang } from '../model/text';
import { markdownText } from './safe-text';

const time = (iso: string | undefined): string => (iso ? iso.slice(11, 16) : '');

/** One line per key date (`YYYY-MM-DD  title`, marked when not a working day), then its phases. */
export function keyDateLines(dates: readonly KeyDate[], lang: Lang): string[] {
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

/** The heading of a year's key dates for a region. */
export function keyDatesHeading(year: number, region: string, lang: Lang): string {
  return lang === 'zh' ? `${year} 年关键日期（${region}）` : `Key dates ${year} (${region})`;
}

/**
 * key-dates.md: the heading and the lines of `keyDateLines` in a code block (columns stay aligned).
 * The fence is longer than any run of backticks in the text, so nothing inside can close it
 * (CommonMark §4.5): titles from a user's catalog or region file stay text.
 */
export function renderKeyDatesMarkdown(dates: readonly KeyDate[], options: { year: number; region: string }, lang: Lang): string {
  const lines = keyDateLines(dates, lang);
  const fence = '`'.repeat(Math.max(3, ...lines.map((l) => Math.max(0, ...(l.match(/`+/g) ?? []).map((r) => r.length + 1)))));
  return [`# ${markdownText(keyDatesHeading(options.year, options.region, lang))}`, '', fence, ...lines, fence, ''].join('\n');
}
