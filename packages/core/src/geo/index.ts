/**
 * China's districts and towns with their statistical codes (a 2 MB table, loaded only from this
 * subpath, never by `@liujin/core` itself).
 * @module @liujin/core/divisions
 */
export { divisionsSource, findDistrictByCode, findDistrictsByName, listDistrictCodes, townsOfDistrict, districtFromCode, type DivisionDistrict, type DivisionTown } from './divisions';
export { checkRegistryTowns, parseTownsTable, regionOfDistrictCode, TOWN_COLUMNS, TOWNS_SHEET_NAMES, type TownsTable } from './towns';
