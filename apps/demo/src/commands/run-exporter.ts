/**
 * The one path from a command to files (issue #16): an installed exporter, by name, over the
 * inputs of a run, written as one staged set with a manifest. `liujin export <name>` uses it, and
 * so do its friendly shortcuts (`calendar`, `templates`, `audit`) and the runs that write several
 * formats (`plan`, `serve`): a shortcut only turns its flags into the exporter's options, so a new
 * exporter needs no command code.
 */
import { BUILTIN_EXPORTERS, ExporterOptionsError, isExporterModule, type Activity, type ExportContext, type ExporterModule, type LocalizedText, type Problem } from '@liujin/core';
import type { StreamedExportContext, StreamedRegistry } from '@liujin/core/plugin';
import type { SetAsideRow } from '@liujin/core/io';
import { withOutputSet, type OutputSet, type WrittenArtefact } from '../output/index';
import { loadActivitiesForAudit, loadCatalog, loadRegistry, loadTowns, loadWaivers } from '../inputs';
import { InputError, type Output } from '../runtime';
import { dateContextFor, type DateContext } from './date-context';
import { asOfFor, parseCount } from './common';

/** The exporter a name stands for, or undefined when its package is not installed. */
export async function loadExporter(name: string): Promise<ExporterModule | undefined> {
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

/** A built-in exporter a shortcut stands for: its package is a dependency of the CLI, so a missing one is a bug (exit 3). */
export async function builtinExporter(name: 'audit' | 'calendar' | 'oscal' | 'templates' | 'worklists'): Promise<ExporterModule> {
  const exporter = await loadExporter(name);
  if (!exporter) throw new Error(`the built-in exporter "${name}" (${BUILTIN_EXPORTERS[name]}) is not installed`);
  return exporter;
}

/** The built-in exporters whose packages are installed, by name. */
export async function installedExporters(): Promise<ExporterModule[]> {
  const found = await Promise.all(Object.keys(BUILTIN_EXPORTERS).map(loadExporter));
  return found.filter((e): e is ExporterModule => e !== undefined);
}

/** What every exporter may read, from the options the commands share (docs/cli.md). */
export interface ContextSettings {
  now: Date;
  year: number;
  /** Last year's audit (`--previous` of `audit` and `export`), already read. */
  previous?: unknown;
  /** Read the activities before anything is written (the audit), rather than when an exporter asks. */
  eagerActivities?: boolean;
}

/** The input files a run reads (whole or as streams): never overwritten by what it writes. */
function inputFiles(options: Record<string, unknown>): (string | undefined)[] {
  return ['registry', 'activities', 'waivers', 'catalog', 'tailoring', 'settings', 'towns', 'holidays', 'regionFile'].map((key) => (options[key] === undefined ? undefined : String(options[key])));
}

/**
 * The run's inputs, read and checked: catalog (tailored), registry (with its towns), waivers
 * against the catalog, region and working days, the date judged as of, and the activities (the
 * sample log goes only with the sample district). Also the input files, never to be overwritten.
 */
export async function exportContext(options: Record<string, unknown>, out: Output, settings: ContextSettings): Promise<{ context: ExportContext; inputs: (string | undefined)[]; dates: DateContext }> {
  const file = (key: string) => (options[key] === undefined ? undefined : String(options[key]));
  const sheet = file('sheet');
  const registryFile = file('registry');
  const activitiesFile = file('activities');
  const { now, year } = settings;
  // Without --activities, the sample log goes only with the sample district.
  const readActivities = () => (registryFile !== undefined && activitiesFile === undefined ? Promise.resolve({ activities: [], setAside: [] }) : loadActivitiesForAudit(activitiesFile, year, out, { sheet }));
  const catalogLoaded = loadCatalog(file('catalog'), file('tailoring'), out, file('settings'));
  const [catalog, registry, activities, waivers] = await Promise.all([
    catalogLoaded,
    loadRegistry(registryFile, out, { sheet, towns: file('towns') }),
    settings.eagerActivities ? readActivities() : undefined,
    // Waivers name requirements: checked against the catalog they apply to.
    catalogLoaded.then((c) => loadWaivers(file('waivers'), out, { catalog: c, sheet })),
  ]);
  const dates = await dateContextFor(options, registry);
  const { region, workdays } = dates;
  let read: ReturnType<typeof readActivities> | undefined = activities && Promise.resolve(activities);
  const context: ExportContext = {
    catalog,
    registry,
    year,
    region,
    workdays,
    asOf: asOfFor(year, options['asOf'], now),
    now,
    lang: out.lang,
    activities: () => (read ??= readActivities()),
    waivers,
    ...(settings.previous !== undefined ? { previous: settings.previous } : {}),
  };
  return { context, inputs: inputFiles(options), dates };
}

/** A JSON Lines file: read as a stream by an exporter that can (a city, a nation need not fit in memory). */
const isJsonLines = (file: string | undefined): boolean => file !== undefined && /\.(jsonl|ndjson)$/i.test(file);

/**
 * The run's inputs read as streams, for an exporter that provides `exportStreamed`: a JSON Lines
 * registry or activity log is streamed (core parses and checks it as it is read, problems exit 2
 * before anything is written), a file in another format is read whole. The catalog, waivers,
 * region and working days are read as for every run.
 */
async function streamedExportContext(options: Record<string, unknown>, out: Output, settings: ContextSettings): Promise<{ context: StreamedExportContext; inputs: (string | undefined)[]; dates: DateContext }> {
  const file = (key: string) => (options[key] === undefined ? undefined : String(options[key]));
  const sheet = file('sheet');
  const registryFile = file('registry');
  const activitiesFile = file('activities');
  const townsFile = file('towns');
  const { now, year } = settings;
  const { streamActivities, streamRegistry } = await import('../stream-inputs');
  const catalog = await loadCatalog(file('catalog'), file('tailoring'), out, file('settings'));
  const waivers = await loadWaivers(file('waivers'), out, { catalog, sheet });
  // A registry in another format is read whole; JSON Lines is streamed.
  let registry: StreamedRegistry;
  if (registryFile !== undefined && isJsonLines(registryFile)) registry = streamRegistry(registryFile, townsFile !== undefined ? await loadTowns(townsFile, out) : undefined);
  else {
    const whole = await loadRegistry(registryFile, out, { sheet, towns: townsFile });
    registry = { district: whole.district, ...(whole.districts ? { districts: whole.districts } : {}), towns: whole.towns, units: () => whole.units };
  }
  const dates = await dateContextFor(options, registry);
  const setAside: SetAsideRow[] = [];
  let activities: AsyncIterable<Activity> | Iterable<Activity>;
  let rereadActivities: (() => AsyncIterable<Activity>) | undefined;
  const threads = parseCount('--threads', options['threads']);
  if (activitiesFile !== undefined && isJsonLines(activitiesFile)) {
    const read = () => streamActivities(activitiesFile, setAside, threads !== undefined ? { threads } : {});
    activities = read();
    // Read again from the start: the rows set aside are found again.
    rereadActivities = () => {
      setAside.length = 0;
      return read();
    };
  }
  // Without --activities, the sample log goes only with the sample district.
  else if (registryFile !== undefined && activitiesFile === undefined) activities = [];
  else {
    const whole = await loadActivitiesForAudit(activitiesFile, year, out, { sheet });
    setAside.push(...whole.setAside);
    activities = whole.activities;
  }
  const context: StreamedExportContext = {
    streamed: true,
    catalog,
    registry,
    year,
    region: dates.region,
    workdays: dates.workdays,
    asOf: asOfFor(year, options['asOf'], now),
    now,
    lang: out.lang,
    activities,
    ...(rereadActivities ? { rereadActivities } : {}),
    setAside,
    waivers,
    ...(settings.previous !== undefined ? { previous: settings.previous } : {}),
    ...(threads !== undefined ? { threads } : {}),
  };
  return { context, inputs: inputFiles(options), dates };
}

/**
 * The inputs of a run for one exporter: read as streams when the exporter can stream and the
 * registry or the activity log is JSON Lines, else read whole. Either way the exporter is run by
 * `exportInto`, and gives the same bytes.
 */
export function runContext(exporter: ExporterModule, options: Record<string, unknown>, out: Output, settings: ContextSettings): Promise<{ context: ExportContext | StreamedExportContext; inputs: (string | undefined)[] }> {
  const streams = exporter.exportStreamed !== undefined && options['registry'] !== undefined && (isJsonLines(String(options['registry'])) || isJsonLines(options['activities'] === undefined ? undefined : String(options['activities'])));
  return streams ? streamedExportContext(options, out, settings) : exportContext(options, out, settings);
}

/** One exporter's run: its context, its options, and how to speak of them to the user. */
export interface ExportRun {
  exporter: ExporterModule;
  /** The inputs read whole, or read as streams (`exportStreamed`, for an exporter that provides it). */
  context: ExportContext | StreamedExportContext;
  /** The exporter's options (`--options` JSON, or what a shortcut's flags say). */
  options: unknown;
  /** The flag of each option a shortcut sets (`alarms` → `--alarms`): problems name it; the rest are under `--options`. */
  flags?: Readonly<Record<string, string>>;
  progress?: { label: LocalizedText; total: number };
}

/** An exporter's problems with its options, named as the user gave them: exit 2 with every problem. */
function optionProblems(problems: readonly Problem[], flags: Readonly<Record<string, string>>): Problem[] {
  return problems.map((p) => {
    const flag = flags[String(p.path[0])];
    return { ...p, path: flag !== undefined ? [flag] : ['--options', ...p.path] };
  });
}

/** Writes an exporter's artefacts into a set that is open (`plan` and `serve` write several formats into one). */
export async function exportInto(sink: OutputSet, run: ExportRun, out: Output): Promise<WrittenArtefact[]> {
  if (run.exporter.folder !== undefined) sink.claimFolder(run.exporter.folder);
  const onWarning: ExportContext['onWarning'] = (warning) => {
    out.warn(warning.message[out.lang]);
    run.context.onWarning?.(warning);
  };
  const progress = run.progress ? out.progress(run.progress.label[out.lang], run.progress.total) : undefined;
  try {
    let artefacts;
    if ('streamed' in run.context) {
      if (!run.exporter.exportStreamed) throw new Error(`the exporter "${run.exporter.name}" cannot read its inputs as streams`);
      // Spill files go into the run's staging folder: removed with it, even after a kill.
      artefacts = run.exporter.exportStreamed({ ...run.context, scratch: sink.scratch, onWarning }, run.options);
    } else artefacts = run.exporter.export({ ...run.context, onWarning }, run.options);
    const written = await sink.write(artefacts, () => progress?.tick());
    progress?.done();
    if ('streamed' in run.context) warnSetAside(run.context.setAside, out);
    return written;
  } catch (error) {
    if (error instanceof ExporterOptionsError) throw new InputError(optionProblems(error.problems, run.flags ?? {}));
    throw error;
  }
}

/** Rows of a streamed activity log set aside (an unknown kind): the first 20 named, the rest counted (all are in the reports). */
function warnSetAside(setAside: readonly SetAsideRow[], out: Output): void {
  for (const row of setAside.slice(0, 20)) out.warn(`${row.file ?? ''}${row.row !== undefined ? `:${row.row}` : ''}: ${out.lang === 'zh' ? `未知的活动类型「${row.kind}」，列为未匹配` : `unknown activity kind "${row.kind}", listed as unmatched`}`);
  if (setAside.length > 20) out.warn(out.lang === 'zh' ? `另有 ${setAside.length - 20} 行活动类型未知，见 audit.json` : `${setAside.length - 20} more rows of unknown kind: see audit.json`);
}

/** `liujin export <name>` and its shortcuts: one exporter's artefacts as one staged set in `--out` (docs/security.md). */
export function exportToFolder(run: ExportRun & { outDir: string; set?: string; inputs: readonly (string | undefined)[] }, out: Output): Promise<WrittenArtefact[]> {
  return withOutputSet({ outDir: run.outDir, set: run.set ?? run.exporter.name, inputs: run.inputs }, out, (sink) => exportInto(sink, run, out));
}
