/**
 * Key-date events, built once per plan and shared word for word by every feed that shows them
 * (district, towns, sectors, units), so a UID seen in two feeds always means the same event.
 * A district milestone on a key date (plans due, drill days, Education Day publicity) is folded
 * into that key date's event: one event per date, not two.
 */
import { KEY_DATE_IDS, addDays, type KeyDate, type Lang, type Plan } from '@liujin/core';
import type { EventSpec } from './events';
import type { AlarmSpec } from './reminders';
import { inLang, weekdayName } from './text';

export interface KeyDateEvents {
  /** Events of each key date (several for the siren test's phases), by key-date id. */
  byId: Map<string, EventSpec[]>;
  /** Warnings that hold for every date of the year (no official holiday data). */
  yearWarnings: string[];
}

/** Lines for a plan's year-wide warnings, in the feed's language. */
function yearWarningLines(plan: Plan, lang: Lang): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const w of plan.keyDates.flatMap((k) => k.warnings)) {
    if (seen.has(w.en)) continue;
    seen.add(w.en);
    lines.push(`${lang === 'zh' ? '注意' : 'Note'}: ${inLang(lang, w.zh, w.en)}`);
  }
  return lines;
}

export function unconfirmedLine(kd: KeyDate, lang: Lang): string {
  const year = kd.date.slice(0, 4);
  return inLang(lang, `注意：${kd.title}的日期与时间尚待 ${year} 年的通知确认`, `Note: confirm the date and times of the ${kd.titleEn} against the ${year} notice`);
}

export function nonWorkdayLine(date: string, lang: Lang): string {
  return lang === 'zh' ? `注意：${date} 为${weekdayName(date, 'zh')}（非工作日）` : `Note: ${date} is a ${weekdayName(date, 'en')}, not a working day`;
}

export function keyDateEvents(plan: Plan, lang: Lang, uid: (...parts: string[]) => string, deadlineAlarms: (start: string, description: string) => AlarmSpec[]): KeyDateEvents {
  const zh = lang === 'zh';
  const yearWarnings = yearWarningLines(plan, lang);
  const byId = new Map<string, EventSpec[]>();
  const category = zh ? '关键日期' : 'Key date';
  for (const kd of plan.keyDates) {
    const title = inLang(lang, kd.title, kd.titleEn);
    const milestones = plan.milestones.filter((m) => m.keyDateId === kd.id && m.date === kd.date && m.kind !== 'report');
    const notes = [
      ...milestones.map((m) => inLang(lang, m.title.zh, m.title.en)),
      ...milestones.flatMap((m) => (m.requirementIds.length > 0 ? [`${zh ? '相关要求' : 'Requirements'}: ${m.requirementIds.join(', ')}`] : [])),
      `${zh ? '来源' : 'Source'}: ${inLang(lang, kd.source, kd.source)}`,
      ...(kd.confirmed ? [] : [unconfirmedLine(kd, lang)]),
      ...(milestones.some((m) => m.kind === 'deadline') && !kd.isWorkday ? [nonWorkdayLine(kd.date, lang)] : []),
      ...yearWarnings,
    ];
    if (kd.phases && kd.phases.length > 0) {
      byId.set(
        kd.id,
        kd.phases.map((phase) => ({
          uid: uid('key-date', kd.id, kd.date, phase.id),
          summary: `${title}${zh ? '：' : ': '}${inLang(lang, phase.title, phase.titleEn)}`,
          description: [inLang(lang, phase.title, phase.titleEn), phase.pattern ? inLang(lang, phase.pattern.zh, phase.pattern.en) : '', ...notes].filter(Boolean).join('\n'),
          categories: [category],
          timed: { start: phase.start, end: phase.end },
          alarms: [],
        })),
      );
      continue;
    }
    // The plan deadline is a deadline: its one event carries the reminders.
    const deadline = milestones.find((m) => m.kind === 'deadline');
    const isDeadline = kd.id === KEY_DATE_IDS.annualPlanDeadline || deadline !== undefined;
    const summary = deadline ? inLang(lang, deadline.title.zh, deadline.title.en) : title;
    byId.set(kd.id, [
      {
        uid: uid('key-date', kd.id, kd.date),
        summary,
        description: (summary === title ? notes : [title, ...notes]).join('\n'),
        categories: [category],
        allDay: { start: kd.date, end: addDays(kd.date, 1) },
        alarms: isDeadline ? deadlineAlarms(kd.date, summary) : [],
      },
    ]);
  }
  return { byId, yearWarnings };
}
