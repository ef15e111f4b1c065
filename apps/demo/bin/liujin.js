#!/usr/bin/env node
// Entry point of the `liujin` command. The CLI itself is built into ../dist by tsup
// (`npm run build`, or `npm start`, which builds what it needs first).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write('liujin: the CLI is not built yet. Run `npm run build` (or `npm start`) in the repository first.\n');
  process.exit(3);
}
const { main } = await import(pathToFileURL(cli).href);
process.exitCode = await main(process.argv.slice(2));
