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
// CPU time (user + system, every thread of the process): on a shared machine it moves far less
// with the load than the wall time does.
process.on('exit', () => {
  const cpu = process.cpuUsage();
  process.stderr.write(`\nLIUJIN_PEAK_RSS ${process.resourceUsage().maxRSS * 1024}\nLIUJIN_GC_MS ${gcMs.toFixed(1)}\nLIUJIN_CPU_MS ${((cpu.user + cpu.system) / 1000).toFixed(1)}\n`);
});
process.argv = [process.argv[0], bin, ...process.argv.slice(2)];
await import(bin);
