/** `liujin export oscal`: the catalog as an OSCAL catalog and the run's audit as OSCAL assessment-results. */
import { runAudit, type ExporterModule } from '@liujin/core';
import { OscalOptions, createOscalExporter } from './exporter';

export const liujinExporter: ExporterModule<OscalOptions> = {
  name: 'oscal',
  description: 'OSCAL 1.0.6 documents: the requirement catalog as a catalog, the audit as assessment-results',
  optionsSchema: OscalOptions,
  async *export(context, options) {
    const exporter = createOscalExporter({ lang: context.lang, ...(options as object) });
    // The audit is computed only when assessment-results is asked for.
    const wantsAudit = exporter.options.documents.includes('assessment-results');
    const audit = wantsAudit
      ? await context.activities().then(({ activities, setAside }) =>
          runAudit({ catalog: context.catalog, registry: context.registry, activities, setAside, waivers: context.waivers, year: context.year, asOf: context.asOf, region: context.region }),
        )
      : undefined;
    yield* exporter.export({ catalog: context.catalog, ...(audit ? { audit } : {}), now: context.now });
  },
};
