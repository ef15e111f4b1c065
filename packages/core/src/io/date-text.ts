/**
 * Dates and times as Excel and WPS users type and save them, normalised to `YYYY-MM-DD` and
 * `HH:MM`. Accepted: `2026-09-18`, `2026-9-5`, `2026/2/25`, `2026/02/25`, `2026.09.18`,
 * `2026年9月18日`, each optionally followed by a time (a date-time cell); times `9:05`, `09:05`,
 * `14:00:00`, `下午2:30`, `2:30 PM`. Nothing ambiguous is guessed: `09/10/2026` (day and month
 * order unknown) is refused. A problem shows the value read and the form expected.
 */
import type { LocalizedText } from '../model/text';

/** A date read from a cell: the date (YYYY-MM-DD, with a time when the cell held one), or why it could not be read. */
export type DateRead = { ok: true; date: string; time?: string } | { ok: false; message: LocalizedText };
/** A time read from a cell: HH:MM, or why it could not be read. */
export type TimeRead = { ok: true; time: string } | { ok: false; message: LocalizedText };

const EXPECTED_DATE = { zh: '应写成 YYYY-MM-DD，例如 2026-09-18（也可写 2026/9/18、2026.9.18、2026年9月18日）', en: 'expected YYYY-MM-DD, e.g. 2026-09-18 (2026/9/18, 2026.9.18 and 2026年9月18日 are read too)' };
const EXPECTED_TIME = { zh: '应写成 HH:MM（24 小时制），例如 09:05 或 14:00', en: 'expected HH:MM (24-hour clock), e.g. 09:05 or 14:00' };

const pad = (n: number) => String(n).padStart(2, '0');

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const DATE = /^(\d{4})\s*(?:([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?)(?:(?:\s+|T)(.+))?$/;
const AMBIGUOUS = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})(?:\s.*)?$/;

/** A date as written in a cell; a time after it (a date-time cell) comes back as `time`. */
export function readDateText(raw: string): DateRead {
  const text = raw.trim().replace(/[０-９]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
  const m = DATE.exec(text);
  if (m) {
    const y = Number(m[1]);
    const month = Number(m[3] ?? m[5]);
    const day = Number(m[4] ?? m[6]);
    if (!isRealDate(y, month, day)) {
      return { ok: false, message: { zh: `读到「${raw}」：没有这一天；${EXPECTED_DATE.zh}`, en: `read "${raw}": no such calendar date; ${EXPECTED_DATE.en}` } };
    }
    const date = `${y}-${pad(month)}-${pad(day)}`;
    if (m[7] === undefined) return { ok: true, date };
    const time = readTimeText(m[7].replace(/(\.\d+)?Z$/, ''));
    if (!time.ok) return { ok: false, message: { zh: `读到「${raw}」：日期后的时间无法识别；${EXPECTED_DATE.zh}`, en: `read "${raw}": the time after the date cannot be read; ${EXPECTED_DATE.en}` } };
    return time.time === '00:00' ? { ok: true, date } : { ok: true, date, time: time.time };
  }
  const a = AMBIGUOUS.exec(text);
  if (a) {
    return {
      ok: false,
      message: {
        zh: `读到「${raw}」：日与月的先后无法确定，不作猜测；请写成 YYYY-MM-DD（例如 2026-09-18）`,
        en: `read "${raw}": the order of day and month is unknown and is not guessed; write YYYY-MM-DD (e.g. 2026-09-18)`,
      },
    };
  }
  return { ok: false, message: { zh: `读到「${raw}」，无法识别为日期；${EXPECTED_DATE.zh}`, en: `read "${raw}", which is not a date; ${EXPECTED_DATE.en}` } };
}

const TIME = /^(上午|下午|晚上|中午)?\s*(\d{1,2})\s*[:：]\s*(\d{2})(?:\s*[:：]\s*(\d{2}))?\s*([ap]\.?m\.?)?$/i;

/** A time as written in a cell: `9:05`, `14:00:00`, `下午2:30`, `2:30 PM` → `HH:MM`. Seconds other than 00 are refused, not dropped. */
export function readTimeText(raw: string): TimeRead {
  const text = raw.trim().replace(/[０-９]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
  const m = TIME.exec(text);
  if (m) {
    let hour = Number(m[2]);
    const minute = Number(m[3]);
    const second = m[4] === undefined ? 0 : Number(m[4]);
    const pm = m[1] === '下午' || m[1] === '晚上' || (m[1] === '中午' && hour < 11) || /^p/i.test(m[5] ?? '');
    const am = m[1] === '上午' || /^a/i.test(m[5] ?? '');
    const twelveHour = pm || am;
    if (twelveHour && (hour < 1 || hour > 12)) hour = 99;
    else if (pm && hour < 12) hour += 12;
    else if (am && hour === 12) hour = 0;
    if (hour <= 23 && minute <= 59 && second === 0) return { ok: true, time: `${pad(hour)}:${pad(minute)}` };
    if (hour <= 23 && minute <= 59 && second <= 59) {
      return { ok: false, message: { zh: `读到「${raw}」：时间精确到秒，无法不改动地记为 HH:MM；${EXPECTED_TIME.zh}`, en: `read "${raw}": a time with seconds cannot be kept as HH:MM without change; ${EXPECTED_TIME.en}` } };
    }
  }
  return { ok: false, message: { zh: `读到「${raw}」，无法识别为时间；${EXPECTED_TIME.zh}`, en: `read "${raw}", which is not a time; ${EXPECTED_TIME.en}` } };
}
