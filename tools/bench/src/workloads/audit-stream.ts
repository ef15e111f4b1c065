/**
 * Audit of a city or a nation, streamed end to end: JSON Lines registry and activity log on disk
 * (written first, untimed), read, evaluated chunk by chunk and written in every format, as
 * `liujin audit` does for .jsonl inputs. Baseline: reading the same files line by line with
 * JSON.parse and nothing else, the least any streamed audit must do.
 */
import { mkdtempSync, rmSync, createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { QINGPU_2024_CATALOG, createEvaluator } from '@liujin/core';
import { writeAuditStreamed } from '@liujin/audit';
import { streamActivities, streamRegistry } from '../../../../apps/demo/src/stream-inputs';
import { writeSyntheticJsonl } from '../synthetic';
import type { Measurement, Workload } from '../types';

async function readLines(file: string): Promise<number> {
  let n = 0;
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) if (line) n += (JSON.parse(line) as object) ? 1 : 0;
  return n;
}

export const auditStreamWorkload: Workload = {
  id: 'audit-stream',
  title: 'Audit streamed from JSON Lines: units x 10 activities, all formats',
  async run({ quick }) {
    const count = quick ? 20_000 : Number(process.env.LIUJIN_BENCH_NATION ?? 1_000_000);
    const dir = mkdtempSync(join(tmpdir(), 'liujin-bench-stream-'));
    try {
      const files = writeSyntheticJsonl(dir, count, 10, 2026);
      let start = performance.now();
      const lines = (await readLines(files.registry)) + (await readLines(files.activities));
      const baselineMs = performance.now() - start;
      const registry = streamRegistry(files.registry);
      start = performance.now();
      const setAside: { unitId: string; kind: string; date: string }[] = [];
      const { audit } = await writeAuditStreamed(
        { catalog: QINGPU_2024_CATALOG, district: registry.district, towns: registry.towns, units: registry.units, activities: streamActivities(files.activities, setAside), setAside, year: 2026, asOf: '2026-11-28', evaluator: createEvaluator(QINGPU_2024_CATALOG, { engine: 'compiled' }) },
        { dir: join(dir, 'out'), formats: ['json', 'csv', 'xlsx', 'html', 'md', 'junit'], lang: 'zh', now: new Date('2026-11-28T00:00:00Z'), tempDir: dir },
      );
      const ms = performance.now() - start;
      if (audit.activities.total !== count * 10) throw new Error(`expected ${count * 10} activities, audited ${audit.activities.total}`);
      const peak = process.resourceUsage().maxRSS * 1024;
      const measurements: Measurement[] = [
        { name: 'audit streamed', variant: 'liujin audit (JSON Lines in, 6 formats out)', medianMs: ms, items: count, itemLabel: 'unit', peakRssBytes: peak, extra: { activities: count * 10, 'units/s': Math.round((count / ms) * 1000), 'input MB': Math.round(files.bytes / 1e6) } },
        { name: 'audit streamed', variant: 'baseline: read and JSON.parse every line', medianMs: baselineMs, items: count, itemLabel: 'unit', extra: { lines } },
      ];
      return measurements;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
