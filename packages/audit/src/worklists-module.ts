/**
 * The work lists as an installed exporter: `liujin export worklists` (and its shortcut
 * `liujin worklist`), what each town or unit must do as of the run's date (docs/worklists.md).
 * @module @liujin/audit/worklists
 */
import { z } from 'zod';
import { buildWorklists, ExporterOptionsError, problem, WORKLIST_WINDOWS, type ExporterModule } from '@liujin/core';
import { auditOfContext, resolveExporterOptions, withDefaults, WorklistScopeError } from '@liujin/core/plugin';
import { createWorklistExporter, WorklistOptions } from './worklist';

const days = z.number().int().min(1).max(366);

/**
 * Options of `liujin export worklists`: those of the work-list exporter, one town or one unit
 * (default: every town), and the windows in days (defaults: `WORKLIST_WINDOWS` of @liujin/core).
 */
export const WorklistModuleOptions = WorklistOptions.extend({
  town: z.string().min(1).optional(),
  unit: z.string().min(1).optional(),
  soonDays: days.optional(),
  horizonDays: days.optional(),
  recentDays: days.optional(),
}).strict();
/** The options of `liujin export worklists` with defaults filled in. */
export type WorklistModuleOptions = z.output<typeof WorklistModuleOptions>;

/** The work lists of the run's audit, in every format asked for, into `worklists/`. */
export const liujinExporter: ExporterModule<WorklistModuleOptions> = {
  name: 'worklists',
  description: 'Work lists per town and unit: overdue, due soon, later, done recently (JSON, XLSX, Markdown, HTML)',
  optionsSchema: WorklistModuleOptions,
  // The lists are one set: none of an earlier run stays beside them.
  folder: 'worklists',
  async *export(context, options) {
    const { town, unit, soonDays, horizonDays, recentDays, ...listOptions } = resolveExporterOptions('worklists', WorklistModuleOptions, withDefaults({ lang: context.lang }, options));
    const windows = { ...(soonDays !== undefined ? { soonDays } : {}), ...(horizonDays !== undefined ? { horizonDays } : {}), ...(recentDays !== undefined ? { recentDays } : {}) };
    if ((horizonDays ?? WORKLIST_WINDOWS.horizonDays) < (soonDays ?? WORKLIST_WINDOWS.soonDays)) {
      throw new ExporterOptionsError('worklists', [problem('invalid_option', { zh: 'horizonDays 应不小于 soonDays', en: 'horizonDays must not be less than soonDays' }, { path: ['horizonDays'] })]);
    }
    // Last year's audit is not read: the lists look ahead from this year's.
    const audit = await auditOfContext(context, { previous: false });
    const { activities } = await context.activities();
    let worklists;
    try {
      worklists = buildWorklists({ audit, catalog: context.catalog, registry: context.registry, activities, ...(town !== undefined ? { town } : {}), ...(unit !== undefined ? { unit } : {}), ...(Object.keys(windows).length > 0 ? { windows } : {}) });
    } catch (error) {
      if (!(error instanceof WorklistScopeError)) throw error;
      throw new ExporterOptionsError('worklists', [problem('invalid_option', { zh: `没有这个范围：${error.message}`, en: `no such scope: ${error.message}` }, { path: [unit !== undefined ? 'unit' : 'town'] })]);
    }
    yield* createWorklistExporter(listOptions).export({ worklists, now: context.now });
  },
};
