export { decodeText, type TextEncoding } from './decode';
export type { ColumnSpec } from './table';
export { QINGPU_DISTRICT, QINGPU_TOWNS } from './qingpu';
export { REGISTRY_COLUMNS, resolveUnitKind, parseUnitsTable, parseRegistryFile, jsonLinesAsRows, renumber, type FileInput, type TableOptions } from './registry';
export { ACTIVITY_COLUMNS, WAIVER_COLUMNS, resolveActivityKind, parseActivityRows, parseActivitiesFile, parseWaiversFile, type ActivityParseOptions } from './activities';
