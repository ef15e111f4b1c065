// Runs the built `liujin` CLI in this plain Node process and prints its peak resident memory and
// the time its garbage collector took on exit, so the bench reports what a user's process takes:
//   node rss-run.mjs templates --kind school --all ...
import { PerformanceObserver } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../../apps/demo/bin/liujin.js', import.meta.url));
let gcMs = 0;
const gc = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcMs += entry.duration;
});
gc.observe({ entryTypes: ['gc'] });
process.on('exit', () => process.stderr.write(`\nLIUJIN_PEAK_RSS ${process.resourceUsage().maxRSS * 1024}\nLIUJIN_GC_MS ${gcMs.toFixed(1)}\n`));
process.argv = [process.argv[0], bin, ...process.argv.slice(2)];
await import(bin);
