export { QINGPU_2024_CATALOG, QINGPU_2024_CATALOG_JSON } from './qingpu-2024';
export { parseCatalog, tailorCatalog, tailorCatalogJson, Tailoring } from './load';
export { renderCatalogMarkdown, describeDueRule } from './markdown';
export { effectivePeriodWarnings } from './effective';
export { BUILT_IN_CATALOG_NAMES, builtInCatalog, type BuiltInCatalog } from './builtin';
export { settingsRows, settingsTable, SETTINGS_COLUMNS, DEFAULT_REMINDERS, type SettingRow, type SettingKind } from './settings';
export { parseSettingsRows, applySettings, reminderSettings, type Settings } from './settings-read';
