/**
 * When a requirement's work falls in a year: its occasions (windows with a due date) computed from
 * the due rule and the year's key dates. Shared by the evaluator and the planner so both judge
 * against the same dates.
 */
import { addDays, daysInMonth, makeLocalDate } from '../dates/local-date';
import type { WorkdayCalendar } from '../dates/workdays';
import type { KeyDate } from '../model/key-date';
import type { Requirement } from '../model/requirement';

type OccasionFlag = 'non-workday' | 'moved';

/**
 * One occasion of a requirement in a year: what it hangs on, the first day evidence counts, the due date, and flags (moved, or on a non-working day).
 */
interface Occasion {
  /** `year`, or the key-date id the occasion hangs on. */
  readonly key: string;
  /** First day evidence counts (for `once` requirements, any earlier year counts too). */
  readonly start: string;
  /** The due date: the deadline or the window's last day. */
  readonly end: string;
  /** The key date itself, for windows. */
  readonly on?: string;
  /** Last day evidence counts, when later than `end` (an office's own deadline inside the year). */
  readonly countsUntil?: string;
  readonly keyDateId?: string;
  readonly flags: readonly OccasionFlag[];
}

/** The occasions of a requirement in a year. */
export interface Schedule {
  readonly occasions: readonly Occasion[];
  /** Key dates the due rule needs but that do not fall in this year. */
  readonly missingKeyDates: readonly string[];
}

/** The occasion key of work due on an office's own deadline (settings) rather than the year's end. */
const SET_DEADLINE = 'set-deadline';

/** The earliest date for evidence of `once` requirements: anything before counts. */
const EVER = '0001-01-01';

/** Schedules a requirement in `year` from its cadence and due rule, on the key dates and working days. */
export function scheduleRequirement(req: Requirement, year: number, keyDates: ReadonlyMap<string, KeyDate>, calendar: WorkdayCalendar): Schedule {
  // Once-off work and standing work (a site, a mechanism) count whenever they were done before.
  const yearStart = req.cadence === 'once' || req.cadence === 'continuous' ? EVER : `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  const due = req.due;
  switch (due.type) {
    case 'by-key-date': {
      const kd = keyDates.get(due.keyDate);
      if (!kd) return { occasions: [], missingKeyDates: [due.keyDate] };
      let end = addDays(kd.date, due.offsetDays);
      const flags: OccasionFlag[] = [];
      if (!calendar.isWorkday(end)) {
        flags.push('non-workday');
        if (due.onNonWorkday !== 'flag') {
          end = due.onNonWorkday === 'previous-workday' ? calendar.previousWorkday(end) : calendar.nextWorkday(end);
          flags.push('moved');
        }
      }
      return { occasions: [{ key: due.keyDate, start: yearStart, end, keyDateId: due.keyDate, flags }], missingKeyDates: [] };
    }
    case 'window':
    case 'each-key-date': {
      const ids = due.type === 'window' ? [due.keyDate] : due.keyDates;
      const occasions: Occasion[] = [];
      const missing: string[] = [];
      for (const id of ids) {
        const kd = keyDates.get(id);
        if (!kd) {
          missing.push(id);
          continue;
        }
        occasions.push({ key: id, start: addDays(kd.date, -due.daysBefore), end: addDays(kd.date, due.daysAfter), on: kd.date, keyDateId: id, flags: [] });
      }
      occasions.sort((a, b) => (a.end < b.end ? -1 : a.end > b.end ? 1 : 0));
      return { occasions, missingKeyDates: missing };
    }
    case 'by-year-end':
      if (due.deadline !== undefined) {
        // The office's deadline (settings): due then, but the notice accepts work all year.
        const [month, day] = due.deadline.split('-').map(Number) as [number, number];
        const end = makeLocalDate(year, month, Math.min(day, daysInMonth(year, month)));
        const flags: OccasionFlag[] = calendar.isWorkday(end) ? [] : ['non-workday'];
        return { occasions: [{ key: SET_DEADLINE, start: yearStart, end, countsUntil: yearEnd, flags }], missingKeyDates: [] };
      }
      return { occasions: [{ key: 'year', start: yearStart, end: yearEnd, flags: [] }], missingKeyDates: [] };
    case 'continuous':
      return { occasions: [{ key: 'year', start: yearStart, end: yearEnd, flags: [] }], missingKeyDates: [] };
    case 'after-each-activity':
      return { occasions: [], missingKeyDates: [] };
  }
}
