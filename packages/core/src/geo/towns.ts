/**
 * A registry's own towns (issue 19): a towns table (CSV, XLSX sheet or rows of JSON) with id,
 * name, type, district and, where known, the twelve-digit statistical code, checked against the
 * division table. A code that does not exist, or names another town, is an error at its row; a
 * name that differs from the table's for a matching code is a warning, and the registry's name is
 * kept (the registry wins: renamed towns reach the statistical release late).
 */
import { problem, type ParseResult, type Problem } from '../model/problem';
import { Town, type District, type Registry } from '../model/unit';
import { column, readTable, type ColumnSpec } from '../io/table';
import { districtFromCode, findDistrictByCode, townsOfDistrict } from './divisions';

/** The columns of a towns table (id, name, type, district, code), with their Chinese headers. */
export const TOWN_COLUMNS: readonly ColumnSpec[] = [
  column('id', '编号', 'Stable town id: letters, digits, "-", "_", "."', true, 'yongfeng', ['townId', '街镇编号']),
  column('name', '名称', 'Name as the registry uses it (街道、镇、乡)', true, '永丰街道', ['街镇名称', '街镇']),
  column('type', '类型', 'subdistrict 街道, town 镇, township 乡, other 其他 (default: from the name)', false, '街道'),
  column('district', '区', 'District: six-digit GB/T 2260 code, e.g. 310117', true, '310117', ['区县', '所属区', '区划代码']),
  column('code', '代码', 'Twelve-digit statistical division code (统计用区划代码), where known', false, '310117003000', ['统计用区划代码', '街镇代码']),
];

const TYPE_WORDS: Readonly<Record<string, Town['type']>> = { 街道: 'subdistrict', 镇: 'town', 乡: 'township', 其他: 'other', subdistrict: 'subdistrict', town: 'town', township: 'township', other: 'other' };

function typeFromName(name: string): Town['type'] {
  if (name.endsWith('街道')) return 'subdistrict';
  if (name.endsWith('镇')) return 'town';
  if (name.endsWith('乡')) return 'township';
  return 'other';
}

/** Region profile of a district's city, where liujin has one (regions.ts); else shanghai, with a warning. */
const REGION_BY_PREFIX: readonly [string, string][] = [
  ['31', 'shanghai'],
  ['11', 'beijing'],
  ['50', 'chongqing'],
  ['32', 'jiangsu'],
  ['21', 'liaoning'],
  ['51', 'sichuan'],
  ['4401', 'guangzhou'],
  ['4403', 'shenzhen'],
  ['4201', 'wuhan'],
];

/** The region profile of a district by its code's city (Shanghai, Beijing, ...); undefined where liujin has none. */
export function regionOfDistrictCode(code: string): string | undefined {
  return REGION_BY_PREFIX.find(([prefix]) => code.startsWith(prefix))?.[1];
}

/** A towns table read and checked: its district(s) and towns, and the warnings (names that differ from the division table). */
export interface TownsTable {
  /** The district of the rows; with several districts, the first. */
  district: District;
  /** Every district of the rows in order of first appearance, when there are two or more (a city office's registry). */
  districts?: District[];
  /** The towns; with several districts each names its district's id. */
  towns: Town[];
}

/** A towns table (header row first) into the registry's district and towns, checked against the division table. */
export function parseTownsTable(rows: readonly (readonly unknown[])[], options: { file: string }): ParseResult<TownsTable> {
  const { file } = options;
  const { records, problems } = readTable(rows, TOWN_COLUMNS, file);
  const towns: Town[] = [];
  const seen = new Map<string, number>();
  const districtCodes: string[] = [];
  const districtOfTown: string[] = [];
  for (const record of records) {
    const v = record.values;
    const at = (field: string, severity: Problem['severity'] = 'error') => ({ file, row: record.row, column: record.header[field] ?? field, severity });
    const before = problems.length;
    const d = v.district?.trim();
    if (d !== undefined) {
      if (!/^\d{6}$/.test(d) || !findDistrictByCode(d)) problems.push(problem('unknown_district', { zh: `区划代码「${d}」不存在（应为六位 GB/T 2260 代码，如 310117）`, en: `district code "${d}" does not exist (expected a six-digit GB/T 2260 code such as 310117)` }, at('district')));
      else if (!districtCodes.includes(d)) districtCodes.push(d);
    }
    const id = v.id?.trim();
    if (id !== undefined && seen.has(id)) problems.push(problem('duplicate_id', { zh: `编号「${id}」与第 ${seen.get(id)} 行重复`, en: `id "${id}" repeats row ${seen.get(id)}` }, at('id')));
    else if (id !== undefined) seen.set(id, record.row);
    const name = v.name?.trim() ?? '';
    const type = v.type === undefined ? typeFromName(name) : TYPE_WORDS[v.type.trim()];
    if (type === undefined) problems.push(problem('unknown_town_type', { zh: `未知的街镇类型「${v.type}」：街道、镇、乡或其他`, en: `unknown town type "${v.type}": subdistrict, town, township or other` }, at('type')));
    const code = v.code?.trim();
    if (code !== undefined && d !== undefined && /^\d{6}$/.test(d)) {
      const known = townsOfDistrict(d).find((t) => t.code === code);
      if (!/^\d{12}$/.test(code) || !code.startsWith(d)) problems.push(problem('bad_town_code', { zh: `街镇代码「${code}」应为以区划代码 ${d} 开头的十二位数字`, en: `town code "${code}" should be twelve digits starting with the district code ${d}` }, at('code')));
      else if (!known) problems.push(problem('unknown_town_code', { zh: `街镇代码「${code}」不在 ${d} 的区划表中`, en: `town code "${code}" is not in the division table of ${d}` }, at('code')));
      else if (known.name !== name) {
        const other = townsOfDistrict(d).find((t) => t.name === name);
        if (other) problems.push(problem('town_code_mismatch', { zh: `代码 ${code} 是「${known.name}」，而「${name}」的代码是 ${other.code}`, en: `code ${code} is ${known.name}, while ${name} has the code ${other.code}` }, at('code')));
        // The registry wins on names (a renamed town): kept, with a warning.
        else problems.push(problem('town_name_differs', { zh: `区划表中代码 ${code} 的名称为「${known.name}」，沿用登记的「${name}」`, en: `the division table names code ${code} "${known.name}"; the registry's "${name}" is kept` }, at('name', 'warning')));
      }
    }
    const result = Town.safeParse({ id, name, type, ...(code !== undefined ? { code } : {}) });
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = String(issue.path[0] ?? 'id');
        if (!problems.slice(before).some((p) => p.column === (record.header[field] ?? field))) problems.push(problem('invalid_town', { zh: `${record.header[field] ?? field}：${issue.message}`, en: `${record.header[field] ?? field}: ${issue.message}` }, at(field)));
      }
      continue;
    }
    if (problems.slice(before).some((p) => p.severity === 'error')) continue;
    towns.push(result.data);
    districtOfTown.push(d!);
  }
  if (records.length > 0 && districtCodes.length === 0 && !problems.some((p) => p.severity === 'error')) {
    problems.push(problem('missing_district', { zh: '街镇表没有区划代码', en: 'the towns table names no district code' }, { file }));
  }
  if (problems.some((p) => p.severity === 'error') || districtCodes.length === 0) return { ok: false, problems };
  const districts = districtCodes.map((code) => {
    const region = regionOfDistrictCode(code);
    if (region === undefined) {
      problems.push(problem('no_region_profile', { zh: `${code} 所在地区没有内置的试鸣规则：暂用上海的规则，请用 --region-file 提供本地区的规则`, en: `no built-in siren rule for the region of ${code}: Shanghai's is used; give yours with --region-file` }, { file, severity: 'warning' }));
    }
    return districtFromCode(code, region ?? 'shanghai')!.district;
  });
  if (districts.length === 1) return { ok: true, value: { district: districts[0]!, towns }, problems };
  // Several districts (a city office): each town names its district; ids stay unique (two
  // provinces' 朝阳区 would share "chaoyang": the code is used instead).
  const ids = new Map<string, string>();
  for (const d of districts) {
    const id = districts.filter((o) => o.id === d.id).length > 1 ? d.code! : d.id;
    ids.set(d.code!, id);
    d.id = id;
  }
  return { ok: true, value: { district: districts[0]!, districts, towns: towns.map((t, i) => ({ ...t, district: ids.get(districtOfTown[i]!)! })) }, problems };
}

/** Names of a registry workbook's towns sheet (街镇 or towns, in any case): read as by `--towns`. */
export const TOWNS_SHEET_NAMES: readonly string[] = ['街镇', 'towns'];

/**
 * The towns of a registry JSON (`towns`, with `districts` for several) checked by the towns
 * table's reader against the division table, for every town whose district has a code: an
 * unknown code or a code naming another town is an error at `towns[i].code`; a differing name a
 * warning, the registry's name kept. Towns of a district without a code are not checked.
 */
export function checkRegistryTowns(registry: Pick<Registry, 'district' | 'districts' | 'towns'>, file: string): Problem[] {
  const codeOf = new Map((registry.districts ?? [registry.district]).map((d) => [d.id, d.code]));
  const checked: number[] = [];
  const rows: (string | undefined)[][] = [['id', 'name', 'type', 'district', 'code']];
  registry.towns.forEach((town, i) => {
    const code = codeOf.get(town.district ?? registry.district.id);
    if (code === undefined) return;
    checked.push(i);
    rows.push([town.id, town.name, town.type, code, town.code]);
  });
  if (checked.length === 0) return [];
  const fields = new Map(TOWN_COLUMNS.map((c) => [c.field, c.field]));
  return parseTownsTable(rows, { file })
    .problems.filter((p) => p.code !== 'no_region_profile' && p.row !== undefined)
    .map((p) => {
      const index = checked[p.row! - 2]!;
      const field = fields.get(p.column ?? '') ?? 'id';
      // The district column holds the district's code: a problem there is the district's.
      const path = field === 'district' ? (registry.districts ? ['districts', registry.districts.findIndex((d) => d.id === registry.towns[index]!.district), 'code'] : ['district', 'code']) : ['towns', index, field];
      return problem(p.code, p.message, { file, path, severity: p.severity });
    });
}
