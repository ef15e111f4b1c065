/**
 * Work lists (docs/worklists.md): what a town clerk or a unit's contact person must do, for which
 * units, as of a date — overdue, due in the next days, later this year, done recently — each
 * item with its clause of the notice and the evidence it needs. A view of an audit: the statuses
 * are the audit's, unit by unit.
 */
import { z } from 'zod';
import { ChaseTier } from '../audit/chase';
import { RequirementSector } from '../model/sector';
import { LocalDate, LocalizedText } from '../model/text';

/** Version of the work-list format (`schemaVersion` of worklists.json). */
export const WORKLIST_SCHEMA_VERSION = '1';

/** One requirement's open work for a group of units that share a status and a due date. */
export const WorklistItem = z.object({
  requirementId: z.string(),
  /** The notice's clause, e.g. 三（三）. */
  clause: z.string(),
  sector: RequirementSector,
  title: LocalizedText,
  /** The audit's status of every unit listed: overdue (not met) or not yet due (pending). */
  status: z.enum(['not-met', 'pending']),
  /** The due date the audit judged against (none for work with no date). */
  dueDate: LocalDate.nullable(),
  tier: ChaseTier,
  daysOverdue: z.number().int().nullable(),
  daysLeft: z.number().int().nullable(),
  /** Why the item ranks where it does (the chase order of the audit's 优先催办). */
  why: LocalizedText,
  units: z.array(z.object({ unitId: z.string(), name: z.string() })),
  /**
   * Occasions the notice names for the work (全民国防教育日, 防空警报试鸣, 全国消防日...) still ahead
   * this year: preferred, never a deadline where the notice sets no date.
   */
  preferred: z.array(z.object({ keyDateId: z.string(), date: LocalDate, title: LocalizedText })),
  /** What counts as evidence: the activity kinds, recorded as activities or held as a document. */
  evidence: z.object({ measure: z.enum(['activities', 'document']), kinds: z.array(z.object({ kind: z.string(), label: LocalizedText })) }),
});
/** A parsed {@link WorklistItem}. */
export type WorklistItem = z.infer<typeof WorklistItem>;

/** Work done recently: one unit's met requirement with the dates of the records used. */
export const WorklistDone = z.object({
  requirementId: z.string(),
  clause: z.string(),
  sector: RequirementSector,
  title: LocalizedText,
  unitId: z.string(),
  name: z.string(),
  /** Dates of the evidence records inside the recent window, newest first. */
  dates: z.array(LocalDate),
});
/** A parsed {@link WorklistDone}. */
export type WorklistDone = z.infer<typeof WorklistDone>;

/** The work list of one town, one unit, or the units without a town (district level). */
export const Worklist = z.object({
  scope: z.enum(['town', 'unit', 'district-level']),
  /** Town id, unit id, or `district-level`. */
  id: z.string(),
  name: z.string(),
  /** The town of a unit's list. */
  town: z.string().optional(),
  /** How many units the list covers. */
  units: z.number().int().nonnegative(),
  overdue: z.array(WorklistItem),
  /** Due within `windows.soonDays` days after the as-of date. */
  dueSoon: z.array(WorklistItem),
  /** Due after that and within `windows.horizonDays` days. */
  dueLater: z.array(WorklistItem),
  /** Due after the horizon (by the end of the year), with an occasion the notice names inside it. */
  occasionSoon: z.array(WorklistItem),
  /** The rest not yet due within the horizon: most of the notice's work is due by the end of the year. */
  laterThisYear: z.array(WorklistItem),
  /** Met with records dated within `windows.recentDays` days up to the as-of date. */
  recent: z.array(WorklistDone),
});
/** A parsed {@link Worklist}. */
export type Worklist = z.infer<typeof Worklist>;

/** The work lists of one run (JSON Schema `WORKLISTS_JSON_SCHEMA`). */
export const WorklistSet = z.object({
  schemaVersion: z.literal(WORKLIST_SCHEMA_VERSION),
  year: z.number().int(),
  asOf: LocalDate,
  district: z.object({ id: z.string(), name: z.string(), synthetic: z.boolean() }),
  catalog: z.object({ id: z.string(), version: z.string() }),
  /** The windows, in days (defaults 30, 90 and 30: 默认，可调整). */
  windows: z.object({ soonDays: z.number().int().positive(), horizonDays: z.number().int().positive(), recentDays: z.number().int().positive() }),
  lists: z.array(Worklist),
});
/** A parsed {@link WorklistSet}. */
export type WorklistSet = z.infer<typeof WorklistSet>;

/** The JSON Schema of worklists.json. */
export const WORKLISTS_JSON_SCHEMA = z.toJSONSchema(WorklistSet, { target: 'draft-2020-12' });
