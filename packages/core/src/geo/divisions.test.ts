import { describe, expect, it } from 'vitest';
import { QINGPU_DISTRICT, QINGPU_TOWNS } from '../io/qingpu';
import { Registry } from '../model/unit';
import { districtFromCode, findDistrictByCode, findDistrictsByName, listDistrictCodes, townsOfDistrict } from './index';

describe('division table', () => {
  it("gives Qingpu's 3 subdistricts and 8 towns exactly as the built-in district has them", () => {
    const towns = townsOfDistrict('310118');
    expect(towns.map(({ id, name, nameEn, type }) => ({ id, name, nameEn, type }))).toEqual(QINGPU_TOWNS);
    expect(towns.find((t) => t.name === '朱家角镇')!.code).toBe('310118102000');
    expect(findDistrictByCode('310118')).toMatchObject({ name: QINGPU_DISTRICT.name, nameEn: QINGPU_DISTRICT.nameEn, province: '上海市' });
  });

  it("fills Songjiang's towns, with unique ids and 12-digit codes, as a valid registry", () => {
    const songjiang = districtFromCode('310117')!;
    expect(songjiang.district).toMatchObject({ id: 'songjiang', name: '松江区', nameEn: 'Songjiang District', code: '310117' });
    expect(songjiang.towns.map((t) => t.name)).toEqual(expect.arrayContaining(['岳阳街道', '泗泾镇', '佘山镇', '车墩镇', '小昆山镇']));
    expect(songjiang.towns.find((t) => t.name === '松江工业区')!.type).toBe('other');
    expect(Registry.safeParse({ ...songjiang, units: [] }).success).toBe(true);
  });

  it('keeps town ids unique in every district of the country', () => {
    const codes = listDistrictCodes();
    expect(codes.length).toBeGreaterThan(2800);
    for (const code of codes) {
      const ids = townsOfDistrict(code).map((t) => t.id);
      expect(new Set(ids).size, code).toBe(ids.length);
      for (const id of ids) expect(id, code).toMatch(/^[a-z0-9][a-z0-9-]*$/);
    }
  });

  it('answers undefined for unknown codes and finds districts by name', () => {
    expect(findDistrictByCode('999999')).toBeUndefined();
    expect(townsOfDistrict('999999')).toEqual([]);
    expect(findDistrictsByName('青浦区').map((d) => d.code)).toEqual(['310118']);
  });
});
