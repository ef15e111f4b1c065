/**
 * The input readers the main entry's `parseRegistryFile`, `parseActivitiesFile` and
 * `parseWaiversFile` are built from, for a program that reads its inputs itself: text decoding,
 * CSV and JSON, workbooks (`.xlsx`, loaded lazily), tables by column, JSON Lines read as streams
 * (a city, a nation), settings sheets, the input limits and the problems they report.
 * @module @liujin/core/io
 */
export { decodeText, type TextEncoding } from './io/decode';
export { parseCsvRows, parseJsonText } from './io/csv';
export { BadCell, type ColumnSpec, type TableRecord } from './io/table';
export { REGISTRY_COLUMNS, parseUnitsTable, jsonLinesAsRows, type TableOptions } from './io/registry';
export { ACTIVITY_COLUMNS, WAIVER_COLUMNS, parseActivityRows, parseWaiverRows, type ActivityParseOptions, type WaiverParseOptions } from './io/activities';
export { INPUT_LIMITS, capProblems, fileTooLarge } from './io/limits';
export { readWorkbook, type WorkbookOptions, type WorkbookTable } from './io/workbook';
export { MAX_LISTED_PROBLEMS, streamRegistryUnits, streamActivityBatches, streamActivityRecords, eachOf, setAsideRowOf, type SetAsideRow } from './io/json-lines';
export { QINGPU_DISTRICT, QINGPU_TOWNS } from './io/qingpu';
export { LiujinValidationError } from './model/problem';
export { tailorCatalogJson } from './catalogs/load';
export { settingsRows, settingsTable, SETTINGS_COLUMNS, type SettingRow, type SettingKind } from './catalogs/settings';
export { parseSettingsRows, applySettings, type Settings } from './catalogs/settings-read';
export { yearIn } from './dates/today';
