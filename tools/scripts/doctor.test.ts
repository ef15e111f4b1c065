import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MissingSystemToolError, SYSTEM_TOOLS, aptInstallCommand, checkSystemTools, forgetSystemTools, onPath, pythonFor, pythonModulesOf, runTool, systemTool } from '../config/system-tools';
import { doctorReport, satisfiesMinimum } from './doctor';

const ROOT = new URL('../../', import.meta.url).pathname;

/** A PATH holding every program of the real PATH except `without` (symlinks in a temporary folder). */
function pathWithout(without: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'liujin-path-'));
  const seen = new Set<string>();
  for (const source of (process.env.PATH ?? '').split(delimiter)) {
    let names: string[] = [];
    try {
      names = readdirSync(source);
    } catch {
      continue;
    }
    for (const name of names) {
      if (name === without || seen.has(name)) continue;
      seen.add(name);
      symlinkSync(join(source, name), join(dir, name));
    }
  }
  return dir;
}

describe('npm run doctor', () => {
  it('names a missing qpdf and the command that installs it', () => {
    const path = pathWithout('qpdf');
    expect(onPath('qpdf', path)).toBeUndefined();
    const report = doctorReport({ nodeVersion: '20.20.0', nodeRange: '>=20.19', path });
    expect(report.ok).toBe(false);
    expect(report.lines.filter((l) => l.startsWith('MISSING')).map((l) => l.split(/\s+/)[1])).toEqual(['qpdf']);
    expect(report.lines).toContain('  sudo apt-get install -y qpdf');
  });

  it('runs as `npm run doctor` with a PATH lacking qpdf: exit 1, the tool and its install line', () => {
    const path = pathWithout('qpdf');
    const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'tools/scripts/doctor.ts')], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PATH: path } });
    expect(result.status, result.stderr).toBe(1);
    expect(result.stdout).toMatch(/^MISSING\s+qpdf\b/m);
    expect(result.stdout).toContain('sudo apt-get install -y qpdf');
    expect(result.stdout).toMatch(/^ok\s+node /m);
  });

  it('reports an old Node', () => {
    expect(satisfiesMinimum('20.19.0', '>=20.19')).toBe(true);
    expect(satisfiesMinimum('22.1.0', '>=20.19')).toBe(true);
    expect(satisfiesMinimum('20.18.3', '>=20.19')).toBe(false);
    expect(satisfiesMinimum('18.20.0', '>=20.19')).toBe(false);
    const report = doctorReport({ nodeVersion: '18.20.0', nodeRange: '>=20.19', path: process.env.PATH ?? '' });
    expect(report.ok).toBe(false);
    expect(report.lines[0]).toMatch(/^MISSING\s+node 18\.20\.0 \(needs >=20\.19\)/);
  });

  it('finds every prerequisite on this machine (CI installs them all)', () => {
    expect(checkSystemTools().filter((r) => !r.path).map((r) => r.tool.name)).toEqual([]);
  });
});

describe('system tools in tests', () => {
  it('a missing validator fails with one line naming the tool and its install command', () => {
    const error = new MissingSystemToolError(SYSTEM_TOOLS.find((t) => t.name === 'mutool')!);
    expect(error.message).not.toContain('\n');
    expect(error.message).toContain('"mutool"');
    expect(error.message).toContain('sudo apt-get install -y mupdf-tools');
    expect(() => systemTool('no-such-tool')).toThrow(/unknown system tool/);
  });

  it('a test running a validator missing from PATH gets that one line, not a bare ENOENT', () => {
    const saved = process.env.PATH;
    runTool('pdfinfo', ['-v']);
    process.env.PATH = pathWithout('pdfinfo');
    forgetSystemTools();
    try {
      expect(() => runTool('pdfinfo', ['-v'])).toThrow(MissingSystemToolError);
      expect(() => runTool('pdfinfo', ['-v'])).toThrow(/"pdfinfo".*sudo apt-get install -y poppler-utils/);
    } finally {
      process.env.PATH = saved;
      forgetSystemTools();
    }
    expect(runTool('qpdf', ['--version'])).toMatch(/qpdf version/);
    expect(pythonModulesOf('import sys, json, icalendar\nprint(1)')).toEqual(['icalendar']);
    expect(pythonModulesOf('from openpyxl import load_workbook\nimport icalendar')).toEqual(['icalendar', 'openpyxl']);
    expect(pythonModulesOf("import json\nprint('openpyxl')")).toEqual([]);
    expect(pythonFor('import icalendar')).toBe(systemTool('python3'));
  });

  it('every test reaches its validators through systemTool, runTool or pythonFor (no fixed path, no bare name)', () => {
    const files = execFileSync('git', ['ls-files', '*.ts', '*.mts'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .filter((f) => /(^|\/)tests?\/|\.test\.m?ts$/.test(f) && f !== 'tools/config/system-tools.ts' && f !== 'tools/scripts/doctor.test.ts');
    // The first argument of every child-process call (bare or as a method, `cp.spawn(`, across lines):
    // a validator found by systemTool or pythonFor, this Node, or a program every contributor has
    // (git, npm, sh). A bare name or a fixed path fails with ENOENT on a machine that lacks it
    // instead of naming its package. (`exec(` only bare: `.exec(` is also RegExp's; `fork` runs Node
    // modules only.)
    const call = /(?:(?<![.\w])|(?<=\w\.))(?:execFileSync|execFile|spawnSync|spawn|execSync)\(\s*([^,)]+)|(?<![.\w])exec\(\s*([^,)]+)|executablePath:\s*([^,}]+)/g;
    const allowed = /^(?:systemTool\(|pythonFor\(|process\.execPath\b|'(?:git|npm|sh)'$)/;
    const offendersIn = (file: string, text: string) =>
      [...text.matchAll(call)].filter((m) => !allowed.test((m[1] ?? m[2] ?? m[3])!.trim())).map((m) => `${file}:${text.slice(0, m.index).split('\n').length}: ${m[0].replace(/\s+/g, ' ')}`);
    const offenders = files.flatMap((file) => offendersIn(file, readFileSync(join(ROOT, file), 'utf8')));
    // The guard itself: it sees what it must refuse.
    expect(offendersIn('x', "cp.execFileSync(\n  '/usr/bin/qpdf', [])").length).toBe(1);
    expect(offendersIn('x', "exec('qpdf --check a.pdf')").length).toBe(1);
    expect(offendersIn('x', "/re/.exec(text); spawnSync(systemTool('qpdf'), [])").length).toBe(0);
    expect(offenders).toEqual([]);
  });

  it('the README and .ci/run install the same packages as the table', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(aptInstallCommand());
    expect(readFileSync(join(ROOT, 'docs/contributing.md'), 'utf8')).toContain(aptInstallCommand());
    const ci = readFileSync(join(ROOT, '.ci/run'), 'utf8');
    const installed = /apt-get install[^\n]*\\\n([^\n]*)/.exec(ci)![1]!.trim().split(/\s+/).filter((w) => !w.startsWith('>') && !w.startsWith('-'));
    expect(new Set(installed)).toEqual(new Set(SYSTEM_TOOLS.map((t) => t.apt)));
  });
});
