/** Validators from NIST's published OSCAL 1.0.6 JSON schemas (an independent check of our output). */
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS: its function is the default export under Node's ESM interop.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function compile(file: string): ValidateFunction {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(new URL(`./schemas/${file}`, import.meta.url), 'utf8')) as object);
}

const catalogSchema = compile('oscal_catalog_schema.json');
const resultsSchema = compile('oscal_assessment-results_schema.json');

const explain = (errors: ErrorObject[] | null | undefined) => (errors ?? []).slice(0, 10).map((e) => `${e.instancePath} ${e.message ?? ''}`);

/** The schema's complaints about a catalog document (empty when it validates). */
export function catalogErrors(document: unknown): string[] {
  return catalogSchema(document) ? [] : explain(catalogSchema.errors);
}

export function assessmentResultsErrors(document: unknown): string[] {
  return resultsSchema(document) ? [] : explain(resultsSchema.errors);
}
