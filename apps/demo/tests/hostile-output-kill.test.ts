/**
 * `kill -9` in the middle of an audit (issue #14 §1): the built CLI is killed at several points
 * of a run on a district large enough to take a few seconds; after each kill `audit/` and
 * `worklists/` each hold exactly the complete set of one run, byte for byte, never files of two
 * runs, with no recovery run needed (each is a link switched by one rename, docs/security.md).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputSet } from '../src/output/index';
import { bin, tempDir } from './helpers';

const UNITS = 1_000;
const env = { ...process.env, NO_COLOR: '1', LANG: 'zh_CN.UTF-8', SOURCE_DATE_EPOCH: '1790000000' };
const args = (dir: string, activities: string, out: string) => ['audit', '--year', '2026', '--as-of', '2026-12-31', '--registry', join(dir, 'registry.csv'), '--activities', join(dir, activities), '--out', out, '--quiet'];

/** The run's set: the audit reports and the work lists written with them (docs/worklists.md). */
function reports(out: string, folders: readonly string[] = ['audit', 'worklists']): Record<string, string> {
  return Object.fromEntries(
    folders.flatMap((folder) => {
      const dir = join(out, folder);
      if (!existsSync(dir)) return [];
      return readdirSync(dir).sort().map((name) => [`${folder}/${name}`, readFileSync(join(dir, name)).toString('base64')]);
    }),
  );
}

describe('kill -9 during an audit', () => {
  it('leaves either the complete previous report set or the complete new one, at every point', async () => {
    const dir = tempDir();
    const rows = Array.from({ length: UNITS }, (_, i) => `sch-${String(i).padStart(6, '0')},示例学校${i},学校,朱家角镇`);
    writeFileSync(join(dir, 'registry.csv'), ['编号,名称,类型,街镇', ...rows].join('\n'));
    const activities = (parity: number) => ['单位编号,活动类型,日期,标题', ...rows.filter((_, i) => i % 2 === parity).map((r) => `${r.split(',')[0]},编制疏散方案,2026-03-10,方案`)].join('\n');
    writeFileSync(join(dir, 'a.csv'), activities(0));
    writeFileSync(join(dir, 'b.csv'), activities(1));

    // The two complete sets, each from an uninterrupted run.
    const started = Date.now();
    for (const [file, out] of [['a.csv', 'ref-a'], ['b.csv', 'ref-b']] as const) {
      const r = spawnSync(process.execPath, [bin, ...args(dir, file, join(dir, out))], { env, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(1); // targets not met: a normal audit answer
    }
    const duration = (Date.now() - started) / 2;
    const sets = { a: reports(join(dir, 'ref-a')), b: reports(join(dir, 'ref-b')) };
    const folderSets = (folder: string) => [reports(join(dir, 'ref-a'), [folder]), reports(join(dir, 'ref-b'), [folder])];
    expect(Object.keys(sets.a)).toEqual(['audit/audit.csv', 'audit/audit.json', 'audit/audit.xlsx', 'audit/junit.xml', 'audit/report.html', 'audit/summary.md', 'audit/targets.csv', 'worklists/worklists.html', 'worklists/worklists.json', 'worklists/worklists.md', 'worklists/worklists.xlsx']);
    expect(sets.a['audit/audit.json']).not.toBe(sets.b['audit/audit.json']);

    const work = join(dir, 'work');
    expect(spawnSync(process.execPath, [bin, ...args(dir, 'a.csv', work)], { env }).status).toBe(1);
    expect(lstatSync(join(work, 'audit')).isSymbolicLink()).toBe(true);
    let killedMidway = 0;
    let killedAfterCommit = 0;
    const setCount = () => readdirSync(join(work, '.liujin-sets')).length;
    // Fractions of a run's duration; the moment a new set appears in .liujin-sets (before the
    // commit point); the moment the commit record appears (inside the switch).
    const points: (number | 'set' | 'commit')[] = [0.3, 0.6, 'set', 'commit', 'commit'];
    for (const [i, point] of points.entries()) {
      const child = spawn(process.execPath, [bin, ...args(dir, i % 2 === 0 ? 'b.csv' : 'a.csv', work)], { env, stdio: 'ignore' });
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
      if (point === 'commit' || point === 'set') {
        const sets = setCount();
        const until = Date.now() + duration * 3;
        const reached = () => (point === 'commit' ? existsSync(join(work, '.liujin-commit.json')) : setCount() > sets);
        while (!reached() && Date.now() < until && child.exitCode === null) await new Promise((r) => setImmediate(r));
      } else await new Promise((r) => setTimeout(r, duration * point));
      child.kill('SIGKILL');
      if ((await exited) === 'SIGKILL') killedMidway++;

      const visible = reports(work);
      const journal = existsSync(join(work, '.liujin-commit.json'));
      if (process.env.LIUJIN_KILL_LOG) process.stderr.write(`kill ${i} at ${point}: ${journal ? 'after the commit point' : 'before it'}; ${Object.keys(visible).length} reports visible\n`);
      if (journal) killedAfterCommit++;
      // Each claimed folder is one whole set at every instant, with no recovery run.
      for (const folder of ['audit', 'worklists']) expect(folderSets(folder), `${folder}/ after kill ${i}`).toContainEqual(reports(work, [folder]));
      // Before the commit point, the whole previous set; inside the switch audit/ may already be new while worklists/ is not yet.
      if (!journal) expect([sets.a, sets.b], `after kill ${i}`).toContainEqual(visible);
      // A kill after the commit point: the next run (here its first step, in process) finishes the switch.
      const next = await OutputSet.open({ outDir: work, set: 'check', inputs: [] });
      await next.abort();
      expect([sets.a, sets.b], `after kill ${i}, recovered`).toContainEqual(reports(work));
      expect(readdirSync(work).filter((n) => n !== 'audit' && n !== 'worklists').sort()).toEqual(['.liujin-manifest.json', '.liujin-sets']);
      // Orphan sets of the killed run are gone: the two linked sets and their markers remain.
      expect(setCount(), `sets after kill ${i}`).toBe(4);
    }
    expect(killedMidway).toBeGreaterThanOrEqual(3);
    if (process.env.LIUJIN_KILL_LOG) process.stderr.write(`killed mid-way ${killedMidway}, after the commit point ${killedAfterCommit}\n`);
  }, 180_000);
});
