/**
 * Reminders that help instead of flooding. Day-based reminders before an all-day deadline that
 * would fire on a day off (the February plan reminder in the Spring Festival holiday) fire on the
 * previous working day instead; reminders falling on the same day are one. Year-long tasks (due
 * 31 December) carry no alarm of their own: each feed gets one year-end digest event with one
 * reminder at a set point of the fourth quarter (a labelled default) and the usual ones before it.
 */
import { addDays, daysBetween, type Task, type WorkdayCalendar } from '@liujin/core';
import { daysInMonth, makeLocalDate } from '@liujin/core/plugin';

const DAY = 86_400;

/** One reminder (VALARM) of an event: how long before its start, and its text. */
export interface AlarmSpec {
  /** Seconds before the event's start. */
  before: number;
  description: string;
}

/** Whether a task runs all year and is due at its end (by-year-end work). */
export function isYearLong(task: Task): boolean {
  return task.occasion === 'year' && task.due.type === 'deadline';
}

/**
 * Alarms before an all-day event starting on `start`: each `alarms` value (seconds) moved off
 * non-working days when it is a whole number of days, duplicates merged, earliest first.
 */
export function alarmsBefore(start: string, alarms: readonly number[], workdays: WorkdayCalendar, description: string): AlarmSpec[] {
  const seconds = new Set<number>();
  for (const before of alarms) {
    if (before % DAY !== 0 || before === 0) {
      seconds.add(before);
      continue;
    }
    let day = addDays(start, -before / DAY);
    if (!workdays.isWorkday(day)) day = workdays.previousWorkday(day);
    seconds.add(daysBetween(day, start) * DAY);
  }
  return [...seconds].sort((a, b) => b - a).map((before) => ({ before, description }));
}

/** The year-long tasks' reminder day: the first working day on or after `MM-DD` of the year. */
export function yearReminderDay(year: number, monthDay: string, workdays: WorkdayCalendar): string {
  const [month, day0] = monthDay.split('-').map(Number) as [number, number];
  const day = makeLocalDate(year, month, Math.min(day0, daysInMonth(year, month))); // 02-30 is the month's last day
  return workdays.isWorkday(day) ? day : workdays.nextWorkday(day);
}

/** The reminder at `day` before an all-day event on `start`. */
export function alarmOn(day: string, start: string, description: string): AlarmSpec {
  return { before: daysBetween(day, start) * DAY, description };
}
