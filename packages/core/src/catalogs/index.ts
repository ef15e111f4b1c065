export { QINGPU_2024_CATALOG, QINGPU_2024_CATALOG_JSON } from './qingpu-2024';
export { parseCatalog, tailorCatalog, Tailoring } from './load';
export { renderCatalogMarkdown, describeDueRule } from './markdown';
export { effectivePeriodWarnings } from './effective';
export { BUILT_IN_CATALOG_NAMES, builtInCatalog, type BuiltInCatalog } from './builtin';
