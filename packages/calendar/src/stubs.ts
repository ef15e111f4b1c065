/**
 * Date values for ical-generator that never consult the host's time zone. ical-generator formats
 * native `Date`s with the host's local clock (measured: under TZ=America/New_York an 11:35
 * Shanghai siren phase came out as 23:35 the day before), but it formats Temporal-like plain
 * dates and zoned date-times from their fields. These are minimal such objects.
 */
export interface PlainDateStub {
  year: number;
  month: number;
  day: number;
  toJSON(): string;
  toString(): string;
  toPlainDateTime(): PlainDateTimeStub;
}

export interface PlainDateTimeStub {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  toJSON(): string;
  toString(): string;
  toPlainDate(): PlainDateStub;
  toZonedDateTime(timeZone: string): ZonedStub;
}

interface ZonedStub extends Omit<PlainDateTimeStub, 'toPlainDate' | 'toZonedDateTime'> {
  timeZoneId: string;
  toPlainDateTime(): PlainDateTimeStub;
  withTimeZone(timeZone: string): ZonedStub;
  toInstant(): { epochMilliseconds: number; epochSeconds: number; toString(): string; toJSON(): string };
}

export function plainDate(date: string): PlainDateStub {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day, toJSON: () => date, toString: () => date, toPlainDateTime: () => localDateTime(`${date}T00:00:00+00:00`) };
}

/** A wall-clock time from an ISO 8601 string with its offset, e.g. `2026-09-19T11:35:00+08:00`. */
export function localDateTime(iso: string): PlainDateTimeStub {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(iso);
  if (!m) throw new RangeError(`not an ISO date-time: ${iso}`);
  const [year, month, day, hour, minute, second] = m.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
  const text = iso.slice(0, 19);
  const epoch = Date.parse(iso);
  const self: PlainDateTimeStub = {
    year,
    month,
    day,
    hour,
    minute,
    second,
    toJSON: () => text,
    toString: () => text,
    toPlainDate: () => plainDate(iso.slice(0, 10)),
    toZonedDateTime: (timeZoneId) => {
      const zoned: ZonedStub = {
        ...self,
        timeZoneId,
        toPlainDateTime: () => self,
        withTimeZone: () => zoned,
        toInstant: () => ({ epochMilliseconds: epoch, epochSeconds: Math.floor(epoch / 1000), toString: () => new Date(epoch).toISOString(), toJSON: () => new Date(epoch).toISOString() }),
      };
      return zoned;
    },
  };
  return self;
}
