/**
 * Reads the user's input files (registry, activities, waivers, catalog, tailoring) by extension
 * and hands their bytes to the packages' parsers. Every problem comes back at once as an
 * InputError naming file, row and column.
 */
import { extname } from 'node:path';
import {
  QINGPU_2024_CATALOG,
  parseActivitiesFile,
  parseActivityRows,
  parseCatalog,
  parseRegistryFile,
  parseUnitsTable,
  parseWaiversFile,
  problem,
  sampleActivities,
  sampleRegistry,
  tailorCatalog,
  decodeText,
  formatProblem,
  type Activity,
  type Catalog,
  type ParseResult,
  type Problem,
  type Registry,
  type Waiver,
} from '@liujin/core';
import { readInputFile } from './files';
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

function unwrap<T>(result: ParseResult<T>, out: WarningSink | undefined): T {
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (!result.ok || errors.length > 0) {
    const error = new InputError(errors.length > 0 ? errors : result.problems);
    if (!result.ok && result.partial !== undefined) error.partial = result.partial;
    throw error;
  }
  for (const warning of result.problems) {
    if (Array.isArray(out)) out.push(warning);
    else out?.warn(formatProblem(warning, out.lang));
  }
  return result.value;
}

async function xlsxRows(bytes: Uint8Array): Promise<unknown[][]> {
  const { readWorkbookRows } = await import('@liujin/audit');
  return readWorkbookRows(bytes);
}

/** The registry from a file, or the embedded synthetic sample district when none is given. */
export async function loadRegistry(file: string | undefined, out?: WarningSink): Promise<Registry> {
  if (file === undefined) return sampleRegistry();
  const format = formatOf(file, ['json', 'jsonl', 'csv', 'xlsx']);
  const bytes = await readInputFile(file);
  if (format === 'xlsx') return unwrap(parseUnitsTable(await xlsxRows(bytes), { file }), out);
  return unwrap(parseRegistryFile({ file, bytes, format }), out);
}

export async function loadActivities(file: string | undefined, year: number, out?: WarningSink): Promise<Activity[]> {
  if (file === undefined) return sampleActivities(year);
  const format = formatOf(file, ['json', 'jsonl', 'csv', 'xlsx']);
  const bytes = await readInputFile(file);
  if (format === 'xlsx') return unwrap(parseActivityRows(await xlsxRows(bytes), { file }), out);
  return unwrap(parseActivitiesFile({ file, bytes, format }), out);
}

export interface SetAsideRow {
  unitId: string;
  kind: string;
  date: string;
  file?: string;
  row?: number;
  /** The row's own 记录编号, kept in the unmatched list. */
  id?: string;
}

/**
 * Activities for an audit: rows whose only problem is an unknown kind are set aside (and listed
 * by the audit as unmatched) instead of stopping the run; every other problem still stops it.
 */
export async function loadActivitiesForAudit(file: string | undefined, year: number, out?: WarningSink): Promise<{ activities: Activity[]; setAside: SetAsideRow[] }> {
  if (file === undefined) return { activities: sampleActivities(year), setAside: [] };
  const format = formatOf(file, ['json', 'jsonl', 'csv', 'xlsx']);
  const bytes = await readInputFile(file);
  const result = format === 'xlsx' ? parseActivityRows(await xlsxRows(bytes), { file, unknownKinds: 'set-aside' }) : parseActivitiesFile({ file, bytes, format }, { unknownKinds: 'set-aside' });
  const setAside = result.problems
    .filter((p) => p.severity === 'warning' && p.code === 'unknown_kind' && p.data)
    .map((p) => ({ unitId: p.data!.unitId ?? '', kind: p.data!.kind ?? '', date: p.data!.date ?? '', ...(p.data!.id ? { id: p.data!.id } : {}), ...(p.file ? { file: p.file } : {}), ...(p.row !== undefined ? { row: p.row } : {}) }));
  return { activities: unwrap(result, out), setAside };
}

export async function loadWaivers(file: string | undefined, out?: WarningSink): Promise<Waiver[]> {
  if (file === undefined) return [];
  const format = formatOf(file, ['json', 'jsonl', 'csv']);
  return unwrap(parseWaiversFile({ file, bytes: await readInputFile(file), format: format as 'json' | 'jsonl' | 'csv' }), out);
}

async function readJson(file: string): Promise<unknown> {
  const decoded = decodeText(await readInputFile(file), file);
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

/** The built-in catalog, or a custom one, optionally tailored. */
export async function loadCatalog(catalogFile: string | undefined, tailoringFile: string | undefined, out?: WarningSink): Promise<Catalog> {
  let catalog = QINGPU_2024_CATALOG;
  if (catalogFile !== undefined) {
    formatOf(catalogFile, ['json']);
    catalog = unwrap(parseCatalog(await readJson(catalogFile), { file: catalogFile }), out);
  }
  if (tailoringFile !== undefined) {
    formatOf(tailoringFile, ['json']);
    const tailoring = await readJson(tailoringFile);
    const result = tailorCatalog(catalog, tailoring);
    catalog = unwrap({ ...result, problems: result.problems.map((p) => ({ ...p, file: p.file ?? tailoringFile })) } as ParseResult<Catalog>, out);
  }
  return catalog;
}
