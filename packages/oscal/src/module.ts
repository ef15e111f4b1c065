/** `liujin export oscal`: the catalog as an OSCAL catalog and the run's audit as OSCAL assessment-results. */
import type { z } from 'zod';
import type { ExporterModule } from '@liujin/core';
import { auditOfContext, withDefaults } from '@liujin/core/plugin';
import { OscalOptions, createOscalExporter } from './exporter';

/** The OSCAL documents as an installed exporter: `liujin export oscal`. */
export const liujinExporter: ExporterModule<OscalOptions> = {
  name: 'oscal',
  description: 'OSCAL 1.0.6 documents: the requirement catalog as a catalog, the audit as assessment-results',
  optionsSchema: OscalOptions,
  folder: 'oscal',
  async *export(context, options) {
    const exporter = createOscalExporter(withDefaults({ lang: context.lang }, options) as z.input<typeof OscalOptions>);
    // The audit is computed only when assessment-results is asked for; last year's change is not part of it.
    const audit = exporter.options.documents.includes('assessment-results') ? await auditOfContext(context, { previous: false }) : undefined;
    yield* exporter.export({ catalog: context.catalog, ...(audit ? { audit } : {}), now: context.now });
  },
};
