/**
 * Audit of a city or a nation, streamed end to end: JSON Lines registry and activity log on disk
 * (written first, untimed), read, evaluated chunk by chunk and written in every format, as
 * `liujin audit` does for .jsonl inputs. Baseline: reading the same files line by line with
 * JSON.parse and nothing else, the least any streamed audit must do. Run as `liujin audit` on
 * the .jsonl files in a plain Node process.
 */
import { createReadStream, mkdtempSync, openSync, readSync, readdirSync, rmSync, statSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { runCli } from '../cli-run';
import { writeSyntheticJsonl } from '../synthetic';
import type { Measurement, Workload } from '../types';

async function readLines(file: string): Promise<number> {
  let n = 0;
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) if (line) n += (JSON.parse(line) as object) ? 1 : 0;
  return n;
}

/** The `"activities": {...}` totals near the end of a (possibly huge) audit.json. */
async function readTail(file: string): Promise<string> {
  const size = statSync(file).size;
  const fd = openSync(file, 'r');
  try {
    // The totals come before the unmatched list, which may be long: search backwards in steps.
    for (let span = 1 << 20; ; span *= 4) {
      const length = Math.min(size, span);
      const buffer = Buffer.alloc(length);
      readSync(fd, buffer, 0, length, size - length);
      const text = buffer.toString('utf8');
      const m = /\n {2}"activities": (\{[^}]*\})/.exec(text);
      if (m) return m[1]!;
      if (length === size) throw new Error('no activity totals in audit.json');
    }
  } finally {
    closeSync(fd);
  }
}

export const auditStreamWorkload: Workload = {
  id: 'audit-stream',
  title: 'Audit streamed from JSON Lines: units x 10 activities, all formats',
  async run({ quick }) {
    const count = quick ? 20_000 : Number(process.env.LIUJIN_BENCH_NATION ?? 1_000_000);
    const dir = mkdtempSync(join(tmpdir(), 'liujin-bench-stream-'));
    try {
      const files = writeSyntheticJsonl(dir, count, 10, 2026);
      const start = performance.now();
      const lines = (await readLines(files.registry)) + (await readLines(files.activities));
      const baselineMs = performance.now() - start;
      // The user's command, in a plain Node process: time and peak memory of the whole run.
      const out = join(dir, 'out');
      const run = runCli(['audit', '--year', '2026', '--as-of', '2026-11-28', '--now', '2026-11-28T00:00:00Z', '--registry', files.registry, '--activities', files.activities, '--out', out, '--quiet']);
      const ms = run.ms;
      const audit = JSON.parse(await readTail(join(out, 'audit/audit.json'))) as { total: number };
      if (audit.total !== count * 10) throw new Error(`expected ${count * 10} activities, audited ${audit.total}`);
      const peak = run.peakRssBytes;
      const written = readdirSync(join(out, 'audit')).reduce((n, f) => n + statSync(join(out, 'audit', f)).size, 0);
      const measurements: Measurement[] = [
        { name: 'audit streamed', variant: 'liujin audit (JSON Lines in, 6 formats out)', medianMs: ms, items: count, itemLabel: 'unit', peakRssBytes: peak, extra: { activities: count * 10, 'units/s': Math.round((count / ms) * 1000), 'input MB': Math.round(files.bytes / 1e6), 'output MB': Math.round(written / 1e6) } },
        { name: 'audit streamed', variant: 'baseline: read and JSON.parse every line', medianMs: baselineMs, items: count, itemLabel: 'unit', extra: { lines } },
      ];
      return measurements;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
