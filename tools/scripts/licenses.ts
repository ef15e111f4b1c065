/**
 * Lists the licences of everything liujin ships: the production dependency closure from
 * package-lock.json (dev tools excluded) and the bundled fonts. `--write` regenerates
 * docs/licenses.md; a test fails when the file is stale or a licence is not on the allowed list.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Licences compatible with shipping liujin under MIT (fonts: OFL-1.1). */
export const ALLOWED = new Set(['MIT', 'ISC', 'BSD-2-Clause', 'BSD-3-Clause', 'Apache-2.0', 'Unlicense', '0BSD', 'BlueOak-1.0.0', 'OFL-1.1', 'MIT/X11', 'Zlib', 'CC0-1.0']);

/**
 * Packages whose licence could not be established from the package itself, reviewed by hand.
 * Each stays listed in docs/licenses.md with the reason, so the gap is visible, not hidden.
 */
export const REVIEWED_EXCEPTIONS: Readonly<Record<string, string>> = {};

/** The font faces `@liujin/fonts-noto-sc` ships (packages/fonts-noto-sc/scripts/copy-fonts.mjs), all OFL-1.1. */
export const SHIPPED_FONTS: readonly { face: string; file: string; from: string }[] = [
  { face: 'Noto Serif SC Regular', file: 'NotoSerifSC-Regular.ttf', from: '@expo-google-fonts/noto-serif-sc' },
  { face: 'Noto Serif SC Bold', file: 'NotoSerifSC-Bold.ttf', from: '@expo-google-fonts/noto-serif-sc' },
  { face: 'Noto Sans SC Bold', file: 'NotoSansSC-Bold.ttf', from: '@expo-google-fonts/noto-sans-sc' },
];

export interface LicenceEntry {
  name: string;
  version: string;
  license: string;
}

interface LockPackage {
  version?: string;
  license?: string;
  dev?: boolean;
  devOptional?: boolean;
  link?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

/** Reads a package's licence from its manifest, or the first line of its LICENSE file. */
function licenceOf(dir: string, fromLock: string | undefined): string {
  if (fromLock) return fromLock;
  const manifest = join(ROOT, dir, 'package.json');
  if (existsSync(manifest)) {
    const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { license?: string | { type?: string }; licenses?: { type?: string }[] };
    const value = typeof pkg.license === 'string' ? pkg.license : pkg.license?.type ?? pkg.licenses?.[0]?.type;
    if (value) return value;
  }
  for (const file of ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'license']) {
    const path = join(ROOT, dir, file);
    if (existsSync(path)) {
      const text = readFileSync(path, 'utf8');
      if (/MIT License|Permission is hereby granted, free of charge/i.test(text)) return 'MIT';
    }
  }
  return 'UNKNOWN';
}

/**
 * What a user installs with the published packages: the closure of the workspace packages'
 * dependencies, optional dependencies and required peers, resolved as Node resolves them in
 * the lockfile's tree (dev tools and optional peers such as vitest excluded).
 */
export function collectLicences(): LicenceEntry[] {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockPackage> };
  const resolve = (from: string, name: string): string | undefined => {
    for (let base = from; ; base = base.includes('/node_modules/') ? base.slice(0, base.lastIndexOf('/node_modules/')) : '') {
      const candidate = base === '' ? `node_modules/${name}` : `${base}/node_modules/${name}`;
      if (lock.packages[candidate]) return candidate;
      if (base === '') return undefined;
    }
  };
  const needs = (pkg: LockPackage) => [
    ...Object.keys(pkg.dependencies ?? {}),
    ...Object.keys(pkg.optionalDependencies ?? {}),
    ...Object.keys(pkg.peerDependencies ?? {}).filter((n) => !pkg.peerDependenciesMeta?.[n]?.optional),
  ];
  const reached = new Set<string>();
  const queue: string[] = [];
  for (const [path, pkg] of Object.entries(lock.packages)) {
    if (path !== '' && !path.includes('node_modules/') && !pkg.link) for (const name of needs(pkg)) queue.push(resolve(path, name) ?? '');
  }
  while (queue.length > 0) {
    const path = queue.pop()!;
    if (path === '' || reached.has(path)) continue;
    reached.add(path);
    const pkg = lock.packages[path]!;
    // Workspace links (node_modules/@liujin/*) are our own packages, already walked.
    if (!pkg.link) for (const name of needs(pkg)) queue.push(resolve(path, name) ?? '');
  }
  const entries: LicenceEntry[] = [];
  for (const path of reached) {
    const pkg = lock.packages[path]!;
    if (pkg.link) continue;
    const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    if (name.startsWith('@liujin/')) continue;
    entries.push({ name, version: pkg.version ?? '', license: licenceOf(path, pkg.license) });
  }
  const seen = new Set<string>();
  return entries
    .filter((e) => (seen.has(`${e.name}@${e.version}`) ? false : (seen.add(`${e.name}@${e.version}`), true)))
    .sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}

/** Every SPDX id in an expression like `(MIT AND Zlib)` or `MIT OR GPL-3.0`: OR needs one allowed, AND all. */
export function isAllowed(expression: string): boolean {
  const clean = expression.replace(/[()]/g, '').trim();
  if (/ OR /.test(clean)) return clean.split(/ OR /).some((part) => isAllowed(part));
  return clean.split(/ AND /).every((id) => ALLOWED.has(id.trim()));
}

export function renderLicencesMarkdown(entries: readonly LicenceEntry[]): string {
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e.license, (counts.get(e.license) ?? 0) + 1);
  return [
    '# Licences',
    '',
    '<!-- Generated by `npm run licenses -w @liujin/scripts` from package-lock.json; a test keeps it current. -->',
    '',
    'liujin is MIT-licensed. This lists what it ships with: the production dependencies of its',
    'packages (development tools excluded) and the fonts embedded in generated PDFs.',
    '',
    '## Fonts',
    '',
    '| face | file shipped in `@liujin/fonts-noto-sc` (`dist/`) | copied at build time from | licence |',
    '|---|---|---|---|',
    ...SHIPPED_FONTS.map((f) => `| ${f.face} | \`${f.file}\` | \`${f.from}\` | OFL-1.1 (SIL Open Font Licence 1.1, text in \`dist/OFL.txt\`) |`),
    '',
    'Only these three faces are shipped, in `@liujin/fonts-noto-sc`, an optional peer dependency of',
    '`@liujin/pdf` (the `@expo-google-fonts` packages are development dependencies).',
    'The OFL permits bundling them with software and embedding subsets in documents; the',
    'licence text travels with the files. PDFs embed subsets of these faces.',
    '',
    '## Summary',
    '',
    '| licence | packages |',
    '|---|---|',
    ...[...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([l, n]) => `| ${l} | ${n} |`),
    '',
    `## Production dependencies (${entries.length})`,
    '',
    '| package | version | licence |',
    '|---|---|---|',
    ...entries.map((e) => `| ${e.name} | ${e.version} | ${e.license} |`),
    '',
    '## Reviewed exceptions',
    '',
    ...Object.entries(REVIEWED_EXCEPTIONS).map(([pkg, why]) => `- \`${pkg}\`: ${why}`),
    '',
  ].join('\n');
}

if (process.argv.includes('--write')) {
  const target = join(ROOT, 'docs/licenses.md');
  writeFileSync(`${target}.tmp`, renderLicencesMarkdown(collectLicences()));
  renameSync(`${target}.tmp`, target);
}
