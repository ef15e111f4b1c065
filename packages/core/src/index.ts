/**
 * The notice 青国动〔2024〕10号 as data and rules: schemas, key dates, working days, input parsing,
 * the requirement catalog, evaluation, the annual planner, the audit and the exporter contract.
 * Pure functions over plain data: no file system, terminal or network here (ARCHITECTURE.md).
 *
 * The main entry is what an embedding developer uses (src/public-api.test.ts lists it). What
 * exporters need to write a format is `@liujin/core/plugin`; the low-level input readers (tables,
 * workbooks, JSON Lines streams, settings sheets) are `@liujin/core/io`; the sample district is
 * `@liujin/core/sample`, the exporter conformance suite `@liujin/core/testing`, text made safe
 * `@liujin/core/text`, the division table `@liujin/core/divisions` (docs/embedding.md).
 * @module @liujin/core
 */

// The domain model: schemas (zod) and their types.
export { Lang, LocalDate, LocalizedText } from './model/text';
export { formatProblem, problem, type Problem, type ParseResult } from './model/problem';
export { District, Registry, Town, Unit, UnitKind } from './model/unit';
export { Activity, ActivityKind } from './model/activity';
export { KeyDate, KEY_DATE_IDS, RegionProfile } from './model/key-date';
export { Catalog, Requirement } from './model/requirement';
export { Plan, Task } from './model/plan';
export { RequirementResult, Status, Waiver } from './model/evaluation';

// Key dates, working days and the date work is judged as of.
export { addDays, daysBetween } from './dates/local-date';
export { defaultAsOf, todayIn } from './dates/today';
export {
  HolidayYear,
  parseHolidayYear,
  createWorkdayCalendar,
  isWorkday,
  nextWorkday,
  previousWorkday,
  addWorkdays,
  defaultWorkdayCalendar,
  type WorkdayCalendar,
  type WorkdayCalendarOptions,
  type PublicHoliday,
} from './dates/workdays';
export { DEFAULT_REGION, listRegionProfiles, getRegionProfile, parseRegionProfile } from './dates/regions';
export { keyDatesFor, KeyDateError, type KeyDateOptions } from './dates/key-dates';
export { publicHolidaysFor, type PublicHolidayList } from './dates/public-holidays';

// Reading a registry, an activity log and waivers from bytes or text.
export { parseRegistryFile, type FileInput } from './io/registry';
export { parseActivitiesFile, parseWaiversFile } from './io/activities';

// The catalog, its tailoring, evaluation and the annual plan.
export { QINGPU_2024_CATALOG, QINGPU_2024_CATALOG_JSON } from './catalogs/qingpu-2024';
export { parseCatalog, tailorCatalog, Tailoring } from './catalogs/load';
export { renderCatalogMarkdown } from './catalogs/markdown';
export { BUILT_IN_CATALOG_NAMES, builtInCatalog, type BuiltInCatalog } from './catalogs/builtin';
export { createEvaluator, type Evaluator, type EvaluatorOptions, type EvaluateUnitInput } from './rules/evaluate';
export { planYear, type PlanYearInput } from './plan/plan-year';
export { renderPlanMarkdown } from './report/plan-markdown';
export { renderKeyDatesMarkdown } from './report/key-dates';

// The coverage audit and the work lists built from it.
export { runAudit, type AuditInput } from './audit/run-audit';
export { AuditResult, AUDIT_SCHEMA_VERSION, AUDIT_JSON_SCHEMA } from './audit/schema';
export { buildWorklists, WORKLIST_WINDOWS, type WorklistInput } from './worklist/build';
export { WorklistSet, WORKLIST_SCHEMA_VERSION, WORKLISTS_JSON_SCHEMA } from './worklist/schema';

// Running exporters: the contract, the registry of installed ones, their artefacts.
export { collectArtefacts, ExporterOptionsError, isSafeRelativePath, type Artefact, type ArtefactContent, type CollectedArtefact, type Exporter } from './exporter';
export { BUILTIN_EXPORTERS, isExporterModule, type ExportContext, type ExporterModule, type ExportWarning } from './exporter-registry';
