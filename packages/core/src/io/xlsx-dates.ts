/**
 * Spreadsheet dates: a number of days since the workbook's epoch, shown as a date by its number
 * format (ECMA-376 18.8.30 built-in formats; custom codes read for their date and time parts).
 */

/** Built-in number formats that show dates, times or both (ECMA-376 18.8.30, and the CJK ids Excel and WPS use). */
const BUILT_IN: Readonly<Record<number, 'date' | 'time' | 'datetime'>> = {
  14: 'date', 15: 'date', 16: 'date', 17: 'date', 18: 'time', 19: 'time', 20: 'time', 21: 'time', 22: 'datetime',
  27: 'date', 28: 'date', 29: 'date', 30: 'date', 31: 'date', 32: 'time', 33: 'time', 34: 'time', 35: 'time', 36: 'date',
  45: 'time', 46: 'time', 47: 'time', 50: 'date', 51: 'date', 52: 'date', 53: 'date', 54: 'date', 55: 'time', 56: 'time', 57: 'date', 58: 'date',
};

/** Whether a number format shows a date, a time or both; undefined for plain numbers. */
export function isTemporalFormat(id: number, code: string | undefined): 'date' | 'time' | 'datetime' | undefined {
  if (code === undefined || /^general$/i.test(code.trim())) return BUILT_IN[id];
  // Quoted text, escaped characters, colours/conditions/locales in brackets are not date parts.
  const bare = code.split(';')[0]!.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '').toLowerCase().replace(/e[+-]/g, '');
  const date = /[yde]/.test(bare);
  const time = /[hs]/.test(bare);
  if (!date && !time) return /m/.test(bare) && !/[0#?]/.test(bare) ? 'date' : undefined;
  return date && time ? 'datetime' : date ? 'date' : 'time';
}

const DAY_MS = 86_400_000;

/** A serial day number as the cell shows it: `YYYY-MM-DD`, `YYYY-MM-DD HH:MM:SS` or `HH:MM:SS`. */
export function serialToText(serial: number, kind: 'date' | 'time' | 'datetime', date1904: boolean): string {
  const seconds = Math.round(serial * 86_400);
  const days = Math.floor(seconds / 86_400);
  const rest = seconds - days * 86_400;
  const time = [Math.floor(rest / 3600), Math.floor((rest % 3600) / 60), rest % 60].map((n) => String(n).padStart(2, '0')).join(':');
  if (kind === 'time') return time;
  // 1900 system: day 1 is 1900-01-01 and Lotus's phantom 1900-02-29 is day 60.
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : days >= 61 ? Date.UTC(1899, 11, 30) : Date.UTC(1899, 11, 31);
  const date = new Date(epoch + days * DAY_MS).toISOString().slice(0, 10);
  return kind === 'date' || rest === 0 ? date : `${date} ${time}`;
}
