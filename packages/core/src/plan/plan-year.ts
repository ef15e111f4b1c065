/**
 * The annual planner: catalog + registry + year + region -> a dated Plan of tasks per unit and
 * requirement, and the district's milestones. Deterministic: tasks follow the registry's unit
 * order, then the catalog's requirement order, then the occasions' dates.
 */
import { keyDatesFor } from '../dates/key-dates';
import { addDays } from '../dates/local-date';
import { getRegionProfile } from '../dates/regions';
import { defaultWorkdayCalendar, type WorkdayCalendar } from '../dates/workdays';
import { KEY_DATE_IDS, type KeyDate, type RegionProfile } from '../model/key-date';
import type { Milestone, Plan, Task } from '../model/plan';
import type { Catalog, Requirement } from '../model/requirement';
import type { LocalizedText } from '../model/text';
import { rolesOf, type Registry, type Unit } from '../model/unit';
import { compileCondition } from '../rules/compile';
import { scheduleRequirement } from '../rules/schedule';
import { DEFAULT_LABEL } from '../rules/reasons';
import { effectivePeriodWarnings } from '../catalogs/effective';

/**
 * What {@link planYear} needs: a catalog, a registry, the year, and optionally region, working-day calendar and key-date options.
 */
export interface PlanYearInput {
  catalog: Catalog;
  registry: Registry;
  year: number;
  /** Region profile id or object; default: the registry's district region, else `shanghai`. */
  region?: string | RegionProfile;
  /** Tasks due before this date are still listed; the plan itself does not depend on it. */
  asOf?: string;
  workdays?: WorkdayCalendar;
  /** Schools drill on the school day before a siren test that falls on a weekend (seen 2014, 2018, 2025). */
  schoolDrillBeforeWeekend?: boolean;
}

function unitFacts(unit: Unit): Record<string, unknown> {
  return { kind: unit.kind, roles: rolesOf(unit), town: unit.town, communityType: unit.communityType, headCount: unit.headCount, attributes: unit.attributes ?? {} };
}

function milestone(kd: KeyDate | undefined, kind: Milestone['kind'], title: LocalizedText, requirementIds: string[], description?: LocalizedText): Milestone[] {
  if (!kd) return [];
  return [
    {
      id: `${kind}/${kd.id}/${kd.date}`,
      kind,
      date: kd.date,
      keyDateId: kd.id,
      title,
      ...(description ? { description } : {}),
      ...(kd.phases ? { phases: kd.phases.map((p) => ({ id: p.id, title: { zh: p.title, en: p.titleEn }, start: p.start, end: p.end })) } : {}),
      requirementIds,
    },
  ];
}

/**
 * The annual plan: each requirement that applies to each unit, scheduled on the year's key dates and working days.
 */
export function planYear(input: PlanYearInput): Plan {
  const { catalog, registry, year } = input;
  const calendar = input.workdays ?? defaultWorkdayCalendar();
  const region = input.region ?? registry.district.region ?? 'shanghai';
  const keyDates = keyDatesFor(year, { region, workdays: calendar, ...(catalog.keyDates ? { extraRules: catalog.keyDates } : {}) });
  const byId = new Map(keyDates.map((k) => [k.id, k]));
  const compiled = catalog.requirements.map((req) => ({ req, applies: compileCondition(req.appliesTo), schedule: scheduleRequirement(req, year, byId, calendar) }));
  // Provisional years (statutory days only) and weekends-only years both lack the official arrangement.
  const noData = calendar.dataSourceFor(year) === 'weekends-only' || calendar.dataSourceFor(year) === 'provisional';
  const siren = byId.get(KEY_DATE_IDS.sirenTest);
  const sirenOnWeekend = siren !== undefined && !siren.isWorkday;

  const tasks: Task[] = [];
  for (const unit of registry.units) {
    const facts = unitFacts(unit);
    for (const { req, applies, schedule } of compiled) {
      if (!applies(facts)) continue;
      const common = { requirementId: req.id, unitId: unit.id, sector: req.sector, clause: req.clause, title: req.title, ownerRoles: req.responsibleRoles, cadence: req.cadence };
      const extraFlags: Task['flags'] = noData ? ['no-holiday-data'] : [];
      if (req.due.type === 'after-each-activity') {
        tasks.push({ ...common, id: `${req.id}/${unit.id}/each-activity`, occasion: 'each-activity', due: { type: 'after-each-activity', within: req.due.within, unit: req.due.unit }, flags: extraFlags });
        continue;
      }
      for (const occasion of schedule.occasions) {
        const flags: Task['flags'] = [...occasion.flags, ...extraFlags];
        let due: Task['due'];
        // Where the notice sets no date, any day of the year counts; its occasions are preferred.
        if (req.due.type === 'by-year-end') flags.push(req.due.deadline !== undefined ? 'set-deadline' : 'notice-sets-no-date');
        if (req.due.type === 'continuous') due = { type: 'continuous', end: occasion.end };
        else if (occasion.on !== undefined) due = { type: 'window', start: occasion.start, end: occasion.end, on: occasion.on };
        else due = { type: 'deadline', date: occasion.end };
        if (input.schoolDrillBeforeWeekend && unit.kind === 'school' && sirenOnWeekend && req.evidenceKinds.includes('evacuation-drill')) {
          const day = calendar.previousWorkday(siren.date);
          due = { type: 'window', start: day, end: day, on: day };
          flags.push('school-day-before-weekend');
        }
        const preferred = (req.preferredOccasions ?? []).flatMap((id) => (byId.has(id) ? [{ keyDateId: id, date: byId.get(id)!.date }] : []));
        tasks.push({ ...common, id: `${req.id}/${unit.id}/${occasion.key}`, occasion: occasion.key, due, ...(occasion.keyDateId ? { keyDateId: occasion.keyDateId } : {}), ...(preferred.length > 0 ? { preferred } : {}), flags });
      }
    }
  }

  const reqsOn = (pred: (r: Requirement) => boolean) => catalog.requirements.filter(pred).map((r) => r.id);
  const dueOn = (id: string) => (r: Requirement) =>
    (r.due.type === 'by-key-date' && r.due.keyDate === id) || (r.due.type === 'window' && r.due.keyDate === id) || (r.due.type === 'each-key-date' && r.due.keyDates.includes(id)) || (r.preferredOccasions ?? []).includes(id);
  const drills = (id: string) => reqsOn((r) => dueOn(id)(r) && r.evidenceKinds.includes('evacuation-drill'));
  const news = reqsOn((r) => r.due.type === 'after-each-activity');
  const newsDue = catalog.requirements.find((r) => r.due.type === 'after-each-activity');
  const ed = byId.get(KEY_DATE_IDS.educationDay);
  const milestones: Milestone[] = [
    ...milestone(byId.get(KEY_DATE_IDS.annualPlanDeadline), 'deadline', { zh: '各单位年度工作计划报送区国动办截止', en: "Units' annual work plans due at the district office" }, reqsOn(dueOn(KEY_DATE_IDS.annualPlanDeadline))),
    ...milestone(byId.get(KEY_DATE_IDS.civilDefenseDay), 'observance', { zh: '国际民防日（可开展宣传）', en: 'World Civil Defence Day (optional publicity)' }, []),
    ...milestone(byId.get(KEY_DATE_IDS.securityEducationDay), 'observance', { zh: '全民国家安全教育日（可开展宣传）', en: 'National Security Education Day (optional publicity)' }, []),
    ...milestone(byId.get(KEY_DATE_IDS.disasterPreventionDay), 'drill', { zh: '全国防灾减灾日：企业（园区）疏散演练（首选时机，不强制）', en: 'Disaster Prevention Day: enterprise and park evacuation drills (preferred occasion, not enforced)' }, drills(KEY_DATE_IDS.disasterPreventionDay)),
    ...milestone(ed, 'publicity', { zh: '全民国防教育日：集中宣传、培训与演练（首选时机，不强制）', en: 'National Defence Education Day: concentrated publicity, training and drills (preferred occasion, not enforced)' }, reqsOn(dueOn(KEY_DATE_IDS.educationDay))),
    ...milestone(siren, 'siren-test', { zh: '防空警报试鸣（学校、社区疏散演练时机）', en: 'Air-raid siren test (the occasion for school and community drills)' }, reqsOn((r) => r.evidenceKinds.includes('evacuation-drill') && (r.sector === 'school' || r.sector === 'community'))),
    ...milestone(byId.get(KEY_DATE_IDS.fireSafetyDay), 'drill', { zh: '全国消防日：企业（园区）疏散演练（首选时机，不强制）', en: 'National Fire Day: enterprise and park evacuation drills (preferred occasion, not enforced)' }, drills(KEY_DATE_IDS.fireSafetyDay)),
  ];
  if (newsDue && newsDue.due.type === 'after-each-activity') {
    const { within, unit } = newsDue.due;
    // A delay from the catalog's defaults is labelled so; one an office set (docs/settings.md) is not.
    const isDefault = !(catalog.adjustments ?? []).some((a) => a.requirementId === newsDue.id);
    for (const kd of [byId.get(KEY_DATE_IDS.disasterPreventionDay), ed, byId.get(KEY_DATE_IDS.fireSafetyDay)]) {
      if (!kd) continue;
      const date = unit === 'workdays' ? calendar.addWorkdays(kd.date, within) : addDays(kd.date, within);
      milestones.push({
        id: `report/${kd.id}/${date}`,
        kind: 'report',
        date,
        keyDateId: kd.id,
        title: { zh: `${kd.title}活动新闻信息报送截止（${within} 个${unit === 'workdays' ? '工作日' : '自然日'}，${isDefault ? DEFAULT_LABEL.zh : '本区参数设置'}）`, en: `News of ${kd.titleEn} activities due (${within} ${unit === 'workdays' ? 'working days' : 'days'}, ${isDefault ? DEFAULT_LABEL.en : "this district's setting"})` },
        requirementIds: news,
      });
    }
  }
  milestones.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));

  const warnings: LocalizedText[] = effectivePeriodWarnings(catalog, year, input.asOf);
  const seen = new Set<string>();
  for (const w of keyDates.flatMap((k) => k.warnings)) {
    if (seen.has(w.en)) continue;
    seen.add(w.en);
    warnings.push(w);
  }
  for (const k of keyDates) if (!k.confirmed) warnings.push({ zh: `${k.title}（${k.date}）的日期与时间需按当年通知确认`, en: `${k.titleEn} (${k.date}): confirm the date and times against this year's notice` });

  return {
    year,
    region: typeof region === 'string' ? region : region.id,
    timeZone: (typeof region === 'string' ? getRegionProfile(region)?.timeZone : region.timeZone) ?? 'Asia/Shanghai',
    catalog: { id: catalog.id, version: catalog.version },
    district: { id: registry.district.id, name: registry.district.name, ...(registry.district.synthetic !== undefined ? { synthetic: registry.district.synthetic } : {}) },
    keyDates,
    milestones,
    tasks,
    warnings,
    ...(catalog.adjustments && catalog.adjustments.length > 0 ? { adjustments: catalog.adjustments } : {}),
  };
}
