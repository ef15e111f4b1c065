/**
 * writer.ts and draw.ts rely on pdfkit 0.20's internals (its reference objects, _write, _finalize,
 * the per-font layout cache and the text operators it writes): a pdfkit outside 0.20 must be
 * checked against them before it is allowed in. The files they write are checked by qpdf,
 * pdffonts, pdftotext, mupdf and pdf.js in the other tests.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);

describe('pdfkit internals', () => {
  it('the installed pdfkit is 0.20.x, the version writer.ts and draw.ts were written against', () => {
    const manifest = JSON.parse(readFileSync(join(dirname(require.resolve('pdfkit')), '..', 'package.json'), 'utf8')) as { version: string };
    expect(manifest.version).toMatch(/^0\.20\.\d+$/);
    const declared = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> }).dependencies.pdfkit;
    expect(declared).toMatch(/^~0\.20\./);
  });
});
