/** `liujin export audit` (and its shortcut `liujin audit`): the audit of the run's inputs, judged as of its date, in every format asked for. */
import type { z } from 'zod';
import type { ExporterModule } from '@liujin/core';
import { auditOfContext, withDefaults } from '@liujin/core/plugin';
import { AuditOptions, createAuditExporter } from './exporter';

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
};
