/** `liujin export audit` (and its shortcut `liujin audit`): the audit of the run's inputs, judged as of its date, in every format asked for. */
import type { z } from 'zod';
import type { ExporterModule } from '@liujin/core';
import { auditOfContext, withDefaults } from '@liujin/core/plugin';
import { AuditOptions, createAuditExporter } from './exporter';
import { createStreamedAuditExporter } from './stream';

/** The audit reports as an installed exporter: `liujin export audit` (BUILTIN_EXPORTERS of @liujin/core). */
export const liujinExporter: ExporterModule<AuditOptions> = {
  name: 'audit',
  description: 'Coverage audit reports: JSON, CSV, XLSX, self-contained HTML, Markdown and JUnit XML',
  optionsSchema: AuditOptions,
  // The reports are one set: none of an earlier run stays beside them.
  folder: 'audit',
  async *export(context, options) {
    const exporter = createAuditExporter(withDefaults({ lang: context.lang }, options) as z.input<typeof AuditOptions>);
    yield* exporter.export({ audit: await auditOfContext(context), now: context.now });
  },
  // Inputs read as streams (JSON Lines of a city, a nation): the same reports, in bounded memory;
  // records and reports spill into the run's scratch folder.
  async *exportStreamed(context, options) {
    const exporter = createStreamedAuditExporter(withDefaults({ lang: context.lang }, options) as z.input<typeof AuditOptions>, { ...(context.scratch !== undefined ? { tempDir: context.scratch } : {}), ...(context.threads !== undefined ? { threads: context.threads } : {}) });
    const { registry } = context;
    yield* exporter.export({
      catalog: context.catalog,
      district: registry.district,
      ...(registry.districts ? { districts: registry.districts } : {}),
      towns: registry.towns,
      units: registry.units,
      activities: context.activities,
      ...(context.rereadActivities ? { rereadActivities: context.rereadActivities } : {}),
      waivers: context.waivers,
      // Filled while the activities are read; the audit reads it after them.
      setAside: context.setAside,
      year: context.year,
      asOf: context.asOf,
      // The region and working days as data, not an evaluator: worker threads make their own.
      region: context.region,
      ...(context.workdays ? { workdays: context.workdays } : {}),
      ...(context.previous !== undefined ? { previous: context.previous } : {}),
      now: context.now,
      ...(context.onAudit ? { onAudit: context.onAudit } : {}),
    });
  },
};
