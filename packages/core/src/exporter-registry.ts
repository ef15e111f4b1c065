/**
 * The registry of exporters (docs/plugins.md): a name to the package that provides it, loaded
 * only when used, as unstorage maps driver names to modules (`builtinDrivers`). Core names the
 * packages but imports none of them; a package provides its exporter as the named export
 * `liujinExporter` (an `ExporterModule`), which builds its own input from the run's inputs, so
 * `liujin export <name>` needs no code per format.
 */
import type { z } from 'zod';
import type { Artefact } from './exporter';
import type { AuditResult } from './audit/schema';
import { runAudit } from './audit/run-audit';
import type { RegionProfile } from './model/key-date';
import type { WorkdayCalendar } from './dates/workdays';
import type { SetAsideRow } from './io/json-lines';
import type { Activity } from './model/activity';
import type { Waiver } from './model/evaluation';
import type { Catalog } from './model/requirement';
import type { LocalizedText, Lang } from './model/text';
import type { Registry, Unit } from './model/unit';
import { createEvaluator, type Evaluator } from './rules/evaluate';

/**
 * Something an exporter tells its user while it runs without stopping (a character printed as the
 * fallback 〓, issue #21): a code, the message in zh/en, and the details as plain fields (for `--json`).
 */
export interface ExportWarning {
  readonly code: string;
  readonly message: LocalizedText;
  readonly detail?: Readonly<Record<string, string>>;
}

/** The inputs of a run, already read and checked: what any exporter may build its input from. */
export interface ExportContext {
  catalog: Catalog;
  registry: Registry;
  year: number;
  /** A built-in region profile's id, or a profile read from a file (`--region-file`). */
  region: string | RegionProfile;
  /** Working days (official holidays and make-up workdays); default: the bundled data. */
  workdays?: WorkdayCalendar;
  /** The date work is judged as of (`defaultAsOf` unless given). */
  asOf: string;
  /** The timestamp written into generated files: same input and `now`, same bytes. */
  now: Date;
  lang: Lang;
  /** Activity records, read only when an exporter asks (those that judge work). */
  activities: () => Promise<{ activities: Activity[]; setAside: SetAsideRow[] }>;
  waivers: readonly Waiver[];
  /** Last year's audit (parsed JSON), for the change. */
  previous?: unknown;
  /** Told of the audit an exporter computed (`auditOfContext`): the CLI's verdict and exit code come from it. */
  onAudit?: (audit: AuditResult) => void;
  /** Told of every warning as it happens. */
  onWarning?: (warning: ExportWarning) => void;
}

/**
 * A registry read as a stream (a JSON Lines file of a city or a nation): its district and towns,
 * and its units, which may be read more than once (the same units in the same order each time).
 */
export interface StreamedRegistry {
  district: Registry['district'];
  /** Every district of a city office's registry (two or more). */
  districts?: Registry['districts'];
  towns: Registry['towns'];
  /** The units in registry order; each call reads them again from the start. */
  units: () => AsyncIterable<Unit> | Iterable<Unit>;
}

/**
 * The inputs of a run too large for memory, read as streams: the same as {@link ExportContext}
 * but the registry's units and the activity records arrive one by one. The CLI gives it to an
 * exporter that provides `exportStreamed` when the registry or the activity log is JSON Lines.
 */
export interface StreamedExportContext extends Omit<ExportContext, 'registry' | 'activities'> {
  /** Tells a streamed context from a whole one. */
  readonly streamed: true;
  registry: StreamedRegistry;
  /** Activity records in any order; read once. */
  activities: AsyncIterable<Activity> | Iterable<Activity>;
  /**
   * The same records read again from the start (the CLI gives it for a file; `setAside` is filled
   * anew): an exporter may read the log twice instead of spilling it, as the audit does for a chunk
   * of units a record comes back to after the log had left it.
   */
  rereadActivities?: () => AsyncIterable<Activity> | Iterable<Activity>;
  /** Rows set aside while the activities are read (an unknown kind): complete once they are read to the end. */
  setAside: readonly SetAsideRow[];
  /** A folder for the exporter's temporary files (removed with the run, even after a kill); default: the system's. */
  scratch?: string;
  /** Worker threads the exporter may use (default: its own choice, one per core); 1: this thread only. Never changes its bytes. */
  threads?: number;
}

/**
 * The region an audit judges with: a built-in region by id as it is; a profile read from a file or
 * working days of the run reach the evaluator through an evaluator built with them.
 */
export function auditRegion(catalog: Catalog, region: string | RegionProfile, workdays?: WorkdayCalendar): { region: string; evaluator?: Evaluator } {
  if (typeof region === 'string' && workdays === undefined) return { region };
  return { region: typeof region === 'string' ? region : region.id, evaluator: createEvaluator(catalog, { region, engine: 'compiled', ...(workdays ? { workdays } : {}) }) };
}

/**
 * The audit of a run's inputs, the one way every exporter that judges work computes it (audit
 * reports, OSCAL assessment-results): a region profile or working days of the run reach the
 * evaluator; `onAudit` is told of the result.
 */
export async function auditOfContext(context: ExportContext, options: { previous?: boolean } = {}): Promise<AuditResult> {
  const { activities, setAside } = await context.activities();
  const audit = await runAudit({
    catalog: context.catalog,
    registry: context.registry,
    activities,
    setAside,
    waivers: context.waivers,
    year: context.year,
    asOf: context.asOf,
    ...auditRegion(context.catalog, context.region, context.workdays),
    ...(options.previous !== false && context.previous !== undefined ? { previous: context.previous } : {}),
  });
  context.onAudit?.(audit);
  return audit;
}

/** An installed exporter: its name, what it writes, its options and every artefact it gives for a run. */
export interface ExporterModule<Options = unknown> {
  readonly name: string;
  readonly description: string;
  readonly optionsSchema: z.ZodType<Options>;
  /**
   * The folder its artefacts go in when that folder is one report set: files an earlier run wrote
   * there that this run does not write again are removed with the switch (e.g. `audit`, `calendars`).
   */
  readonly folder?: string;
  /** Every artefact of this format for the run's inputs; `options` are validated (ExporterOptionsError). */
  export(context: ExportContext, options?: unknown): AsyncIterable<Artefact>;
  /**
   * The same artefacts, byte for byte, for inputs read as streams, in bounded memory (a city, a
   * nation): only an exporter that can work through its inputs one unit at a time provides it
   * (the audit does). The CLI calls it when the registry or the activity log is JSON Lines.
   */
  exportStreamed?(context: StreamedExportContext, options?: unknown): AsyncIterable<Artefact>;
}

/** The built-in exporters: name → the package (or package entry) whose `liujinExporter` it is. */
export const BUILTIN_EXPORTERS: Readonly<Record<string, string>> = {
  audit: '@liujin/audit',
  calendar: '@liujin/calendar',
  oscal: '@liujin/oscal',
  templates: '@liujin/pdf',
  worklists: '@liujin/audit/worklists',
};

/** True when a module's export has the shape of an `ExporterModule`. */
export function isExporterModule(value: unknown): value is ExporterModule {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.name === 'string' && typeof v.description === 'string' && typeof v.export === 'function' && typeof v.optionsSchema === 'object' && (v.exportStreamed === undefined || typeof v.exportStreamed === 'function');
}
