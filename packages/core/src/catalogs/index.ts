export { QINGPU_2024_CATALOG, QINGPU_2024_CATALOG_JSON } from './qingpu-2024';
export { parseCatalog, tailorCatalog, Tailoring, OPERATORS } from './load';
export { renderCatalogMarkdown } from './markdown';
export { effectivePeriodWarnings } from './effective';
