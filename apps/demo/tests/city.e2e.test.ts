/**
 * Issue 19: a city office audits two districts in one run. One towns table lists both
 * districts' towns (each row with its district code); the units name their town, and
 * district-level units their district (区 column). The audit has coverage per district, in
 * memory (CSV registry) and streamed (JSON Lines registry) with the same bytes; a registry
 * workbook carries its towns in a sheet 街镇; a registry JSON's towns are checked against the
 * division table as a towns table is.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeWorkbook } from '@liujin/audit';
import { townsOfDistrict } from '@liujin/core/divisions';
import { describe, expect, it } from 'vitest';
import { liujin, tempDir, liujinAsync } from './helpers';

const [yueyang, yongfeng] = townsOfDistrict('310117');
const [xiayang, yingpu] = townsOfDistrict('310118');
const TOWNS = [['编号', '名称', '类型', '区', '代码'], ...[yueyang!, yongfeng!].map((t) => [t.id, t.name, '街道', '310117', t.code]), ...[xiayang!, yingpu!].map((t) => [t.id, t.name, '街道', '310118', t.code])];
const UNITS = [
  ['编号', '名称', '类型', '街镇', '区'],
  ['sj-office', '松江区国动办', '区国动办', '', '松江区'],
  ['sj-sch-1', '岳阳示例小学', '学校', '岳阳街道', ''],
  ['sj-res-1', '永丰示例居委', '居委', 'yongfeng', ''],
  ['qp-office', '青浦区国动办', '区国动办', '', '310118'],
  ['qp-sch-1', '夏阳示例小学', '学校', '夏阳街道', ''],
  ['qp-ent-1', '盈浦示例企业', '企业', '盈浦街道', '青浦区'],
];
const csv = (rows: string[][]) => `${rows.map((r) => r.join(',')).join('\n')}\n`;

interface Audit {
  district: { id: string; name: string };
  overall: { applicable: number };
  byDistrict?: { district: string; name: string; code?: string; applicable: number; met: number }[];
  byTown: { town: string; district?: string }[];
}

describe('a city office’s audit of two districts', () => {
  const dir = tempDir('liujin-city-');
  writeFileSync(join(dir, 'towns.csv'), csv(TOWNS));
  writeFileSync(join(dir, 'registry.csv'), csv(UNITS));
  const header = UNITS[0]!;
  const fields = ['id', 'name', 'kind', 'town', 'district'];
  writeFileSync(join(dir, 'registry.jsonl'), UNITS.slice(1).map((r) => JSON.stringify(Object.fromEntries(r.map((v, i) => [fields[i]!, v]).filter(([, v]) => v !== '')))).join('\n') + '\n');
  writeFileSync(join(dir, 'activities.csv'), csv([['unitId', 'kind', 'date'], ['sj-sch-1', 'evacuation-drill', '2026-09-18'], ['qp-sch-1', 'evacuation-drill', '2026-09-18']]));
  const audit = (registry: string, out: string, extra: string[] = []) =>
    liujin(['audit', '--year', '2026', '--registry', join(dir, registry), '--activities', join(dir, 'activities.csv'), '--out', join(dir, out), '--now', '2026-11-01T00:00:00Z', ...extra]);

  it('gives coverage per district, in memory and streamed, with the same bytes', async () => {
    const memory = audit('registry.csv', 'memory', ['--towns', join(dir, 'towns.csv')]);
    expect(memory.status, memory.stderr).toBe(0);
    const result = JSON.parse(readFileSync(join(dir, 'memory', 'audit', 'audit.json'), 'utf8')) as Audit;
    expect(result.district).toEqual({ id: 'songjiang+qingpu', name: '松江区、青浦区', synthetic: false });
    expect(result.byDistrict?.map((d) => [d.district, d.name, d.code])).toEqual([['songjiang', '松江区', '310117'], ['qingpu', '青浦区', '310118']]);
    expect(result.byDistrict!.reduce((n, d) => n + d.applicable, 0)).toBe(result.overall.applicable);
    expect(result.byDistrict!.map((d) => d.met)).toEqual([1, 1]);
    expect(result.byTown.map((t) => [t.town, t.district])).toEqual([[yueyang!.id, 'songjiang'], [yongfeng!.id, 'songjiang'], [xiayang!.id, 'qingpu'], [yingpu!.id, 'qingpu']]);
    const streamed = audit('registry.jsonl', 'streamed', ['--towns', join(dir, 'towns.csv')]);
    expect(streamed.status, streamed.stderr).toBe(0);
    for (const file of ['audit.json', 'report.html', 'summary.md', 'audit.csv', 'audit.xlsx']) {
      expect(readFileSync(join(dir, 'streamed', 'audit', file)).equals(readFileSync(join(dir, 'memory', 'audit', file))), file).toBe(true);
    }
    expect(readFileSync(join(dir, 'memory', 'audit', 'summary.md'), 'utf8')).toContain('## 按区');
  });

  it('reads the towns from the registry workbook’s sheet 街镇, and names the row of a wrong code there', async () => {
    const book = await writeWorkbook([{ name: '登记表', rows: UNITS }, { name: '街镇', rows: TOWNS }], new Date(Date.UTC(2026, 0, 1)));
    writeFileSync(join(dir, 'city.xlsx'), book);
    const r = audit('city.xlsx', 'xlsx', ['--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    const fromSheet = readFileSync(join(dir, 'xlsx', 'audit', 'audit.json'), 'utf8');
    expect((JSON.parse(fromSheet) as Audit).byDistrict?.map((d) => d.district)).toEqual(['songjiang', 'qingpu']);
    const bad = TOWNS.map((row, i) => (i === 2 ? [...row.slice(0, 4), '310117999000'] : row));
    writeFileSync(join(dir, 'bad.xlsx'), await writeWorkbook([{ name: '登记表', rows: UNITS }, { name: '街镇', rows: bad }], new Date(Date.UTC(2026, 0, 1))));
    const v = liujin(['validate', '--registry', join(dir, 'bad.xlsx'), '--json']);
    expect(v.status).toBe(2);
    expect((JSON.parse(v.stdout) as { problems: unknown[] }).problems).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'unknown_town_code', file: `${join(dir, 'bad.xlsx')}#街镇`, row: 3, column: '代码' })]));
  });

  it('names a unit’s unknown district, and a town of another district, at their row (exit 2)', async () => {
    writeFileSync(join(dir, 'bad-units.csv'), csv([header, ['x1', '某区国动办', '区国动办', '', '闵行区'], ['x2', '某小学', '学校', '岳阳街道', '青浦区']]));
    const v = await liujinAsync(['validate', '--registry', join(dir, 'bad-units.csv'), '--towns', join(dir, 'towns.csv'), '--json', '--lang', 'en']);
    expect(v.status).toBe(2);
    const problems = (JSON.parse(v.stdout) as { problems: { code: string; row: number; column: string }[] }).problems;
    expect(problems).toEqual([expect.objectContaining({ code: 'unknown_district', row: 2, column: '区' }), expect.objectContaining({ code: 'town_not_in_district', row: 3, column: '区' })]);
  });

  it('checks a registry JSON’s towns against the division table (towns[i].code), the registry’s names winning with a warning', async () => {
    const registry = {
      district: { id: 'songjiang', name: '松江区', code: '310117' },
      districts: [{ id: 'songjiang', name: '松江区', code: '310117' }, { id: 'qingpu', name: '青浦区', code: '310118' }],
      towns: [
        { id: 'yueyang', name: '岳阳街道', type: 'subdistrict', district: 'songjiang', code: yueyang!.code },
        { id: 'xiayang', name: '夏阳街道', type: 'subdistrict', district: 'qingpu', code: yongfeng!.code },
        { id: 'yingpu', name: '盈浦新街道', type: 'subdistrict', district: 'qingpu', code: yingpu!.code },
      ],
      units: [{ id: 'u1', name: '示例小学', kind: 'school', town: 'yueyang' }],
    };
    writeFileSync(join(dir, 'city.json'), JSON.stringify(registry));
    const v = await liujinAsync(['validate', '--registry', join(dir, 'city.json'), '--json']);
    expect(v.status).toBe(2);
    const problems = (JSON.parse(v.stdout) as { problems: { code: string; severity: string; path: (string | number)[] }[] }).problems;
    expect(problems).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'bad_town_code', severity: 'error', path: ['towns', 1, 'code'] }), expect.objectContaining({ code: 'town_name_differs', severity: 'warning', path: ['towns', 2, 'name'] })]));
    registry.towns[1]!.code = xiayang!.code;
    writeFileSync(join(dir, 'city.json'), JSON.stringify(registry));
    const ok = await liujinAsync(['validate', '--registry', join(dir, 'city.json'), '--json']);
    expect(ok.status, ok.stdout).toBe(0);
  });

  it('init --district writes the towns into the registry workbook’s sheet 街镇: it validates without --towns', async () => {
    const starter = join(dir, 'starter');
    expect((await liujinAsync(['init', '--district', '310117', '--dir', starter])).status).toBe(0);
    const v = await liujinAsync(['validate', '--registry', join(starter, 'registry.xlsx'), '--activities', join(starter, 'activities.xlsx'), '--json']);
    expect(v.status, v.stdout).toBe(0);
  });

  it('plans and audits with the example catalog by name and its example registry', async () => {
    const registry = fileURLToPath(new URL('../../../packages/core/src/catalogs/songjiang-example/registry.json', import.meta.url));
    writeFileSync(join(dir, 'sj-activities.csv'), csv([['unitId', 'kind', 'date'], ['sj-sch-001', 'evacuation-drill', '2026-09-18']]));
    const r = await liujinAsync(['plan', '--year', '2026', '--catalog', 'songjiang-example', '--registry', registry, '--activities', join(dir, 'sj-activities.csv'), '--out', join(dir, 'example'), '--now', '2026-11-01T00:00:00Z']);
    expect(r.status === 0 || r.status === 1, r.stderr).toBe(true);
    const result = JSON.parse(readFileSync(join(dir, 'example', 'audit', 'audit.json'), 'utf8')) as { catalog: { id: string }; byTown: { name: string }[]; byRequirement: { requirementId: string }[] };
    expect(result.catalog.id).toBe('songjiang-example');
    expect(result.byTown.map((t) => t.name)).toEqual(['岳阳街道', '泗泾镇', '九亭镇']);
    expect(result.byRequirement.map((q) => q.requirementId)).not.toContain('qp2024.general.local-brand');
    const missing = await liujinAsync(['catalog', '--catalog', 'no-such-catalog', '--lang', 'en']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no shipped catalog is called "no-such-catalog" (shipped: qingpu-2024, songjiang-example)');
  });
});
