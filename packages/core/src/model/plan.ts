import { z } from 'zod';
import { Adjustment, Cadence } from './requirement';
import { KeyDate } from './key-date';
import { RequirementSector } from './sector';
import { Id, LocalDate, LocalizedText, Year } from './text';
import { Role } from './unit';

/** When a task is due: a deadline, a window, or standing work with no date. */
export const TaskDue = z.discriminatedUnion('type', [
  z.object({ type: z.literal('deadline'), date: LocalDate }),
  z.object({ type: z.literal('window'), start: LocalDate, end: LocalDate, on: LocalDate }),
  z.object({ type: z.literal('after-each-activity'), within: z.number().int(), unit: z.enum(['days', 'workdays']) }),
  z.object({ type: z.literal('continuous'), end: LocalDate }),
]);
export type TaskDue = z.infer<typeof TaskDue>;

/** One unit's work on one requirement (one occasion of it) in a year. */
export const Task = z.object({
  /** Stable: derived from requirement, unit and occasion (`<req>/<unit>/<occasion>`). */
  id: z.string().min(1),
  requirementId: Id,
  unitId: Id,
  /** Which occasion of the requirement: a key-date id, or `year`. */
  occasion: z.string().min(1),
  sector: RequirementSector,
  clause: z.string(),
  title: LocalizedText,
  ownerRoles: z.array(Role),
  cadence: Cadence,
  due: TaskDue,
  keyDateId: Id.optional(),
  /** Occasions the notice names for this work: preferred, not enforced (the notice sets no date). */
  preferred: z.array(z.object({ keyDateId: Id, date: LocalDate })).optional(),
  /** `notice-sets-no-date`: any day in the year counts, the due date is the period's end. `set-deadline`: the notice sets no date and the office set this one in its settings (work later in the year still counts). `non-workday`: the deadline falls on a day off; `moved`: it was moved to a working day. */
  flags: z.array(z.enum(['non-workday', 'moved', 'school-day-before-weekend', 'no-holiday-data', 'notice-sets-no-date', 'set-deadline'])),
});
export type Task = z.infer<typeof Task>;

/** A district-wide date: plans due, Education Day publicity, the siren test, drill days. */
export const Milestone = z.object({
  id: z.string().min(1),
  kind: z.enum(['deadline', 'publicity', 'siren-test', 'drill', 'report', 'observance']),
  date: LocalDate,
  keyDateId: Id.optional(),
  title: LocalizedText,
  description: LocalizedText.optional(),
  /** Timed phases (the siren test), ISO 8601 with offset. */
  phases: z.array(z.object({ id: Id, title: LocalizedText, start: z.string(), end: z.string() })).optional(),
  requirementIds: z.array(Id),
});
export type Milestone = z.infer<typeof Milestone>;

/** An annual plan: the year's key dates, milestones, the dated tasks of each unit and warnings (zod schema). */
export const Plan = z.object({
  year: Year,
  region: Id,
  timeZone: z.string(),
  catalog: z.object({ id: Id, version: z.string() }),
  district: z.object({ id: Id, name: z.string(), synthetic: z.boolean().optional() }),
  keyDates: z.array(KeyDate),
  milestones: z.array(Milestone),
  tasks: z.array(Task),
  warnings: z.array(LocalizedText),
  /** Settings that differ from the catalog's values (参数调整, docs/settings.md). */
  adjustments: z.array(Adjustment).optional(),
});
/** A parsed {@link Plan}. */
export type Plan = z.infer<typeof Plan>;
