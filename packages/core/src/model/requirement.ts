import { z } from 'zod';
import { ActivityKind } from './activity';
import { Condition } from './condition';
import { KeyDateRule } from './key-date';
import { RequirementSector } from './sector';
import { Id, LocalDate, LocalizedText } from './text';
import { Role } from './unit';

/** A day of the year as `MM-DD` (e.g. `06-30`); `02-29` falls on 28 February in other years. */
const MonthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'expected a month and day as MM-DD' });

/** How often a requirement asks for the work. */
export const Cadence = z.enum(['once', 'annual', 'per-activity', 'continuous']);
export type Cadence = z.infer<typeof Cadence>;

/** When the work is due, in terms of key dates (never as fixed calendar dates). */
export const DueRule = z.discriminatedUnion('type', [
  /** On or before a key date (plus an offset), e.g. the annual plan by the end of February. */
  z.object({
    type: z.literal('by-key-date'),
    keyDate: Id,
    offsetDays: z.number().int().min(-366).max(366).default(0),
    /** What to do when the deadline falls on a non-working day: only flag it, or move it. */
    onNonWorkday: z.enum(['flag', 'previous-workday', 'next-workday']).default('flag'),
  }),
  /** On or around a key date, within a window of days before and after (e.g. Education Day). */
  z.object({
    type: z.literal('window'),
    keyDate: Id,
    daysBefore: z.number().int().min(0).max(366).default(0),
    daysAfter: z.number().int().min(0).max(366).default(0),
  }),
  /** Each of several key dates, e.g. drills on Education Day, 12 May and 9 November. */
  z.object({
    type: z.literal('each-key-date'),
    keyDates: z.array(Id).min(1),
    daysBefore: z.number().int().min(0).max(366).default(0),
    daysAfter: z.number().int().min(0).max(366).default(0),
    /** How many of the occasions must have evidence for the year to count as met. */
    minOccasions: z.number().int().min(1).default(1),
  }),
  /** After each activity of the given kinds, within N days or working days (news reports). */
  z.object({
    type: z.literal('after-each-activity'),
    of: z.array(ActivityKind).default([]),
    within: z.number().int().min(0).max(366),
    unit: z.enum(['days', 'workdays']).default('workdays'),
  }),
  /**
   * Any time in the year, by 31 December. `deadline` (MM-DD) is an earlier date the office sets
   * itself (参数设置, docs/settings.md): tasks and feeds fall due on it and the audit names work not
   * done by then, but work done any day of the year still counts, as the notice accepts it.
   */
  z.object({ type: z.literal('by-year-end'), deadline: MonthDay.optional() }),
  /** Standing work with no single date (mechanisms, sites that must be kept). */
  z.object({ type: z.literal('continuous') }),
]);
export type DueRule = z.infer<typeof DueRule>;

/**
 * One requirement of the notice: id, sector, clause, title and summary in zh/en, who it applies to, cadence, due rule, evidence and compliance condition, target coverage (zod schema).
 */
export const Requirement = z.strictObject({
  /** Stable id, e.g. `qp2024.school.evacuation-plan`. */
  id: Id,
  /** One of the six sectors, or `general` for section 四 and the closing paragraph. */
  sector: RequirementSector,
  /** Clause of the notice, e.g. `三（三）`, `四（一）`, `结语`. */
  clause: z.string().min(1).max(50),
  title: LocalizedText,
  summary: LocalizedText,
  /** The clause's 涉及单位. */
  responsibleRoles: z.array(Role).min(1),
  /** Which units the requirement applies to: a json-rules-engine condition over unit facts. */
  appliesTo: Condition,
  cadence: Cadence,
  due: DueRule,
  /** Activity kinds that count as evidence. */
  evidenceKinds: z.array(ActivityKind),
  /** When the unit's facts for the year meet the requirement: a json-rules-engine condition. */
  compliance: Condition,
  /** Coverage target as a share of applicable units (1 = 100%), when the notice sets one. */
  target: z.number().min(0).max(1).optional(),
  /**
   * An ask the notice words as encouragement, not as a task with a date or a target (四（二）
   * "积极创建本单位国防动员宣传品牌"): judged like any other, but ranked last in the chase list and
   * the work lists (docs/worklists.md), and an office may drop it in its settings (docs/settings.md);
   * a required ask cannot be dropped there.
   */
  optional: z.boolean().optional(),
  /** Measured from activity records, or attested by a document the unit holds. */
  measure: z.enum(['activities', 'document']),
  /** Named parameters a tailoring file may override (e.g. `newsReportWorkdays: 5`). */
  parameters: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])).optional(),
  /**
   * Occasions the notice names for the work (e.g. 全民国防教育日, 全国消防日): preferred, shown in
   * the plan and the calendar, never enforced when the notice sets no date.
   */
  preferredOccasions: z.array(Id).optional(),
  /**
   * Parameters that are the project's choice, not the notice's (a threshold, a delay): shown as
   * "默认，可调整 / default, adjustable" wherever they appear, and changed by a tailoring file.
   */
  defaults: z.array(z.string()).optional(),
  /**
   * Other requirements one activity row may also serve, only where the notice makes them the same
   * thing, with why. Otherwise each ask has its own evidence kinds (a test checks the catalog).
   */
  sharedEvidence: z.object({ with: z.array(Id).min(1), why: LocalizedText }).optional(),
  /** Short quote or paraphrase locating the ask in the notice's text. */
  basis: z.string().max(2000).optional(),
});
/** A parsed {@link Requirement}. */
export type Requirement = z.infer<typeof Requirement>;

/** One setting that differs from the catalog's value (参数调整): its id, what it is, the default and the value used. */
export const Adjustment = z.object({
  /** Setting id, e.g. `qp2024.community.plan-revision.deadline`, `calendar.alarms`. */
  id: z.string().min(1).max(300),
  /** The requirement it belongs to, when it belongs to one. */
  requirementId: Id.optional(),
  label: LocalizedText,
  /** The catalog's (or liujin's) value, as written in the settings spreadsheet. */
  default: z.string(),
  /** The value in use. */
  value: z.string(),
});
/** A parsed {@link Adjustment}. */
export type Adjustment = z.infer<typeof Adjustment>;

/** A catalog: a notice as a list of requirements, with its id, version and source (zod schema). */
export const Catalog = z
  .strictObject({
    id: Id,
    version: z.string().min(1),
    title: LocalizedText,
    /** The document the catalog encodes. */
    source: z.object({
      document: z.string().min(1),
      issuer: z.string().min(1),
      date: z.string().min(1),
    }),
    /**
     * When the source applies: from its effective date, for the years of the period it was written
     * for (青国动〔2024〕10号: from 2024-05-13, for the 十四五 period to 2025). Plans and audits outside
     * it carry a warning, not a refusal.
     */
    effective: z.object({ from: LocalDate, throughYear: z.number().int().optional(), period: LocalizedText.optional() }).optional(),
    /** Every clause of the source, so a test can show none is left unmapped. */
    clauses: z.array(z.object({ clause: z.string().min(1), title: LocalizedText })).min(1),
    parameters: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])).optional(),
    /**
     * The catalog's own key dates (a local education week, a district's report day), added to the
     * built-in and regional ones, or replacing one with the same id. Due rules may refer to them.
     */
    keyDates: z.array(KeyDateRule).optional(),
    requirements: z.array(Requirement).min(1),
    /**
     * Values an office changed in its settings (参数调整, docs/settings.md), each with the
     * catalog's own value: plans and audits list them so a signed report shows what was tailored.
     */
    adjustments: z.array(Adjustment).optional(),
  })
  .superRefine((catalog, ctx) => {
    const keyDateIds = new Set<string>();
    catalog.keyDates?.forEach((rule, i) => {
      if (keyDateIds.has(rule.id)) ctx.addIssue({ code: 'custom', path: ['keyDates', i, 'id'], message: `duplicate key date id "${rule.id}"` });
      keyDateIds.add(rule.id);
    });
    const seen = new Set<string>();
    const clauses = new Set(catalog.clauses.map((c) => c.clause));
    catalog.requirements.forEach((req, i) => {
      if (seen.has(req.id)) ctx.addIssue({ code: 'custom', path: ['requirements', i, 'id'], message: `duplicate requirement id "${req.id}"` });
      seen.add(req.id);
      if (!clauses.has(req.clause)) {
        ctx.addIssue({ code: 'custom', path: ['requirements', i, 'clause'], message: `clause "${req.clause}" is not listed in clauses` });
      }
    });
  });
/** A parsed {@link Catalog}. */
export type Catalog = z.infer<typeof Catalog>;
