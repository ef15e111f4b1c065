import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { cruise, type ICruiseResult, type IForbiddenRuleType } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';
import { LIBRARY_DIRS, bundledModules, distFiles, manifestOf, shippedSources, undeclaredImports } from './boundaries';
import { ROOT } from './licenses';

const config = createRequire(import.meta.url)('../../.dependency-cruiser.cjs') as { forbidden: IForbiddenRuleType[]; options: { enhancedResolveOptions: Record<string, unknown>; exclude: { path: string }; doNotFollow: { path: string }; tsPreCompilationDeps: boolean } };

/** Runs the repository's boundary rules over `paths` under `baseDir`; returns `rule: from -> to` lines. */
async function violations(baseDir: string, paths: string[]): Promise<string[]> {
  const { enhancedResolveOptions, ...options } = config.options;
  const result = await cruise(paths, { ...options, baseDir, validate: true, ruleSet: { forbidden: config.forbidden } }, enhancedResolveOptions);
  return (result.output as ICruiseResult).summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`);
}

function write(root: string, file: string, content: string): void {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), content);
}

/** A miniature workspace laid out like this one, resolving @liujin/* through exports maps. */
function miniature(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'liujin-boundaries-'));
  for (const name of ['core', 'calendar', 'pdf']) {
    write(root, `packages/${name}/package.json`, JSON.stringify({ name: `@liujin/${name}`, exports: { '.': { '@liujin/source': './src/index.ts', default: './dist/index.js' } } }));
    write(root, `packages/${name}/src/index.ts`, `export const ${name.replace('-', '')} = 1;\n`);
    mkdirSync(join(root, 'node_modules/@liujin'), { recursive: true });
    symlinkSync(relative(join(root, 'node_modules/@liujin'), join(root, 'packages', name)), join(root, 'node_modules/@liujin', name));
  }
  for (const [file, content] of Object.entries(files)) write(root, file, content);
  return root;
}

describe('module boundaries (dependency-cruiser, .dependency-cruiser.cjs)', () => {
  it('hold in this repository: no plugin imports another, core imports no plugin or app', async () => {
    expect(await violations(ROOT, ['packages', 'apps'])).toEqual([]);
  }, 60_000);

  it('fail on deliberately wrong imports', async () => {
    const root = miniature({
      'packages/calendar/src/bad.ts': "import { pdf } from '@liujin/pdf';\nexport const bad = pdf;\n",
      'packages/core/src/bad.ts': "import { calendar } from '@liujin/calendar';\nexport const bad = calendar;\n",
      'packages/core/src/cli.ts': "import { main } from '../../../apps/demo/src/cli';\nexport const cli = main;\n",
      'apps/demo/src/cli.ts': "import { core } from '../../../packages/core/src/index';\nexport const main = core;\n",
    });
    expect((await violations(root, ['packages', 'apps'])).sort()).toEqual([
      'app-imports-package-internals: apps/demo/src/cli.ts -> packages/core/src/index.ts',
      'core-imports-plugin-or-cli: packages/core/src/bad.ts -> packages/calendar/src/index.ts',
      'core-imports-plugin-or-cli: packages/core/src/cli.ts -> apps/demo/src/cli.ts',
      'package-imports-app: packages/core/src/cli.ts -> apps/demo/src/cli.ts',
      'plugin-imports-plugin: packages/calendar/src/bad.ts -> packages/pdf/src/index.ts',
    ]);
  }, 60_000);

  it('let plugins and apps import core and plugins by package name', async () => {
    const root = miniature({
      'packages/calendar/src/good.ts': "import { core } from '@liujin/core';\nexport const good = core;\n",
      'apps/demo/src/cli.ts': "import { core } from '@liujin/core';\nimport { pdf } from '@liujin/pdf';\nexport const main = core + pdf;\n",
    });
    expect(await violations(root, ['packages', 'apps'])).toEqual([]);
  }, 60_000);
});

describe('declared dependencies', () => {
  it('every bare import of shipped code is a declared dependency of its package', () => {
    for (const dir of [...LIBRARY_DIRS, 'apps/demo']) {
      expect(undeclaredImports(manifestOf(dir), shippedSources(dir)), dir).toEqual([]);
    }
  });

  it('catches an undeclared import (zod used, not listed, as the plugins once did)', () => {
    const root = mkdtempSync(join(tmpdir(), 'liujin-deps-'));
    write(root, 'src/index.ts', "import { z } from 'zod';\nimport { readFileSync } from 'node:fs';\nimport type { Catalog } from '@liujin/core';\nexport const x = z.string();\n");
    expect(undeclaredImports({ name: '@liujin/x', dependencies: { '@liujin/core': '0.1.0' } }, [join(root, 'src/index.ts')])).toEqual([`${relative(ROOT, join(root, 'src/index.ts'))}: zod`]);
  });
});

/** Deliberate exceptions: core bundles the holiday JSON (Node's ESM loader needs an import attribute for JSON); tsup's own shims. */
const BUNDLED_ON_PURPOSE = [/^chinese-days\/dist\/chinese-days\.json$/, /^tsup\/assets\//];

describe('built libraries (dist) carry no copy of a dependency', () => {
  // Packages with code are built; a data package (the optional fonts) has no dist to check.
  it.each(LIBRARY_DIRS.filter((dir) => existsSync(join(ROOT, dir, 'tsup.config.ts'))))('%s', (dir) => {
    const files = distFiles(dir);
    expect(files.length, `${dir} is not built`).toBeGreaterThan(0);
    for (const file of files) {
      expect(bundledModules(file).filter((m) => !BUNDLED_ON_PURPOSE.some((re) => re.test(m))), relative(ROOT, file)).toEqual([]);
    }
    expect(undeclaredImports(manifestOf(dir), files)).toEqual([]);
  });

  // Every file an exports map names is in the build: a type-checking consumer of
  // `@liujin/core/divisions` found no declarations when three builds raced their clean steps.
  it.each(LIBRARY_DIRS.filter((dir) => existsSync(join(ROOT, dir, 'tsup.config.ts'))))('%s: every file its exports map names is built', (dir) => {
    const targets = (value: unknown): string[] => (typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.entries(value).flatMap(([key, v]) => (key === '@liujin/source' ? [] : targets(v))) : []);
    const files = targets((manifestOf(dir) as { exports?: unknown }).exports).filter((f) => f.startsWith('./dist/'));
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((f) => !existsSync(join(ROOT, dir, f)))).toEqual([]);
  });

  it('recognises a bundled copy (the zod that each plugin dist once held)', () => {
    const root = mkdtempSync(join(tmpdir(), 'liujin-dist-'));
    write(root, 'index.js', "// src/index.ts\nimport { foo } from '@liujin/core';\n\n// ../../node_modules/zod/v4/core/core.js\nvar x = 1;\n");
    expect(bundledModules(join(root, 'index.js'))).toEqual(['zod/v4/core/core.js']);
    expect(readFileSync(join(root, 'index.js'), 'utf8')).toContain('zod');
  });
});
