/**
 * runAudit: every unit of the registry evaluated against the catalog for a year as of a date,
 * coverage per requirement, sector, town and unit kind, the gaps to chase, and every activity
 * accounted for (used as evidence or listed as unmatched with the reason).
 */
import type { Activity } from '../model/activity';
import type { Catalog } from '../model/requirement';
import { Status, type RequirementResult, type Waiver } from '../model/evaluation';
import type { Registry, Unit } from '../model/unit';
import type { RegionProfile } from '../model/key-date';
import type { WorkdayCalendar } from '../dates/workdays';
import { effectivePeriodWarnings } from '../catalogs/effective';
import { createEvaluator, type Evaluator } from '../rules/evaluate';
import { activityId } from '../rules/ids';
import { Sector } from '../model/sector';
import { chaseWeight, compareChase } from './chase';
import { add, emptyCoverage, finish, targetStatus } from './coverage';

const SECTOR_ORDER: readonly string[] = [...Sector.options, 'general'];
import { AUDIT_SCHEMA_VERSION, PreviousAudit, type AuditResult, type Coverage, type UnmatchedReason } from './schema';

/**
 * What an audit judges: the catalog, the registry of units, their activity records and waivers, the year and the date judged as of.
 */
export interface AuditInput {
  catalog: Catalog;
  registry: Registry;
  activities: readonly Activity[];
  year: number;
  /** Judge as of this date (YYYY-MM-DD); default 31 December of the year. */
  asOf?: string;
  /** The region whose key dates apply: its id, or a profile of its own (default the district's region, else Shanghai). */
  region?: string | RegionProfile;
  /** Working days (official holidays and make-up workdays); default: the bundled data. */
  workdays?: WorkdayCalendar;
  waivers?: readonly Waiver[];
  /**
   * Rows set aside while reading (an unknown activity kind: `parseActivitiesFile(..., { unknownKinds:
   * 'set-aside' })` warnings), listed as unmatched so that no row of the input goes unaccounted for.
   */
  setAside?: readonly { unitId: string; kind: string; date: string; file?: string; row?: number; id?: string }[];
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

type AuditUnit = AuditResult['units'][number];
type Unmatched = AuditResult['unmatched'][number];

/** Statuses by code, the order of the `Status` schema: a tally holds codes, not strings. */
const STATUSES: readonly RequirementResult['status'][] = Status.options;
const STATUS_CODES = new Map(STATUSES.map((s, i) => [s, i]));
const SECTOR_BITS = new Map<string, number>(Sector.options.map((s, i) => [s, i]));

/**
 * What the audit counts of one judged unit ({@link AuditAccumulator.judgeUnit}), small enough to
 * pass between threads as numbers: each requirement that applies (its index in the catalog, in
 * catalog order) with its status (a code in the order of `Status`), the sectors the unit counts in
 * for 二 全覆盖 and those it is active in (bits in `Sector.options` order), its records and how
 * many of them are unmatched.
 */
export interface UnitTally {
  requirements: ArrayLike<number>;
  statuses: ArrayLike<number>;
  sectorsCounted: number;
  sectorsActive: number;
  records: number;
  unmatched: number;
}

/**
 * The key two records must share to be the same activity entered twice: the fields joined by NUL
 * (kind and date never hold one), or their JSON when a text field does; the two forms never meet
 * (a kind never starts with `[`).
 */
const duplicateKey = (a: Activity) => {
  const time = a.time ?? '';
  const title = a.title ?? '';
  const place = a.place ?? '';
  const reference = a.reference ?? '';
  if (time.includes('\u0000') || title.includes('\u0000') || place.includes('\u0000') || reference.includes('\u0000')) return JSON.stringify([a.kind, a.date, time, title, place, reference]);
  return `${a.kind}\u0000${a.date}\u0000${time}\u0000${title}\u0000${place}\u0000${reference}`;
};

/** The same record by {@link duplicateKey}'s fields, compared in place (no key string). */
const sameRecord = (a: Activity, b: Activity) =>
  a.date === b.date && a.kind === b.kind && (a.time ?? '') === (b.time ?? '') && (a.title ?? '') === (b.title ?? '') && (a.place ?? '') === (b.place ?? '') && (a.reference ?? '') === (b.reference ?? '');

/** Up to this many records a unit's repeats are found by comparing records pairwise; past it by key. */
const PAIRWISE_RECORDS = 32;

/**
 * Ids of the rows of one list: a row's own 记录编号 as written; two rows without one never share a
 * derived id (a repeat of the same content gets `#2`, `#3`, ... in input order).
 */
export function uniqueIds(): (a: Activity) => string {
  const seen = new Map<string, number>();
  return (a) => {
    const id = activityId(a);
    if (a.id) return id;
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    return n > 1 ? `${id}#${n}` : id;
  };
}

/** An activity record the audit could not match (unknown unit, outside the year...), as `AuditResult.unmatched` lists it under its id. */
export function unmatchedEntry(a: Activity, id: string, reason: UnmatchedReason): Unmatched {
  // One literal per shape, no spread: a city's audit lists millions of these.
  return a.source ? { activityId: id, unitId: a.unitId, kind: a.kind, date: a.date, file: a.source.file, row: a.source.row, reason } : { activityId: id, unitId: a.unitId, kind: a.kind, date: a.date, reason };
}

/** A row set aside while the activities were read (an unknown activity kind), as `AuditResult.unmatched` lists it. */
export function setAsideEntry(row: NonNullable<AuditInput['setAside']>[number]): Unmatched {
  // The row's own 记录编号 when it has one; else where it is.
  return { activityId: row.id ?? `${row.file ?? ''}:${row.row ?? ''}`, unitId: row.unitId, kind: row.kind, date: row.date, ...(row.file !== undefined ? { file: row.file } : {}), ...(row.row !== undefined ? { row: row.row } : {}), reason: 'unknown-kind' };
}

/**
 * The audit of a district built one unit at a time, in registry order: coverage counters, the
 * gap lists and every activity's fate. runAudit feeds it from memory; writeAuditStreamed from
 * files, chunk by chunk; both therefore give the same result.
 */
export class AuditAccumulator {
  readonly asOf: string;
  readonly region: string;
  private readonly evaluator: Evaluator;
  private readonly requirements: Map<string, Catalog['requirements'][number]>;
  private readonly requirementIndex: Map<string, number>;
  private readonly dueDates = new Map<number, string | undefined>();
  private readonly overall = emptyCoverage();
  private readonly byReq = new Map<string, Coverage>();
  private readonly bySector = new Map<string, Coverage>();
  private readonly byTown = new Map<string, Coverage>();
  private readonly byKind = new Map<string, Coverage>();
  /** Gaps by requirement index and status (`index * 2`, `+ 1` when pending), in the order first met. */
  private readonly gapMap = new Map<number, Omit<AuditResult['gaps'][number], 'rank' | 'tier' | 'daysOverdue' | 'why'>>();
  /** Town × sector (二 全覆盖): units a sector's requirement applies to, and those active this year. */
  private readonly townSectors = new Map<string, { units: number; active: number }>();
  /** Only for several districts (a city office's registry). */
  private readonly byDistrict = new Map<string, Coverage>();
  private readonly townDistrict: Map<string, string | undefined>;
  /** Names of the first units of each gap, for the reports that list them. */
  readonly gapNames = new Map<string, string>();
  total = 0;
  unmatchedCount = 0;

  constructor(
    private readonly input: Omit<AuditInput, 'registry' | 'activities'> & { district: Registry['district']; districts?: Registry['districts']; towns: Registry['towns'] },
    /** Names kept per gap: enough to fill the 32,767 characters of a spreadsheet cell. */
    private readonly namesPerGap = 16_001,
  ) {
    const { catalog, year } = input;
    this.asOf = input.asOf ?? `${year}-12-31`;
    const region = input.region ?? input.district.region ?? 'shanghai';
    this.region = typeof region === 'string' ? region : region.id;
    this.evaluator = input.evaluator ?? createEvaluator(catalog, { region, engine: input.engine ?? 'compiled', ...(input.workdays ? { workdays: input.workdays } : {}) });
    this.requirements = new Map(catalog.requirements.map((r) => [r.id, r]));
    this.requirementIndex = new Map(catalog.requirements.map((r, i) => [r.id, i]));
    this.townDistrict = new Map(input.towns.map((t) => [t.id, t.district]));
  }

  /** Districts counted apart: two or more. */
  private get districts(): Registry['district'][] | undefined {
    return this.input.districts !== undefined && this.input.districts.length > 1 ? this.input.districts : undefined;
  }

  private count<K extends string>(map: Map<K, Coverage>, key: K | undefined, status: RequirementResult['status']): void {
    if (key === undefined) return;
    let c = map.get(key);
    if (!c) map.set(key, (c = emptyCoverage()));
    add(c, status);
  }

  /**
   * One unit with its activity records in input order (duplicates included): evaluates it,
   * counts it, and reports each record that is not used as evidence (duplicate, outside the
   * year, after the as-of date, or not evidence of anything) to `miss`.
   */
  async addUnit(unit: Unit, records: readonly Activity[], miss: (entry: Unmatched) => void): Promise<AuditUnit> {
    const { result, tally } = await this.judgeUnit(unit, records, miss);
    this.countUnit(unit, tally);
    return result;
  }

  /**
   * The first half of {@link addUnit}: the unit evaluated, its unused records reported to `miss`,
   * and what the audit counts of it. It changes nothing in the accumulator, so units can be judged
   * anywhere (a streamed audit judges chunks on worker threads) and counted here in registry order
   * with {@link countUnit}: the same result as addUnit. `results: false` leaves the unit's result
   * list empty (what is counted is in the tally).
   */
  async judgeUnit(unit: Unit, records: readonly Activity[], miss: (entry: Unmatched) => void, options: { results?: boolean } = {}): Promise<{ result: AuditUnit; tally: UnitTally }> {
    const { year } = this.input;
    const unique: Activity[] = [];
    const ids: string[] = [];
    const duplicate: boolean[] = [];
    const derived = uniqueIds();
    // A unit's few records are compared pairwise (building and hashing a key string per record was
    // most of this method); a unit with many by key, so the work stays linear.
    const seen = records.length > PAIRWISE_RECORDS ? new Set<string>() : undefined;
    for (const a of records) {
      ids.push(derived(a));
      let dup: boolean;
      if (seen) {
        const key = duplicateKey(a);
        dup = seen.has(key);
        if (!dup) seen.add(key);
      } else dup = unique.some((u) => sameRecord(u, a));
      duplicate.push(dup);
      if (!dup) unique.push(a);
    }
    // Requirements that do not apply are not part of an audit (nor counted in coverage).
    const results = await this.evaluator.evaluateUnit({ unit, activities: unique, year, asOf: this.asOf, includeNotApplicable: false, ...(this.input.waivers ? { waivers: this.input.waivers } : {}) });
    const used = new Set<string>();
    const requirements: number[] = new Array(results.length);
    const statuses: number[] = new Array(results.length);
    for (let i = 0; i < results.length; i++) {
      const r = results[i]!;
      for (const e of r.evidence) used.add(e);
      requirements[i] = this.requirementIndex.get(r.requirementId)!;
      statuses[i] = STATUS_CODES.get(r.status)!;
    }
    const yearStart = `${year}-01-01`;
    const yearEnd = `${year}-12-31`;
    const inYear = (a: Activity) => a.date >= yearStart && a.date <= yearEnd;
    const sectors = unit.town !== undefined ? this.townSectorsOf(results, records, ids, inYear) : { counted: 0, active: 0 };
    let unmatched = 0;
    records.forEach((a, i) => {
      if (duplicate[i]) miss(unmatchedEntry(a, ids[i]!, 'duplicate'));
      else if (!used.has(ids[i]!)) miss(unmatchedEntry(a, ids[i]!, !inYear(a) ? 'outside-year' : a.date > this.asOf ? 'after-as-of' : 'not-evidence'));
      else return;
      unmatched++;
    });
    // One literal, no rest spread per result: a city's audit makes millions of these. A caller that
    // only counts (`results: false`, a streamed audit's summary formats) gets the unit without them.
    const out: AuditUnit['results'] = new Array(options.results === false ? 0 : results.length);
    for (let i = 0; i < out.length; i++) {
      const r = results[i]!;
      const item: AuditUnit['results'][number] = r.dueDate !== undefined ? { requirementId: r.requirementId, dueDate: r.dueDate, status: r.status, reasonCode: r.reasonCode, reason: r.reason, evidence: r.evidence } : { requirementId: r.requirementId, status: r.status, reasonCode: r.reasonCode, reason: r.reason, evidence: r.evidence };
      if (r.waiver !== undefined) item.waiver = r.waiver;
      out[i] = item;
    }
    const result: AuditUnit = unit.town ? { unitId: unit.id, name: unit.name, kind: unit.kind, town: unit.town, results: out } : { unitId: unit.id, name: unit.name, kind: unit.kind, results: out };
    return { result, tally: { requirements, statuses, sectorsCounted: sectors.counted, sectorsActive: sectors.active, records: records.length, unmatched } };
  }

  /** The second half of {@link addUnit}: a judged unit counted (units in registry order). */
  countUnit(unit: Unit, tally: UnitTally): void {
    const reqs = this.input.catalog.requirements;
    this.total += tally.records;
    this.unmatchedCount += tally.unmatched;
    const district = this.districts ? districtOfUnit(unit, this.townDistrict) : undefined;
    for (let i = 0; i < tally.requirements.length; i++) {
      const req = reqs[tally.requirements[i]!]!;
      const status = STATUSES[tally.statuses[i]!]!;
      add(this.overall, status);
      this.count(this.byReq, req.id, status);
      this.count(this.bySector, req.sector, status);
      this.count(this.byTown, unit.town, status);
      this.count(this.byKind, unit.kind, status);
      this.count(this.byDistrict, district, status);
      if (status === 'not-met' || status === 'pending') {
        const dueDate = this.dueDate(tally.requirements[i]!);
        const key = tally.requirements[i]! * 2 + (status === 'pending' ? 1 : 0);
        let gap = this.gapMap.get(key);
        if (!gap) this.gapMap.set(key, (gap = { requirementId: req.id, title: req.title, status, dueDate: dueDate ?? null, unitIds: [], count: 0 }));
        // The group's earliest due date: the longest overdue, or the soonest due, of its units.
        else if (dueDate !== undefined && (gap.dueDate === null || dueDate < gap.dueDate)) gap.dueDate = dueDate;
        if (gap.unitIds.length < this.namesPerGap) this.gapNames.set(unit.id, unit.name);
        gap.unitIds.push(unit.id);
        gap.count++;
      }
    }
    if (unit.town !== undefined && tally.sectorsCounted !== 0) {
      Sector.options.forEach((sector, bit) => {
        if ((tally.sectorsCounted & (1 << bit)) === 0) return;
        const key = `${unit.town}|${sector}`;
        let cell = this.townSectors.get(key);
        if (!cell) this.townSectors.set(key, (cell = { units: 0, active: 0 }));
        cell.units++;
        if ((tally.sectorsActive & (1 << bit)) !== 0) cell.active++;
      });
    }
  }

  /** A requirement's due date this year (the end of its last occasion), as the evaluator gives each result. */
  private dueDate(index: number): string | undefined {
    if (!this.dueDates.has(index)) this.dueDates.set(index, this.evaluator.schedule(this.input.catalog.requirements[index]!, this.input.year).occasions.at(-1)?.end);
    return this.dueDates.get(index);
  }

  /**
   * 二 全覆盖: the unit counts for each sector one of whose requirements applies to it, and is
   * active in it when such a requirement is met with a record of the audited year (up to the as-of
   * date: later records are never evidence). Bits in `Sector.options` order.
   */
  private townSectorsOf(results: readonly RequirementResult[], records: readonly Activity[], ids: readonly string[], inYear: (a: Activity) => boolean): { counted: number; active: number } {
    let counted = 0;
    let active = 0;
    let thisYear: Set<string> | undefined;
    for (const r of results) {
      const sector = this.requirements.get(r.requirementId)!.sector;
      if (sector === 'general') continue;
      const bit = 1 << SECTOR_BITS.get(sector)!;
      counted |= bit;
      if ((active & bit) === 0 && r.status === 'met' && r.evidence.length > 0) {
        thisYear ??= new Set(ids.filter((_, i) => inYear(records[i]!)));
        if (r.evidence.some((id) => thisYear!.has(id))) active |= bit;
      }
    }
    return { counted, active };
  }

  /** A record that cannot be matched before any unit is evaluated (unknown unit, unknown kind). */
  countUnmatched(): void {
    this.total++;
    this.unmatchedCount++;
  }

  /** The fields of the result that come before the unit list: known before any unit is evaluated. */
  header(): Pick<AuditResult, 'schemaVersion' | 'year' | 'asOf' | 'region' | 'catalog' | 'district' | 'warnings' | 'adjustments'> {
    const { catalog, year } = this.input;
    const adjustments = catalog.adjustments && catalog.adjustments.length > 0 ? { adjustments: catalog.adjustments } : {};
    // Several districts are named together (松江区、青浦区); each has its row in byDistrict.
    const district = this.districts ? { id: this.districts.map((d) => d.id).join('+'), name: this.districts.map((d) => d.name).join('、'), synthetic: this.districts.some((d) => d.synthetic) } : this.input.district;
    return { schemaVersion: AUDIT_SCHEMA_VERSION, year, asOf: this.asOf, region: this.region, catalog: { id: catalog.id, version: catalog.version }, district: { id: district.id, name: district.name, synthetic: Boolean(district.synthetic) }, warnings: effectivePeriodWarnings(catalog, year, this.asOf), ...adjustments };
  }

  /** The result with the given unit list and unmatched list (all of them, or a sample of a streamed audit). */
  result(units: AuditUnit[], unmatched: Unmatched[]): AuditResult {
    const { catalog, towns } = this.input;
    finish(this.overall);
    const byRequirement = catalog.requirements.map((req) => {
      const c = finish({ ...(this.byReq.get(req.id) ?? emptyCoverage()) });
      const target = req.target ?? null;
      const status = target === null ? null : targetStatus(c, target);
      return { requirementId: req.id, title: req.title, sector: req.sector, clause: req.clause, ...c, target, targetStatus: status, targetMet: status === null ? null : status === 'met' };
    });
    // 优先催办 by weight (chase.ts, docs/audit.md): 100% targets overdue, overdue, due, optional.
    const gaps = [...this.gapMap.values()]
      .map((g) => {
        const req = this.requirements.get(g.requirementId)!;
        const { tier, daysOverdue, why } = chaseWeight({ status: g.status, dueDate: g.dueDate, target: req.target ?? null, optional: req.optional ?? false }, this.asOf);
        return { ...g, tier, daysOverdue, why };
      })
      .sort(compareChase)
      .map((g, i) => ({ requirementId: g.requirementId, title: g.title, status: g.status, dueDate: g.dueDate, unitIds: g.unitIds, count: g.count, rank: i + 1, tier: g.tier, daysOverdue: g.daysOverdue, why: g.why }));
    const result: AuditResult = {
      ...this.header(),
      units,
      overall: this.overall,
      byRequirement,
      // Sectors in the notice's order (三（一）-（六）, then 四 and the closing paragraph).
      bySector: [...this.bySector].sort(([x], [y]) => SECTOR_ORDER.indexOf(x) - SECTOR_ORDER.indexOf(y)).map(([sector, c]) => ({ sector: sector as AuditResult['bySector'][number]['sector'], ...finish(c) })),
      byTown: towns.filter((t) => this.byTown.has(t.id)).map((t) => ({ town: t.id, name: t.name, ...(this.districts && t.district !== undefined ? { district: t.district } : {}), ...finish(this.byTown.get(t.id)!) })),
      ...(this.districts ? { byDistrict: this.districts.filter((d) => this.byDistrict.has(d.id)).map((d) => ({ district: d.id, name: d.name, ...(d.code !== undefined ? { code: d.code } : {}), ...finish(this.byDistrict.get(d.id)!) })) } : {}),
      townSectors: towns.map((t) => ({
        town: t.id,
        name: t.name,
        sectors: Sector.options.map((sector) => {
          const cell = this.townSectors.get(`${t.id}|${sector}`) ?? { units: 0, active: 0 };
          return { sector, ...cell, state: cell.units === 0 ? ('no-units' as const) : cell.active > 0 ? ('covered' as const) : ('not-covered' as const) };
        }),
      })),
      byKind: [...this.byKind].map(([kind, c]) => ({ kind: kind as AuditResult['byKind'][number]['kind'], ...finish(c) })),
      gaps,
      activities: { total: this.total, used: this.total - this.unmatchedCount, unmatched: this.unmatchedCount },
      unmatched,
    };
    if (this.input.previous !== undefined) {
      const prev = PreviousAudit.safeParse(this.input.previous);
      if (!prev.success) throw new PreviousAuditError(`the previous audit is not a liujin audit (schema version ${AUDIT_SCHEMA_VERSION})`);
      const ofAll = (c: { met: number; applicable: number; waived: number }) => (c.applicable - c.waived === 0 ? null : c.met / (c.applicable - c.waived));
      const before = new Map(prev.data.byRequirement.map((r) => [r.requirementId, r]));
      const pair = (now: Coverage, then: { met: number; applicable: number; waived: number; share: number | null } | undefined) => ({ shareOfAll: now.shareOfAll, previousShareOfAll: then ? ofAll(then) : null, share: now.share, previousShare: then ? then.share : null });
      result.change = {
        previousYear: prev.data.year,
        ...(prev.data.asOf !== undefined ? { previousAsOf: prev.data.asOf } : {}),
        overall: pair(this.overall, prev.data.overall),
        byRequirement: byRequirement.map((r) => ({ requirementId: r.requirementId, ...pair(r, before.get(r.requirementId)) })),
      };
    }
    return result;
  }
}

/**
 * The district a unit is counted in: its own `district`, else its town's; undefined for a unit of
 * a single-district registry without either, or a city-level unit.
 */
function districtOfUnit(unit: Pick<Unit, 'town' | 'district'>, townDistrict: ReadonlyMap<string, string | undefined>): string | undefined {
  return unit.district ?? (unit.town !== undefined ? townDistrict.get(unit.town) : undefined);
}

/**
 * Unmatched records come in this order: records of unknown units (input order), rows set aside
 * for an unknown kind, then unit by unit in registry order each unit's records that were not
 * used, in input order.
 */
export async function runAudit(input: AuditInput): Promise<AuditResult> {
  const { registry } = input;
  const acc = new AuditAccumulator({ ...input, district: registry.district, ...(registry.districts ? { districts: registry.districts } : {}), towns: registry.towns });
  const unmatched: Unmatched[] = [];
  const miss = (entry: Unmatched) => unmatched.push(entry);
  const known = new Set(registry.units.map((u) => u.id));
  const byUnit = new Map<string, Activity[]>();
  const unknownIds = uniqueIds();
  for (const a of input.activities) {
    if (!known.has(a.unitId)) {
      miss(unmatchedEntry(a, unknownIds(a), 'unknown-unit'));
      acc.countUnmatched();
      continue;
    }
    const list = byUnit.get(a.unitId);
    if (list) list.push(a);
    else byUnit.set(a.unitId, [a]);
  }
  for (const row of input.setAside ?? []) {
    miss(setAsideEntry(row));
    acc.countUnmatched();
  }
  const units: AuditUnit[] = [];
  for (const unit of registry.units) units.push(await acc.addUnit(unit, byUnit.get(unit.id) ?? [], miss));
  return acc.result(units, unmatched);
}
