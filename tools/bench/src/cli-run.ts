/** Runs the built CLI in a plain Node process and returns its wall time, peak memory and garbage-collection time. */
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const runner = fileURLToPath(new URL('./rss-run.mjs', import.meta.url));

export interface CliRun {
  ms: number;
  peakRssBytes: number;
  /** Time the garbage collector took (PerformanceObserver 'gc' entries). */
  gcMs: number;
  /** CPU time of the process, user and system, every thread. */
  cpuMs: number;
}

function parse(stderr: string, status: number | null, args: string[], ms: number): CliRun {
  const peak = /LIUJIN_PEAK_RSS (\d+)/.exec(stderr)?.[1];
  const gc = /LIUJIN_GC_MS ([\d.]+)/.exec(stderr)?.[1];
  const cpu = /LIUJIN_CPU_MS ([\d.]+)/.exec(stderr)?.[1];
  if (status !== 0 && status !== 1) throw new Error(`liujin ${args.join(' ')} exited ${status}: ${stderr.slice(-2000)}`);
  if (!peak) throw new Error('no peak memory reported');
  return { ms, peakRssBytes: Number(peak), gcMs: Number(gc ?? 0), cpuMs: Number(cpu ?? 0) };
}

export function runCli(args: string[]): CliRun {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [runner, ...args], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return parse(result.stderr, result.status, args, ms);
}

/**
 * The same run under `--trace-gc-nvp`, adding up what V8 says it allocated between collections
 * (`allocated=`): the bytes the run allocated, short of what it allocated after the last
 * collection. The trace slows the run: its time is not reported.
 */
export async function allocatedBytes(args: string[]): Promise<number> {
  const child = spawn(process.execPath, ['--trace-gc-nvp', runner, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  let allocated = 0;
  for await (const line of createInterface({ input: child.stdout })) {
    const m = / allocated=(\d+)/.exec(line);
    if (m) allocated += Number(m[1]);
  }
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  parse(stderr, status, args, 0);
  return allocated;
}
