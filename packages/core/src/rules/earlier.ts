/**
 * The one rule for records dated outside the audited year (docs/catalog.md, "Earlier years, one
 * rule"), for `liujin validate` to say what the audit will do: a row from an earlier year counts
 * when a requirement the notice makes once (cadence `once` or `continuous`) applies to its unit
 * and takes its kind; any other row outside the year is listed as unmatched `outside-year`.
 */
import type { Activity } from '../model/activity';
import type { Catalog, Requirement } from '../model/requirement';
import { rolesOf, type Unit } from '../model/unit';
import { compileCondition } from './compile';
import { acceptsEarlierYears } from './reasons';

export interface OutsideYearVerdict {
  /** Requirements that take the row as evidence from an earlier year (empty: the row is unmatched). */
  usedBy: string[];
}

/** For each catalog: its once-made requirements with their compiled applies-to conditions. */
const CACHE = new WeakMap<Catalog, { req: Requirement; applies: (facts: Record<string, unknown>) => boolean }[]>();

export function outsideYearVerdict(catalog: Catalog, unit: Unit | undefined, activity: Pick<Activity, 'kind' | 'date'>, year: number): OutsideYearVerdict | undefined {
  if (activity.date >= `${year}-01-01` && activity.date <= `${year}-12-31`) return undefined;
  if (activity.date > `${year}-12-31` || !unit) return { usedBy: [] };
  let once = CACHE.get(catalog);
  if (!once) CACHE.set(catalog, (once = catalog.requirements.filter(acceptsEarlierYears).map((req) => ({ req, applies: compileCondition(req.appliesTo) }))));
  const facts = { kind: unit.kind, roles: rolesOf(unit), town: unit.town, communityType: unit.communityType, headCount: unit.headCount, attributes: unit.attributes ?? {} };
  return { usedBy: once.filter((o) => o.req.evidenceKinds.includes(activity.kind) && o.applies(facts)).map((o) => o.req.id) };
}
