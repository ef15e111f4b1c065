export { decodeText, type TextEncoding } from './decode';
export { parseCsvRows, parseJsonLine, parseJsonLines, parseJsonText } from './csv';
export { readTable, cellText, type ColumnSpec, type TableRecord } from './table';
export { QINGPU_DISTRICT, QINGPU_TOWNS } from './qingpu';
export { REGISTRY_COLUMNS, resolveUnitKind, parseUnitsTable, parseRegistryJson, parseRegistryFile, jsonLinesAsRows, renumber, type FileInput, type TableOptions } from './registry';
export { ACTIVITY_COLUMNS, WAIVER_COLUMNS, resolveActivityKind, parseActivityRows, parseActivitiesFile, parseWaiversFile, type ActivityParseOptions } from './activities';
export { crossCheckInputs, type CrossCheckInput } from './cross-check';
export { MAX_LISTED_PROBLEMS, jsonLineBatches, streamRegistryUnits, streamActivityRecords, setAsideRowOf, type SetAsideRow } from './json-lines';
