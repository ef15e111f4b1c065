/**
 * The embedded sample district: Qingpu's real 3 subdistricts and 8 towns filled with SYNTHETIC
 * units (every name says 示例, "sample"), so the CLI and the docs have something realistic to show.
 * Deterministic: built from a fixed seed.
 */
import type { Registry, Unit } from '@liujin/core';
import { QINGPU_TOWNS } from '@liujin/core/io';
import { seededRandom } from './random';

const SEED = 20240513; // the notice's date

const BUREAUS: readonly [string, string, Unit['roles']][] = [
  ['edu', '区教育局（示例）', ['education-bureau']],
  ['emergency', '区应急管理局（示例）', ['emergency-management-bureau']],
  ['civil-affairs', '区民政局（示例）', []],
  ['health', '区卫生健康委（示例）', []],
  ['public-security', '区公安分局（示例）', []],
  ['hr', '区人力资源和社会保障局（示例）', []],
];

/** The synthetic sample district: made-up units in Qingpu's real 3 subdistricts and 8 towns. */
export function sampleRegistry(): Registry {
  const rand = seededRandom(SEED);
  const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
  const chance = (p: number) => rand() < p;
  const units: Unit[] = [
    { id: 'office', name: '青浦区国防动员办公室（示例）', kind: 'district-office', address: '青浦区示例大道1号' },
    ...BUREAUS.map(([id, name, roles]): Unit => ({ id: `member-${id}`, name, kind: 'member-unit', ...(roles && roles.length > 0 ? { roles } : {}) })),
    { id: 'media-centre', name: '区融媒体中心（示例）', kind: 'media', roles: ['member-unit'] },
    { id: 'party-school', name: '中共青浦区委党校（示例）', kind: 'party-school', address: '青浦区示例路88号', headCount: 120, civilDefenseWorks: [{ name: '示例广场地下人防工程', distanceMeters: 400, capacity: 1500 }] },
    { id: 'park-district', name: '青浦工业园区（示例）', kind: 'park', roles: ['industrial-park'], town: 'xianghuaqiao', headCount: 5200 },
    ...[1, 2, 3, 4].map((n): Unit => ({ id: `organ-${n}`, name: `区示例机关${n}`, kind: 'organ', headCount: int(40, 200) })),
  ];
  for (const town of QINGPU_TOWNS) {
    const road = `青浦区${town.name}示例路`;
    units.push({ id: `town-${town.id}`, name: `${town.name}国防动员工作组（示例）`, kind: 'town', town: town.id });
    const contact = (role: string): Pick<Unit, 'contacts'> => (chance(0.75) ? { contacts: [{ role, name: `${'王李张刘陈杨赵黄'[int(0, 7)]}老师`, phone: `021-5${String(int(1000000, 9999999))}` }] } : {});
    const shelter = (): Pick<Unit, 'civilDefenseWorks'> => (chance(0.6) ? { civilDefenseWorks: [{ name: `${town.name}示例人防工程${int(1, 9)}号`, address: `${road}${int(1, 300)}号地下一层`, distanceMeters: int(100, 1500), capacity: int(300, 3000) }] } : {});
    for (let n = 1, count = int(4, 7); n <= count; n++) {
      const routes = chance(0.5) ? { routes: [{ building: '教学楼', floor: '1-2层', route: '东侧楼梯', assemblyPoint: '操场东侧' }, { building: '教学楼', floor: '3-5层', route: '西侧楼梯', assemblyPoint: '操场西侧' }, { building: '综合楼', route: '南门', assemblyPoint: shelterName(town.name) }] } : {};
      units.push({ id: `school-${town.id}-${n}`, name: `${town.name}示例学校${n}`, kind: 'school', town: town.id, address: `${road}${int(1, 300)}号`, ...(chance(0.9) ? { headCount: int(300, 2400) } : {}), ...shelter(), ...contact('分管副校长'), ...routes });
    }
    for (let n = 1, count = int(6, 11); n <= count; n++) {
      units.push({ id: `ent-${town.id}-${n}`, name: `${town.name}示例企业${n}`, kind: 'enterprise', town: town.id, address: `${road}${int(1, 300)}号`, ...(chance(0.85) ? { headCount: int(30, 1800) } : {}), ...shelter(), ...contact('安全生产负责人') });
    }
    if (town.type === 'town' && chance(0.5)) units.push({ id: `park-${town.id}`, name: `${town.name}示例园区`, kind: 'park', town: town.id, headCount: int(800, 4000), ...contact('园区管委会') });
    const residential = town.type === 'subdistrict' ? int(8, 12) : int(3, 5);
    for (let n = 1; n <= residential; n++) {
      units.push({ id: `res-${town.id}-${n}`, name: `${town.name}示例居委${n}`, kind: 'community', communityType: 'residential', town: town.id, ...(chance(0.8) ? { headCount: int(1500, 9000) } : {}), ...shelter(), ...contact('居委书记') });
    }
    if (town.type === 'town') {
      for (let n = 1, count = int(6, 10); n <= count; n++) {
        units.push({ id: `vil-${town.id}-${n}`, name: `${town.name}示例村${n}`, kind: 'community', communityType: 'village', town: town.id, ...(chance(0.8) ? { headCount: int(800, 4000) } : {}), ...shelter(), ...contact('村委书记') });
      }
    }
  }
  return {
    district: { id: 'qingpu-sample', name: '青浦区（示例数据）', nameEn: 'Qingpu District (synthetic sample)', region: 'shanghai', synthetic: true },
    towns: [...QINGPU_TOWNS],
    units,
  };
}

function shelterName(town: string): string {
  return `${town}示例人防工程`;
}
