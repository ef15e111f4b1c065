/**
 * Package boundaries that a machine checks (issue #16): every bare import of a package is a
 * declared dependency, and no built library carries a private copy of a dependency.
 */
import { builtinModules } from 'node:module';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './licenses';

export interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

export const LIBRARY_DIRS: readonly string[] = readdirSync(join(ROOT, 'packages')).filter((d) => existsSync(join(ROOT, 'packages', d, 'package.json'))).map((d) => `packages/${d}`);

export function manifestOf(dir: string): Manifest {
  return JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8')) as Manifest;
}

const BUILTINS = new Set(builtinModules);

/** The package a bare specifier names (`@scope/name/sub` -> `@scope/name`), or undefined for builtins and relative paths. */
export function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:') || BUILTINS.has(specifier.split('/')[0]!)) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

// import ... from 'x'; export ... from 'x'; import 'x'; import('x'); require('x')
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)(['"])([^'"\n]+)\1/g;

export function specifiersIn(code: string): string[] {
  return [...code.matchAll(SPECIFIER)].map((m) => m[2]!);
}

function walk(dir: string, keep: (file: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return d.name === 'node_modules' ? [] : walk(path, keep);
    return keep(path) ? [path] : [];
  });
}

/** Source files a package ships (tests and test helpers excluded). */
export function shippedSources(dir: string): string[] {
  return walk(join(ROOT, dir, 'src'), (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
}

export function distFiles(dir: string): string[] {
  return walk(join(ROOT, dir, 'dist'), (f) => /\.(c|m)?js$/.test(f));
}

/**
 * Imports that only run from TypeScript sources, never from a build: the calendar's and the
 * audit's workers (src/parallel.ts) and the CLI's JSON Lines reader threads (src/stream-inputs.ts)
 * load themselves through tsx (a workspace dev dependency) when they run unbuilt; a build starts
 * its workers from dist.
 */
const DEV_ONLY: Readonly<Record<string, readonly string[]>> = { '@liujin/calendar': ['tsx'], '@liujin/audit': ['tsx'], '@liujin/demo': ['tsx'] };

/** Bare imports of `files` that the manifest does not declare (dependencies or peerDependencies), as `file: package`. */
export function undeclaredImports(manifest: Manifest, files: readonly string[]): string[] {
  const declared = new Set([manifest.name, ...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {}), ...(DEV_ONLY[manifest.name] ?? [])]);
  return files.flatMap((file) =>
    specifiersIn(readFileSync(file, 'utf8'))
      .map(packageOf)
      .filter((name): name is string => name !== undefined && !declared.has(name))
      .map((name) => `${relative(ROOT, file)}: ${name}`),
  );
}

/**
 * Modules of node_modules bundled into a built file. esbuild (tsup) marks each bundled module with
 * a `// ../../node_modules/<package>/...` comment; an external dependency leaves none.
 */
export function bundledModules(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/^\/\/ (?:\.\.\/)*node_modules\/(\S+)$/gm)].map((m) => m[1]!);
}

