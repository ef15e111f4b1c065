// `npm run pack`: builds every published workspace package (each folder under packages/ whose
// package.json is not private, found at run time) and writes its npm tarball to dist-packages/, so an
// embedding project can install liujin before it is on the registry (docs/embedding.md).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The workspace root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Where `npm run pack` writes the tarballs (gitignored). */
export const PACK_DIR = join(ROOT, 'dist-packages');

/** A published workspace package: its folder and name. */
export interface WorkspacePackage {
  dir: string;
  name: string;
  version: string;
}

/** Every non-private package under packages/, sorted by name. */
export function publishedPackages(root = ROOT): WorkspacePackage[] {
  return readdirSync(join(root, 'packages'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, 'packages', d.name, 'package.json')))
    .map((d) => {
      const dir = join(root, 'packages', d.name);
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; version: string; private?: boolean };
      return { dir, name: manifest.name, version: manifest.version, private: manifest.private === true };
    })
    .filter((p) => !p.private)
    .map(({ dir, name, version }) => ({ dir, name, version }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The tarball name npm gives a package (`@liujin/core` 0.1.0 -> `liujin-core-0.1.0.tgz`). */
export function tarballName(pkg: Pick<WorkspacePackage, 'name' | 'version'>): string {
  return `${pkg.name.replace(/^@/, '').replace(/\//g, '-')}-${pkg.version}.tgz`;
}

/**
 * Packs every published package into `dir` (emptied first: only liujin's tarballs are there). With
 * `build`, builds them first through Nx (cached); without, a package with no `dist/` is an error.
 */
export function packAll(options: { dir?: string; build?: boolean } = {}): string[] {
  const dir = options.dir ?? PACK_DIR;
  const packages = publishedPackages();
  if (options.build !== false) {
    execFileSync(join(ROOT, 'node_modules/.bin/nx'), ['run-many', '-t', 'build', `--projects=${packages.map((p) => p.name).join(',')}`, '--outputStyle=static'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  for (const pkg of packages) {
    if (!existsSync(join(pkg.dir, 'dist'))) throw new Error(`${pkg.name} is not built (no dist/): run \`npm run build\` first`);
  }
  // Old tarballs of our packages go (a version bump would leave two); nothing else in the folder is touched.
  if (existsSync(dir)) for (const file of readdirSync(dir)) if (/^liujin-[a-z0-9-]+-\d[^/]*\.tgz$/.test(file)) rmSync(join(dir, file));
  mkdirSync(dir, { recursive: true });
  for (const pkg of packages) {
    execFileSync('npm', ['pack', '--silent', '--pack-destination', dir, '--workspace', pkg.name], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const files = packages.map((p) => join(dir, tarballName(p)));
  for (const file of files) if (!existsSync(file)) throw new Error(`npm pack did not write ${file}`);
  return files;
}

// Run as a script (compare real paths: npm may start it through a symlink).
if (process.argv[1] && realpathSync(fileURLToPath(import.meta.url)) === realpathSync(process.argv[1])) {
  for (const file of packAll()) process.stdout.write(`${file}\n`);
}
