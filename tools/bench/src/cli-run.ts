/** Runs the built CLI in a plain Node process and returns its wall time and peak memory. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const runner = fileURLToPath(new URL('./rss-run.mjs', import.meta.url));

export function runCli(args: string[]): { ms: number; peakRssBytes: number } {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [runner, ...args], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const peak = /LIUJIN_PEAK_RSS (\d+)/.exec(result.stderr)?.[1];
  if (result.status !== 0 && result.status !== 1) throw new Error(`liujin ${args.join(' ')} exited ${result.status}: ${result.stderr.slice(-2000)}`);
  if (!peak) throw new Error('no peak memory reported');
  return { ms, peakRssBytes: Number(peak) };
}
