/**
 * runAudit: every unit of the registry evaluated against the catalog for a year as of a date,
 * coverage per requirement, sector, town and unit kind, the gaps to chase, and every activity
 * accounted for (used as evidence or listed as unmatched with the reason).
 */
import { activityId, createEvaluator, type Activity, type Catalog, type Evaluator, type Registry, type RequirementResult, type Waiver } from '@liujin/core';
import { add, emptyCoverage, finish } from './coverage';
import { AUDIT_SCHEMA_VERSION, AuditResult, type Coverage, type UnmatchedReason } from './schema';

export interface AuditInput {
  catalog: Catalog;
  registry: Registry;
  activities: readonly Activity[];
  year: number;
  /** Judge as of this date (YYYY-MM-DD); default 31 December of the year. */
  asOf?: string;
  region?: string;
  waivers?: readonly Waiver[];
  /**
   * Rows set aside while reading (an unknown activity kind: `parseActivitiesFile(..., { unknownKinds:
   * 'set-aside' })` warnings), listed as unmatched so that no row of the input goes unaccounted for.
   */
  setAside?: readonly { unitId: string; kind: string; date: string; file?: string; row?: number }[];
  /** Last year's audit (parsed JSON), for the change. */
  previous?: unknown;
  /** Reuse an evaluator across audits (it caches engines and key dates). */
  evaluator?: Evaluator;
  /** Evaluation path when no evaluator is given: `compiled` (default, fast) or `rules-engine` (the reference). */
  engine?: 'compiled' | 'rules-engine';
}

/** Thrown when `previous` is not an audit of this schema version (a misuse, named). */
export class PreviousAuditError extends Error {
  override readonly name = 'PreviousAuditError';
}

export async function runAudit(input: AuditInput): Promise<AuditResult> {
  const { catalog, registry, year } = input;
  const asOf = input.asOf ?? `${year}-12-31`;
  const region = input.region ?? registry.district.region ?? 'shanghai';
  const evaluator = input.evaluator ?? createEvaluator(catalog, { region, engine: input.engine ?? 'compiled' });
  const units = new Map(registry.units.map((u) => [u.id, u]));

  // Account for every activity: unknown unit, outside the year, duplicate; the rest go to units.
  const unmatched: AuditResult['unmatched'] = [];
  const byUnit = new Map<string, Activity[]>();
  const seen = new Set<string>();
  const idOf = new Map<Activity, string>();
  const miss = (a: Activity, id: string, reason: UnmatchedReason) =>
    unmatched.push({ activityId: id, unitId: a.unitId, kind: a.kind, date: a.date, ...(a.source ? { file: a.source.file, row: a.source.row } : {}), reason });
  for (const a of input.activities) {
    const id = activityId(a);
    idOf.set(a, id);
    const key = JSON.stringify([a.unitId, a.kind, a.date, a.time ?? '', a.title ?? '', a.place ?? '', a.reference ?? '']);
    if (!units.has(a.unitId)) miss(a, id, 'unknown-unit');
    else if (seen.has(key)) miss(a, id, 'duplicate');
    else {
      seen.add(key);
      const list = byUnit.get(a.unitId);
      if (list) list.push(a);
      else byUnit.set(a.unitId, [a]);
    }
  }

  for (const row of input.setAside ?? []) {
    unmatched.push({ activityId: `${row.file ?? ''}:${row.row ?? ''}`, unitId: row.unitId, kind: row.kind, date: row.date, ...(row.file !== undefined ? { file: row.file } : {}), ...(row.row !== undefined ? { row: row.row } : {}), reason: 'unknown-kind' });
  }

  const used = new Set<string>();
  const auditUnits: AuditResult['units'] = [];
  const all: RequirementResult[] = [];
  for (const unit of registry.units) {
    const activities = byUnit.get(unit.id) ?? [];
    // Requirements that do not apply are not part of an audit (nor counted in coverage).
    const results = await evaluator.evaluateUnit({ unit, activities, year, asOf, includeNotApplicable: false, ...(input.waivers ? { waivers: input.waivers } : {}) });
    for (const r of results) for (const e of r.evidence) used.add(e);
    for (const r of results) all.push(r);
    auditUnits.push({ unitId: unit.id, name: unit.name, kind: unit.kind, ...(unit.town ? { town: unit.town } : {}), results: results.map(({ unitId: _u, year: _y, ...rest }) => rest) });
  }
  // Activities of known units that no requirement used: say why.
  const inYear = (a: Activity) => a.date >= `${year}-01-01` && a.date <= `${year}-12-31`;
  for (const [, activities] of byUnit) {
    for (const a of activities) {
      const id = idOf.get(a)!;
      if (used.has(id)) continue;
      miss(a, id, !inYear(a) ? 'outside-year' : a.date > asOf ? 'after-as-of' : 'not-evidence');
    }
  }

  const requirements = new Map(catalog.requirements.map((r) => [r.id, r]));
  const group = <K extends string>(key: (r: RequirementResult) => K | undefined) => {
    const map = new Map<K, Coverage>();
    for (const r of all) {
      const k = key(r);
      if (k === undefined) continue;
      let c = map.get(k);
      if (!c) map.set(k, (c = emptyCoverage()));
      add(c, r.status);
    }
    return map;
  };
  const overall = emptyCoverage();
  for (const r of all) add(overall, r.status);
  finish(overall);
  const byReq = group((r) => r.requirementId);
  const bySector = group((r) => requirements.get(r.requirementId)!.sector);
  const byTown = group((r) => units.get(r.unitId)!.town);
  const byKind = group((r) => units.get(r.unitId)!.kind);

  const byRequirement = catalog.requirements.map((req) => {
    const c = finish({ ...(byReq.get(req.id) ?? emptyCoverage()) });
    const target = req.target ?? null;
    return { requirementId: req.id, title: req.title, sector: req.sector, clause: req.clause, ...c, target, targetMet: target === null || c.share === null ? null : c.share >= target };
  });

  const gapMap = new Map<string, AuditResult['gaps'][number]>();
  for (const r of all) {
    if (r.status !== 'not-met' && r.status !== 'pending') continue;
    const key = `${r.requirementId}|${r.status}`;
    let gap = gapMap.get(key);
    if (!gap) gapMap.set(key, (gap = { requirementId: r.requirementId, title: requirements.get(r.requirementId)!.title, status: r.status, dueDate: r.dueDate ?? null, unitIds: [], count: 0 }));
    gap.unitIds.push(r.unitId);
    gap.count++;
  }
  const gaps = [...gapMap.values()].sort(
    (a, b) =>
      (a.status === 'not-met' ? 0 : 1) - (b.status === 'not-met' ? 0 : 1) ||
      (a.dueDate ?? '9999') .localeCompare(b.dueDate ?? '9999') ||
      b.count - a.count ||
      a.requirementId.localeCompare(b.requirementId),
  );

  const result: AuditResult = {
    schemaVersion: AUDIT_SCHEMA_VERSION,
    year,
    asOf,
    region,
    catalog: { id: catalog.id, version: catalog.version },
    district: { id: registry.district.id, name: registry.district.name, synthetic: Boolean(registry.district.synthetic) },
    units: auditUnits,
    overall,
    byRequirement,
    bySector: [...bySector].map(([sector, c]) => ({ sector, ...finish(c) })),
    byTown: registry.towns.filter((t) => byTown.has(t.id)).map((t) => ({ town: t.id, name: t.name, ...finish(byTown.get(t.id)!) })),
    byKind: [...byKind].map(([kind, c]) => ({ kind, ...finish(c) })),
    gaps,
    activities: { total: input.activities.length + (input.setAside?.length ?? 0), used: input.activities.length + (input.setAside?.length ?? 0) - unmatched.length, unmatched: unmatched.length },
    unmatched,
  };
  if (input.previous !== undefined) {
    const prev = AuditResult.safeParse(input.previous);
    if (!prev.success) throw new PreviousAuditError(`the previous audit is not a liujin audit (schema version ${AUDIT_SCHEMA_VERSION})`);
    const prevShares = new Map(prev.data.byRequirement.map((r) => [r.requirementId, r.share]));
    result.change = {
      previousYear: prev.data.year,
      overall: { share: overall.share, previousShare: prev.data.overall.share },
      byRequirement: byRequirement.map((r) => ({ requirementId: r.requirementId, share: r.share, previousShare: prevShares.get(r.requirementId) ?? null })),
    };
  }
  return result;
}
