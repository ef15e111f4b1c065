/**
 * Issue 19: a registry of another district, from the division data. `init --district 310117`
 * writes Songjiang's real towns; the starter files validate, plan and audit with those towns in
 * every report (audit JSON/HTML/Markdown/CSV, XLSX read by openpyxl, calendars, year pages), in
 * memory and streamed; bad towns files are exit 2 at their row.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { townsOfDistrict } from '@liujin/core/divisions';
import { describe, expect, it } from 'vitest';
import { tempDir, liujinAsync } from './helpers';
import { systemTool } from '../../../tools/config/system-tools';

const SONGJIANG = townsOfDistrict('310117');

function textFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(json|md|csv|html|ics)$/.test(f))
    .map((f) => join(dir, f));
}

describe('a Songjiang registry from the division data', () => {
  const dir = tempDir('liujin-geo-');
  const starter = join(dir, 'sj');

  it('init --district 310117 writes its real towns; 310118 writes Qingpu’s', async () => {
    const r = await liujinAsync(['init', '--district', '310117', '--dir', starter]);
    expect(r.status, r.stderr).toBe(0);
    const towns = readFileSync(join(starter, 'towns.csv'), 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(towns[0]).toBe('编号,名称,类型,区,代码');
    expect(towns.slice(1).map((l) => l.split(',')[1])).toEqual(SONGJIANG.map((t) => t.name));
    expect(readFileSync(join(starter, 'registry.csv'), 'utf8')).not.toContain('青浦');
    const qp = join(dir, 'qp');
    expect((await liujinAsync(['init', '--district', '310118', '--dir', qp])).status).toBe(0);
    expect(readFileSync(join(qp, 'towns.csv'), 'utf8')).toContain('朱家角镇');
    const bad = await liujinAsync(['init', '--district', '999999', '--dir', join(dir, 'x'), '--lang', 'en']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('999999');
  });

  it('validates with --towns, and without it names the unknown town', async () => {
    const ok = await liujinAsync(['validate', '--registry', join(starter, 'registry.csv'), '--activities', join(starter, 'activities.csv'), '--towns', join(starter, 'towns.csv')]);
    expect(ok.status, ok.stderr).toBe(0);
    const without = await liujinAsync(['validate', '--registry', join(starter, 'registry.csv'), '--json']);
    expect(without.status).toBe(2);
    expect(without.stdout).toContain('unknown_town');
  });

  it('plans and audits with its own towns in every report, none of Qingpu’s', async () => {
    const out = join(dir, 'out');
    const r = await liujinAsync(['plan', '--year', '2026', '--registry', join(starter, 'registry.xlsx'), '--activities', join(starter, 'activities.xlsx'), '--towns', join(starter, 'towns.csv'), '--out', out, '--now', '2026-06-01T00:00:00Z']);
    expect(r.status, r.stderr).toBe(0);
    const audit = JSON.parse(readFileSync(join(out, 'audit', 'audit.json'), 'utf8')) as { district: { id: string; name: string }; byTown: { town: string; name: string }[] };
    expect(audit.district).toMatchObject({ id: 'songjiang', name: '松江区' });
    expect(audit.byTown.map((t) => t.name)).toContain('岳阳街道');
    expect(audit.byTown.every((t) => SONGJIANG.some((s) => s.id === t.town))).toBe(true);
    for (const file of ['report.html', 'summary.md', 'audit.csv']) expect(readFileSync(join(out, 'audit', file), 'utf8'), file).toContain('岳阳街道');
    expect(readdirSync(join(out, 'calendars', 'towns')).sort()).toEqual(SONGJIANG.map((t) => `${t.id}.ics`).sort());
    expect(readdirSync(join(out, 'calendars', 'glance', 'towns'))).toContain('yueyang-2026.html');
    for (const file of textFiles(out)) {
      const text = readFileSync(file, 'utf8');
      expect(/青浦|朱家角|夏阳街道/.test(text), file).toBe(false);
    }
    // The workbook as its user opens it (openpyxl), not read back by our code.
    const py = spawnSync(systemTool('python3-openpyxl'), ['-c', "import openpyxl,sys\nwb=openpyxl.load_workbook(sys.argv[1])\nprint('\\n'.join(str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value is not None))", join(out, 'audit', 'audit.xlsx')], { encoding: 'utf8' });
    expect(py.status, py.stderr).toBe(0);
    expect(py.stdout).toContain('岳阳街道');
    expect(py.stdout).not.toContain('朱家角');
  });

  it('audits a JSON Lines registry streamed with the same towns', async () => {
    const jsonl = join(dir, 'registry.jsonl');
    writeFileSync(jsonl, [`{"id":"sch-1","name":"泗泾镇示例小学","kind":"school","town":"泗泾镇"}`, `{"id":"res-1","name":"岳阳示例居委","kind":"community","town":"yueyang"}`].join('\n') + '\n');
    const activities = join(dir, 'activities.jsonl');
    writeFileSync(activities, `{"unitId":"sch-1","kind":"evacuation-drill","date":"2026-09-18"}\n`);
    const out = join(dir, 'streamed');
    const r = await liujinAsync(['audit', '--year', '2026', '--registry', jsonl, '--activities', activities, '--towns', join(starter, 'towns.csv'), '--format', 'json,html', '--out', out, '--now', '2026-06-01T00:00:00Z']);
    expect(r.status === 0 || r.status === 1, r.stderr).toBe(true);
    const audit = JSON.parse(readFileSync(join(out, 'audit', 'audit.json'), 'utf8')) as { district: { name: string }; byTown: { town: string; name: string }[] };
    expect(audit.district.name).toBe('松江区');
    expect(audit.byTown.map((t) => t.town).sort()).toEqual(['sijing', 'yueyang']);
  });

  it('a towns file with a wrong code names its row and column (exit 2)', async () => {
    const towns = join(dir, 'bad-towns.csv');
    writeFileSync(towns, `编号,名称,类型,区,代码\nyueyang,岳阳街道,街道,310117,310117999000\nyongfeng,永丰街道,街道,310117,${SONGJIANG[0]!.code}\n`);
    const r = await liujinAsync(['validate', '--registry', join(starter, 'registry.csv'), '--towns', towns, '--json']);
    expect(r.status).toBe(2);
    const problems = (JSON.parse(r.stdout) as { problems: { code: string; row?: number; column?: string }[] }).problems;
    expect(problems).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'unknown_town_code', row: 2, column: '代码' }), expect.objectContaining({ code: 'town_code_mismatch', row: 3 })]));
  });
});
