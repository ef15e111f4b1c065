// Runs the built `liujin` CLI in this plain Node process (no TypeScript loader) and prints its
// peak resident memory on exit, so the bench reports what a user's process takes:
//   node rss-run.mjs templates --kind school --all ...
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../../apps/demo/bin/liujin.js', import.meta.url));
process.on('exit', () => process.stderr.write(`\nLIUJIN_PEAK_RSS ${process.resourceUsage().maxRSS * 1024}\n`));
process.argv = [process.argv[0], bin, ...process.argv.slice(2)];
await import(bin);
