/** `liujin export audit`: the audit of the run's inputs, judged as of its date, in every format asked for. */
import { runAudit, type ExporterModule } from '@liujin/core';
import { AuditOptions, createAuditExporter } from './exporter';

export const liujinExporter: ExporterModule<AuditOptions> = {
  name: 'audit',
  description: 'Coverage audit reports: JSON, CSV, XLSX, self-contained HTML, Markdown and JUnit XML',
  optionsSchema: AuditOptions,
  async *export(context, options) {
    const exporter = createAuditExporter({ lang: context.lang, ...(options as object) });
    const { activities, setAside } = await context.activities();
    const audit = await runAudit({ catalog: context.catalog, registry: context.registry, activities, setAside, waivers: context.waivers, year: context.year, asOf: context.asOf, region: context.region, ...(context.previous !== undefined ? { previous: context.previous } : {}) });
    yield* exporter.export({ audit, now: context.now });
  },
};
