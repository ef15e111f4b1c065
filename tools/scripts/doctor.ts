// `npm run doctor`: checks the Node version and every system tool the tests use, and prints what is
// missing with the command that installs it. Exit 0 when everything is there, 1 otherwise.
import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { aptInstallCommand, checkSystemTools } from '../config/system-tools';

/** True when `version` (e.g. "20.20.2") satisfies a `>=major.minor[.patch]` range such as the root engines field. */
export function satisfiesMinimum(version: string, range: string): boolean {
  const minimum = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(range.trim());
  if (!minimum) throw new Error(`unsupported engines range "${range}" (expected >=major.minor)`);
  const have = version.replace(/^v/, '').split('.').map(Number);
  const want = minimum.slice(1).map((n) => Number(n ?? 0));
  for (let i = 0; i < 3; i++) {
    if ((have[i] ?? 0) !== want[i]) return (have[i] ?? 0) > want[i]!;
  }
  return true;
}

/** The doctor's report as lines, and whether everything is present. */
export function doctorReport(options: { nodeVersion: string; nodeRange: string; path: string }): { ok: boolean; lines: string[] } {
  const lines: string[] = [];
  const nodeOk = satisfiesMinimum(options.nodeVersion, options.nodeRange);
  lines.push(`${nodeOk ? 'ok     ' : 'MISSING'}  node ${options.nodeVersion} (needs ${options.nodeRange})`);
  const results = checkSystemTools(options.path);
  for (const { tool, path } of results) lines.push(`${path ? 'ok     ' : 'MISSING'}  ${tool.name.padEnd(18)} ${path ?? `(Debian package ${tool.apt}: ${tool.usedFor})`}`);
  const missing = results.filter((r) => !r.path).map((r) => r.tool.apt);
  if (!nodeOk) lines.push('', `Node ${options.nodeRange} is needed: install a current Node LTS (https://nodejs.org/), or run \`npx -y -p node@22 -- npm test\`.`);
  if (missing.length > 0) lines.push('', 'Install what is missing with:', `  ${aptInstallCommand(missing)}`);
  if (nodeOk && missing.length === 0) lines.push('', 'Everything `npm test` needs is installed.');
  return { ok: nodeOk && missing.length === 0, lines };
}

// Run as a script (compare real paths: npm may start it through a symlink).
if (process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))) {
  const root = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { engines: { node: string } };
  const report = doctorReport({ nodeVersion: process.versions.node, nodeRange: root.engines.node, path: process.env.PATH ?? '' });
  process.stdout.write(`${report.lines.join('\n')}\n`);
  process.exitCode = report.ok ? 0 : 1;
}
