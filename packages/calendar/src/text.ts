/** Words of the feeds in the subscriber's language: labels, unit names, punctuation. */
import type { Lang, Task, Unit } from '@liujin/core';
import { UNIT_KIND_LABELS, isoWeekday, sectorLabel as coreSectorLabel } from '@liujin/core/plugin';

const FULL_TO_HALF: Readonly<Record<string, string>> = { '（': ' (', '）': ') ', '：': ': ', '，': ', ', '；': '; ', '、': ', ', '。': '. ', '“': '"', '”': '"', '‘': "'", '’': "'", '！': '! ', '？': '? ', '《': '"', '》': '"', '—': '-' };

/**
 * English text uses half-width punctuation: Chinese full-width marks in names and sources (the
 * clause 三（三）, a unit called 示例学校（东校区）) become their ASCII counterparts. Chinese text is kept.
 */
function halfWidth(text: string): string {
  return text
    .replace(/[（）：，；、。“”‘’！？《》—]/g, (c) => FULL_TO_HALF[c] ?? c)
    .replace(/ {2,}/g, ' ')
    .replace(/ ([),.:;])/g, '$1')
    .replace(/\( /g, '(')
    .replace(/ +$/gm, '')
    .replace(/^ +/gm, '');
}

/** The text for the feed's language: English strings pass through `halfWidth`. */
export function inLang(lang: Lang, zh: string, en: string): string {
  return lang === 'zh' ? zh : halfWidth(en);
}

export function sectorLabel(sector: Task['sector'], lang: Lang): string {
  return coreSectorLabel(sector, lang);
}

/** A unit's name in the feed's language: `nameEn` in English when the registry gives one. */
export function unitName(unit: Pick<Unit, 'name' | 'nameEn'>, lang: Lang): string {
  return lang === 'zh' ? unit.name : halfWidth(unit.nameEn ?? unit.name);
}

export function kindLabel(unit: Pick<Unit, 'kind'>, lang: Lang): string {
  return UNIT_KIND_LABELS[unit.kind][lang];
}

const WEEKDAYS: Readonly<Record<Lang, readonly string[]>> = {
  zh: ['星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

export function weekdayName(date: string, lang: Lang): string {
  return WEEKDAYS[lang][isoWeekday(date) - 1]!;
}

/** Names of the units an event concerns: all of them up to `limit`, then a count of the rest. */
export function listUnits(names: readonly string[], lang: Lang, limit = 40): string {
  const shown = names.slice(0, limit);
  const rest = names.length - shown.length;
  if (lang === 'zh') return `涉及单位（${names.length} 个）：${shown.join('、')}${rest > 0 ? `等，另 ${rest} 个单位见各单位日历（calendars/units/）` : ''}`;
  return `Units (${names.length}): ${shown.join('; ')}${rest > 0 ? `; and ${rest} more (see each unit's feed under calendars/units/)` : ''}`;
}
