/** OSCAL date-times need a time zone: a district's local day boundaries with its UTC offset. */

/** The UTC offset (`+08:00`) of a time zone at an instant, from the platform's time-zone data. */
function utcOffset(timeZone: string, at: Date): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /^GMT([+-]\d{2}):?(\d{2})?$/.exec(name);
  return m ? `${m[1]}:${m[2] ?? '00'}` : '+00:00';
}

/** `date` (YYYY-MM-DD) at `time` (HH:MM:SS) in the time zone, as an RFC 3339 date-time with offset. */
export function localDateTime(date: string, time: string, timeZone: string): string {
  // The offset at noon UTC of that day is the day's offset for the zones liujin serves (no DST in China).
  return `${date}T${time}${utcOffset(timeZone, new Date(`${date}T12:00:00Z`))}`;
}
