import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REVIEWED_EXCEPTIONS, ROOT, collectLicences, isAllowed, renderLicencesMarkdown } from './licenses';

describe('licences', () => {
  const entries = collectLicences();

  it('finds the production dependencies and no dev tools', () => {
    const names = new Set(entries.map((e) => e.name));
    for (const name of ['zod', 'json-rules-engine', 'pdfkit', 'ical-generator', 'exceljs']) expect(names.has(name), name).toBe(true);
    for (const name of ['vitest', 'typescript', 'nx', 'eslint']) expect(names.has(name), name).toBe(false);
  });

  it('ships only licences compatible with MIT (fonts: OFL-1.1)', () => {
    expect(entries.filter((e) => !isAllowed(e.license) && !(`${e.name}@${e.version}` in REVIEWED_EXCEPTIONS))).toEqual([]);
  });

  it('judges licence expressions', () => {
    expect(isAllowed('(MIT AND Zlib)')).toBe(true);
    expect(isAllowed('(MIT OR GPL-3.0-or-later)')).toBe(true);
    expect(isAllowed('GPL-3.0-only')).toBe(false);
    expect(isAllowed('MIT AND GPL-3.0-only')).toBe(false);
  });

  it('docs/licenses.md is current (regenerate with `npm run licenses -w @liujin/scripts`)', () => {
    expect(readFileSync(join(ROOT, 'docs/licenses.md'), 'utf8')).toBe(renderLicencesMarkdown(entries));
  });
});
