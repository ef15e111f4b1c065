/**
 * `npm run bench [-- --quick] [-- --only <id>]`: runs every workload under src/workloads, each
 * module in a child process, prints a table of medians and ratios against each workload's own
 * baseline, and writes docs/performance.md.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Measurement } from './types';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? args[onlyIndex + 1] : undefined;
const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '../../..');
const workloadDir = join(here, 'workloads');

interface ModuleResult {
  module: string;
  results: { workload: string; title: string; measurements: Measurement[] }[];
  processPeakRssBytes: number;
  error?: string;
}

const modules = readdirSync(workloadDir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .filter((f) => only === undefined || f.replace(/\.ts$/, '') === only)
  .sort();

// Other work on the machine moves wall times: the load average is recorded with the figures.
const loadAtStart = loadavg()[0]!;
const all: ModuleResult[] = [];
for (const file of modules) {
  process.stderr.write(`bench: ${file}${quick ? ' (quick)' : ''} ...\n`);
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(here, 'child.ts'), join(workloadDir, file), quick ? 'quick' : 'full'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = child.stdout.trim().split('\n').pop() ?? '';
  if (child.status !== 0 || !line.startsWith('{')) {
    all.push({ module: file, results: [], processPeakRssBytes: 0, error: `exited ${child.status}` });
    continue;
  }
  all.push({ module: file, ...(JSON.parse(line) as Omit<ModuleResult, 'module'>) });
}

const mb = (bytes: number | undefined) => (bytes === undefined || bytes === 0 ? '' : `${(bytes / 1024 / 1024).toFixed(0)} MB`);
const rows: string[][] = [];
for (const mod of all) {
  if (mod.error) {
    rows.push([mod.module, 'FAILED', mod.error, '', '', '', '']);
    continue;
  }
  for (const { measurements } of mod.results) {
    const baselines = new Map(measurements.filter((m) => m.variant.startsWith('baseline')).map((m) => [m.name, m]));
    for (const m of measurements) {
      const base = baselines.get(m.name);
      const ratio = base && base !== m ? `${(m.medianMs / base.medianMs).toFixed(2)}x` : m === base ? '1.00x (baseline)' : '';
      const perItem = m.items > 0 ? `${((m.medianMs * 1000) / m.items).toFixed(1)} µs/${m.itemLabel}` : '';
      const extra = m.extra ? Object.entries(m.extra).map(([k, v]) => `${k}=${v}`).join(', ') : '';
      rows.push([m.name, m.variant, `${m.medianMs.toFixed(1)} ms`, perItem, ratio, mb(m.peakRssBytes), extra]);
    }
  }
}

const header = ['workload', 'variant', 'median', 'per item', 'vs baseline', 'peak RSS', 'notes'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
process.stdout.write(`${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}\n`);

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average ${loadAtStart.toFixed(1)} at the start and ${loadavg()[0]!.toFixed(1)} at the end`;
const table = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`)].join('\n');
const intro = readFileSync(join(here, 'performance-intro.md'), 'utf8');
const doc = `${intro.trimEnd()}\n\n## Latest figures\n\nMeasured by \`npm run bench${quick ? ' -- --quick' : ''}\` on ${machine}, ${new Date().toISOString().slice(0, 10)}.\n\n${table}\n`;
if (only === undefined) {
  const target = join(root, 'docs/performance.md');
  writeFileSync(`${target}.tmp`, doc);
  renameSync(`${target}.tmp`, target);
  process.stderr.write(`bench: wrote docs/performance.md\n`);
}
process.exitCode = all.some((m) => m.error) ? 1 : 0;
