/**
 * The table harness of the hostile-input corpora (hostile-input*.test.ts): each case is a file
 * checked by `liujin validate --json` as a user would run it. It either ends with exit 2 and the
 * named problems (file, row, column; `says`: text the message must hold) or exit 0 with exact
 * counts and the listed warnings; never a stack trace, never exit 3, every message in zh and en.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { liujinAsync, tempDir } from './helpers';

interface Where {
  code?: string;
  severity?: 'error' | 'warning';
  row?: number;
  column?: string;
}

export interface CorpusCase {
  name: string;
  role: 'registry' | 'activities' | 'waivers' | 'catalog';
  /** File name as the user would have it; the extension picks the reader. */
  file: string;
  content: string | Uint8Array | (() => string | Uint8Array | Promise<string | Uint8Array>);
  /** A registry other than the corpus's good one, for activity and waiver cases. */
  registry?: { file: string; content: string };
  args?: string[];
  expect: { problems: (Where & { says?: string })[]; total?: number } | { counts: Record<string, number>; warnings?: Where[] };
}

export const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

/** Runs every case concurrently against `registry` (a good CSV registry), with `args` added to each run. */
export function runCorpus(label: string, cases: readonly CorpusCase[], settings: { registry: string; args?: readonly string[] }): void {
  describe(label, () => {
    const dir = tempDir('liujin-corpus-');
    const registry = join(dir, 'registry.csv');
    writeFileSync(registry, settings.registry);

    it.concurrent.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
      const file = join(dir, c.file);
      writeFileSync(file, typeof c.content === 'function' ? await c.content() : c.content);
      let registryFile = registry;
      if (c.registry) {
        registryFile = join(dir, c.registry.file);
        writeFileSync(registryFile, c.registry.content);
      }
      const args = ['validate', '--json', ...(settings.args ?? []), '--registry', c.role === 'registry' ? file : registryFile, ...(c.args ?? [])];
      if (c.role !== 'registry') args.push(`--${c.role}`, file);
      const r = await liujinAsync(args);
      expect(r.stderr, 'no stack trace').not.toMatch(STACK_LINE);
      expect(r.status, r.stderr).not.toBe(3);
      const report = JSON.parse(r.stdout) as { ok: boolean; counts?: Record<string, number>; problems: (Where & { file?: string; message: { zh: string; en: string } })[] };
      for (const p of report.problems) {
        expect(p.message.zh.length, 'a message in Chinese').toBeGreaterThan(0);
        expect(p.message.en.length, 'and in English').toBeGreaterThan(0);
        expect(`${p.message.zh}${p.message.en}`).not.toContain('[object Object]');
      }
      if ('problems' in c.expect) {
        expect(r.status).toBe(2);
        expect(report.ok).toBe(false);
        for (const { says, ...want } of c.expect.problems) {
          const found = report.problems.find((p) => Object.entries(want).every(([k, v]) => p[k as keyof Where] === v) && p.severity === 'error' && (p.file === file || p.file === registryFile));
          expect(found, `${JSON.stringify(want)} in ${JSON.stringify(report.problems.slice(0, 5))}`).toBeDefined();
          if (says !== undefined) expect(found!.message.zh + found!.message.en).toContain(says);
        }
        if (c.expect.total !== undefined) expect(report.problems.length).toBe(c.expect.total);
      } else {
        expect(r.status, JSON.stringify(report.problems)).toBe(0);
        expect(report.counts).toEqual(c.expect.counts);
        expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
        for (const want of c.expect.warnings ?? []) expect(report.problems).toContainEqual(expect.objectContaining({ file, severity: 'warning', ...want }));
        // No outside-year warning beyond the ones listed.
        if (c.expect.warnings) expect(report.problems.filter((p) => p.severity === 'warning' && p.code === 'outside_year').length).toBe(c.expect.warnings.filter((w) => w.code === 'outside_year').length);
      }
    });
  });
}
