import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { liujin, tempDir, liujinAsync } from './helpers';

// NIST's published OSCAL 1.0.6 schemas, kept with the OSCAL plugin's tests.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
function validator(file: string) {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(new URL(`../../../packages/oscal/tests/schemas/${file}`, import.meta.url), 'utf8')) as object);
}

describe('liujin export oscal', () => {
  const out = tempDir();
  const r = liujin(['export', 'oscal', '--year', '2026', '--as-of', '2026-09-30', '--out', out, '--json']);

  it('writes the catalog and the assessment results of the sample district, valid OSCAL 1.0.6', async () => {
    expect(r.status, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { path: string }[]).map((f) => f.path)).toEqual(['oscal/catalog.json', 'oscal/assessment-results.json']);
    const catalog = JSON.parse(readFileSync(join(out, 'oscal/catalog.json'), 'utf8')) as unknown;
    const results = JSON.parse(readFileSync(join(out, 'oscal/assessment-results.json'), 'utf8')) as { 'assessment-results': { results: { end: string }[]; metadata: { remarks: string } } };
    const validCatalog = validator('oscal_catalog_schema.json');
    const validResults = validator('oscal_assessment-results_schema.json');
    expect(validCatalog(catalog), JSON.stringify(validCatalog.errors?.slice(0, 3))).toBe(true);
    expect(validResults(results), JSON.stringify(validResults.errors?.slice(0, 3))).toBe(true);
    expect(results['assessment-results'].results[0]!.end).toBe('2026-09-30T23:59:59+08:00');
    expect(results['assessment-results'].metadata.remarks).toContain('示例');
  });

  it('gives the same bytes for the same input and SOURCE_DATE_EPOCH', async () => {
    const again = tempDir();
    expect((await liujinAsync(['export', 'oscal', '--year', '2026', '--as-of', '2026-09-30', '--out', again])).status).toBe(0);
    for (const file of ['oscal/catalog.json', 'oscal/assessment-results.json']) {
      expect(readFileSync(join(again, file)).equals(readFileSync(join(out, file))), file).toBe(true);
    }
  });

  it('refuses an unknown exporter and bad options as bad input (exit 2)', async () => {
    expect((await liujinAsync(['export', 'xml', '--out', tempDir()])).status).toBe(2);
    const bad = await liujinAsync(['export', 'oscal', '--as-of', '2026-02-30', '--out', tempDir(), '--lang', 'en']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--as-of');
  });
});
