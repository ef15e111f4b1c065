/**
 * What a consumer installs: packs the four published packages (`npm pack`, built dists), installs
 * the tarballs into an empty project with `npm install --omit=dev`, and measures node_modules.
 * `npm run footprint -w @liujin/scripts` (build first: `npx nx run-many -t build`).
 * Prints a Markdown table for docs/performance.md and docs/templates.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './licenses';

const PACKAGES = ['core', 'calendar', 'pdf', 'audit'] as const;

function bytesOf(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.size;
  return readdirSync(path).reduce((sum, name) => sum + bytesOf(join(path, name)), 0);
}
const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;

const dir = mkdtempSync(join(tmpdir(), 'liujin-footprint-'));
const tarballs: Record<string, { file: string; packed: number; unpacked: number }> = {};
for (const name of PACKAGES) {
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: join(ROOT, 'packages', name), encoding: 'utf8' });
  const [info] = JSON.parse(out) as { filename: string; size: number; unpackedSize: number }[];
  tarballs[name] = { file: join(dir, info!.filename), packed: info!.size, unpacked: info!.unpackedSize };
}
const fonts = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: join(ROOT, 'packages/fonts-noto-sc'), encoding: 'utf8' }))[0] as { size: number; unpackedSize: number };
const project = join(dir, 'consumer');
execFileSync('mkdir', ['-p', project]);
writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, dependencies: Object.fromEntries(PACKAGES.map((n) => [`@liujin/${n}`, `file:${tarballs[n]!.file}`])) }, null, 2));
execFileSync('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: project, stdio: 'inherit' });
const modules = join(project, 'node_modules');
const total = bytesOf(modules);
const top = readdirSync(modules)
  .flatMap((n) => (n.startsWith('@') ? readdirSync(join(modules, n)).map((m) => `${n}/${m}`) : [n]))
  .filter((n) => !n.startsWith('.'))
  .map((n) => ({ name: n, bytes: bytesOf(join(modules, n)) }))
  .sort((a, b) => b.bytes - a.bytes);
const lines = [
  `| package | tarball | unpacked |`,
  `|---|---|---|`,
  ...PACKAGES.map((n) => `| @liujin/${n} | ${mb(tarballs[n]!.packed)} | ${mb(tarballs[n]!.unpacked)} |`),
  '',
  `Consumer install of all four (\`npm install --omit=dev\`): node_modules ${mb(total)} in ${top.length} top-level packages; largest: ${top
    .slice(0, 6)
    .map((t) => `${t.name} ${mb(t.bytes)}`)
    .join(', ')}.`,
  '',
  `The optional font package @liujin/fonts-noto-sc (tarball ${mb(fonts.size)}, unpacked ${mb(fonts.unpackedSize)}) adds its unpacked size when installed: ${mb(total + fonts.unpackedSize)} in all.`,
];
process.stdout.write(`${lines.join('\n')}\n`);
