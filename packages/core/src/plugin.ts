/**
 * What an exporter (a plugin that writes an output format, docs/plugins.md) needs beyond the main
 * entry: resolving its options, streamed content, the audit of a run's inputs, safe file names,
 * the labels and wording every output shares (units, activities, sectors, statuses, roles), the
 * detail schemas of the domain model, and the pieces a streamed audit is built from. Text made
 * safe for Markdown and terminals is `@liujin/core/text`.
 * @module @liujin/core/plugin
 */

// The exporter contract, from the side that writes a format.
export { contentChunks, collectContent, resolveExporterOptions, withDefaults, safeFileSegment, type ExporterFactory } from './exporter';
export { auditOfContext, auditRegion, type StreamedExportContext, type StreamedRegistry } from './exporter-registry';
export { fileNameForId, truncateBytes } from './files/file-names';

// Labels and wording shared by every output.
export { ACTIVITY_KIND_LABELS, ACTIVITY_KIND_SHORT_LABELS, NEWS_REPORTABLE_KINDS, SourceRef } from './model/activity';
export { UNIT_KIND_LABELS, ROLE_LABELS, Role, rolesOf, CivilDefenseWork, Contact, EvacuationRoute } from './model/unit';
export { STATUS_LABELS } from './model/evaluation';
export { Sector, SECTOR_LABELS, RequirementSector, REQUIREMENT_SECTORS, GENERAL_SECTOR_LABEL, sectorLabel } from './model/sector';
export { DEFAULT_LABEL } from './rules/reasons';
export { ADJUSTMENT_TEXT, adjustmentsMarkdown } from './report/adjustments';
export { describeDue } from './report/plan-markdown';
export { describeDueRule } from './catalogs/markdown';
export { keyDateLines, keyDatesHeading } from './report/key-dates';
export { publicHolidayLines } from './dates/public-holidays';
export { DEFAULT_REMINDERS } from './catalogs/settings';
export { reminderSettings } from './catalogs/settings-read';
export { makeLocalDate, isoWeekday, daysInMonth } from './dates/local-date';

// The detail schemas of the domain model (requirements, key dates, plans).
export { Id, LocalTime, Year } from './model/text';
export { Condition } from './model/condition';
export { Adjustment, Cadence, DueRule } from './model/requirement';
export { DateRule, KeyDateOverride, KeyDateRule, Phase } from './model/key-date';
export { Milestone, TaskDue } from './model/plan';
export { compileCondition, type CompiledCondition, type Facts } from './rules/compile';

// The audit's parts: its detail schemas, and what a streamed audit is built from.
export { Coverage, ShareChange, UnmatchedReason, PreviousAudit } from './audit/schema';
export { AuditAccumulator, PreviousAuditError, unmatchedEntry, setAsideEntry, uniqueIds, type UnitTally } from './audit/run-audit';
export { targetStatus, type TargetStatus } from './audit/coverage';
export { ChaseTier, CHASE_TIER_LABELS } from './audit/chase';
export { Worklist, WorklistDone, WorklistItem } from './worklist/schema';
export { WorklistScopeError } from './worklist/build';
