/**
 * The public surface of @liujin/core, listed (STYLE.md habit 13, as TanStack's query-core does): a
 * name added to or dropped from an entry point shows here in review. The main entry holds what an
 * embedding developer uses; what exporters need is `@liujin/core/plugin`, the low-level input
 * readers `@liujin/core/io`; the sample district and the test helpers live on their own subpaths
 * (docs/embedding.md lists which entry holds what).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as core from './index';
import * as io from './io-entry';
import * as plugin from './plugin';
import * as sample from './sample/index';
import * as testing from './testing/index';
import * as text from './report/safe-text';

/** The main entry's values (schemas are values and types at once). */
const CORE = [
  'AUDIT_JSON_SCHEMA', 'AUDIT_SCHEMA_VERSION', 'Activity', 'ActivityKind', 'AuditResult', 'BUILTIN_EXPORTERS',
  'BUILT_IN_CATALOG_NAMES', 'Catalog', 'DEFAULT_REGION', 'District', 'ExporterOptionsError', 'HolidayYear',
  'KEY_DATE_IDS', 'KeyDate', 'KeyDateError', 'Lang', 'LocalDate', 'LocalizedText', 'Plan',
  'QINGPU_2024_CATALOG', 'QINGPU_2024_CATALOG_JSON', 'RegionProfile', 'Registry', 'Requirement',
  'RequirementResult', 'Status', 'Tailoring', 'Task', 'Town', 'Unit', 'UnitKind', 'WORKLISTS_JSON_SCHEMA',
  'WORKLIST_SCHEMA_VERSION', 'WORKLIST_WINDOWS', 'Waiver', 'WorklistSet', 'addDays', 'addWorkdays',
  'buildWorklists', 'builtInCatalog', 'collectArtefacts', 'createEvaluator', 'createWorkdayCalendar',
  'daysBetween', 'defaultAsOf', 'defaultWorkdayCalendar', 'formatProblem', 'getRegionProfile',
  'isExporterModule', 'isSafeRelativePath', 'isWorkday', 'keyDatesFor', 'listRegionProfiles', 'nextWorkday',
  'parseActivitiesFile', 'parseCatalog', 'parseHolidayYear', 'parseRegionProfile', 'parseRegistryFile',
  'parseWaiversFile', 'planYear', 'previousWorkday', 'problem', 'publicHolidaysFor', 'renderCatalogMarkdown',
  'renderKeyDatesMarkdown', 'renderPlanMarkdown', 'runAudit', 'tailorCatalog', 'todayIn'
];

/** Names the main entry exports as types only. */
const CORE_TYPES = [
  'Artefact', 'ArtefactContent', 'AuditInput', 'BuiltInCatalog', 'CollectedArtefact', 'EvaluateUnitInput',
  'Evaluator', 'EvaluatorOptions', 'ExportContext', 'ExportWarning', 'Exporter', 'ExporterModule',
  'FileInput', 'KeyDateOptions', 'ParseResult', 'PlanYearInput', 'Problem', 'PublicHoliday',
  'PublicHolidayList', 'WorkdayCalendar', 'WorkdayCalendarOptions', 'WorklistInput'
];

/** `@liujin/core/plugin`: what an exporter needs beyond the main entry. */
const PLUGIN = [
  'ACTIVITY_KIND_LABELS', 'ACTIVITY_KIND_SHORT_LABELS', 'ADJUSTMENT_TEXT', 'Adjustment', 'AuditAccumulator',
  'CHASE_TIER_LABELS', 'Cadence', 'ChaseTier', 'CivilDefenseWork', 'Condition', 'Contact', 'Coverage',
  'DEFAULT_LABEL', 'DEFAULT_REMINDERS', 'DateRule', 'DueRule', 'EvacuationRoute', 'GENERAL_SECTOR_LABEL',
  'Id', 'KeyDateOverride', 'KeyDateRule', 'LocalTime', 'Milestone', 'NEWS_REPORTABLE_KINDS', 'Phase',
  'PreviousAudit', 'PreviousAuditError', 'REQUIREMENT_SECTORS', 'ROLE_LABELS', 'RequirementSector', 'Role',
  'SECTOR_LABELS', 'STATUS_LABELS', 'Sector', 'ShareChange', 'SourceRef', 'TaskDue', 'UNIT_KIND_LABELS',
  'UnmatchedReason', 'Worklist', 'WorklistDone', 'WorklistItem', 'WorklistScopeError', 'Year',
  'adjustmentsMarkdown', 'auditOfContext', 'auditRegion', 'collectContent', 'compileCondition',
  'contentChunks', 'daysInMonth', 'describeDue', 'describeDueRule', 'fileNameForId', 'isoWeekday',
  'keyDateLines', 'keyDatesHeading', 'makeLocalDate', 'publicHolidayLines', 'reminderSettings',
  'resolveExporterOptions', 'rolesOf', 'safeFileSegment', 'sectorLabel', 'setAsideEntry', 'targetStatus',
  'truncateBytes', 'uniqueIds', 'unmatchedEntry', 'withDefaults'
];

const PLUGIN_TYPES = [
  'CompiledCondition', 'ExporterFactory', 'Facts', 'StreamedExportContext', 'StreamedRegistry', 'TargetStatus', 'UnitTally'
];

/** `@liujin/core/io`: the input readers the main entry's file parsers are built from. */
const IO = [
  'ACTIVITY_COLUMNS', 'BadCell', 'INPUT_LIMITS', 'LiujinValidationError', 'MAX_LISTED_PROBLEMS',
  'QINGPU_DISTRICT', 'QINGPU_TOWNS', 'REGISTRY_COLUMNS', 'SETTINGS_COLUMNS', 'WAIVER_COLUMNS',
  'applySettings', 'capProblems', 'decodeText', 'eachOf', 'fileTooLarge', 'jsonLinesAsRows', 'parseActivityRows',
  'parseCsvRows', 'parseJsonText', 'parseSettingsRows', 'parseUnitsTable', 'parseWaiverRows', 'readWorkbook',
  'setAsideRowOf', 'settingsRows', 'settingsTable', 'streamActivityBatches', 'streamActivityRecords', 'streamRegistryUnits',
  'tailorCatalogJson', 'yearIn'
];

const IO_TYPES = [
  'ActivityParseOptions', 'ColumnSpec', 'SetAsideRow', 'SettingKind', 'SettingRow', 'Settings',
  'TableOptions', 'TableRecord', 'TextEncoding', 'WaiverParseOptions', 'WorkbookOptions', 'WorkbookTable'
];

/** The names an entry file exports as types only (`type X` inside its export lists). */
function typeExports(file: string): string[] {
  const source = readFileSync(new URL(file, import.meta.url), 'utf8');
  const names = [...source.matchAll(/export (?:type )?\{([^}]*)\}/g)].flatMap((m) => [...m[1]!.matchAll(/\btype\s+(\w+)/g)].map((t) => t[1]!));
  return [...new Set(names)].sort();
}

describe('public API of @liujin/core', () => {
  it('the main entry exports exactly these values and types (well under the 125 of issue #16)', () => {
    expect(Object.keys(core).sort()).toEqual(CORE);
    expect(typeExports('./index.ts')).toEqual(CORE_TYPES);
    expect(CORE.length + CORE_TYPES.length).toBeLessThan(100);
  });

  it('@liujin/core/plugin and @liujin/core/io export exactly these values and types', () => {
    expect(Object.keys(plugin).sort()).toEqual(PLUGIN);
    expect(typeExports('./plugin.ts')).toEqual(PLUGIN_TYPES);
    expect(Object.keys(io).sort()).toEqual(IO);
    expect(typeExports('./io-entry.ts')).toEqual(IO_TYPES);
  });

  it('every name has one home: no entry point repeats a name of another', () => {
    const entries = { core: [...CORE, ...CORE_TYPES], plugin: [...PLUGIN, ...PLUGIN_TYPES], io: [...IO, ...IO_TYPES], text: Object.keys(text), sample: Object.keys(sample), testing: Object.keys(testing) };
    const seen = new Map<string, string>();
    for (const [entry, names] of Object.entries(entries)) {
      for (const name of names) {
        expect(seen.get(name), `${name} in ${entry}`).toBeUndefined();
        seen.set(name, entry);
      }
    }
  });

  it('the sample district is a subpath (@liujin/core/sample), not part of the main entry', () => {
    expect(Object.keys(sample).sort()).toEqual(['sampleActivities', 'sampleRegistry', 'seedOf', 'seededRandom']);
  });

  it('safe text is a subpath (@liujin/core/text) without dependencies', () => {
    expect(Object.keys(text).sort()).toEqual(['hasControls', 'markdownText', 'neutraliseControls']);
  });

  it('the exporter conformance suite and its arbitraries are a subpath (@liujin/core/testing)', () => {
    expect(Object.keys(testing).sort()).toEqual(['HOSTILE_STRINGS', 'SMALL_DISTRICT', 'SMALL_DISTRICT_ACTIVITIES', 'TEST_STYLES', 'arbitraryActivities', 'arbitraryName', 'arbitraryNow', 'arbitraryRegistry', 'excelSerial', 'rawZip', 'testExporterConformance', 'testWorkbook', 'workbookParts', 'zipParts']);
  });

  it('the package exports these entry points, each with the source condition first, then import and require with types', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { exports: Record<string, string | Record<string, unknown>> };
    expect(Object.keys(pkg.exports)).toEqual(['.', './package.json', './plugin', './io', './sample', './text', './divisions', './testing']);
    for (const [path, target] of Object.entries(pkg.exports)) {
      if (typeof target === 'string') continue;
      expect(Object.keys(target), path).toEqual(['@liujin/source', 'import', 'require']);
      expect(Object.keys(target['import'] as object), path).toEqual(['types', 'default']);
      expect(Object.keys(target['require'] as object), path).toEqual(['types', 'default']);
    }
  });
});
