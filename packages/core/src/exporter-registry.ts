/**
 * The registry of exporters (docs/plugins.md): a name to the package that provides it, loaded
 * only when used, as unstorage maps driver names to modules (`builtinDrivers`). Core names the
 * packages but imports none of them; a package provides its exporter as the named export
 * `liujinExporter` (an `ExporterModule`), which builds its own input from the run's inputs, so
 * `liujin export <name>` needs no code per format.
 */
import type { z } from 'zod';
import type { Artefact } from './exporter';
import type { SetAsideRow } from './io/json-lines';
import type { Activity } from './model/activity';
import type { Waiver } from './model/evaluation';
import type { Catalog } from './model/requirement';
import type { Lang } from './model/text';
import type { Registry } from './model/unit';

/** The inputs of a run, already read and checked: what any exporter may build its input from. */
export interface ExportContext {
  catalog: Catalog;
  registry: Registry;
  year: number;
  region: string;
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
}

/** An installed exporter: its name, what it writes, its options and every artefact it gives for a run. */
export interface ExporterModule<Options = unknown> {
  readonly name: string;
  readonly description: string;
  readonly optionsSchema: z.ZodType<Options>;
  /** Every artefact of this format for the run's inputs; `options` are validated (ExporterOptionsError). */
  export(context: ExportContext, options?: unknown): AsyncIterable<Artefact>;
}

/** The built-in exporters: name → the package whose `liujinExporter` it is. */
export const BUILTIN_EXPORTERS: Readonly<Record<string, string>> = {
  audit: '@liujin/audit',
  calendar: '@liujin/calendar',
  oscal: '@liujin/oscal',
  templates: '@liujin/pdf',
};

/** True when a module's export has the shape of an `ExporterModule`. */
export function isExporterModule(value: unknown): value is ExporterModule {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.name === 'string' && typeof v.description === 'string' && typeof v.export === 'function' && typeof v.optionsSchema === 'object';
}
