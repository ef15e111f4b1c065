/** `@liujin/core/divisions`: China's districts and towns with their statistical codes (a 2 MB table, loaded only here). */
export { divisionsSource, findDistrictByCode, findDistrictsByName, listDistrictCodes, townsOfDistrict, districtFromCode, type DivisionDistrict, type DivisionTown } from './divisions';
export { parseTownsTable, regionOfDistrictCode, TOWN_COLUMNS, type TownsTable } from './towns';
