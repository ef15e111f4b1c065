/**
 * The public surface of @liujin/core, listed (STYLE.md habit 13, as TanStack's query-core does): a
 * name added to or dropped from an entry point shows here in review. The main entry holds what an
 * embedding developer uses; the sample district and the test helpers live on their own subpaths.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as core from './index';
import * as sample from './sample/index';
import * as testing from './testing/index';

const CORE = [
   'ACTIVITY_COLUMNS', 'ACTIVITY_KIND_LABELS', 'ACTIVITY_KIND_SHORT_LABELS', 'ADJUSTMENT_TEXT',
   'AUDIT_JSON_SCHEMA', 'AUDIT_SCHEMA_VERSION', 'Activity', 'ActivityKind', 'Adjustment',
   'AuditAccumulator', 'AuditResult', 'BUILTIN_EXPORTERS', 'BUILT_IN_CATALOG_NAMES', 'BadCell',
   'CHASE_TIER_LABELS', 'Cadence', 'Catalog', 'ChaseTier', 'CivilDefenseWork', 'Condition', 'Contact',
   'Coverage', 'DEFAULT_LABEL', 'DEFAULT_REGION', 'DEFAULT_REMINDERS', 'DateRule', 'District',
   'DueRule', 'EvacuationRoute', 'ExporterOptionsError', 'FACTS', 'FACT_NAMES', 'GENERAL_SECTOR_LABEL',
   'HolidayYear', 'INPUT_LIMITS', 'Id', 'KEY_DATE_IDS', 'KeyDate', 'KeyDateError', 'KeyDateOverride',
   'KeyDateRule', 'Lang', 'LiujinValidationError', 'LocalDate', 'LocalTime', 'LocalizedText',
   'MAX_LISTED_PROBLEMS', 'Milestone', 'NEWS_REPORTABLE_KINDS', 'OPERATORS', 'Phase', 'Plan',
   'PreviousAudit', 'PreviousAuditError', 'QINGPU_2024_CATALOG', 'QINGPU_2024_CATALOG_JSON',
   'QINGPU_DISTRICT', 'QINGPU_TOWNS', 'REGION_PROFILES', 'REGISTRY_COLUMNS', 'REQUIREMENT_SECTORS',
   'ROLE_LABELS', 'RegionProfile', 'Registry', 'Requirement', 'RequirementResult', 'RequirementSector',
   'Role', 'SECTOR_LABELS', 'SETTINGS_COLUMNS', 'STATUS_LABELS', 'Sector', 'ShareChange', 'SourceRef',
   'Status', 'Tailoring', 'Task', 'TaskDue', 'Town', 'UNIT_KIND_LABELS', 'Unit', 'UnitKind',
   'UnmatchedReason', 'WAIVER_COLUMNS', 'WORKLISTS_JSON_SCHEMA', 'WORKLIST_SCHEMA_VERSION',
   'WORKLIST_WINDOWS', 'Waiver', 'Worklist', 'WorklistDone', 'WorklistItem', 'WorklistScopeError',
   'WorklistSet', 'Year', 'acceptsEarlierYears', 'activityId', 'addDays', 'addWorkdays',
   'adjustmentsMarkdown', 'applySettings', 'auditOfContext', 'auditRegion', 'buildWorklists',
   'builtInCatalog', 'byteLength', 'capProblems', 'cellText', 'chaseWeight', 'collectArtefacts',
   'collectContent', 'compareChase', 'compileCondition', 'conditionLeaves', 'contentChunks',
   'createEvaluator', 'createWorkdayCalendar', 'daysBetween', 'daysInMonth', 'decodeText',
   'defaultAsOf', 'defaultWorkdayCalendar', 'describeDue', 'describeDueRule', 'effectivePeriodWarnings',
   'fileNameForId', 'fileTooLarge', 'foldCondition', 'formatProblem', 'getRegionProfile', 'hasControls',
   'holidayRegulationFor', 'isCanonicalId', 'isExporterModule', 'isSafeRelativePath', 'isWorkday',
   'isoWeekday', 'jsonLineBatches', 'jsonLinesAsRows', 'keyDateLines', 'keyDatesFor', 'keyDatesHeading',
   'listRegionProfiles', 'makeLocalDate', 'mapFactConditions', 'markdownText', 'neutraliseControls',
   'nextWorkday', 'outsideYearVerdict', 'parseActivitiesFile', 'parseActivityRows', 'parseCatalog',
   'parseCsvRows', 'parseHolidayYear', 'parseJsonLine', 'parseJsonLines', 'parseJsonText',
   'parseRegionProfile', 'parseRegistryFile', 'parseSettingsRows', 'parseUnitsTable', 'parseWaiverRows',
   'parseWaiversFile', 'planYear', 'previousWorkday', 'problem', 'problemsFromZod',
   'publicHolidayLines', 'publicHolidaysFor', 'readDateText', 'readTable', 'readTimeText',
   'readWorkbook', 'reminderSettings', 'renderCatalogMarkdown', 'renderKeyDatesMarkdown',
   'renderPlanMarkdown', 'renumber', 'resolveActivityKind', 'resolveExporterOptions', 'resolveUnitKind',
   'rolesOf', 'runAudit', 'safeFileSegment', 'sectorLabel', 'setAsideEntry', 'setAsideRowOf',
   'settingsRows', 'settingsTable', 'sha256Hex', 'statutoryHolidays', 'streamActivityRecords',
   'streamRegistryUnits', 'tailorCatalog', 'tailorCatalogJson', 'targetStatus', 'todayIn',
   'truncateBytes', 'uniqueIds', 'unknownUnitProblem', 'unmatchedEntry', 'withDefaults',
   'workdayDataSource', 'yearIn'
];

describe('public API of @liujin/core', () => {
  it('the main entry exports exactly these values (types are checked by the type checks of every consumer)', () => {
    expect(Object.keys(core).sort()).toEqual(CORE);
  });

  it('the sample district is a subpath (@liujin/core/sample), not part of the main entry', () => {
    expect(Object.keys(sample).sort()).toEqual(['sampleActivities', 'sampleRegistry', 'seedOf', 'seededRandom']);
    for (const name of Object.keys(sample)) expect(CORE).not.toContain(name);
  });

  it('the exporter conformance suite and its arbitraries are a subpath (@liujin/core/testing)', () => {
    expect(Object.keys(testing).sort()).toEqual(['HOSTILE_STRINGS', 'SMALL_DISTRICT', 'SMALL_DISTRICT_ACTIVITIES', 'TEST_STYLES', 'arbitraryActivities', 'arbitraryName', 'arbitraryNow', 'arbitraryRegistry', 'excelSerial', 'rawZip', 'testExporterConformance', 'testWorkbook', 'workbookParts', 'zipParts']);
  });

  it('the package exports these entry points, each with the source condition first', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { exports: Record<string, string | Record<string, unknown>> };
    expect(Object.keys(pkg.exports)).toEqual(['.', './package.json', './sample', './text', './divisions', './testing']);
    for (const [path, target] of Object.entries(pkg.exports)) {
      if (typeof target !== 'string') expect(Object.keys(target)[0], path).toBe('@liujin/source');
    }
  });
});
