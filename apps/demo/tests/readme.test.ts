import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, expect, it, vi } from 'vitest';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const dir = fileURLToPath(new URL('./.tmp-readme/', import.meta.url));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('runs the README embedding example as written', async () => {
  const section = readme.slice(readme.indexOf('## Embedding'));
  const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  expect(code, 'README has a ```ts block under ## Embedding').toBeDefined();
  expect(code!.trim().split('\n').length).toBeLessThanOrEqual(10);
  mkdirSync(dir, { recursive: true });
  const file = `${dir}example.ts`;
  writeFileSync(file, code!);
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  await import(pathToFileURL(file).href);
  const [count, , paths] = log.mock.calls[0] as [number, string, string[]];
  log.mockRestore();
  expect(count).toBeGreaterThan(100);
  expect(paths).toContain('calendars/district.ics');
});
