/**
 * `liujin worklist`: what each town (or one unit) must do as of a date — overdue, due in the next
 * 30 and 90 days, later, done recently — from the audit of the same inputs (docs/worklists.md).
 * A shortcut over `liujin export worklists` (the exporter of @liujin/audit/worklists); also written
 * by `audit` (as of its date) and `plan` (as of 1 January) into worklists/, from their audit.
 */
import { buildWorklists, problem, WORKLIST_WINDOWS, type AuditResult, type Registry, type WorklistInput } from '@liujin/core';
import type { WorklistFormat } from '@liujin/audit';
import { type OutputSet, type WrittenArtefact } from '../output/index';
import { EXIT, InputError, type GlobalOptions, type Output } from '../runtime';
import { builtinExporter, exportContext, exportToFolder } from './run-exporter';
import { asOfFor, outputFor, parseNow, parseYear } from './common';

/** What `writeWorklists` needs: what core builds the lists from (one town or unit, or all), and where they go. */
export interface WorklistRun extends Pick<WorklistInput, 'audit' | 'catalog' | 'registry' | 'activities' | 'town' | 'unit' | 'windows'> {
  formats?: WorklistFormat[];
  sink: OutputSet;
  now: Date;
}

/** Builds the work lists of an audit and writes them into worklists/ of the run's set. */
export async function writeWorklists(run: WorklistRun, out: Output): Promise<WrittenArtefact[]> {
  const { createWorklistExporter } = await import('@liujin/audit');
  const worklists = buildWorklists({ audit: run.audit, catalog: run.catalog, registry: run.registry, activities: run.activities, ...(run.town !== undefined ? { town: run.town } : {}), ...(run.unit !== undefined ? { unit: run.unit } : {}), ...(run.windows ? { windows: run.windows } : {}) });
  const exporter = createWorklistExporter({ lang: out.lang, ...(run.formats ? { formats: run.formats } : {}) });
  run.sink.claimFolder('worklists');
  return run.sink.write(exporter.export({ worklists, now: run.now }));
}

function bad(option: string, zh: string, en: string): never {
  throw new InputError([problem('invalid_option', { zh: `${option}：${zh}`, en: `${option}: ${en}` }, { path: [option] })]);
}

function parseDays(option: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d{1,3}$/.test(String(value)) || n < 1 || n > 366) bad(option, `「${String(value)}」应为 1 至 366 的天数`, `"${String(value)}" must be a number of days from 1 to 366`);
  return n;
}

async function parseWorklistFormats(value: unknown): Promise<WorklistFormat[]> {
  const known: readonly string[] = (await import('@liujin/audit')).WorklistFormat.options;
  const list = value === undefined ? [...known] : String(value).split(',').map((f) => f.trim()).filter(Boolean);
  const unknown = list.filter((f) => !known.includes(f));
  if (unknown.length > 0 || list.length === 0) bad('--format', `未知格式 ${unknown.join('、')}（可用：${known.join('、')}）`, `unknown ${unknown.join(', ')} (use ${known.join(', ')})`);
  return [...new Set(list)] as WorklistFormat[];
}

/** `--town` / `--unit`: an id of the registry (a town also by its name), else exit 2 naming the ids. */
function checkScope(registry: Registry, town: string | undefined, unit: string | undefined): void {
  if (town !== undefined && unit !== undefined) bad('--unit', '--town 与 --unit 只能给出一个', 'give --town or --unit, not both');
  const check = (option: string, value: string | undefined, ids: readonly string[], what: { zh: string; en: string }) => {
    if (value === undefined || ids.includes(value)) return;
    // A district's towns are few: list them; units are many: point at the registry.
    const listed = ids.length <= 30 ? ids : [];
    bad(option, `登记表中没有${what.zh}编号「${value}」${listed.length > 0 ? `（可用：${listed.join('、')}）` : '（见登记表的编号列）'}`, `no ${what.en} id "${value}" in the registry${listed.length > 0 ? ` (use ${listed.join(', ')})` : ' (see the id column of the registry)'}`);
  };
  // A town by its id or its name (core's buildWorklists takes either); the message lists the ids.
  if (town === undefined || !registry.towns.some((t) => t.name === town || t.nameEn === town)) check('--town', town, registry.towns.map((t) => t.id), { zh: '街镇', en: 'town' });
  check('--unit', unit, registry.units.map((u) => u.id), { zh: '单位', en: 'unit' });
}

export async function runWorklist(options: Record<string, unknown>, global: GlobalOptions): Promise<number> {
  const out = outputFor(global);
  const now = parseNow(options.now);
  const year = parseYear(options.year, now);
  const asOf = asOfFor(year, options['asOf'], now);
  const formats = await parseWorklistFormats(options.format);
  const windows = {
    soonDays: parseDays('--soon-days', options['soonDays'], WORKLIST_WINDOWS.soonDays),
    horizonDays: parseDays('--horizon-days', options['horizonDays'], WORKLIST_WINDOWS.horizonDays),
    recentDays: parseDays('--recent-days', options['recentDays'], WORKLIST_WINDOWS.recentDays),
  };
  if (windows.horizonDays < windows.soonDays) bad('--horizon-days', '应不小于 --soon-days', 'must not be less than --soon-days');
  const registryFile = options.registry as string | undefined;
  const activitiesFile = options.activities as string | undefined;
  if ((registryFile === undefined) !== (activitiesFile === undefined)) {
    throw new InputError([
      problem('invalid_option', { zh: '--registry 与 --activities 须同时给出（都不给则使用示例区）', en: '--registry and --activities go together (give neither for the sample district)' }, { path: ['--activities'] }),
    ]);
  }
  const unit = options.unit as string | undefined;
  const { context, inputs } = await exportContext(options, out, { now, year, eagerActivities: true });
  const { catalog, registry } = context;
  const town = options.town as string | undefined;
  checkScope(registry, town, unit);
  const outDir = String(options.out);
  // A shortcut over `liujin export worklists`: the flags become the exporter's options.
  let audit: AuditResult | undefined;
  const written = await exportToFolder(
    {
      exporter: await builtinExporter('worklists'),
      context: { ...context, onAudit: (result) => (audit = result) },
      options: { formats, ...(town !== undefined ? { town } : {}), ...(unit !== undefined ? { unit } : {}), ...windows },
      flags: { formats: '--format', town: '--town', unit: '--unit', soonDays: '--soon-days', horizonDays: '--horizon-days', recentDays: '--recent-days' },
      outDir,
      inputs,
    },
    out,
  );
  if (audit === undefined) throw new Error('the worklists exporter did not report its audit');
  const { activities } = await context.activities();
  if (global.json) {
    const json = buildWorklists({ audit, catalog, registry, activities, ...(town !== undefined ? { town } : {}), ...(unit !== undefined ? { unit } : {}), windows });
    out.data({
      year,
      asOf,
      out: outDir,
      files: written.map((w) => w.path),
      lists: json.lists.map((l) => ({ scope: l.scope, id: l.id, name: l.name, units: l.units, overdue: l.overdue.length, dueSoon: l.dueSoon.length, dueLater: l.dueLater.length, laterThisYear: l.laterThisYear.length, recent: l.recent.length })),
    });
    return EXIT.ok;
  }
  if (registry.district.synthetic) out.info(out.color.yellow(out.lang === 'zh' ? '注意：示例区为虚构数据，仅供演示。' : 'Note: the sample district is synthetic data, for demonstration only.'));
  for (const w of written) out.info(w.file);
  return EXIT.ok;
}
