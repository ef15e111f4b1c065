/**
 * The news report owed after each activity (notice, closing paragraph: 每次活动结束后及时报送信息内容;
 * the catalog's `general.news-report`, n working days by default). A unit that owes reports gets
 * one event per activity day of its plan (the key date its activities hang on), n working days
 * after it; reports of activities held on other days fall due the same way and are said so.
 */
import { type Task, type WorkdayCalendar, addDays } from '@liujin/core';

export interface ReportDue {
  /** The key date the activities hang on. */
  keyDateId: string;
  /** The activity day (the key date). */
  on: string;
  /** The report's due date. */
  date: string;
  /** The activities of that day (window tasks). */
  activities: Task[];
  /** The unit's news-report task (its requirement, delay and owner). */
  report: Task;
}

/** Reports one unit owes in a plan: none when it has no news-report task. */
export function reportsDue(tasks: readonly Task[], workdays: WorkdayCalendar): ReportDue[] {
  const report = tasks.find((t) => t.due.type === 'after-each-activity');
  if (!report || report.due.type !== 'after-each-activity') return [];
  const { within, unit } = report.due;
  const byDay = new Map<string, ReportDue>();
  // Activity days: a window task's key date, or the first preferred occasion of work the notice does not date.
  const days = (task: Task): { keyDateId: string; on: string }[] =>
    task.due.type === 'window' && task.keyDateId !== undefined ? [{ keyDateId: task.keyDateId, on: task.due.on }] : (task.preferred ?? []).slice(0, 1).map((p) => ({ keyDateId: p.keyDateId, on: p.date }));
  for (const task of tasks) {
    for (const day of days(task)) {
      const key = day.on; // one report per activity day (Education Day and the siren test share one)
      const entry = byDay.get(key);
      if (entry) {
        if (!entry.activities.includes(task)) entry.activities.push(task);
        continue;
      }
      const date = unit === 'workdays' ? workdays.addWorkdays(day.on, within) : addDays(day.on, within);
      byDay.set(key, { keyDateId: day.keyDateId, on: day.on, date, activities: [task], report });
    }
  }
  return [...byDay.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.keyDateId < b.keyDateId ? -1 : 1));
}
