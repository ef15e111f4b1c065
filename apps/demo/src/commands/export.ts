/**
 * `liujin export <name>`: any installed exporter, by name (BUILTIN_EXPORTERS of @liujin/core, or a
 * package that provides `liujinExporter`), over the inputs every command reads. Without a name it
 * lists the exporters that are installed. The other commands are friendlier shortcuts.
 */
import { BUILTIN_EXPORTERS, ExporterOptionsError, isExporterModule, problem, type ExporterModule } from '@liujin/core';
import { withOutputSet, type WrittenArtefact } from '../output/index';
import { loadActivitiesForAudit, loadCatalog, loadRegistry, loadWaivers } from '../inputs';
import { EXIT, InputError, type GlobalOptions } from '../runtime';
import { readPrevious } from './audit';
import { checkRegion } from './dates';
import { asOfFor, outputFor, parseNow, parseYear } from './common';

/** The exporter a name stands for, or undefined when its package is not installed. */
async function loadExporter(name: string): Promise<ExporterModule | undefined> {
  const specifier = BUILTIN_EXPORTERS[name] ?? (name.includes('/') || name.startsWith('@') ? name : undefined);
  if (specifier === undefined) return undefined;
  let module: Record<string, unknown>;
  try {
    module = (await import(specifier)) as Record<string, unknown>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') return undefined;
    throw error;
  }
  return isExporterModule(module.liujinExporter) ? module.liujinExporter : undefined;
}

/** The built-in exporters whose packages are installed, by name. */
export async function installedExporters(): Promise<ExporterModule[]> {
  const found = await Promise.all(Object.keys(BUILTIN_EXPORTERS).map(loadExporter));
  return found.filter((e): e is ExporterModule => e !== undefined);
}

function parseOptionsJson(value: unknown): unknown {
  if (value === undefined) return {};
  try {
    return JSON.parse(String(value)) as unknown;
  } catch (error) {
    throw new InputError([problem('invalid_option', { zh: `--options：不是有效的 JSON：${(error as Error).message}`, en: `--options: not valid JSON: ${(error as Error).message}` }, { path: ['--options'] })]);
  }
}

export async function runExport(options: Record<string, unknown>, global: GlobalOptions): Promise<number> {
  const out = outputFor(global);
  const name = options.argument as string | undefined;
  if (name === undefined) {
    const exporters = await installedExporters();
    if (global.json) out.data(exporters.map((e) => ({ name: e.name, description: e.description })));
    else for (const e of exporters) out.info(`${e.name.padEnd(12)} ${e.description}`);
    return EXIT.ok;
  }
  const exporter = await loadExporter(name);
  if (!exporter) {
    const known = (await installedExporters()).map((e) => e.name);
    throw new InputError([problem('unknown_exporter', { zh: `未安装导出器「${name}」，已安装：${known.join('、')}`, en: `no exporter "${name}" is installed; installed: ${known.join(', ')}` }, { path: ['name'] })]);
  }
  const exporterOptions = parseOptionsJson(options.options);
  const now = parseNow(options.now);
  const year = parseYear(options.year, now);
  const region = checkRegion(String(options.region));
  const registryFile = options.registry as string | undefined;
  const activitiesFile = options.activities as string | undefined;
  const [catalog, registry] = await Promise.all([loadCatalog(options.catalog as string | undefined, options.tailoring as string | undefined, out, options.settings as string | undefined), loadRegistry(registryFile, out, { sheet: options.sheet as string | undefined })]);
  const waivers = await loadWaivers(options.waivers as string | undefined, out, { catalog, sheet: options.sheet as string | undefined });
  const previous = options.previous !== undefined ? await readPrevious(String(options.previous)) : undefined;
  const context = {
    catalog,
    registry,
    year,
    region,
    asOf: asOfFor(year, options['asOf'], now),
    now,
    lang: out.lang,
    // Without --activities, the sample log goes only with the sample district.
    activities: () => (registryFile !== undefined && activitiesFile === undefined ? Promise.resolve({ activities: [], setAside: [] }) : loadActivitiesForAudit(activitiesFile, year, out)),
    waivers,
    ...(previous !== undefined ? { previous } : {}),
  };
  const inputs = [registryFile, activitiesFile, options.waivers, options.previous, options.catalog, options.tailoring, options.settings] as (string | undefined)[];
  let written: WrittenArtefact[];
  try {
    // Like every command writing into --out: a staged set with a manifest (docs/security.md).
    written = await withOutputSet({ outDir: String(options.out), set: `export:${exporter.name}`, inputs }, out, (sink) => sink.write(exporter.export(context, exporterOptions)));
  } catch (error) {
    // Options the exporter's schema rejects are the user's to fix: exit 2 with every problem.
    if (error instanceof ExporterOptionsError) throw new InputError(error.problems.map((p) => ({ ...p, path: ['--options', ...p.path] })));
    throw error;
  }
  if (global.json) out.data(written.map((w) => ({ path: w.path, bytes: w.bytes })));
  else for (const w of written) out.info(w.file);
  return EXIT.ok;
}
