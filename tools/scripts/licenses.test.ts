import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REVIEWED_EXCEPTIONS, ROOT, SHIPPED_FONTS, collectLicences, isAllowed, renderLicencesMarkdown } from './licenses';

describe('licences', () => {
  const entries = collectLicences();

  it('finds the production dependencies and no dev tools', () => {
    const names = new Set(entries.map((e) => e.name));
    for (const name of ['zod', 'json-rules-engine', 'pdfkit', 'ical-generator', 'fflate']) expect(names.has(name), name).toBe(true);
    for (const name of ['vitest', 'typescript', 'nx', 'eslint']) expect(names.has(name), name).toBe(false);
  });

  it('ships only licences compatible with MIT (fonts: OFL-1.1)', () => {
    expect(entries.filter((e) => !isAllowed(e.license) && !(`${e.name}@${e.version}` in REVIEWED_EXCEPTIONS))).toEqual([]);
  });

  it('lists every font face @liujin/fonts-noto-sc ships, and the OFL text ships with them', () => {
    const copy = readFileSync(join(ROOT, 'packages/fonts-noto-sc/scripts/copy-fonts.mjs'), 'utf8');
    const shipped = [...copy.matchAll(/'([\w-]+\.ttf)'/g)].map((m) => m[1]);
    expect(shipped.sort()).toEqual(SHIPPED_FONTS.map((f) => f.file).sort());
    expect(copy).toContain("'OFL.txt'");
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

describe('supply chain', () => {
  it('json-rules-engine uses a jsonpath-plus past its code-execution advisories (>= 10.3.0)', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'node_modules/jsonpath-plus/package.json'), 'utf8')) as { version: string };
    const [major, minor] = pkg.version.split('.').map(Number) as [number, number];
    expect(major > 10 || (major === 10 && minor >= 3)).toBe(true);
  });
});
