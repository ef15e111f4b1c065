/**
 * Runs every ```ts block of the guides that promise runnable examples, exactly as written.
 * (```typescript blocks are excerpts and signatures, not run.)
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';

const dir = fileURLToPath(new URL('./.tmp-docs/', import.meta.url));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const GUIDES = ['plugins.md', 'embedding.md'];

describe.each(GUIDES)('docs/%s examples', (guide) => {
  const text = readFileSync(new URL(`../../../docs/${guide}`, import.meta.url), 'utf8');
  const blocks = [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);

  it('has runnable examples', () => expect(blocks.length).toBeGreaterThan(0));

  it.each(blocks.map((code, i) => [i + 1, code] as const))('example %i runs and prints what it promises', async (i, code) => {
    mkdirSync(dir, { recursive: true });
    const file = `${dir}${guide.replace('.md', '')}-${i}.ts`;
    writeFileSync(file, code);
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      await import(pathToFileURL(file).href);
      expect(log).toHaveBeenCalled();
      // Each example prints `true` (or values) for what it checks; none prints `false`.
      for (const call of log.mock.calls) expect(call).not.toContain(false);
    } finally {
      log.mockRestore();
    }
  });
});
