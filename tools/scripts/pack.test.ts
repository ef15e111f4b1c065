/**
 * The embedding path of docs/embedding.md, run as a user would: pack every published package, install
 * the tarballs into a new project with the documented line (offline from the npm cache is fine) and run
 * the ESM and CommonJS examples exactly as written.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ROOT, packAll, publishedPackages, tarballName } from './pack';

const guide = readFileSync(join(ROOT, 'docs/embedding.md'), 'utf8');
/** The ```js block of the guide whose first line is `// <name>`. */
const example = (name: string) => [...guide.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]!).find((code) => code.startsWith(`// ${name}\n`));

const work = mkdtempSync(join(tmpdir(), 'liujin-embed-'));
const tarballs = join(work, 'dist-packages');
const project = join(work, 'project');
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm run pack', () => {
  it('finds every published package under packages/', () => {
    const names = publishedPackages().map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['@liujin/audit', '@liujin/calendar', '@liujin/core', '@liujin/pdf']));
    const folders = readdirSync(join(ROOT, 'packages')).filter((d) => !JSON.parse(readFileSync(join(ROOT, 'packages', d, 'package.json'), 'utf8')).private);
    expect(names).toHaveLength(folders.length);
    expect(tarballName({ name: '@liujin/core', version: '0.1.0' })).toBe('liujin-core-0.1.0.tgz');
  });

  it.each(publishedPackages().map((p) => [p.name, p] as const))('%s has a README with install, a short example that runs, and a link to the docs', async (name, pkg) => {
    const readme = readFileSync(join(pkg.dir, 'README.md'), 'utf8');
    expect(readme).toContain(`# ${name}`);
    expect(readme).toContain('npm install /path/to/liujin/dist-packages/*.tgz');
    expect(readme).toMatch(/\]\(\.\.\/\.\.\/docs\/[a-z-]+\.md\)/);
    // A package of data only (the fonts) has no code to show; every code package has a runnable example.
    if (!existsSync(join(pkg.dir, 'src/index.ts'))) return;
    const code = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(code).toMatch(new RegExp(`from '${name}'`));
    expect(code!.trim().split('\n').length).toBeLessThanOrEqual(15);
    // Run in process from the sources, in a temporary folder (the examples write to ./out).
    const file = join(ROOT, 'tools/scripts/.tmp', `${name.replace(/\W/g, '-')}-readme.ts`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, code!);
    const cwd = process.cwd();
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    process.chdir(mkdtempSync(join(work, 'readme-')));
    try {
      await import(pathToFileURL(file).href);
    } finally {
      process.chdir(cwd);
      log.mockRestore();
      rmSync(file);
    }
  });
});

describe('docs/embedding.md from packed tarballs in a new project', () => {
  beforeAll(() => {
    packAll({ dir: tarballs, build: false });
    mkdirSync(project, { recursive: true });
    execFileSync('npm', ['init', '-y'], { cwd: project, stdio: 'ignore' });
    const line = /^npm install \/path\/to\/liujin\/dist-packages\/\*\.tgz$/m.exec(guide)?.[0];
    expect(line, 'docs/embedding.md gives the install line for the tarballs').toBeDefined();
    // The documented line, with the path of this checkout's tarballs; offline from the npm cache.
    const command = `${line!.replace('/path/to/liujin/dist-packages', tarballs)} --prefer-offline --no-audit --no-fund`;
    const result = spawnSync('sh', ['-c', command], { cwd: project, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
  }, 600_000);

  it('installed every package from its tarball', () => {
    const manifest = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    for (const pkg of publishedPackages()) expect(manifest.dependencies[pkg.name], pkg.name).toMatch(new RegExp(`${tarballName(pkg).replace(/\./g, '\\.')}$`));
  });

  it.each(['example.mjs', 'example.cjs'])('runs %s as written', (name) => {
    const code = example(name);
    expect(code, `docs/embedding.md has a \`\`\`js block starting // ${name}`).toBeDefined();
    writeFileSync(join(project, name), code!);
    // Plain output whatever the runner sets (vitest under CI=true forces colour, and console.log colours booleans).
    const result = spawnSync(process.execPath, [name], { cwd: project, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout.trim().split(/\s+/).every((word) => word === 'true'), result.stdout).toBe(true);
    expect(result.stdout.trim().length).toBeGreaterThan(0);
  }, 120_000);
});
