/**
 * The catalogs liujin ships, by name: what `--catalog NAME` finds before it reads a file. Each
 * entry has the catalog as written (for `--tailoring`) and parsed.
 */
import type { Catalog } from '../model/requirement';
import { QINGPU_2024_CATALOG, QINGPU_2024_CATALOG_JSON } from './qingpu-2024';
import { SONGJIANG_EXAMPLE_CATALOG, SONGJIANG_EXAMPLE_CATALOG_JSON } from './songjiang-example';

/** A shipped catalog: as written and parsed, and whether it is an example. */
export interface BuiltInCatalog {
  readonly json: unknown;
  readonly catalog: Catalog;
  readonly example: boolean;
}

const BUILT_IN: Readonly<Record<string, BuiltInCatalog>> = {
  'qingpu-2024': { json: QINGPU_2024_CATALOG_JSON, catalog: QINGPU_2024_CATALOG, example: false },
  'songjiang-example': { json: SONGJIANG_EXAMPLE_CATALOG_JSON, catalog: SONGJIANG_EXAMPLE_CATALOG, example: true },
};

/** The names of the shipped catalogs (`--catalog qingpu-2024`, `--catalog songjiang-example`). */
export const BUILT_IN_CATALOG_NAMES: readonly string[] = Object.keys(BUILT_IN);

/** A shipped catalog by name, or undefined. */
export function builtInCatalog(name: string): BuiltInCatalog | undefined {
  return Object.hasOwn(BUILT_IN, name) ? BUILT_IN[name] : undefined;
}
