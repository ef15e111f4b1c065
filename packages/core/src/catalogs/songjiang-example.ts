/**
 * A second, small catalog: an example of tailoring a notice's catalog for another district
 * (docs/catalog-authoring.md). It invents no notice: every requirement, clause and basis is
 * 青国动〔2024〕10号's; its title says it is a demonstration, not a document Songjiang issued.
 * Its example registry (songjiang-example/registry.json) holds real Songjiang towns with made-up
 * units, marked synthetic.
 */
import example from './songjiang-example/example.json';
import { loadCatalogOrThrow, tailorCatalogJson } from './load';
import { QINGPU_2024_CATALOG_JSON } from './qingpu-2024';
import type { Catalog } from '../model/requirement';

const tailored = tailorCatalogJson({ ...QINGPU_2024_CATALOG_JSON, ...example.header }, example.tailoring, { file: 'songjiang-example' });
if (!tailored.ok) throw new Error(`songjiang-example: ${tailored.problems.map((p) => `${p.path.join('.')}: ${p.message.en}`).join('; ')}`);

/** The example catalog as written (its parameter references kept), for tailoring it further. */
export const SONGJIANG_EXAMPLE_CATALOG_JSON: Readonly<Record<string, unknown>> = tailored.value;

/** The example catalog, parsed and checked. */
export const SONGJIANG_EXAMPLE_CATALOG: Catalog = loadCatalogOrThrow(SONGJIANG_EXAMPLE_CATALOG_JSON, 'songjiang-example');
