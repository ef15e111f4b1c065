/** The OSCAL exporter (the Exporter contract of @liujin/core): catalog.json and assessment-results.json. */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { Lang, type Artefact, type Catalog, type Exporter } from '@liujin/core';
import { resolveExporterOptions } from '@liujin/core/plugin';
import { auditToOscal, OscalInputError } from './assessment-results';
import type { AuditResult } from '@liujin/core';
import { catalogToOscal } from './catalog';
import { DEFAULT_PROPERTY_NAMESPACE } from './ids';

/** The documents the exporter can write. */
export const OscalDocument = z.enum(['catalog', 'assessment-results']);
/** One of the documents the exporter can write. */
export type OscalDocument = z.infer<typeof OscalDocument>;

/** Options of the OSCAL exporter (zod schema; defaults: both documents, Chinese, liujin's property namespace). */
export const OscalOptions = z
  .object({
    /** Which documents to write; assessment-results needs an audit in the input. */
    documents: z.array(OscalDocument).min(1).default(['catalog', 'assessment-results']),
    lang: Lang.default('zh'),
    /** Namespace URI of liujin's props; an office may use its own (it also seeds the UUIDs). */
    namespace: z.url().default(DEFAULT_PROPERTY_NAMESPACE),
  })
  .strict();
/** The OSCAL exporter's options, defaults filled in. */
export type OscalOptions = z.output<typeof OscalOptions>;

/** What the OSCAL exporter reads: the catalog as used, optionally an audit, and the timestamp. */
export interface OscalExportInput {
  /** The catalog as used (tailored or not): the audit must have been judged against it. */
  catalog: Catalog;
  /** The audit to write as assessment-results (from `runAudit`). */
  audit?: AuditResult;
  /** Written as `last-modified`: the same input, the same bytes. */
  now: Date;
}

/** Where the documents go, relative to the output folder. */
export const OSCAL_PATHS = { catalog: 'oscal/catalog.json', 'assessment-results': 'oscal/assessment-results.json' } as const;
const MEDIA_TYPES = { catalog: 'application/oscal.catalog+json', 'assessment-results': 'application/oscal.assessment-results+json' } as const;

/** Two-space JSON with a final newline: what a reviewer diffs. */
export function serializeOscal(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** Creates the OSCAL exporter: the catalog as an OSCAL catalog, an audit as OSCAL assessment-results. */
export function createOscalExporter(options?: z.input<typeof OscalOptions>): Exporter<OscalExportInput, OscalOptions> {
  const resolved = resolveExporterOptions('oscal', OscalOptions, options);
  return {
    name: 'oscal',
    description: 'OSCAL 1.0.6 documents: the requirement catalog as a catalog, an audit as assessment-results',
    optionsSchema: OscalOptions,
    options: resolved,
    async *export({ catalog, audit, now }: OscalExportInput): AsyncIterable<Artefact> {
      const documents = new Set(resolved.documents);
      if (documents.has('assessment-results') && audit === undefined) {
        throw new OscalInputError('assessment-results needs an audit: pass `audit`, or ask only for the catalog');
      }
      const settings = { lang: resolved.lang, now, namespace: resolved.namespace };
      // The catalog is rendered even when only assessment-results are asked for: they cite its hash.
      const catalogJson = serializeOscal(catalogToOscal(catalog, settings));
      if (documents.has('catalog')) yield { path: OSCAL_PATHS.catalog, mediaType: MEDIA_TYPES.catalog, content: catalogJson };
      if (documents.has('assessment-results') && audit !== undefined) {
        const catalogDocument = { href: 'catalog.json', sha256: createHash('sha256').update(catalogJson).digest('hex') };
        yield { path: OSCAL_PATHS['assessment-results'], mediaType: MEDIA_TYPES['assessment-results'], content: serializeOscal(auditToOscal(audit, catalog, { ...settings, catalogDocument })) };
      }
    },
  };
}
