/**
 * Reads the user's input files (registry, activities, waivers, catalog, tailoring) by extension
 * and hands their bytes to the packages' parsers. Every problem comes back at once as an
 * InputError naming file, row and column.
 */
import { extname } from 'node:path';
import { QINGPU_2024_CATALOG, BUILT_IN_CATALOG_NAMES, builtInCatalog, QINGPU_2024_CATALOG_JSON, parseActivitiesFile, parseCatalog, parseRegistryFile, parseWaiversFile, problem, tailorCatalog, formatProblem, type Activity, type Catalog, type ParseResult, type Problem, type Registry, type Unit, type Waiver } from '@liujin/core';
import { capProblems, parseWaiverRows, readWorkbook, parseActivityRows, parseUnitsTable, parseCsvRows, parseJsonText, jsonLinesAsRows, setAsideRowOf, tailorCatalogJson, applySettings, parseSettingsRows, decodeText, type SetAsideRow, type Settings } from '@liujin/core/io';
import type { TownsTable } from '@liujin/core/divisions';
import { sampleActivities, sampleRegistry } from '@liujin/core/sample';
import { readInputBytes as readInputFile } from './read-input';
import { InputError, type Output } from './runtime';

type Format = 'json' | 'jsonl' | 'csv' | 'xlsx';

function formatOf(file: string, allowed: readonly Format[]): Format {
  const ext = extname(file).toLowerCase();
  const format = ({ '.json': 'json', '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.csv': 'csv', '.xlsx': 'xlsx' } as const)[ext as '.json'];
  if (!format || !allowed.includes(format)) {
    throw new InputError([
      problem(
        'unsupported_format',
        {
          zh: `不支持的文件类型「${ext || '（无扩展名）'}」，可用：${allowed.map((f) => `.${f}`).join('、')}`,
          en: `unsupported file type "${ext || '(no extension)'}"; use one of ${allowed.map((f) => `.${f}`).join(', ')}`,
        },
        { file },
      ),
    ]);
  }
  return format;
}

/** Fails with every error; passes warnings on to the output. */
/** Where a loader's warnings go: printed to an Output, or collected (e.g. by `validate --json`). */
export type WarningSink = Output | Problem[];

function unwrap<T>(result: ParseResult<T>, out: WarningSink | undefined, file?: string): T {
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (!result.ok || errors.length > 0) {
    // `validate` collects the warnings of a file with errors too (every problem in one run).
    if (Array.isArray(out)) for (const warning of capProblems(result.problems.filter((p) => p.severity === 'warning'), file)) out.push({ ...warning, severity: 'warning' });
    // Listed up to the cap, the rest counted: a 150,000-row file with one systematic mistake.
    const error = new InputError(capProblems(errors.length > 0 ? errors : result.problems, file));
    if (!result.ok && result.partial !== undefined) error.partial = result.partial;
    if (!result.ok && result.knownIds !== undefined) error.knownIds = result.knownIds;
    throw error;
  }
  for (const warning of capProblems(result.problems, file)) {
    if (Array.isArray(out)) out.push(warning);
    else out?.warn(formatProblem(warning, out.lang));
  }
  return result.value;
}

/** How input files are read and checked against each other. */
export interface ReadOptions {
  /** Worksheet of an .xlsx input (`--sheet`); default: the first visible one. */
  sheet?: string | undefined;
  /** Ids of the registry's units: records naming another unit are errors at their row. */
  unitIds?: ReadonlySet<string> | undefined;
  /** Warn about activities dated outside this year (`validate --year`). */
  year?: number | undefined;
  /** With `year`: the catalog and units the one rule for other years needs (core's reader applies it). */
  outsideYear?: { catalog: Catalog; units: ReadonlyMap<string, Unit> } | undefined;
  /** `--towns`: the registry's own district and towns (issue 19); default Qingpu's. */
  towns?: string | undefined;
}

/**
 * Rows of a workbook's worksheet, then parsed by `parse`; the reader's warnings (several visible
 * sheets) are kept with the parser's problems. Problems of the reader stop here.
 */
async function fromWorkbook<T>(file: string, bytes: Uint8Array, sheet: string | undefined, parse: (rows: readonly (readonly unknown[])[]) => ParseResult<T>): Promise<ParseResult<T>> {
  const table = await readWorkbook(bytes, { file, ...(sheet !== undefined ? { sheet } : {}) });
  if (!table.ok) return { ok: false, problems: table.problems };
  const result = parse(table.value.rows);
  return { ...result, problems: [...table.problems, ...result.problems] };
}

/** The registry from a file, or the embedded synthetic sample district when none is given. */
export async function loadRegistry(file: string | undefined, out?: WarningSink, read: ReadOptions = {}): Promise<Registry> {
  if (file === undefined) return sampleRegistry();
  const format = formatOf(file, ['json', 'jsonl', 'csv', 'xlsx']);
  const geography = read.towns !== undefined ? await loadTowns(read.towns, out) : undefined;
  const bytes = await readInputFile(file);
  if (format === 'xlsx') return loadRegistryWorkbook(file, bytes, read.sheet, geography, out);
  // A Registry JSON carries its own district and towns; --towns is for units tables.
  const registry = unwrap(parseRegistryFile({ file, bytes, format }, geography ?? {}), out, file);
  if (format === 'json' && (registry.districts ?? [registry.district]).some((d) => d.code !== undefined)) {
    // Its towns are checked as a towns table is: codes and names against the division table.
    const { checkRegistryTowns } = await import('@liujin/core/divisions');
    unwrap({ ok: true, value: undefined, problems: checkRegistryTowns(registry, file) }, out, file);
  }
  return registry;
}

/**
 * A registry workbook: the units sheet (`--sheet`, else the first visible one that is not the
 * towns sheet) and, when it has one, its towns sheet 街镇 / towns, read as `--towns` reads a
 * towns table (issue 19). `--towns` wins over the sheet, with a warning.
 */
async function loadRegistryWorkbook(file: string, bytes: Uint8Array, sheet: string | undefined, given: TownsTable | undefined, out: WarningSink | undefined): Promise<Registry> {
  const { TOWNS_SHEET_NAMES, parseTownsTable } = await import('@liujin/core/divisions');
  const table = await readWorkbook(bytes, { file, skip: TOWNS_SHEET_NAMES, ...(sheet !== undefined ? { sheet } : {}) });
  if (!table.ok) return unwrap({ ok: false, problems: table.problems }, out, file);
  const townsSheet = table.value.sheets.find((name) => TOWNS_SHEET_NAMES.includes(name.trim().toLowerCase()) && name !== table.value.sheet);
  let geography = given;
  if (townsSheet !== undefined && given !== undefined) {
    unwrap({ ok: true, value: undefined, problems: [problem('towns_sheet_ignored', { zh: `已给出 --towns，工作表「${townsSheet}」未读取`, en: `--towns is given: the worksheet "${townsSheet}" is not read` }, { file, severity: 'warning' })] }, out, file);
  } else if (townsSheet !== undefined) {
    const sheetFile = `${file}#${townsSheet}`;
    geography = unwrap(await fromWorkbook(sheetFile, bytes, townsSheet, (rows) => parseTownsTable(rows, { file: sheetFile })), out, sheetFile);
  }
  const result = parseUnitsTable(table.value.rows, { file, ...geography });
  return unwrap({ ...result, problems: [...table.problems, ...result.problems] }, out, file);
}

/**
 * A towns table (`--towns`: .csv, .xlsx, or .json as an array of rows as objects) into the
 * registry's district and towns, checked against the division table (loaded only here).
 */
export async function loadTowns(file: string, out?: WarningSink): Promise<TownsTable> {
  const { parseTownsTable } = await import('@liujin/core/divisions');
  const format = formatOf(file, ['json', 'csv', 'xlsx']);
  const bytes = await readInputFile(file);
  if (format === 'xlsx') return unwrap(await fromWorkbook(file, bytes, undefined, (rows) => parseTownsTable(rows, { file })), out, file);
  const decoded = decodeText(bytes, file);
  if ('problem' in decoded) throw new InputError([decoded.problem]);
  if (format === 'csv') {
    const rows = parseCsvRows(decoded.text, file);
    return unwrap(rows.ok ? parseTownsTable(rows.value, { file }) : { ok: false, problems: rows.problems }, out, file);
  }
  const json = parseJsonText(decoded.text, file);
  if (!json.ok) throw new InputError(json.problems);
  const items = Array.isArray(json.value) ? json.value : [];
  const lines = jsonLinesAsRows(items.map((value, i) => ({ line: i + 1, value })), file);
  return unwrap(lines.ok ? parseTownsTable(lines.value.rows, { file }) : { ok: false, problems: lines.problems }, out, file);
}

export async function loadActivities(file: string | undefined, year: number, out?: WarningSink, read: ReadOptions = {}): Promise<Activity[]> {
  if (file === undefined) return sampleActivities(year);
  const format = formatOf(file, ['json', 'jsonl', 'csv', 'xlsx']);
  const bytes = await readInputFile(file);
  const options = { ...(read.unitIds ? { unitIds: read.unitIds } : {}), ...(read.year !== undefined ? { year: read.year } : {}), ...(read.outsideYear ? { outsideYear: read.outsideYear } : {}) };
  if (format === 'xlsx') return unwrap(await fromWorkbook(file, bytes, read.sheet, (rows) => parseActivityRows(rows, { file, ...options })), out, file);
  return unwrap(parseActivitiesFile({ file, bytes, format }, options), out, file);
}

export type { SetAsideRow } from '@liujin/core/io';

/**
 * Activities for an audit: rows whose only problem is an unknown kind are set aside (and listed
 * by the audit as unmatched) instead of stopping the run; every other problem still stops it.
 */
export async function loadActivitiesForAudit(file: string | undefined, year: number, out?: WarningSink, read: ReadOptions = {}): Promise<{ activities: Activity[]; setAside: SetAsideRow[] }> {
  if (file === undefined) return { activities: sampleActivities(year), setAside: [] };
  const format = formatOf(file, ['json', 'jsonl', 'csv', 'xlsx']);
  const bytes = await readInputFile(file);
  const result = format === 'xlsx' ? await fromWorkbook(file, bytes, read.sheet, (rows) => parseActivityRows(rows, { file, unknownKinds: 'set-aside' })) : parseActivitiesFile({ file, bytes, format }, { unknownKinds: 'set-aside' });
  const setAside = result.problems.map(setAsideRowOf).filter((row) => row !== undefined);
  return { activities: unwrap(result, out, file), setAside };
}

/**
 * Waivers, checked against the catalog in use (a waiver of a requirement it does not hold would
 * silently do nothing) and, when given, the registry's unit ids.
 */
export async function loadWaivers(file: string | undefined, out: WarningSink | undefined, check: ReadOptions & { catalog: Catalog }): Promise<Waiver[]> {
  if (file === undefined) return [];
  const format = formatOf(file, ['json', 'jsonl', 'csv', 'xlsx']);
  const bytes = await readInputFile(file);
  const options = { requirementIds: new Set(check.catalog.requirements.map((r) => r.id)), ...(check.unitIds ? { unitIds: check.unitIds } : {}) };
  if (format === 'xlsx') return unwrap(await fromWorkbook(file, bytes, check.sheet, (rows) => parseWaiverRows(rows, { file, ...options })), out, file);
  return unwrap(parseWaiversFile({ file, bytes, format }, options), out, file);
}

export async function readJson(file: string): Promise<unknown> {
  const decoded = decodeText(await readInputFile(file, 8 * 1024 * 1024), file);
  if ('problem' in decoded) throw new InputError([decoded.problem]);
  const { text } = decoded;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InputError([
      problem('invalid_json', { zh: `不是有效的 JSON：${(error as Error).message}`, en: `not valid JSON: ${(error as Error).message}` }, { file }),
    ]);
  }
}

/**
 * The built-in catalog, or a custom one, optionally tailored (`--tailoring`, for developers) and
 * then adjusted by an office's settings (`--settings`, docs/settings.md): the settings apply on
 * top of the tailoring, and their values win where both set one.
 */
export async function loadCatalog(catalogFile: string | undefined, tailoringFile: string | undefined, out?: WarningSink, settingsFile?: string): Promise<Catalog> {
  let catalog = QINGPU_2024_CATALOG;
  // Tailoring and settings re-apply parameters to the catalog as written.
  let source: unknown = QINGPU_2024_CATALOG_JSON;
  // A shipped catalog by name (`--catalog songjiang-example`), else a file.
  const builtIn = catalogFile !== undefined && !/\.json$/i.test(catalogFile) ? builtInCatalog(catalogFile) : undefined;
  if (builtIn) {
    catalog = builtIn.catalog;
    source = builtIn.json;
  } else if (catalogFile !== undefined) {
    if (extname(catalogFile) === '') {
      const names = BUILT_IN_CATALOG_NAMES.join(', ');
      throw new InputError([problem('unknown_catalog', { zh: `没有名为「${catalogFile}」的内置目录（内置：${names}）；自定义目录请给出 .json 文件`, en: `no shipped catalog is called "${catalogFile}" (shipped: ${names}); give a custom catalog as a .json file` }, { path: ['--catalog'] })]);
    }
    formatOf(catalogFile, ['json']);
    source = await readJson(catalogFile);
    catalog = unwrap(parseCatalog(source, { file: catalogFile }), out);
  }
  // The catalog before any tailoring: the settings spreadsheet init wrote lists its requirements.
  const untailored = tailoringFile !== undefined ? source : undefined;
  if (tailoringFile !== undefined) {
    formatOf(tailoringFile, ['json']);
    const tailoring = await readJson(tailoringFile);
    const withFile = <T,>(result: ParseResult<T>) => ({ ...result, problems: result.problems.map((p) => ({ ...p, file: p.file ?? tailoringFile })) }) as ParseResult<T>;
    if (settingsFile !== undefined) source = unwrap(withFile(tailorCatalogJson(source, tailoring)), out);
    else catalog = unwrap(withFile(tailorCatalog(source, tailoring)), out);
  }
  if (settingsFile !== undefined) catalog = unwrap(applySettings(source, await loadSettings(settingsFile, source, out, untailored), { file: settingsFile }), out);
  return catalog;
}

/** The settings spreadsheet (`--settings`: .xlsx or .csv, zh or en headers) read against the catalog as written. */
async function loadSettings(file: string, source: unknown, out?: WarningSink, untailored?: unknown): Promise<Settings> {
  const options = { file, ...(untailored !== undefined ? { untailored } : {}) };
  const format = formatOf(file, ['csv', 'xlsx']);
  const bytes = await readInputFile(file);
  if (format === 'xlsx') return unwrap(await fromWorkbook(file, bytes, undefined, (rows) => parseSettingsRows(rows, source, options)), out, file);
  const decoded = decodeText(bytes, file);
  if ('problem' in decoded) throw new InputError([decoded.problem]);
  const rows = parseCsvRows(decoded.text, file);
  return unwrap(rows.ok ? parseSettingsRows(rows.value, source, options) : { ok: false, problems: rows.problems }, out, file);
}
