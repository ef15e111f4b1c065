/**
 * CLI cold start: `liujin --help` against a bare `node` start in the same run, so the ratio
 * shows what our start-up adds (heavy modules must load only when a command needs them).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Measurement, Workload } from '../types';
import { median } from '../stats';

const bin = fileURLToPath(new URL('../../../../apps/demo/bin/liujin.js', import.meta.url));

function time(args: string[]): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export const cliWorkload: Workload = {
  id: 'cli',
  title: 'CLI cold start (`liujin --help`)',
  async run({ quick }) {
    const runs = quick ? 5 : 15;
    const baseline: number[] = [];
    const ours: number[] = [];
    time(['-e', '']); // warm the file cache once
    time([bin, '--help']);
    for (let i = 0; i < runs; i++) {
      baseline.push(time(['-e', '']));
      ours.push(time([bin, '--help']));
    }
    const measurements: Measurement[] = [
      { name: 'cli cold start', variant: 'liujin --help', medianMs: median(ours), items: 1, itemLabel: 'start' },
      { name: 'cli cold start', variant: 'baseline: node -e ""', medianMs: median(baseline), items: 1, itemLabel: 'start' },
    ];
    return measurements;
  },
};
