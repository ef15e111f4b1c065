import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/program';
import { liujin, liujinAsync } from './helpers';

const NAMES = COMMANDS.map((c) => c.name);

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

describe('liujin basics', () => {
  it('prints its version', () => {
    const r = liujin(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('prints help with every command and the exit codes', async () => {
    const r = await liujinAsync(['--help']);
    expect(r.status).toBe(0);
    for (const command of NAMES) expect(r.stdout).toContain(command);
    expect(r.stdout).toContain('Exit codes');
  });

  it('every command has help with examples', async () => {
    for (const command of NAMES) {
      const r = await liujinAsync([command, '--help']);
      expect(r.status, command).toBe(0);
      expect(r.stdout, command).toContain('Examples:');
    }
  });

  it('rejects a bad option value with exit code 2 and says which option', async () => {
    const r = await liujinAsync(['dates', '--year', '20x6']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--year');
    const en = await liujinAsync(['dates', '--year', '1800', '--lang', 'en']);
    expect(en.status).toBe(2);
    expect(en.stderr).toContain('expected a year');
  });

  it('rejects an unknown command with exit code 2', () => {
    expect(liujin(['frobnicate']).status).toBe(2);
  });
});

describe('liujin dates', () => {
  it('prints the 2026 key dates as JSON with the documented fields', async () => {
    const r = await liujinAsync(['dates', '--year', '2026', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const dates = (JSON.parse(r.stdout) as { keyDates: { id: string; date: string; title: string; titleEn: string; isWorkday: boolean; source: string; start?: string; phases?: { start: string; end: string }[] }[] }).keyDates;
    const byId = new Map(dates.map((d) => [d.id, d]));
    for (const id of ['national-defense-education-day', 'air-raid-siren-test', 'disaster-prevention-day', 'fire-safety-day', 'civil-defense-day', 'national-security-education-day', 'annual-plan-deadline']) {
      const d = byId.get(id);
      expect(d, id).toBeDefined();
      expect(d!.title.length).toBeGreaterThan(0);
      expect(d!.titleEn.length).toBeGreaterThan(0);
      expect(typeof d!.isWorkday).toBe('boolean');
      expect(d!.source.length).toBeGreaterThan(0);
    }
    expect(byId.get('national-defense-education-day')!.date).toBe('2026-09-19');
    expect(byId.get('annual-plan-deadline')!.date).toBe('2026-02-28');
    expect(byId.get('disaster-prevention-day')!.date).toBe('2026-05-12');
    expect(byId.get('fire-safety-day')!.date).toBe('2026-11-09');
    const siren = byId.get('air-raid-siren-test')!;
    expect(siren.date).toBe('2026-09-19');
    expect(siren.phases?.map((p) => [p.start, p.end])).toEqual([
      ['2026-09-19T11:35:00+08:00', '2026-09-19T11:38:00+08:00'],
      ['2026-09-19T11:45:00+08:00', '2026-09-19T11:48:00+08:00'],
      ['2026-09-19T11:55:00+08:00', '2026-09-19T11:58:00+08:00'],
    ]);
  });

  it('prints a readable table in Chinese by default and in English on request', async () => {
    const zh = await liujinAsync(['dates', '--year', '2026']);
    expect(zh.status).toBe(0);
    expect(zh.stdout).toContain('全民国防教育日');
    expect(zh.stdout).toContain('11:35-11:38');
    const en = await liujinAsync(['dates', '--year', '2026', '--lang', 'en']);
    expect(en.stdout).toContain('National Defence Education Day');
  });

  it('gives the same dates whatever the host time zone', () => {
    const outputs = ['UTC', 'Asia/Shanghai', 'America/New_York'].map((TZ) => liujin(['dates', '--year', '2026', '--json'], { env: { TZ } }).stdout);
    expect(outputs[1]).toBe(outputs[0]);
    expect(outputs[2]).toBe(outputs[0]);
  });

  it('names the known regions when given an unknown one', async () => {
    const r = await liujinAsync(['dates', '--year', '2026', '--region', 'atlantis']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('shanghai');
  });
});

describe('liujin catalog', () => {
  it('lists the requirements as JSON, filtered by sector', async () => {
    const all = JSON.parse((await liujinAsync(['catalog', '--json'])).stdout) as { id: string; sector: string }[];
    expect(all.length).toBeGreaterThanOrEqual(30);
    const schools = JSON.parse((await liujinAsync(['catalog', '--json', '--sector', 'school'])).stdout) as { sector: string }[];
    expect(schools.length).toBeGreaterThan(0);
    expect(schools.every((r) => r.sector === 'school')).toBe(true);
  });
});

describe('docs/cli.md', () => {
  it('is generated from the command definitions (npm run docs -w @liujin/demo)', async () => {
    const { renderCliReference } = await import('../src/cli-reference');
    expect(readFileSync(new URL('../../../docs/cli.md', import.meta.url), 'utf8')).toBe(await renderCliReference(pkg.version));
  });
});
