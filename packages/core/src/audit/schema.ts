/**
 * The audit result: a versioned schema (JSON Schema published as packages/core/schema/audit.v1.json and
 * snapshot-tested, so a change to the format shows in review).
 */
import { z } from 'zod';
import { RequirementResult } from '../model/evaluation';
import { Adjustment } from '../model/requirement';
import { RequirementSector, Sector } from '../model/sector';
import { ChaseTier } from './chase';
import { LocalizedText } from '../model/text';
import { UnitKind } from '../model/unit';

/** Version of the audit result format (`schemaVersion` in audit.json). */
export const AUDIT_SCHEMA_VERSION = '1';

/**
 * Counts of one group. `shareOfAll` = met / (applicable - waived): the headline figure and what
 * targets are judged on. `share` = met / (met + not-met): the share of the work already due, a
 * second figure labelled as such; null when none is due.
 */
export const Coverage = z.object({
  applicable: z.number().int().nonnegative(),
  met: z.number().int().nonnegative(),
  notMet: z.number().int().nonnegative(),
  pending: z.number().int().nonnegative(),
  notAssessed: z.number().int().nonnegative(),
  waived: z.number().int().nonnegative(),
  /** applicable - waived: every unit the work is asked of; targets are judged on met / all. */
  all: z.number().int().nonnegative(),
  /** met / all: the share a target is judged on; null when no unit counts. */
  shareOfAll: z.number().min(0).max(1).nullable(),
  /** met + not-met: the units whose work was due and could be judged. */
  denominator: z.number().int().nonnegative(),
  share: z.number().min(0).max(1).nullable(),
});
export type Coverage = z.infer<typeof Coverage>;

/**
 * Why an activity record counted for no requirement: unknown unit or kind, outside the year, after the as-of date, a duplicate, or not evidence of anything.
 */
export const UnmatchedReason = z.enum(['unknown-unit', 'unknown-kind', 'outside-year', 'after-as-of', 'duplicate', 'not-evidence']);
/** One reason of {@link UnmatchedReason}. */
export type UnmatchedReason = z.infer<typeof UnmatchedReason>;

/** Year-on-year change of a group: both figures, this year and the previous audit's. */
export const ShareChange = z.object({ shareOfAll: z.number().nullable(), previousShareOfAll: z.number().nullable(), share: z.number().nullable(), previousShare: z.number().nullable() });

/** What `--previous` needs from last year's audit (older audits lack `shareOfAll`: it is derived). */
export const PreviousAudit = z.object({
  year: z.number().int(),
  asOf: z.string().optional(),
  overall: z.object({ met: z.number(), applicable: z.number(), waived: z.number(), share: z.number().nullable() }),
  byRequirement: z.array(z.object({ requirementId: z.string(), met: z.number(), applicable: z.number(), waived: z.number(), share: z.number().nullable() })),
});

/**
 * The audit result (zod schema, published as JSON Schema `schema/audit.v1.json`): each unit's requirement results and the coverage overall, by requirement, sector, town and unit kind.
 */
export const AuditResult = z.object({
  schemaVersion: z.literal(AUDIT_SCHEMA_VERSION),
  year: z.number().int(),
  asOf: z.string(),
  region: z.string(),
  catalog: z.object({ id: z.string(), version: z.string() }),
  district: z.object({ id: z.string(), name: z.string(), synthetic: z.boolean() }),
  units: z.array(
    z.object({
      unitId: z.string(),
      name: z.string(),
      kind: UnitKind,
      town: z.string().optional(),
      results: z.array(RequirementResult.omit({ unitId: true, year: true })),
    }),
  ),
  /**
   * A large audit (docs/audit.md, "Large audits"): `units` is empty and each unit's entry is one
   * line of this JSON Lines file beside audit.json, in registry order.
   */
  unitDetail: z.object({ path: z.string(), units: z.number().int().nonnegative() }).optional(),
  overall: Coverage,
  byRequirement: z.array(Coverage.extend({ requirementId: z.string(), title: LocalizedText, sector: RequirementSector, clause: z.string(), target: z.number().nullable(),
      /** `met` only when shareOfAll reaches the target; `on-track` (nothing overdue) or `behind` (something not met) before that. */
      targetStatus: z.enum(['met', 'on-track', 'behind']).nullable(),
      /** targetStatus === 'met'; null without a target. */
      targetMet: z.boolean().nullable(),
    }),
  ),
  /** The catalog's period (e.g. before 2024-05-13, after the 十四五 years): said, not refused. */
  warnings: z.array(LocalizedText),
  /** Settings that differ from the catalog's values (参数调整, docs/settings.md); absent when none. */
  adjustments: z.array(Adjustment).optional(),
  bySector: z.array(Coverage.extend({ sector: RequirementSector })),
  byTown: z.array(Coverage.extend({ town: z.string(), name: z.string(),
      /** The town's district id: only in the audit of several districts. */
      district: z.string().optional(),
    }),
  ),
  /**
   * Coverage per district, in the registry's order: only in the audit of several districts (a city
   * office). A unit counts in its own district, else its town's; units with neither in none.
   */
  byDistrict: z.array(Coverage.extend({ district: z.string(), name: z.string(), code: z.string().optional() })).optional(),
  /**
   * 二 "六进"全区全覆盖: for each town of the registry and each of the six sectors, the units a
   * requirement of the sector applies to, how many were active this year (at least one of the
   * sector's requirements met with an activity record of the audited year), and the state:
   * `covered` (one or more active), `not-covered`, or `no-units` (无此类单位).
   */
  townSectors: z.array(
    z.object({
      town: z.string(),
      name: z.string(),
      sectors: z.array(z.object({ sector: Sector, units: z.number().int().nonnegative(), active: z.number().int().nonnegative(), state: z.enum(['covered', 'not-covered', 'no-units']) })),
    }),
  ),
  byKind: z.array(Coverage.extend({ kind: UnitKind })),
  /**
   * 优先催办, in the chase order (docs/audit.md): overdue work of a 100% target first, then other
   * overdue work (longest overdue first), then work due (soonest first), optional asks last.
   * `dueDate` is the earliest due date of the group's units; `rank` its place (1 = first).
   */
  gaps: z.array(
    z.object({
      requirementId: z.string(),
      title: LocalizedText,
      status: z.enum(['not-met', 'pending']),
      dueDate: z.string().nullable(),
      unitIds: z.array(z.string()),
      count: z.number().int(),
      rank: z.number().int().positive(),
      tier: ChaseTier,
      daysOverdue: z.number().int().nullable(),
      /** Why the item ranks where it does, in words. */
      why: LocalizedText,
    }),
  ),
  activities: z.object({ total: z.number().int(), used: z.number().int(), unmatched: z.number().int() }),
  unmatched: z.array(z.object({ activityId: z.string(), unitId: z.string(), kind: z.string(), date: z.string(), file: z.string().optional(), row: z.number().int().optional(), reason: UnmatchedReason })),
  change: z
    .object({
      previousYear: z.number().int(),
      /** The previous audit's as-of date (two audits of one year differ only by it). */
      previousAsOf: z.string().optional(),
      overall: ShareChange,
      byRequirement: z.array(ShareChange.extend({ requirementId: z.string() })),
    })
    .optional(),
});
/** A parsed {@link AuditResult}. */
export type AuditResult = z.infer<typeof AuditResult>;

/** The JSON Schema of audit.json (also published as packages/core/schema/audit.v1.json). */
export const AUDIT_JSON_SCHEMA = z.toJSONSchema(AuditResult, { target: 'draft-2020-12' });
