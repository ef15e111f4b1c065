/**
 * The commit journal (docs/security.md "Output folders"): a switch that stops after any number
 * of renames (a crash, a full disk) is finished by the next run, which then finds one whole set.
 * `rename` is made to fail after N calls, so every point of the switch is tried.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type * as FsPromises from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';
import { OutputSet, withOutputSet } from '../src/output/index';
import { createOutput } from '../src/runtime';
import { tempDir } from './helpers';

const budget = vi.hoisted(() => ({ left: Number.POSITIVE_INFINITY }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>();
  return {
    ...actual,
    rename: async (from: string, to: string) => {
      if (budget.left-- <= 0) throw Object.assign(new Error('simulated crash'), { code: 'ESIMULATED' });
      return actual.rename(from, to);
    },
  };
});

const out = createOutput({ lang: 'en', quiet: true, json: false });
const OLD = { 'audit/audit.json': 'json 1', 'audit/audit.csv': 'csv 1', 'audit/report.html': 'html 1', 'audit/junit.xml': 'junit 1' };
const NEW = { 'audit/audit.json': 'json 2', 'audit/audit.csv': 'csv 2', 'audit/report.html': 'html 2', 'audit/summary.md': 'md 2' };

const write = (dir: string, entries: Record<string, string>, options: { claim?: boolean; links?: boolean } = {}) =>
  withOutputSet({ outDir: dir, set: 'audit', inputs: [], ...(options.links === false ? { symlink: noLinks } : {}) }, out, (sink) => {
    if (options.claim) sink.claimFolder('audit');
    return sink.write(Object.entries(entries).map(([path, content]) => ({ path, content })));
  });
const noLinks = async () => {
  throw Object.assign(new Error('function not implemented'), { code: 'ENOSYS' });
};

function reportSet(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(join(dir, 'audit')).sort().map((name) => [`audit/${name}`, readFileSync(join(dir, 'audit', name), 'utf8')]));
}

const sorted = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).sort());

describe('a switch stopped at any rename', () => {
  // Renames: commit.json -> journal, 4 files, the manifest = 6; stopping at 0..6 covers each step.
  for (let stopAfter = 0; stopAfter <= 6; stopAfter++) {
    it(`after ${stopAfter} renames ends, at the next run, in exactly one whole set`, async () => {
      const dir = tempDir();
      await write(dir, OLD);
      budget.left = stopAfter;
      const failed = await write(dir, NEW).then(
        () => false,
        () => true,
      );
      budget.left = Number.POSITIVE_INFINITY;
      if (!failed) return expect(sorted(reportSet(dir))).toEqual(sorted(NEW));
      const journalled = existsSync(join(dir, '.liujin-commit.json'));
      if (!journalled) expect(sorted(reportSet(dir))).toEqual(sorted(OLD));
      // The next run (any command writing there) first finishes or drops the interrupted switch.
      const next = await OutputSet.open({ outDir: dir, set: 'other', inputs: [] });
      await next.abort();
      expect(sorted(reportSet(dir))).toEqual(sorted(journalled ? NEW : OLD));
      expect(readdirSync(dir).filter((n) => n.startsWith('.liujin')).sort()).toEqual(['.liujin-manifest.json']);
      const manifest = JSON.parse(readFileSync(join(dir, '.liujin-manifest.json'), 'utf8')) as { files: { path: string }[] };
      expect(manifest.files.map((f) => f.path).sort()).toEqual(Object.keys(journalled ? NEW : OLD).sort());
    });
  }
});

describe('a claimed folder switched by its link, stopped at any rename', () => {
  // Renames: the staged folder into .liujin-sets, commit.json -> journal, the link over audit/, the manifest = 4.
  for (let stopAfter = 0; stopAfter <= 4; stopAfter++) {
    it(`after ${stopAfter} renames audit/ is one whole set at once, without a recovery run`, async () => {
      const dir = tempDir();
      await write(dir, OLD, { claim: true });
      budget.left = stopAfter;
      const failed = await write(dir, NEW, { claim: true }).then(
        () => false,
        () => true,
      );
      budget.left = Number.POSITIVE_INFINITY;
      expect(failed).toBe(stopAfter < 4);
      const journalled = existsSync(join(dir, '.liujin-commit.json'));
      // The link switch is the third rename: before it the old set, from it the new one, journal or not.
      expect(sorted(reportSet(dir))).toEqual(sorted(stopAfter >= 3 ? NEW : OLD));
      const next = await OutputSet.open({ outDir: dir, set: 'other', inputs: [] });
      await next.abort();
      expect(sorted(reportSet(dir))).toEqual(sorted(journalled || stopAfter >= 3 ? NEW : OLD));
      // One set and its marker are left in .liujin-sets, nothing else of liujin's but the manifest.
      expect(readdirSync(join(dir, '.liujin-sets'))).toHaveLength(2);
      expect(readdirSync(dir).filter((n) => n.startsWith('.liujin')).sort()).toEqual(['.liujin-manifest.json', '.liujin-sets']);
    });
  }

  it('the first switch of a folder an older liujin wrote: stopped between its two renames, the next run finishes it', async () => {
    const dir = tempDir();
    await write(dir, OLD, { claim: true, links: false });
    // Renames: staged folder, commit.json, audit/ into .liujin-sets (then the kill), the link.
    budget.left = 3;
    await expect(write(dir, NEW, { claim: true })).rejects.toThrow('simulated crash');
    budget.left = Number.POSITIVE_INFINITY;
    expect(existsSync(join(dir, 'audit'))).toBe(false);
    const next = await OutputSet.open({ outDir: dir, set: 'other', inputs: [] });
    await next.abort();
    expect(sorted(reportSet(dir))).toEqual(sorted(NEW));
    expect(readdirSync(join(dir, '.liujin-sets'))).toHaveLength(2);
  });
});
