/** Registry input: a Registry JSON object, or a units table (CSV, JSON Lines, spreadsheet rows). */
import type { z } from 'zod';
import { problem, problemsFromZod, type ParseResult, type Problem } from '../model/problem';
import type { LocalizedText } from '../model/text';
import { Registry, UNIT_KIND_LABELS, Unit, UnitKind, type District, type Town } from '../model/unit';
import { parseCsvRows, parseJsonLines, parseJsonText } from './csv';
import { decodeText } from './decode';
import { QINGPU_DISTRICT, QINGPU_TOWNS } from './qingpu';
import { looksChinese, nearest } from './suggest';
import { BadCell, column, intCell, listCell, readTable, type ColumnSpec, type TableRecord } from './table';

const c = column;

/**
 * The columns of a registry of units (CSV/XLSX): field, Chinese header, description, whether required, example (docs/input-formats.md).
 */
export const REGISTRY_COLUMNS: readonly ColumnSpec[] = [
  c('id', '编号', 'Stable unit id: letters, digits, "-", "_", "."', true, 'sch-zjj-001', ['unitId', '单位编号']),
  c('name', '名称', 'Unit name', true, '朱家角镇示例小学', ['单位名称']),
  c('kind', '类型', 'Kind: school 学校, enterprise 企业, park 园区, community 社区/居委/村委, organ 机关, party-school 党校, town 街镇, member-unit 成员单位, district-office 区国动办, media 媒体', true, '学校', ['单位类型']),
  c('town', '街镇', 'Subdistrict or town: id or name (empty for district-level units)', false, '朱家角镇', ['所属街镇']),
  c('address', '地址', 'Address', false, '青浦区朱家角镇示例路1号'),
  c('headCount', '人数', 'Head count (staff, pupils or residents)', false, '860', ['人员数量']),
  c('roles', '角色', 'Extra roles, separated by ";": education-bureau, emergency-management-bureau, industrial-park, ...', false, 'education-bureau'),
  c('nameEn', '英文名称', 'Name in English', false, 'Zhujiajiao Sample Primary School'),
  c('shelterName', '人防工程', 'Nearest civil-defence works', false, '示例路地下人防工程'),
  c('shelterAddress', '人防工程地址', 'Its address', false, '示例路2号地下一层'),
  c('shelterDistance', '人防工程距离', 'Its distance in metres', false, '350', ['人防工程距离米']),
  c('shelterCapacity', '人防工程容量', 'How many people it shelters', false, '1200'),
  c('contactName', '联系人', 'Contact person', false, '王老师'),
  c('contactRole', '联系人职务', "Contact's role", false, '分管副校长'),
  c('contactPhone', '联系电话', "Contact's phone", false, '021-00000000'),
  c('routes', '疏散路线', 'Evacuation routes, separated by ";": building[/floor]: route > assembly point', false, '教学楼/1-3层: 东侧楼梯 > 操场; 综合楼: 西门 > 操场'),
  c('district', '区', 'District (id, name or six-digit code) in a registry of several districts, for a unit without a town; a unit in a town is in its district', false, '松江区', ['所属区', '区县']),
];

/**
 * The Chinese words users write for each unit kind besides its label (UNIT_KIND_LABELS, the one
 * table of kinds): those messages list, then other spellings accepted. 居委 and 村委 also give the
 * community's type.
 */
const KIND_WORDS: Readonly<Record<UnitKind, { shown: readonly string[]; also?: readonly string[] }>> = {
  school: { shown: ['学校'] },
  enterprise: { shown: ['企业'] },
  park: { shown: ['园区'] },
  community: { shown: ['居委', '村委', '社区'], also: ['居委会', '村委会'] },
  organ: { shown: ['机关'] },
  'party-school': { shown: ['党校'] },
  town: { shown: ['街镇'], also: ['街道', '镇'] },
  'member-unit': { shown: ['成员单位'] },
  'district-office': { shown: ['区国动办'], also: ['国动办'] },
  media: { shown: ['媒体'] },
};
const COMMUNITY_TYPE_OF_WORD: Readonly<Record<string, 'residential' | 'village'>> = { 居委: 'residential', 居委会: 'residential', 村委: 'village', 村委会: 'village' };

/** Every Chinese name of a unit kind: its label (with and without the note in brackets) and the words above. */
const KIND_ALIASES: ReadonlyMap<string, { kind: UnitKind; communityType?: 'residential' | 'village' }> = new Map(
  (Object.keys(KIND_WORDS) as UnitKind[]).flatMap((kind) => {
    const label = UNIT_KIND_LABELS[kind].zh;
    const words = new Set([label, label.replace(/（.*）$/, ''), ...KIND_WORDS[kind].shown, ...(KIND_WORDS[kind].also ?? [])]);
    return [...words].map((word) => [word, { kind, ...(COMMUNITY_TYPE_OF_WORD[word] ? { communityType: COMMUNITY_TYPE_OF_WORD[word] } : {}) }] as const);
  }),
);

/**
 * The unit kind named by `text`: its id or its Chinese or English label (居委 and 村委 give a community with its type); undefined when none matches.
 */
export function resolveUnitKind(text: string): { kind: UnitKind; communityType?: 'residential' | 'village' } | undefined {
  const t = text.trim();
  if ((UnitKind.options as readonly string[]).includes(t)) return { kind: t as UnitKind };
  return KIND_ALIASES.get(t);
}

/** The kinds a user may write, in the language of the value they wrote (zh labels or English ids). */
const KIND_WORDS_ZH = Object.values(KIND_WORDS).flatMap((w) => w.shown);

function unknownKindMessage(text: string): LocalizedText {
  const chinese = looksChinese(text);
  const guess = nearest(text, chinese ? [...KIND_ALIASES.keys()] : UnitKind.options);
  const list = chinese ? KIND_WORDS_ZH.join('、') : UnitKind.options.join(', ');
  return {
    zh: `未知的单位类型「${text}」${guess ? `，是否应为「${guess}」？` : '。'}可用：${list}`,
    en: `unknown unit kind "${text}"${guess ? `; did you mean "${guess}"?` : '.'} Valid kinds: ${list}`,
  };
}

function unknownTownMessage(text: string, towns: readonly Town[]): LocalizedText {
  const guess = nearest(text, looksChinese(text) ? towns.map((t) => t.name) : towns.map((t) => t.id));
  return { zh: `未知的街镇「${text}」${guess ? `，是否应为「${guess}」？` : ''}`, en: `unknown town "${text}"${guess ? `; did you mean "${guess}"?` : ''}` };
}

/**
 * A function's results kept by argument for one parse: a systematic mistake repeated on 150,000
 * rows is looked up once, and its message shared, not rebuilt per row.
 */
export function memo<T>(compute: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = compute(key);
      if (cache.size < 10_000) cache.set(key, value);
    }
    return value;
  };
}

/** Zod issues of one row, placed at the row and the column the field came from. */
export function rowProblems(error: z.ZodError, record: TableRecord, file: string, fieldColumn: (field: string, path: readonly PropertyKey[]) => string = (f) => f): Problem[] {
  return problemsFromZod(error, { file, row: record.row }).map((p) => {
    const field = String(p.path[0] ?? '');
    const column = fieldColumn(field, p.path);
    return { ...p, column: record.header[column] ?? column };
  });
}

/** The column a schema issue belongs to: `contacts.0.phone` is the phone column, not the contact's name. */
const NESTED_COLUMN: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  contacts: { name: 'contactName', role: 'contactRole', phone: 'contactPhone' },
  civilDefenseWorks: { name: 'shelterName', address: 'shelterAddress', distanceMeters: 'shelterDistance', capacity: 'shelterCapacity' },
};

function unitRowProblems(error: z.ZodError, record: TableRecord, file: string): Problem[] {
  return problemsFromZod(error, { file, row: record.row }).map((p) => {
    const top = String(p.path[0] ?? '');
    const field = NESTED_COLUMN[top]?.[String(p.path[2] ?? 'name')] ?? (top === 'communityType' ? 'kind' : top);
    return { ...p, column: record.header[field] ?? field };
  });
}

function parseRoutes(text: string | undefined) {
  const items = (text ?? '').split(/[;；]/).map((s) => s.trim()).filter(Boolean);
  return items.map((item) => {
    const [where = '', rest = ''] = item.split(/[:：]/, 2);
    const [route = '', assemblyPoint = ''] = rest.split('>').map((s) => s.trim());
    const [building = '', floor] = where.split('/').map((s) => s.trim());
    return { building, ...(floor ? { floor } : {}), route, assemblyPoint };
  });
}

/** Options of the table readers: the file name for problems, and the district and towns the units belong to. */
export interface TableOptions {
  file: string;
  district?: District;
  /** Every district of a city office's registry (two or more); the towns name theirs. */
  districts?: readonly District[];
  towns?: readonly Town[];
}

function unknownDistrictMessage(text: string, districts: readonly District[]): LocalizedText {
  const list = districts.map((d) => `${d.name}（${d.code ?? d.id}）`).join('、');
  const listEn = districts.map((d) => `${d.nameEn ?? d.id} (${d.code ?? d.id})`).join(', ');
  return { zh: `未知的区「${text}」，登记表中的区：${list}`, en: `unknown district "${text}"; the registry's districts: ${listEn}` };
}

/** A units table (header row first) into a Registry; towns by id or name. */
export function parseUnitsTable(rows: readonly (readonly unknown[])[], options: TableOptions): ParseResult<Registry> {
  const { file } = options;
  const towns = options.towns ?? QINGPU_TOWNS;
  const { records, problems } = readTable(rows, REGISTRY_COLUMNS, file);
  const townId = new Map<string, string>();
  // A town name two districts share (新桥镇) is named by id, or with the unit's district.
  const ambiguous = new Map<string, Town[]>();
  for (const t of towns) {
    for (const key of new Set([t.id, t.name, t.nameEn ?? t.id])) {
      const other = townId.get(key);
      if (other !== undefined && other !== t.id) ambiguous.set(key, [...(ambiguous.get(key) ?? towns.filter((o) => o.id === other)), t]);
      else townId.set(key, t.id);
    }
  }
  const districts = options.districts ?? [options.district ?? QINGPU_DISTRICT];
  const districtId = new Map<string, string>();
  for (const d of districts) for (const key of [d.id, d.name, d.nameEn ?? d.id, d.code ?? d.id]) districtId.set(key, d.id);
  const townDistrict = new Map(towns.map((t) => [t.id, t.district]));
  const units: Unit[] = [];
  const seen = new Map<string, number>();
  const kindMessage = memo(unknownKindMessage);
  const townMessage = memo((text) => unknownTownMessage(text, towns));
  for (const record of records) {
    const v = record.values;
    const at = (field: string) => ({ file, row: record.row, column: record.header[field] ?? field });
    const rowProblemsBefore = problems.length;
    const rawId = v.id?.trim();
    const firstRow = rawId === undefined ? undefined : seen.get(rawId);
    if (rawId !== undefined && firstRow !== undefined) {
      problems.push(problem('duplicate_id', { zh: `编号「${rawId}」与第 ${firstRow} 行重复`, en: `id "${rawId}" repeats row ${firstRow}` }, at('id')));
    } else if (rawId !== undefined) seen.set(rawId, record.row);
    const kind = v.kind === undefined ? undefined : resolveUnitKind(v.kind);
    if (v.kind !== undefined && !kind) problems.push(problem('unknown_kind', kindMessage(v.kind), at('kind')));
    const district = v.district === undefined ? undefined : districtId.get(v.district.trim());
    if (v.district !== undefined && district === undefined) problems.push(problem('unknown_district', unknownDistrictMessage(v.district, districts), at('district')));
    const shared = v.town === undefined ? undefined : ambiguous.get(v.town.trim());
    const inDistrict = shared?.filter((t) => t.district === district);
    const town = v.town === undefined ? undefined : inDistrict?.length === 1 ? inDistrict[0]!.id : shared ? undefined : townId.get(v.town.trim());
    if (shared && town === undefined) {
      problems.push(problem('ambiguous_town', { zh: `街镇「${v.town}」不止一个（${shared.map((t) => `${t.id}，${t.district ?? ''}`).join('；')}）：请写街镇编号或填写区`, en: `more than one town is called "${v.town}" (${shared.map((t) => `${t.id} in ${t.district ?? ''}`).join('; ')}): write the town id or fill in the district` }, at('town')));
    } else if (v.town !== undefined && town === undefined) problems.push(problem('unknown_town', townMessage(v.town), at('town')));
    if (options.districts && district !== undefined && town !== undefined && townDistrict.get(town) !== district) {
      problems.push(problem('town_not_in_district', { zh: `街镇「${v.town}」属于 ${townDistrict.get(town) ?? ''}，不是 ${v.district}`, en: `town "${v.town}" is in ${townDistrict.get(town) ?? ''}, not ${v.district}` }, at('district')));
    }
    const headCount = intCell(record, 'headCount', file, problems);
    const distance = intCell(record, 'shelterDistance', file, problems);
    const capacity = intCell(record, 'shelterCapacity', file, problems);
    const candidate = {
      id: v.id?.trim(),
      name: v.name,
      ...(v.nameEn ? { nameEn: v.nameEn } : {}),
      kind: kind?.kind ?? v.kind,
      ...(town ? { town } : {}),
      ...(district ? { district } : {}),
      ...(kind?.communityType ? { communityType: kind.communityType } : {}),
      ...(v.roles ? { roles: listCell(v.roles) } : {}),
      ...(v.address ? { address: v.address } : {}),
      ...(headCount !== undefined ? { headCount } : {}),
      ...(v.shelterName ? { civilDefenseWorks: [{ name: v.shelterName, ...(v.shelterAddress ? { address: v.shelterAddress } : {}), ...(distance !== undefined ? { distanceMeters: distance } : {}), ...(capacity !== undefined ? { capacity } : {}) }] } : {}),
      ...(v.contactName ? { contacts: [{ role: v.contactRole ?? '联系人', name: v.contactName, ...(v.contactPhone ? { phone: v.contactPhone } : {}) }] } : {}),
      ...(v.routes ? { routes: parseRoutes(v.routes) } : {}),
    };
    const result = Unit.safeParse(candidate);
    if (!result.success) {
      // Problems already reported for a field (unknown kind or town) are not repeated by the schema.
      const reported = new Set([...problems.slice(rowProblemsBefore).map((p) => p.column), ...(record.bad ?? [])]);
      for (const p of unitRowProblems(result.error, record, file)) if (!reported.has(p.column)) problems.push(p);
      continue;
    }
    if (problems.length > rowProblemsBefore) continue;
    units.push(result.data);
  }
  const registry = { district: options.district ?? QINGPU_DISTRICT, ...(options.districts ? { districts: [...options.districts] } : {}), towns: [...towns], units };
  // A failed table still names every id it holds (rows with problems too), so records in other
  // files that name them are not reported as unknown units as well.
  if (problems.some((p) => p.severity === 'error')) return { ok: false, problems, partial: registry, knownIds: [...seen.keys()] };
  return { ok: true, value: registry, problems };
}

/** A file to parse: its name (for problems and format detection) and its bytes or text. */
export interface FileInput {
  file: string;
  bytes?: Uint8Array;
  text?: string;
  format?: 'json' | 'jsonl' | 'csv';
}

export function formatFromName(file: string): 'json' | 'jsonl' | 'csv' | undefined {
  const ext = /\.([a-z]+)$/i.exec(file)?.[1]?.toLowerCase();
  return ext === 'json' ? 'json' : ext === 'jsonl' || ext === 'ndjson' ? 'jsonl' : ext === 'csv' ? 'csv' : undefined;
}

/** Text of a file input, decoded; or the problem that stopped it. */
export function inputText(input: FileInput): ParseResult<string> {
  if (input.text !== undefined) return { ok: true, value: input.text.replace(/^\uFEFF/, ''), problems: [] };
  const decoded = decodeText(input.bytes ?? new Uint8Array(), input.file);
  if ('problem' in decoded) return { ok: false, problems: [decoded.problem] };
  if (decoded.text.trim() === '') return { ok: false, problems: [problem('empty_file', { zh: '文件为空', en: 'the file is empty' }, { file: input.file })] };
  return { ok: true, value: decoded.text, problems: [] };
}

/** JSON Lines records as table rows (header from the union of keys), keeping line numbers as rows. */
export function jsonLinesAsRows(lines: readonly { line: number; value: unknown }[], file: string): ParseResult<{ rows: unknown[][]; rowNumbers: number[] }> {
  const problems: Problem[] = [];
  const keys: string[] = [];
  for (const { line, value } of lines) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.push(problem('not_an_object', { zh: '每行应为一个 JSON 对象', en: 'each line must be a JSON object' }, { file, row: line }));
      continue;
    }
    for (const k of Object.keys(value)) if (!keys.includes(k)) keys.push(k);
  }
  if (problems.length > 0) return { ok: false, problems };
  const rows: unknown[][] = [keys];
  for (const { value } of lines) rows.push(keys.map((k) => jsonCell((value as Record<string, unknown>)[k], k)));
  return { ok: true, value: { rows, rowNumbers: lines.map((l) => l.line) }, problems: [] };
}

/**
 * A JSON field as a cell: text, numbers and booleans as written, a list of them joined with ";";
 * an object, or a list holding objects or lists, is a problem naming the field, never the text
 * "[object Object]" (and never walked: it may be nested thousands deep).
 */
function jsonCell(value: unknown, key: string): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object')) return value.join(';');
  const what = Array.isArray(value) ? { zh: '含有对象或嵌套列表的列表', en: 'a list holding objects or lists' } : { zh: 'JSON 对象', en: 'a JSON object' };
  return new BadCell('not_text', { zh: `字段「${key}」是${what.zh}，应为文字或数字`, en: `field "${key}" is ${what.en}; expected text or a number` });
}

/** Renumbers table problems from row positions to the JSON Lines line numbers. */
export function renumber(problems: readonly Problem[], rowNumbers: readonly number[]): Problem[] {
  return problems.map((p) => (p.row !== undefined && p.row >= 2 ? { ...p, row: rowNumbers[p.row - 2] ?? p.row } : p));
}

/** Parses a registry written as JSON (the {@link Registry} shape); every problem is returned as data, located in the file. */
export function parseRegistryJson(text: string, options: { file: string }): ParseResult<Registry> {
  const json = parseJsonText(text, options.file);
  if (!json.ok) return { ok: false, problems: json.problems };
  if (typeof json.value !== 'object' || json.value === null || Array.isArray(json.value)) {
    return { ok: false, problems: [problem('not_an_object', { zh: '登记表 JSON 应为一个对象（district、towns、units）', en: 'a registry JSON must be an object (district, towns, units)' }, { file: options.file })] };
  }
  const result = Registry.safeParse(json.value);
  return result.success ? { ok: true, value: result.data, problems: [] } : { ok: false, problems: problemsFromZod(result.error, { file: options.file }) };
}

/** A registry file: `.json` (a Registry object), `.csv` or `.jsonl` (a units table). */
export function parseRegistryFile(input: FileInput, options: Omit<TableOptions, 'file'> = {}): ParseResult<Registry> {
  const text = inputText(input);
  if (!text.ok) return { ok: false, problems: text.problems };
  const format = input.format ?? formatFromName(input.file) ?? 'csv';
  if (format === 'json') return parseRegistryJson(text.value, { file: input.file });
  if (format === 'csv') {
    const rows = parseCsvRows(text.value, input.file);
    return rows.ok ? parseUnitsTable(rows.value, { ...options, file: input.file }) : { ok: false, problems: rows.problems };
  }
  const lines = parseJsonLines(text.value, input.file);
  if (!lines.ok) return { ok: false, problems: lines.problems };
  const table = jsonLinesAsRows(lines.value, input.file);
  if (!table.ok) return { ok: false, problems: table.problems };
  const result = parseUnitsTable(table.value.rows, { ...options, file: input.file });
  return { ...result, problems: renumber(result.problems, table.value.rowNumbers) };
}
