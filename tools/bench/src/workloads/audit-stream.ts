/**
 * Audit streamed end to end, at several sizes (10k, 100k, 1M units x 10 activities by default):
 * JSON Lines registry and activity log on disk (written first, untimed), then `liujin audit` on
 * them in a plain Node process, with the default formats (the default threads, and up to 100k
 * units once more with the other choice of `--threads`) and with the summary formats only (md,
 * html, junit), and from 100k on with the summary formats on a log in another order (every unit's
 * first record, then every second...: the path of a log kept by date, held and spilled, where the
 * generator's own order, unit by unit, is judged as it is read). Baseline, in the same run and at each size: reading both files line by
 * line with JSON.parse and nothing else, the least any streamed audit must do. Each row reports
 * the ratio to that baseline, peak memory, the garbage collector's time and, at the smallest size,
 * the bytes allocated per unit (a run under --trace-gc-nvp).
 *
 * LIUJIN_BENCH_STREAM_SIZES=10000,100000 changes the sizes (LIUJIN_BENCH_NATION, the old
 * variable, gives one size).
 */
import { createReadStream, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { defaultThreads } from '@liujin/audit';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { allocatedBytes, runCli } from '../cli-run';
import { writeInterleavedJsonl, writeSyntheticJsonl } from '../synthetic';
import type { Measurement, Workload } from '../types';

async function readLines(file: string): Promise<number> {
  let n = 0;
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) if (line) n += (JSON.parse(line) as object) ? 1 : 0;
  return n;
}

function sizes(quick: boolean): number[] {
  const list = process.env.LIUJIN_BENCH_STREAM_SIZES ?? process.env.LIUJIN_BENCH_NATION ?? (quick ? '2000,20000' : '10000,100000,1000000');
  return list.split(',').map((s) => Number(s.trim())).filter((n) => Number.isSafeInteger(n) && n > 0);
}

const label = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : String(n));

/** The activity total the summary reports, to check the run audited every record. */
function auditedTotal(dir: string): number {
  const md = readFileSync(join(dir, 'summary.md'), 'utf8');
  const m = /活动记录: (\d+)/.exec(md);
  if (!m) throw new Error('no activity total in summary.md');
  return Number(m[1]);
}

export const auditStreamWorkload: Workload = {
  id: 'audit-stream',
  title: 'Audit streamed from JSON Lines: units x 10 activities, default and summary formats',
  async run({ quick }) {
    const measurements: Measurement[] = [];
    for (const [index, count] of sizes(quick).entries()) {
      const dir = mkdtempSync(join(tmpdir(), 'liujin-bench-stream-'));
      try {
        const files = writeSyntheticJsonl(dir, count, 10, 2026);
        const name = `audit streamed ${label(count)}`;
        const start = performance.now();
        const cpuStart = process.cpuUsage();
        const lines = (await readLines(files.registry)) + (await readLines(files.activities));
        const baselineMs = performance.now() - start;
        const cpu = process.cpuUsage(cpuStart);
        const baselineCpuMs = (cpu.user + cpu.system) / 1000;
        measurements.push({ name, variant: 'baseline: read and JSON.parse every line', medianMs: baselineMs, items: count, itemLabel: 'unit', extra: { lines, 'input MB': Math.round(files.bytes / 1e6), 'CPU s': (baselineCpuMs / 1000).toFixed(1) } });
        const args = (out: string, formats?: string, log = files.activities) => ['audit', '--year', '2026', '--as-of', '2026-11-28', '--now', '2026-11-28T00:00:00Z', '--registry', files.registry, '--activities', log, '--out', out, '--quiet', ...(formats ? ['--format', formats] : [])];
        // The default threads (one below 4 cores: defaultThreads of @liujin/audit), and, up to 100k
        // units, the other choice in the same run: one thread per core when the default is one,
        // else one thread, to show what worker threads give on this machine.
        const cores = availableParallelism();
        const other = defaultThreads() === 1 ? String(cores) : '1';
        // The generator writes each unit's records together, in registry order, which the audit
        // judges as it reads; a log in another order (each unit's records spread through it, as
        // a log kept by date) is held and spilled: measured too, in the summary formats.
        const interleaved = count >= 100_000 ? writeInterleavedJsonl(dir, count, 10, 2026).activities : undefined;
        const variants: [string, string | undefined, string | undefined, string | undefined][] = [
          ['liujin audit, default formats', undefined, undefined, undefined],
          ...(count <= 100_000 && cores > 1 ? [[`liujin audit, default formats, --threads ${other}`, undefined, other, undefined] as [string, undefined, string, undefined]] : []),
          ['liujin audit, summary formats (md, html, junit)', 'md,html,junit', undefined, undefined],
          ...(interleaved ? [['liujin audit, summary formats, log not grouped by unit (records interleaved)', 'md,html,junit', undefined, interleaved] as [string, string, undefined, string]] : []),
        ];
        for (const [variant, formats, threads, log] of variants) {
          const out = join(dir, log ? 'interleaved' : formats ? 'summary' : threads ? 'one-thread' : 'default');
          const cli = [...args(out, formats, log), ...(threads ? ['--threads', threads] : [])];
          const run = runCli(cli);
          const total = auditedTotal(join(out, 'audit'));
          if (total !== count * 10) throw new Error(`expected ${count * 10} activities, audited ${total}`);
          const written = readdirSync(join(out, 'audit')).reduce((n, f) => n + statSync(join(out, 'audit', f)).size, 0);
          // CPU time and its ratio to the baseline's: what a shared machine's load moves least.
          const extra: Record<string, number | string> = { 'CPU s': (run.cpuMs / 1000).toFixed(1), 'CPU vs baseline': `${(run.cpuMs / baselineCpuMs).toFixed(2)}x`, 'units/s': Math.round((count / run.ms) * 1000), 'GC share': `${Math.round((run.gcMs / run.ms) * 100)}%`, 'output MB': Math.round(written / 1e6), files: readdirSync(join(out, 'audit')).sort().join(' ') };
          // Allocation: one more run under the GC trace, at the smallest size only.
          if (index === 0 && process.env.LIUJIN_BENCH_ALLOC !== '0') {
            rmSync(out, { recursive: true, force: true });
            extra['KB allocated/unit'] = Math.round((await allocatedBytes(cli)) / count / 1024);
          }
          measurements.push({ name, variant, medianMs: run.ms, items: count, itemLabel: 'unit', peakRssBytes: run.peakRssBytes, extra });
          rmSync(out, { recursive: true, force: true });
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    return measurements;
  },
};
