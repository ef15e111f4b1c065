import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './licenses';

interface KnipIssue {
  file: string;
  files: { name: string }[];
  dependencies: { name: string }[];
  unlisted: { name: string }[];
  exports: { name: string }[];
}

/** knip (run over the repository by `npm test`, configured in knip.json) over a project with one mistake of each kind. */
describe('knip catches what it is there to catch', () => {
  it('an undeclared import, an unused dependency, an unused export and an unused file', () => {
    const root = mkdtempSync(join(tmpdir(), 'liujin-knip-'));
    mkdirSync(join(root, 'src'));
    writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'probe', version: '1.0.0', type: 'module', main: 'src/index.ts', dependencies: { 'left-pad': '1.3.0' } }));
    writeFileSync(join(root, 'src/index.ts'), "import { z } from 'zod';\nimport { used } from './lib';\nexport const a = [z, used];\n");
    writeFileSync(join(root, 'src/lib.ts'), 'export const used = 1;\nexport const unusedHelper = 2;\n');
    writeFileSync(join(root, 'src/orphan.ts'), 'export const orphan = 1;\n');
    const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/knip/bin/knip.js'), '--reporter', 'json', '--no-progress'], { cwd: root, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(1);
    const issues = (JSON.parse(run.stdout) as { issues: KnipIssue[] }).issues;
    const all = (key: 'files' | 'dependencies' | 'unlisted' | 'exports') => issues.flatMap((i) => i[key].map((x) => `${i.file}: ${x.name}`));
    expect(all('unlisted')).toEqual(['src/index.ts: zod']);
    expect(all('dependencies')).toEqual(['package.json: left-pad']);
    expect(all('exports')).toEqual(['src/lib.ts: unusedHelper']);
    expect(all('files')).toEqual(['src/orphan.ts: src/orphan.ts']);
  }, 60_000);
});
