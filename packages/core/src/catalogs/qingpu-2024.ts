/** The built-in catalog: notice 青国动〔2024〕10号 as requirement records (plain JSON, one file per sector). */
import meta from './qingpu-2024/catalog.json';
import community from './qingpu-2024/community.json';
import enterprise from './qingpu-2024/enterprise.json';
import general from './qingpu-2024/general.json';
import network from './qingpu-2024/network.json';
import organ from './qingpu-2024/organ.json';
import partySchool from './qingpu-2024/party-school.json';
import school from './qingpu-2024/school.json';
import { loadCatalogOrThrow } from './load';

const { files: _files, ...header } = meta;

/** The catalog as plain JSON, before validation (for tools that edit or diff catalogs). */
export const QINGPU_2024_CATALOG_JSON = {
  ...header,
  parameters: {},
  requirements: [...partySchool, ...organ, ...school, ...enterprise, ...community, ...network, ...general],
};

/**
 * The built-in catalog: notice 青国动〔2024〕10号 (Qingpu District, 2024) as checkable requirements, by sector and clause.
 */
export const QINGPU_2024_CATALOG = loadCatalogOrThrow(QINGPU_2024_CATALOG_JSON, 'qingpu-2024');
