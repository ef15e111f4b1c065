/**
 * Runs the workloads of one module in its own process, so each reports its own peak memory,
 * and prints their measurements as one JSON line on stdout.
 */
import { pathToFileURL } from 'node:url';
import type { Measurement, Workload } from './types';

function isWorkload(value: unknown): value is Workload {
  return typeof value === 'object' && value !== null && typeof (value as Workload).run === 'function' && typeof (value as Workload).id === 'string';
}

const [file, mode] = process.argv.slice(2);
const quick = mode === 'quick';
const mod = (await import(pathToFileURL(file!).href)) as Record<string, unknown>;
const results: { workload: string; title: string; measurements: Measurement[] }[] = [];
for (const value of Object.values(mod)) {
  if (!isWorkload(value)) continue;
  const measurements = await value.run({ quick, repetitions: quick ? 1 : 3 });
  results.push({ workload: value.id, title: value.title, measurements });
}
// maxRSS is in kilobytes: the peak of this whole process, i.e. of the heaviest variant here.
process.stdout.write(`${JSON.stringify({ results, processPeakRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`);
