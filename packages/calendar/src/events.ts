/**
 * Plans to calendar events: what each feed holds. District: key dates and milestones. Towns and
 * sectors: the work of their units, one event per requirement and occasion with the number of
 * units. Units: their own tasks. UIDs derive from requirement, unit (or group) and occasion, so a
 * refreshed subscription updates events instead of duplicating them.
 */
import { SECTOR_LABELS, UNIT_KIND_LABELS, addDays, describeDue, safeFileSegment, type Catalog, type Lang, type Plan, type Registry, type Task } from '@liujin/core';

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
  /** Timed, ISO 8601 with offset. */
  timed?: { start: string; end: string };
  rrule?: string;
  /** Reminders apply to deadlines. */
  alarms: boolean;
}

/** One feed before rendering: its file path, calendar name and events. */
export interface FeedSpec {
  path: string;
  name: string;
  events: EventSpec[];
}

const EDUCATION_DAY = 'national-defense-education-day';

function sectorLabel(sector: Task['sector'], lang: Lang): string {
  return sector === 'general' ? (lang === 'zh' ? '有关要求' : 'General') : SECTOR_LABELS[sector][lang];
}

function taskDay(task: Task): { start: string; end: string } | undefined {
  switch (task.due.type) {
    case 'deadline':
      return { start: task.due.date, end: addDays(task.due.date, 1) };
    case 'window':
      return { start: task.due.on, end: addDays(task.due.on, 1) };
    default:
      return undefined; // standing work and per-activity reports have no single day
  }
}

function summaries(catalog: Catalog | undefined) {
  const byId = new Map((catalog?.requirements ?? []).map((r) => [r.id, r]));
  return (task: Task, lang: Lang) => byId.get(task.requirementId)?.summary[lang] ?? '';
}

/** Builds every feed of the requested kinds, for one or several years' plans. */
export function buildFeeds(plans: readonly Plan[], registry: Registry | undefined, catalog: Catalog | undefined, kinds: ReadonlySet<string>, lang: Lang, domain: string): FeedSpec[] {
  const zh = lang === 'zh';
  const summaryOf = summaries(catalog);
  const uid = (...parts: string[]) => `${parts.join('/')}@${domain}`;
  const feeds: FeedSpec[] = [];
  const first = plans[0];
  if (!first) return feeds;
  const districtName = first.district.name;

  const taskEvent = (task: Task, label: string, count?: number): EventSpec | undefined => {
    const day = taskDay(task);
    if (!day) return undefined;
    const window = task.due.type === 'window' && task.due.start !== task.due.end ? (zh ? `时间窗口：${task.due.start} 至 ${task.due.end}` : `Window: ${task.due.start} to ${task.due.end}`) : '';
    const lines = [
      `${task.clause} ${task.title[lang]}`,
      summaryOf(task, lang),
      `${zh ? '期限' : 'Due'}: ${describeDue(task, lang)}`,
      window,
      count !== undefined ? (zh ? `涉及单位：${count} 个` : `Units: ${count}`) : '',
      `${zh ? '要求编号' : 'Requirement'}: ${task.requirementId}`,
    ].filter(Boolean);
    return { uid: '', summary: `${label}${task.title[lang]}`, description: lines.join('\n'), categories: [sectorLabel(task.sector, lang)], allDay: day, alarms: task.due.type === 'deadline' };
  };

  if (kinds.has('district')) {
    const events: EventSpec[] = [];
    // Education Day truly recurs on its rule: one event with an RRULE across the years asked for.
    const ed = first.keyDates.find((k) => k.id === EDUCATION_DAY);
    for (const plan of plans) {
      for (const kd of plan.keyDates) {
        if (kd.id === EDUCATION_DAY && plan !== first) continue;
        const title = zh ? kd.title : kd.titleEn;
        if (kd.phases && kd.phases.length > 0) {
          for (const phase of kd.phases) {
            events.push({
              uid: uid('key-date', kd.id, plan.year.toString(), phase.id),
              summary: `${title}：${zh ? phase.title : phase.titleEn}`,
              description: [zh ? phase.title : phase.titleEn, phase.pattern?.[lang] ?? '', `${zh ? '来源' : 'Source'}: ${kd.source}`].filter(Boolean).join('\n'),
              categories: [zh ? '关键日期' : 'Key date'],
              timed: { start: phase.start, end: phase.end },
              alarms: false,
            });
          }
          continue;
        }
        events.push({
          uid: uid('key-date', kd.id, kd === ed ? 'yearly' : plan.year.toString()),
          summary: title,
          description: `${zh ? '来源' : 'Source'}: ${kd.source}`,
          categories: [zh ? '关键日期' : 'Key date'],
          allDay: { start: kd.date, end: addDays(kd.date, 1) },
          ...(kd === ed && plans.length > 1 ? { rrule: `FREQ=YEARLY;BYMONTH=9;BYDAY=3SA;COUNT=${plans.length}` } : {}),
          alarms: kd.id === 'annual-plan-deadline',
        });
      }
      for (const m of plan.milestones) {
        if (m.kind === 'siren-test' || m.kind === 'observance') continue; // already shown as key dates
        events.push({
          uid: uid('milestone', m.id),
          summary: m.title[lang],
          description: [m.description?.[lang] ?? '', m.requirementIds.length > 0 ? `${zh ? '相关要求' : 'Requirements'}: ${m.requirementIds.join(', ')}` : ''].filter(Boolean).join('\n'),
          categories: [zh ? '全区节点' : 'District milestone'],
          allDay: { start: m.date, end: addDays(m.date, 1) },
          alarms: m.kind === 'deadline' || m.kind === 'report',
        });
      }
    }
    feeds.push({ path: 'calendars/district.ics', name: `${districtName} ${zh ? '关键日期与节点' : 'key dates and milestones'}`, events });
  }

  const unitsById = new Map((registry?.units ?? []).map((u) => [u.id, u]));
  const grouped = (path: string, name: string, tasks: Task[], key: string) => {
    const groups = new Map<string, { task: Task; count: number }>();
    for (const t of tasks) {
      const k = `${t.requirementId}/${t.occasion}/${taskDay(t)?.start ?? ''}`;
      const g = groups.get(k);
      if (g) g.count++;
      else groups.set(k, { task: t, count: 1 });
    }
    const events: EventSpec[] = [];
    for (const [k, { task, count }] of groups) {
      const e = taskEvent(task, '', count);
      if (e) events.push({ ...e, uid: uid('group', key, k) });
    }
    feeds.push({ path, name, events });
  };
  const allTasks = plans.flatMap((p) => p.tasks.map((t) => ({ t, year: p.year })));
  if (kinds.has('towns') && registry) {
    for (const town of registry.towns) {
      const tasks = allTasks.filter(({ t }) => unitsById.get(t.unitId)?.town === town.id).map(({ t }) => t);
      grouped(`calendars/towns/${safeFileSegment(town.id)}.ics`, `${districtName} ${town.name}`, tasks, `town-${town.id}`);
    }
  }
  if (kinds.has('sectors')) {
    for (const sector of ['party-school', 'organ', 'school', 'enterprise', 'community', 'network', 'general'] as const) {
      const tasks = allTasks.filter(({ t }) => t.sector === sector).map(({ t }) => t);
      grouped(`calendars/sectors/${sector}.ics`, `${districtName} ${sectorLabel(sector, lang)}`, tasks, `sector-${sector}`);
    }
  }
  if (kinds.has('units') && registry) {
    const byUnit = new Map<string, Task[]>();
    for (const { t } of allTasks) {
      const list = byUnit.get(t.unitId);
      if (list) list.push(t);
      else byUnit.set(t.unitId, [t]);
    }
    const used = new Set<string>();
    for (const unit of registry.units) {
      // The unit id is unique and already a safe segment; the name makes the file recognisable.
      let file = `${safeFileSegment(unit.id)}`;
      while (used.has(file.toLowerCase())) file = `${file}_`;
      used.add(file.toLowerCase());
      const events = (byUnit.get(unit.id) ?? []).flatMap((t) => {
        const e = taskEvent(t, '');
        return e ? [{ ...e, uid: uid(t.id) }] : [];
      });
      feeds.push({ path: `calendars/units/${file}.ics`, name: `${unit.name}（${UNIT_KIND_LABELS[unit.kind][lang]}）`, events });
    }
  }
  return feeds;
}
