/**
 * buildWorklists: an audit seen from a town or a unit (docs/worklists.md). Every open item is the
 * audit's own result for that unit (overdue = not met, due = pending), grouped by requirement and
 * due date, in the chase order of the audit's 优先催办; done work lists the dates of the records
 * the audit used. Not assessed and waived results are left out (nothing to do).
 */
import { keyDatesFor, type KeyDateOptions } from '../dates/key-dates';
import { addDays } from '../dates/local-date';
import type { KeyDate } from '../model/key-date';
import { DEFAULT_LABEL } from '../rules/reasons';
import { ACTIVITY_KIND_LABELS, type Activity, type ActivityKind } from '../model/activity';
import type { Catalog, Requirement } from '../model/requirement';
import type { Registry } from '../model/unit';
import type { AuditResult } from '../audit/schema';
import { uniqueIds } from '../audit/run-audit';
import { chaseWeight, compareChase } from '../audit/chase';
import { WORKLIST_SCHEMA_VERSION, type Worklist, type WorklistDone, type WorklistItem, type WorklistSet } from './schema';

/** The default windows (days): due soon, the horizon, done recently. 默认，可调整. */
export const WORKLIST_WINDOWS = { soonDays: 30, horizonDays: 90, recentDays: 30 } as const;

/** What a set of work lists is built from: an audit with its unit list, and the inputs it judged. */
export interface WorklistInput {
  audit: AuditResult;
  catalog: Catalog;
  registry: Registry;
  /** The activity records the audit read (for the dates of the work done). */
  activities: readonly Activity[];
  /** Only this town's list: its id, or its name as the registry writes it (朱家角镇, or the English name). */
  town?: string;
  /** Only this unit's list. */
  unit?: string;
  windows?: Partial<WorklistSet['windows']>;
  /** Region and working days of the year's key dates (the preferred occasions); default: the audit's region. */
  region?: KeyDateOptions['region'];
  workdays?: KeyDateOptions['workdays'];
}

/** Thrown when `town` or `unit` names none of the registry's (a misuse; the CLI checks first). */
export class WorklistScopeError extends Error {
  override readonly name = 'WorklistScopeError';
}

type AuditUnit = AuditResult['units'][number];

function evidenceOf(req: Requirement): WorklistItem['evidence'] {
  return { measure: req.measure, kinds: req.evidenceKinds.map((kind) => ({ kind, label: ACTIVITY_KIND_LABELS[kind as ActivityKind] ?? { zh: kind, en: kind } })) };
}

/** Record id → record, per unit, exactly as the audit derives them (uniqueIds over the unit's rows in input order). */
function recordsById(activities: readonly Activity[], wanted: ReadonlySet<string>): Map<string, Map<string, Activity>> {
  const byUnit = new Map<string, Activity[]>();
  for (const a of activities) {
    if (!wanted.has(a.unitId)) continue;
    const list = byUnit.get(a.unitId);
    if (list) list.push(a);
    else byUnit.set(a.unitId, [a]);
  }
  const out = new Map<string, Map<string, Activity>>();
  for (const [unitId, list] of byUnit) {
    const ids = uniqueIds();
    const map = new Map<string, Activity>();
    for (const a of list) {
      const id = ids(a);
      if (!map.has(id)) map.set(id, a);
    }
    out.set(unitId, map);
  }
  return out;
}

/** The work lists of an audit: per town (and the district-level units), or of one town or one unit. */
export function buildWorklists(input: WorklistInput): WorklistSet {
  const { audit, catalog, registry } = input;
  const windows = { ...WORKLIST_WINDOWS, ...input.windows };
  const requirements = new Map(catalog.requirements.map((r) => [r.id, r]));
  const asOf = audit.asOf;
  const soon = addDays(asOf, windows.soonDays);
  const horizon = addDays(asOf, windows.horizonDays);
  const recentFrom = addDays(asOf, -windows.recentDays + 1);

  const scopes: { scope: Worklist['scope']; id: string; name: string; town?: string; units: AuditUnit[] }[] = [];
  if (input.unit !== undefined) {
    const u = audit.units.find((x) => x.unitId === input.unit);
    if (!u) throw new WorklistScopeError(`unit "${input.unit}" is not in the audit`);
    scopes.push({ scope: 'unit', id: u.unitId, name: u.name, ...(u.town !== undefined ? { town: u.town } : {}), units: [u] });
  } else {
    const wanted = input.town === undefined ? undefined : (registry.towns.find((t) => t.id === input.town) ?? registry.towns.find((t) => t.name === input.town || t.nameEn === input.town));
    const towns = input.town === undefined ? registry.towns : wanted ? [wanted] : [];
    if (input.town !== undefined && towns.length === 0) throw new WorklistScopeError(`town "${input.town}" is not in the registry`);
    for (const t of towns) {
      const units = audit.units.filter((u) => u.town === t.id);
      if (units.length > 0 || input.town !== undefined) scopes.push({ scope: 'town', id: t.id, name: t.name, units });
    }
    const districtLevel = input.town === undefined ? audit.units.filter((u) => u.town === undefined) : [];
    if (districtLevel.length > 0) scopes.push({ scope: 'district-level', id: 'district-level', name: `${registry.district.name}（区级单位）`, units: districtLevel });
  }
  const records = recordsById(input.activities, new Set(scopes.flatMap((s) => s.units.map((u) => u.unitId))));
  const keyDates = new Map<string, KeyDate>(keyDatesFor(audit.year, { region: input.region ?? audit.region, ...(input.workdays ? { workdays: input.workdays } : {}), ...(catalog.keyDates ? { extraRules: catalog.keyDates } : {}) }).map((k) => [k.id, k]));
  const preferredOf = (req: Requirement): WorklistItem['preferred'] =>
    (req.preferredOccasions ?? []).flatMap((id) => {
      const k = keyDates.get(id);
      return k && k.date > asOf ? [{ keyDateId: id, date: k.date, title: { zh: k.title, en: k.titleEn } }] : [];
    }).sort((a, b) => a.date.localeCompare(b.date));
  /**
   * News after each activity (结语) has no one due date: an open report is due within a few days
   * of an activity already held, so it is due soon when that delay fits the first window.
   */
  const newsSoon = (req: Requirement) => req.due.type === 'after-each-activity' && (req.due.unit === 'days' ? req.due.within : Math.ceil((req.due.within * 7) / 5) + 7) <= windows.soonDays;

  const lists = scopes.map((s): Worklist => {
    const groups = new Map<string, WorklistItem>();
    const recent: (WorklistDone & { last: string; order: number })[] = [];
    s.units.forEach((u, order) => {
      for (const r of u.results) {
        const req = requirements.get(r.requirementId);
        if (!req) continue;
        if (r.status === 'met') {
          const mine = records.get(u.unitId);
          const dates = [...new Set(r.evidence.map((id) => mine?.get(id)?.date).filter((d): d is string => d !== undefined && d >= recentFrom && d <= asOf))].sort().reverse();
          if (dates.length > 0) recent.push({ requirementId: req.id, clause: req.clause, sector: req.sector, title: req.title, unitId: u.unitId, name: u.name, dates, last: dates[0]!, order });
          continue;
        }
        if (r.status !== 'not-met' && r.status !== 'pending') continue;
        const dueDate = r.dueDate ?? null;
        const key = `${req.id}|${r.status}|${dueDate ?? ''}`;
        let item = groups.get(key);
        if (!item) {
          const weight = chaseWeight({ status: r.status, dueDate, target: req.target ?? null, optional: req.optional ?? false }, asOf);
          if (req.due.type === 'after-each-activity' && dueDate === null) {
            const delay = `${req.due.within} ${req.due.unit === 'days' ? '' : '个工作'}日`;
            weight.why = r.status === 'pending'
              ? { zh: `活动结束后 ${delay}内报送，尚未到期（${DEFAULT_LABEL.zh}）`, en: `due within ${req.due.within} ${req.due.unit === 'days' ? 'days' : 'working days'} of each activity, not yet due (${DEFAULT_LABEL.en})` }
              : { zh: `有活动超过 ${delay}未报送（${DEFAULT_LABEL.zh}）`, en: `news of an activity not reported within ${req.due.within} ${req.due.unit === 'days' ? 'days' : 'working days'} (${DEFAULT_LABEL.en})` };
          }
          groups.set(key, (item = { requirementId: req.id, clause: req.clause, sector: req.sector, title: req.title, status: r.status, dueDate, ...weight, units: [], preferred: preferredOf(req), evidence: evidenceOf(req) }));
        }
        item.units.push({ unitId: u.unitId, name: u.name });
      }
    });
    const items = [...groups.values()].sort((a, b) => compareChase({ ...a, count: a.units.length }, { ...b, count: b.units.length }));
    const pending = items.filter((i) => i.status === 'pending');
    const soonNews = (i: WorklistItem) => i.dueDate === null && newsSoon(requirements.get(i.requirementId)!);
    const later = pending.filter((i) => !soonNews(i) && (i.dueDate === null || i.dueDate > horizon));
    const occasionInside = (i: WorklistItem) => i.preferred.some((p) => p.date <= horizon);
    return {
      scope: s.scope,
      id: s.id,
      name: s.name,
      ...(s.town !== undefined ? { town: s.town } : {}),
      units: s.units.length,
      overdue: items.filter((i) => i.status === 'not-met'),
      dueSoon: pending.filter((i) => soonNews(i) || (i.dueDate !== null && i.dueDate <= soon)),
      dueLater: pending.filter((i) => i.dueDate !== null && i.dueDate > soon && i.dueDate <= horizon),
      // Soonest occasion first; the chase order among equals.
      occasionSoon: later.filter(occasionInside).sort((a, b) => a.preferred[0]!.date.localeCompare(b.preferred[0]!.date)),
      laterThisYear: later.filter((i) => !occasionInside(i)),
      // Newest first; a unit's rows in catalog order.
      recent: recent.sort((a, b) => b.last.localeCompare(a.last) || a.order - b.order).map(({ last: _l, order: _o, ...done }) => done),
    };
  });
  return {
    schemaVersion: WORKLIST_SCHEMA_VERSION,
    year: audit.year,
    asOf,
    district: audit.district,
    catalog: audit.catalog,
    windows,
    lists,
  };
}
