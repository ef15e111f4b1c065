/**
 * The one path from a command to files (issue #16): an installed exporter, by name, over the
 * inputs of a run, written as one staged set with a manifest. `liujin export <name>` uses it, and
 * so do its friendly shortcuts (`calendar`, `templates`, `audit`) and the runs that write several
 * formats (`plan`, `serve`): a shortcut only turns its flags into the exporter's options, so a new
 * exporter needs no command code.
 */
import { BUILTIN_EXPORTERS, ExporterOptionsError, isExporterModule, type ExportContext, type ExporterModule, type LocalizedText, type Problem } from '@liujin/core';
import { withOutputSet, type OutputSet, type WrittenArtefact } from '../output/index';
import { loadActivitiesForAudit, loadCatalog, loadRegistry, loadWaivers } from '../inputs';
import { InputError, type Output } from '../runtime';
import { dateContextFor, type DateContext } from './date-context';
import { asOfFor } from './common';

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
export async function builtinExporter(name: 'audit' | 'calendar' | 'oscal' | 'templates'): Promise<ExporterModule> {
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
  const inputs = [registryFile, activitiesFile, file('waivers'), file('catalog'), file('tailoring'), file('settings'), file('towns'), file('holidays'), file('regionFile')];
  return { context, inputs, dates };
}

/** One exporter's run: its context, its options, and how to speak of them to the user. */
export interface ExportRun {
  exporter: ExporterModule;
  context: ExportContext;
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
  const context: ExportContext = {
    ...run.context,
    onWarning: (warning) => {
      out.warn(warning.message[out.lang]);
      run.context.onWarning?.(warning);
    },
  };
  const progress = run.progress ? out.progress(run.progress.label[out.lang], run.progress.total) : undefined;
  try {
    const written = await sink.write(run.exporter.export(context, run.options), () => progress?.tick());
    progress?.done();
    return written;
  } catch (error) {
    if (error instanceof ExporterOptionsError) throw new InputError(optionProblems(error.problems, run.flags ?? {}));
    throw error;
  }
}

/** `liujin export <name>` and its shortcuts: one exporter's artefacts as one staged set in `--out` (docs/security.md). */
export function exportToFolder(run: ExportRun & { outDir: string; set?: string; inputs: readonly (string | undefined)[] }, out: Output): Promise<WrittenArtefact[]> {
  return withOutputSet({ outDir: run.outDir, set: run.set ?? run.exporter.name, inputs: run.inputs }, out, (sink) => exportInto(sink, run, out));
}
