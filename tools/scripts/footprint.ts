/**
 * Per-package dist sizes and the install footprint of the published packages in a consumer project:
 * `npm pack` each package under packages/, install every tarball into an empty temporary project
 * (dependencies from the registry, as a user gets them), and measure node_modules.
 * Run after a build: `npm run footprint -w @liujin/scripts`. Prints Markdown for docs/performance.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LIBRARY_DIRS, manifestOf } from './boundaries';
import { ROOT } from './licenses';

function sizeOf(path: string, keep: (file: string) => boolean = () => true): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return keep(path) ? stat.size : 0;
  return readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name), keep), 0);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

const packs = mkdtempSync(join(tmpdir(), 'liujin-packs-'));
const rows: string[] = ['| package | dist (JS, no maps) | dist (all files) | tarball | unpacked |', '|---|---|---|---|---|'];
const tarballs: string[] = [];
/** Optional peers a consumer installs only when it wants them (the PDF fonts: docs/templates.md "Fonts"). */
const OPTIONAL = new Set(['@liujin/fonts-noto-sc']);
const optionalTarballs: string[] = [];
for (const dir of LIBRARY_DIRS) {
  const dist = join(ROOT, dir, 'dist');
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', packs], { cwd: join(ROOT, dir), encoding: 'utf8' })) as { filename: string; size: number; unpackedSize: number }[];
  (OPTIONAL.has(manifestOf(dir).name) ? optionalTarballs : tarballs).push(join(packs, packed!.filename));
  rows.push(`| \`${manifestOf(dir).name}\` | ${kb(sizeOf(dist, (f) => /\.(c|m)?js$/.test(f)))} | ${kb(sizeOf(dist))} | ${kb(packed!.size)} | ${kb(packed!.unpackedSize)} |`);
}

const consumer = mkdtempSync(join(tmpdir(), 'liujin-consumer-'));
writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
execFileSync('npm', ['install', '--no-audit', '--no-fund', '--omit=dev', ...tarballs], { cwd: consumer, stdio: 'inherit' });
const modules = join(consumer, 'node_modules');
const top = readdirSync(modules)
  .filter((name) => !name.startsWith('.'))
  .flatMap((name) => (name.startsWith('@') ? readdirSync(join(modules, name)).map((sub) => `${name}/${sub}`) : [name]))
  .map((name) => ({ name, bytes: sizeOf(join(modules, name)) }))
  .sort((a, b) => b.bytes - a.bytes);
const total = sizeOf(modules);
execFileSync('npm', ['install', '--no-audit', '--no-fund', '--omit=dev', ...tarballs, ...optionalTarballs], { cwd: consumer, stdio: 'inherit' });
const withOptional = sizeOf(modules);

process.stdout.write(`${rows.join('\n')}\n\nConsumer install of the ${tarballs.length} packages: node_modules ${mb(total)} (${mb(withOptional)} with the optional ${[...OPTIONAL].join(', ')}), ${top.length} packages. Largest:\n\n`);
process.stdout.write(`| package | size |\n|---|---|\n${top.slice(0, 10).map((t) => `| \`${t.name}\` | ${mb(t.bytes)} |`).join('\n')}\n`);
