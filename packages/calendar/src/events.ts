/**
 * Plans to calendar events: what each feed holds. District: key dates and milestones. Towns and
 * sectors: the work of their units, one event per requirement and occasion naming the units.
 * Units: their own tasks. Every feed that has drills or Education Day work also shows the key dates
 * they hang on (the siren test with its phases, Education Day), and the news reports owed after
 * the activities. UIDs carry the year (or date), so feeds of several years never share one, and a
 * UID shared by two feeds is the same event word for word (key dates).
 */
import { KEY_DATE_IDS, addDays, defaultWorkdayCalendar, type Catalog, type Lang, type Plan, type Registry, type Task, type Unit, type Waiver, type WorkdayCalendar } from '@liujin/core';
import { REQUIREMENT_SECTORS, describeDue, fileNameForId } from '@liujin/core/plugin';
import { keyDateEvents, nonWorkdayLine, unconfirmedLine, type KeyDateEvents } from './key-dates';
import { alarmOn, alarmsBefore, isYearLong, yearReminderDay, type AlarmSpec } from './reminders';
import { reportsDue } from './reports';
import { inLang, kindLabel, listUnits, sectorLabel, unitName } from './text';

/**
 * One calendar event before rendering: a stable UID, text, all-day or timed dates, an optional recurrence rule and whether it gets reminders.
 */
export interface EventSpec {
  uid: string;
  summary: string;
  description: string;
  categories: string[];
  /** All-day: first day and the day after the last (exclusive). */
  allDay?: { start: string; end: string };
  /** Timed, ISO 8601 with the zone's offset. */
  timed?: { start: string; end: string };
  alarms: AlarmSpec[];
}

/** One feed before rendering: its file path, calendar name and events. */
export interface FeedSpec {
  path: string;
  name: string;
  /** IANA zone of timed events (the region profile's). */
  timeZone: string;
  events: EventSpec[];
  /** The town or unit a feed belongs to, for calendars/index.json. */
  subject?: { kind: 'town' | 'unit'; id: string; name: string };
}

/** What {@link buildFeeds} turns into feeds: plans, the registry and catalog, waivers, working days and the feed kinds wanted. */
export interface BuildFeedsInput {
  plans: readonly Plan[];
  registry?: Registry | undefined;
  catalog?: Catalog | undefined;
  /** Waived unit-requirement pairs leave the feeds while the waiver holds. */
  waivers?: readonly Waiver[] | undefined;
  /** Working days for reminders and report dates; the planner's default when not given. */
  workdays?: WorkdayCalendar | undefined;
  kinds: ReadonlySet<string>;
  lang: Lang;
  domain: string;
  /** Reminders before deadlines, in seconds. */
  alarms: readonly number[];
  /** `MM-DD` of the year-long tasks' reminder (moved to the next working day). */
  yearReminder: string;
  /**
   * Whether the reminders are liujin's defaults (the notice sets none: labelled "默认，可调整 /
   * default, adjustable" in each VALARM) or this district's settings (docs/settings.md).
   */
  reminderSource?: { alarms: 'default' | 'settings'; yearReminder: 'default' | 'settings' };
}

/** How long before, in words: `7 天、1 天` / `7 days, 1 day`. */
function leadTimes(seconds: readonly number[], zh: boolean): string {
  const one = (s: number) => {
    const [n, zhUnit, enUnit] = s % 86_400 === 0 ? [s / 86_400, '天', 'day'] : s % 3_600 === 0 ? [s / 3_600, '小时', 'hour'] : [s / 60, '分钟', 'minute'];
    return zh ? `${n} ${zhUnit}` : `${n} ${enUnit}${n === 1 ? '' : 's'}`;
  };
  return seconds.map(one).join(zh ? '、' : ', ');
}

interface Entry {
  task: Task;
  unit: Unit;
}

function taskDay(task: Task): { start: string; end: string } | undefined {
  if (task.due.type === 'deadline') return { start: task.due.date, end: addDays(task.due.date, 1) };
  if (task.due.type === 'window') return { start: task.due.on, end: addDays(task.due.on, 1) };
  return undefined; // standing work and per-activity reports have no single day
}

function dateOf(task: Task): string {
  switch (task.due.type) {
    case 'deadline':
      return task.due.date;
    case 'window':
      return task.due.on;
    case 'continuous':
      return task.due.end;
    default:
      return ''; // per-activity reports: judged on each report's own date
  }
}

/** Items by key, each list in input order (Map.groupBy needs Node 21). */
function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** Builds every feed of the requested kinds, for one or several years' plans. */
export function buildFeeds(input: BuildFeedsInput): FeedSpec[] {
  const { plans, registry, catalog, lang, kinds } = input;
  const zh = lang === 'zh';
  const workdays = input.workdays ?? defaultWorkdayCalendar();
  const uid = (...parts: string[]) => `${parts.join('/')}@${input.domain}`;
  const feeds: FeedSpec[] = [];
  const first = plans[0];
  if (!first) return feeds;
  const timeZone = first.timeZone;
  const districtName = zh ? first.district.name : inLang(lang, first.district.name, registry?.district.nameEn ?? first.district.name);
  const requirements = new Map((catalog?.requirements ?? []).map((r) => [r.id, r]));
  // Each VALARM says where its lead time comes from: liujin's default (the notice sets none) or the settings.
  const alarmsSet = input.reminderSource?.alarms === 'settings';
  const alarmNote = zh ? `（提前 ${leadTimes(input.alarms, true)}提醒：${alarmsSet ? '本区参数设置' : '默认，可调整'}）` : ` (reminders ${leadTimes(input.alarms, false)} before: ${alarmsSet ? "this district's settings" : 'default, adjustable'})`;
  const deadlineAlarms = (start: string, description: string) => alarmsBefore(start, input.alarms, workdays, `${description}${alarmNote}`);
  const years = plans.map((plan) => ({ plan, keyDates: keyDateEvents(plan, lang, uid, deadlineAlarms) }));

  // Waivers by unit and requirement, once (a scan of every waiver per task grew with both).
  const waiversOf = groupBy(input.waivers ?? [], (w) => `${w.unitId}\u0000${w.requirementId}`);
  const waived = (task: Task, date: string) => date !== '' && (waiversOf.get(`${task.unitId}\u0000${task.requirementId}`)?.some((w) => date <= w.expires) ?? false);

  if (kinds.has('district')) {
    const events: EventSpec[] = [];
    for (const { plan, keyDates } of years) {
      for (const kd of plan.keyDates) events.push(...(keyDates.byId.get(kd.id) ?? []));
      for (const m of plan.milestones) {
        if (m.kind !== 'report' && m.keyDateId !== undefined && keyDates.byId.has(m.keyDateId)) continue; // folded into the key date's event
        const summary = inLang(lang, m.title.zh, m.title.en);
        events.push({
          uid: uid('milestone', m.id),
          summary,
          description: [m.description ? inLang(lang, m.description.zh, m.description.en) : '', m.requirementIds.length > 0 ? `${zh ? '相关要求' : 'Requirements'}: ${m.requirementIds.join(', ')}` : '', ...keyDates.yearWarnings].filter(Boolean).join('\n'),
          categories: [zh ? '全区节点' : 'District milestone'],
          allDay: { start: m.date, end: addDays(m.date, 1) },
          alarms: m.kind === 'deadline' || m.kind === 'report' ? deadlineAlarms(m.date, summary) : [],
        });
      }
    }
    feeds.push({ path: 'calendars/district.ics', name: `${districtName} ${zh ? '关键日期与节点' : 'key dates and milestones'}`, timeZone, events });
  }

  const unitsById = new Map((registry?.units ?? []).map((u) => [u.id, u]));
  const perYear = years.map(({ plan, keyDates }) => ({
    plan,
    keyDates,
    entries: plan.tasks.flatMap((task): Entry[] => {
      const unit = unitsById.get(task.unitId);
      return unit && !waived(task, dateOf(task)) ? [{ task, unit }] : [];
    }),
  }));

  /** The key dates a feed's work hangs on: activity days, and the siren test wherever there are drills or Education Day work. */
  const keyDatesOf = (entries: readonly Entry[], keyDates: KeyDateEvents): EventSpec[] => {
    const ids = new Set(entries.filter(({ task }) => task.due.type === 'window' && task.keyDateId !== undefined).map(({ task }) => task.keyDateId!));
    // Occasions the notice names for work it does not date: shown as preferred (issue 17).
    for (const { task } of entries) for (const p of task.preferred ?? []) ids.add(p.keyDateId);
    const drills = entries.some(({ task }) => requirements.get(task.requirementId)?.evidenceKinds.some((k) => k === 'evacuation-drill' || k === 'siren-listening'));
    if (ids.has(KEY_DATE_IDS.educationDay) || drills) ids.add(KEY_DATE_IDS.sirenTest);
    return [...keyDates.byId.entries()].filter(([id]) => ids.has(id)).flatMap(([, events]) => events);
  };

  /** One feed's work events. `scope` is `unit/<id>`, `town/<id>` or `sector/<id>`; unit feeds list no unit names. */
  const workEvents = (scope: string, entries: readonly Entry[], keyDates: KeyDateEvents, plan: Plan, showUnits: boolean): EventSpec[] => {
    const events: EventSpec[] = keyDatesOf(entries, keyDates);
    const groups = new Map<string, { task: Task; units: Unit[] }>();
    for (const entry of entries) {
      const day = taskDay(entry.task);
      if (!day) continue;
      const key = `${entry.task.requirementId}/${entry.task.occasion}/${day.start}`;
      const group = groups.get(key);
      if (group) group.units.push(entry.unit);
      else groups.set(key, { task: entry.task, units: [entry.unit] });
    }
    const used = new Set<string>();
    const yearLong: { task: Task; units: Unit[] }[] = [];
    for (const { task, units } of groups.values()) {
      const day = taskDay(task)!;
      const sirenKd = task.keyDateId !== undefined ? plan.keyDates.find((k) => k.id === task.keyDateId) : undefined;
      const longRun = isYearLong(task);
      if (longRun) yearLong.push({ task, units });
      const title = inLang(lang, task.title.zh, task.title.en);
      const summaryText = requirements.get(task.requirementId)?.summary;
      const lines = [
        `${inLang(lang, task.clause, task.clause)} ${title}`,
        summaryText ? inLang(lang, summaryText.zh, summaryText.en) : '',
        `${zh ? '期限' : 'Due'}: ${describeDue(task, lang)}`,
        `${zh ? '领域' : 'Sector'}: ${sectorLabel(task.sector, lang)}`,
        showUnits ? listUnits(units.map((u) => unitName(u, lang)), lang) : '',
        task.flags.includes('school-day-before-weekend') ? (zh ? '试鸣逢周末：学校在此前一个上学日演练' : 'The siren test falls on a weekend: schools drill on the school day before') : '',
        task.flags.includes('non-workday') ? nonWorkdayLine(task.due.type === 'deadline' ? task.due.date : day.start, lang) : '',
        sirenKd && !sirenKd.confirmed ? unconfirmedLine(sirenKd, lang) : '',
        longRun ? (zh ? '提醒：见年底到期事项汇总事件' : 'Reminder: see the year-end digest event') : '',
        ...keyDates.yearWarnings,
        `${zh ? '要求编号' : 'Requirement'}: ${task.requirementId}`,
      ].filter(Boolean);
      let id = showUnits ? `group/${scope}/${task.requirementId}/${task.occasion}/${plan.year}` : `${task.id}/${plan.year}`;
      if (used.has(id)) id = `${id}/${day.start}`;
      used.add(id);
      const summary = showUnits ? `${title}${zh ? `（${units.length} 个单位）` : ` (${units.length} ${units.length === 1 ? 'unit' : 'units'})`}` : title;
      events.push({ uid: uid(id), summary, description: lines.join('\n'), categories: [sectorLabel(task.sector, lang)], allDay: day, alarms: task.due.type === 'deadline' && !longRun ? deadlineAlarms(day.start, summary) : [] });
    }
    events.push(...reportEvents(scope, entries, keyDates, plan, showUnits));
    if (yearLong.length > 0) events.push(digestEvent(scope, yearLong, keyDates, plan, showUnits));
    return events;
  };

  const reportEvents = (scope: string, entries: readonly Entry[], keyDates: KeyDateEvents, plan: Plan, showUnits: boolean): EventSpec[] => {
    const byUnit = new Map<string, { unit: Unit; tasks: Task[] }>();
    for (const { task, unit } of entries) {
      const list = byUnit.get(unit.id);
      if (list) list.tasks.push(task);
      else byUnit.set(unit.id, { unit, tasks: [task] });
    }
    const groups = new Map<string, { due: ReturnType<typeof reportsDue>[number]; units: Unit[] }>();
    for (const { unit, tasks } of byUnit.values()) {
      for (const due of reportsDue(tasks, workdays)) {
        if (waived(due.report, due.date)) continue;
        const key = `${due.keyDateId}/${due.on}`;
        const group = groups.get(key);
        if (group) group.units.push(unit);
        else groups.set(key, { due, units: [unit] });
      }
    }
    return [...groups.values()].map(({ due, units }) => {
      const kd = plan.keyDates.find((k) => k.id === due.keyDateId);
      const occasion = kd ? inLang(lang, kd.title, kd.titleEn) : due.on;
      const summary = zh ? `报送${occasion}活动新闻信息${showUnits ? `（${units.length} 个单位）` : ''}` : `News of the ${occasion} activities due${showUnits ? ` (${units.length} ${units.length === 1 ? 'unit' : 'units'})` : ''}`;
      const report = due.report.due.type === 'after-each-activity' ? due.report.due : undefined;
      const delay = report ? (zh ? `${report.within} 个${report.unit === 'workdays' ? '工作日' : '日'}` : `${report.within} ${report.unit === 'workdays' ? 'working days' : 'days'}`) : '';
      const lines = [
        `${inLang(lang, due.report.clause, due.report.clause)} ${inLang(lang, due.report.title.zh, due.report.title.en)}`,
        zh ? `活动日 ${due.on} 后 ${delay}内（通知要求“及时”，天数为目录参数，默认可调整）` : `Within ${delay} of the activity day ${due.on} (the notice says "promptly"; the delay is a catalog parameter, default, adjustable)`,
        `${zh ? '活动' : 'Activities'}: ${[...new Set(due.activities.map((t) => inLang(lang, t.title.zh, t.title.en)))].join(zh ? '；' : '; ')}`,
        zh ? '其他日子开展的活动，同样在活动后按此期限报送。' : 'Activities held on other days are reported within the same delay after each.',
        showUnits ? listUnits(units.map((u) => unitName(u, lang)), lang) : '',
        ...keyDates.yearWarnings,
        `${zh ? '要求编号' : 'Requirement'}: ${due.report.requirementId}`,
      ].filter(Boolean);
      return { uid: uid('report', scope, due.keyDateId, due.on), summary, description: lines.join('\n'), categories: [sectorLabel('general', lang)], allDay: { start: due.date, end: addDays(due.date, 1) }, alarms: deadlineAlarms(due.date, summary) };
    });
  };

  const digestEvent = (scope: string, items: readonly { task: Task; units: Unit[] }[], keyDates: KeyDateEvents, plan: Plan, showUnits: boolean): EventSpec => {
    const end = items.map(({ task }) => dateOf(task)).sort().at(-1)!;
    const reminder = yearReminderDay(plan.year, input.yearReminder, workdays);
    const summary = zh ? `全年任务年底到期（${items.length} 项）` : `Year-long tasks due by the year end (${items.length})`;
    const lines = [
      zh ? `${end} 前完成以下全年任务：` : `Finish these year-long tasks by ${end}:`,
      ...items.map(({ task, units }) => `- ${inLang(lang, task.title.zh, task.title.en)}${showUnits ? (zh ? `（${units.length} 个单位）` : ` (${units.length} ${units.length === 1 ? 'unit' : 'units'})`) : ''}`),
      input.reminderSource?.yearReminder === 'settings'
        ? zh ? `提醒：${reminder}（本区参数设置）及截止前` : `Reminders: ${reminder} (this district's settings) and before the deadline`
        : zh ? `提醒：${reminder}（第四季度首个工作日，默认，可调整）及截止前` : `Reminders: ${reminder} (the first working day of the fourth quarter; default, adjustable) and before the deadline`,
      ...keyDates.yearWarnings,
    ];
    const alarms = [alarmOn(reminder, end, `${summary}${zh ? `（年内提醒日：${input.reminderSource?.yearReminder === 'settings' ? '本区参数设置' : '默认，可调整'}）` : ` (year reminder: ${input.reminderSource?.yearReminder === 'settings' ? "this district's settings" : 'default, adjustable'})`}`), ...deadlineAlarms(end, summary)].filter((a, i, all) => all.findIndex((b) => b.before === a.before) === i);
    return { uid: uid('digest', scope, String(plan.year)), summary, description: lines.join('\n'), categories: [zh ? '年底汇总' : 'Year-end digest'], allDay: { start: end, end: addDays(end, 1) }, alarms };
  };

  if (kinds.has('towns') && registry) {
    for (const town of registry.towns) {
      const events = perYear.flatMap(({ plan, keyDates, entries }) => workEvents(`town/${town.id}`, entries.filter((e) => e.unit.town === town.id), keyDates, plan, true));
      const townName = zh ? town.name : inLang(lang, town.name, town.nameEn ?? town.name);
      feeds.push({ path: `calendars/towns/${fileNameForId(town.id)}.ics`, name: `${districtName} ${townName}`, timeZone, events, subject: { kind: 'town', id: town.id, name: town.name } });
    }
  }
  if (kinds.has('sectors')) {
    for (const sector of REQUIREMENT_SECTORS) {
      // The units' news-report task comes along, so the sector's activities show the reports owed after them.
      const events = perYear.flatMap(({ plan, keyDates, entries }) => workEvents(`sector/${sector}`, entries.filter((e) => e.task.sector === sector || e.task.due.type === 'after-each-activity'), keyDates, plan, true));
      feeds.push({ path: `calendars/sectors/${sector}.ics`, name: `${districtName} ${sectorLabel(sector, lang)}`, timeZone, events });
    }
  }
  if (kinds.has('units') && registry) {
    // Each year's entries by unit, in plan order, once: filtering every year's entries for each unit
    // made 5,000 feeds cost 5,000 passes over some 70,000 tasks a year (quadratic: 500 feeds took
    // 1.3 s, 5,000 took 37 s).
    const unitYears = perYear.map(({ plan, keyDates, entries }) => ({ plan, keyDates, byUnit: groupBy(entries, (e) => e.unit.id) }));
    for (const unit of registry.units) {
      // Named by the id alone (fileNameForId): never by registry order, so a unit's feed never
      // takes another unit's file; calendars/index.json maps ids to files.
      const file = fileNameForId(unit.id);
      const events = unitYears.flatMap(({ plan, keyDates, byUnit }) => workEvents(`unit/${unit.id}`, byUnit.get(unit.id) ?? [], keyDates, plan, false));
      feeds.push({ path: `calendars/units/${file}.ics`, name: zh ? `${unit.name}（${kindLabel(unit, lang)}）` : `${unitName(unit, lang)} (${kindLabel(unit, lang)})`, timeZone, events, subject: { kind: 'unit', id: unit.id, name: unit.name } });
    }
  }
  return feeds;
}
