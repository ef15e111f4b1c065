import { describe, expect, it } from 'vitest';
import { townsOfDistrict } from './divisions';
import { parseTownsTable } from './towns';

const HEADER = ['编号', '名称', '类型', '区', '代码'];

describe('parseTownsTable', () => {
  it("reads Songjiang's real towns from the division table into the registry's district and towns", () => {
    const rows = [HEADER, ...townsOfDistrict('310117').map((t) => [t.id, t.name, '', '310117', t.code])];
    const result = parseTownsTable(rows, { file: 'towns.csv' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.district).toMatchObject({ id: 'songjiang', name: '松江区', code: '310117', region: 'shanghai' });
    expect(result.value.towns.map((t) => t.name)).toContain('泗泾镇');
    expect(result.value.towns.find((t) => t.name === '永丰街道')?.type).toBe('subdistrict');
    expect(result.problems).toEqual([]);
  });

  it('names the row of a code that does not exist, of a code naming another town, of a bad district', () => {
    const [a, b] = townsOfDistrict('310117');
    const rows = [HEADER, ['x1', a!.name, '', '310117', '310117999000'], ['x2', a!.name, '', '310117', b!.code], ['x3', '某镇', '', '999999', ''], ['x4', '某乡', '城市', '310117', '']];
    const result = parseTownsTable(rows, { file: 'towns.csv' });
    expect(result.ok).toBe(false);
    const byRow = new Map(result.problems.map((p) => [p.row, p]));
    expect(byRow.get(2)).toMatchObject({ code: 'unknown_town_code', column: '代码' });
    expect(byRow.get(3)).toMatchObject({ code: 'town_code_mismatch' });
    expect(byRow.get(3)!.message.en).toContain(`${a!.name} has the code ${a!.code}`);
    expect(byRow.get(4)).toMatchObject({ code: 'unknown_district', column: '区' });
    expect(byRow.get(5)).toMatchObject({ code: 'unknown_town_type', column: '类型' });
  });

  it('keeps the registry name where the table differs, with a warning', () => {
    const [a] = townsOfDistrict('310117');
    const result = parseTownsTable([HEADER, ['renamed', '新名街道', '街道', '310117', a!.code]], { file: 'towns.csv' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.towns[0]!.name).toBe('新名街道');
    expect(result.problems).toMatchObject([{ code: 'town_name_differs', severity: 'warning', row: 2 }]);
  });

  it('reads the towns of two districts (a city office), each town naming its district', () => {
    const rows = [HEADER, ...townsOfDistrict('310117').slice(0, 2).map((t) => [t.id, t.name, '', '310117', t.code]), ...townsOfDistrict('310118').slice(0, 2).map((t) => [t.id, t.name, '', '310118', t.code])];
    const result = parseTownsTable(rows, { file: 't.csv' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.district).toMatchObject({ id: 'songjiang', code: '310117' });
    expect(result.value.districts?.map((d) => [d.id, d.name])).toEqual([['songjiang', '松江区'], ['qingpu', '青浦区']]);
    expect(result.value.towns.map((t) => t.district)).toEqual(['songjiang', 'songjiang', 'qingpu', 'qingpu']);
    expect(result.problems).toEqual([]);
  });

  it('keeps district ids unique where two districts share a romanised name (two 朝阳区)', () => {
    const result = parseTownsTable([HEADER, ['a', '甲街道', '', '110105', ''], ['b', '乙街道', '', '220104', '']], { file: 't.csv' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(new Set(result.value.districts?.map((d) => d.id)).size).toBe(2);
    expect(result.value.towns.map((t) => t.district)).toEqual(result.value.districts?.map((d) => d.id));
  });
});
