/**
 * SEQUENCE state from feeds we published before: UID, DTSTART, DTEND, SEQUENCE and content digest of each event,
 * read from our own output (unfolded lines), so a regeneration can raise SEQUENCE for moved events.
 */
import type { SequenceEntry } from './render';

function isoOf(value: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2}))?/.exec(value);
  if (!m) return value;
  return m[4] ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}` : `${m[1]}-${m[2]}-${m[3]}`;
}

/**
 * Reads UIDs, SEQUENCE numbers and times from previously published feeds, to pass back as `previous` so that a regenerated event keeps its UID and raises SEQUENCE only when its time changed.
 */
export function readSequenceState(feeds: readonly string[]): Record<string, SequenceEntry> {
  const state: Record<string, SequenceEntry> = {};
  for (const text of feeds) {
    const lines = text.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
    let current: { uid?: string; start?: string; end?: string; sequence?: number; digest?: string } | undefined;
    for (const line of lines) {
      if (line === 'BEGIN:VEVENT') current = {};
      else if (line === 'END:VEVENT' && current) {
        if (current.uid && current.start) state[current.uid] = { sequence: current.sequence ?? 0, start: current.start, ...(current.end ? { end: current.end } : {}), ...(current.digest ? { digest: current.digest } : {}) };
        current = undefined;
      } else if (current) {
        const [name = '', value = ''] = [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1)];
        const prop = name.split(';')[0];
        if (prop === 'UID') current.uid = value;
        else if (prop === 'DTSTART') current.start = isoOf(value);
        else if (prop === 'DTEND') current.end = isoOf(value);
        else if (prop === 'SEQUENCE') current.sequence = Number(value);
        else if (prop === 'X-LIUJIN-DIGEST') current.digest = value;
      }
    }
  }
  return state;
}
