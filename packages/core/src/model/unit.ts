import { z } from 'zod';
import type { LocalizedText } from './text';
import { Id } from './text';

/**
 * Kinds of unit the notice addresses. `community` covers 居委 (urban residential committees) and
 * 村委 (village committees); `communityType` tells them apart.
 */
export const UnitKind = z.enum([
  'district-office', // 区国动办: district defence-mobilisation office, the auditor and plan owner
  'member-unit', // 区国动委成员单位: bureaus and other member units of the district committee
  'town', // 街镇国防动员工作组: working group of a subdistrict (街道) or town (镇)
  'party-school', // 区委党校
  'organ', // 机关: government organs and their departments
  'school', // 学校
  'enterprise', // 企业
  'park', // 园区: industrial parks (区工业园区 and others)
  'community', // 社区: 居委 or 村委
  'media', // 融媒体中心、电视台 and other media partners of 三（六）
]);
export type UnitKind = z.infer<typeof UnitKind>;

/** Chinese and English names of each unit kind. */
export const UNIT_KIND_LABELS: Readonly<Record<UnitKind, LocalizedText>> = {
  'district-office': { zh: '区国动办', en: 'District defence-mobilisation office' },
  'member-unit': { zh: '区国动委成员单位', en: 'Member unit of the district committee' },
  town: { zh: '街镇国防动员工作组', en: 'Subdistrict or town working group' },
  'party-school': { zh: '党校', en: 'Party school' },
  organ: { zh: '机关', en: 'Government organ' },
  school: { zh: '学校', en: 'School' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  park: { zh: '园区', en: 'Industrial park' },
  community: { zh: '社区（居委、村委）', en: 'Community (residential or village committee)' },
  media: { zh: '媒体', en: 'Media' },
};

/**
 * Roles named as 涉及单位 (units involved) in the notice's clauses. A unit holds roles through its
 * kind (every `town` is a town working group) or explicitly (`roles: ['education-bureau']`).
 */
export const Role = z.enum([
  'district-office', // 区国动办
  'party-school', // 区委党校
  'member-unit', // 区国动委成员单位
  'town-working-group', // 街镇国防动员工作组
  'education-bureau', // 区教育局
  'emergency-management-bureau', // 区应急管理局
  'industrial-park', // 区工业园区
  'school',
  'enterprise',
  'community',
  'organ',
  'media',
]);
export type Role = z.infer<typeof Role>;

/** Chinese and English names of each role. */
export const ROLE_LABELS: Readonly<Record<Role, LocalizedText>> = {
  'district-office': { zh: '区国动办', en: 'District defence-mobilisation office' },
  'party-school': { zh: '区委党校', en: 'District Party school' },
  'member-unit': { zh: '区国动委成员单位', en: 'Member units of the district committee' },
  'town-working-group': { zh: '街镇国防动员工作组', en: 'Subdistrict and town working groups' },
  'education-bureau': { zh: '区教育局', en: 'District education bureau' },
  'emergency-management-bureau': { zh: '区应急管理局', en: 'District emergency management bureau' },
  'industrial-park': { zh: '区工业园区', en: 'District industrial parks' },
  school: { zh: '学校', en: 'Schools' },
  enterprise: { zh: '企业', en: 'Enterprises' },
  community: { zh: '居委、村委', en: 'Residential and village committees' },
  organ: { zh: '机关', en: 'Government organs' },
  media: { zh: '媒体', en: 'Media' },
};

const NonBlank = z.string().trim().min(1).max(500);

/** 人防工程: a civil-defence shelter or work near the unit. */
export const CivilDefenseWork = z.object({
  name: NonBlank,
  address: NonBlank.optional(),
  distanceMeters: z.number().int().nonnegative().optional(),
  capacity: z.number().int().nonnegative().optional(),
});
export type CivilDefenseWork = z.infer<typeof CivilDefenseWork>;

/** A contact person of a unit: role, name and phone. */
export const Contact = z.object({
  role: NonBlank,
  name: NonBlank,
  phone: z.string().trim().max(50).optional(),
});
/** A parsed {@link Contact}. */
export type Contact = z.infer<typeof Contact>;

/** An evacuation route from a building or floor to an assembly point or shelter. */
export const EvacuationRoute = z.object({
  building: NonBlank,
  floor: z.string().trim().max(50).optional(),
  route: NonBlank,
  assemblyPoint: NonBlank,
});
export type EvacuationRoute = z.infer<typeof EvacuationRoute>;

/**
 * A unit of the registry (school, enterprise, community, organ…): id, name, kind, town, roles, and what its evacuation-plan template needs (zod schema; docs/input-formats.md).
 */
export const Unit = z.object({
  id: Id,
  name: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().min(1).max(200).optional(),
  kind: UnitKind,
  /** Town id (街镇); district-level units (office, member units) may have none. */
  town: Id.optional(),
  /**
   * District id, in a registry of several districts (a city office's audit): needed only for a
   * unit without a town (a district's office or member units); a unit in a town is in its district.
   */
  district: Id.optional(),
  /** Only for `community`: 居委 (residential) or 村委 (village). */
  communityType: z.enum(['residential', 'village']).optional(),
  roles: z.array(Role).optional(),
  address: z.string().trim().max(500).optional(),
  headCount: z.number().int().nonnegative().optional(),
  civilDefenseWorks: z.array(CivilDefenseWork).optional(),
  routes: z.array(EvacuationRoute).optional(),
  contacts: z.array(Contact).optional(),
  /** Free facts a catalog's conditions may read (e.g. `hasDisplayScreen: true`). */
  attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});
/** A parsed {@link Unit}. */
export type Unit = z.infer<typeof Unit>;

/** A town (镇) or subdistrict (街道) of the district. */
export const Town = z.object({
  id: Id,
  name: z.string().trim().min(1).max(100),
  nameEn: z.string().trim().min(1).max(100).optional(),
  /** 街道 subdistrict, 镇 town, 乡 township, or another area at that level (工业区、度假区). */
  type: z.enum(['subdistrict', 'town', 'township', 'other']),
  /** The twelve-digit statistical division code (统计用区划代码), where known. */
  code: z.string().regex(/^\d{12}$/).optional(),
  /** The id of the town's district, in a registry of several districts (`districts`). */
  district: Id.optional(),
});
/** A parsed {@link Town}. */
export type Town = z.infer<typeof Town>;

/** The district the registry covers, with its region (for key dates). */
export const District = z.object({
  id: Id,
  name: z.string().trim().min(1).max(100),
  nameEn: z.string().trim().min(1).max(100).optional(),
  /** Region profile id for key dates (siren test), e.g. `shanghai`. */
  region: Id.default('shanghai'),
  /** The six-digit GB/T 2260 division code, e.g. 310118 for Qingpu, where known. */
  code: z.string().regex(/^\d{6}$/).optional(),
  /** Set for made-up data, so every output that shows it can say so. */
  synthetic: z.boolean().optional(),
});
/** A parsed {@link District}. */
export type District = z.infer<typeof District>;

/**
 * A district's units (or a city's: `districts` lists several, each town names its district). Ids
 * are unique, every unit's town exists, and in a registry of several districts every town's and
 * unit's district is one of them and a unit's district agrees with its town's.
 */
export const Registry = z
  .object({
    /** The district; in a registry of several districts, the first of `districts`. */
    district: District,
    /** Every district of a city office's registry (two or more); absent for one district. */
    districts: z.array(District).optional(),
    towns: z.array(Town),
    units: z.array(Unit),
  })
  .superRefine((registry, ctx) => {
    const districtIds = new Set((registry.districts ?? []).map((d) => d.id));
    const several = registry.districts !== undefined;
    registry.districts?.forEach((d, i) => {
      if (registry.districts!.findIndex((o) => o.id === d.id) !== i) ctx.addIssue({ code: 'custom', path: ['districts', i, 'id'], message: `duplicate district id "${d.id}"` });
    });
    const townIds = new Map<string, string | undefined>();
    registry.towns.forEach((town, i) => {
      if (townIds.has(town.id)) ctx.addIssue({ code: 'custom', path: ['towns', i, 'id'], message: `duplicate town id "${town.id}"` });
      townIds.set(town.id, town.district);
      if (several && (town.district === undefined || !districtIds.has(town.district))) {
        ctx.addIssue({ code: 'custom', path: ['towns', i, 'district'], message: town.district === undefined ? 'a town of a registry of several districts names its district' : `unknown district "${town.district}"` });
      }
    });
    const unitIds = new Set<string>();
    registry.units.forEach((unit, i) => {
      if (unitIds.has(unit.id)) ctx.addIssue({ code: 'custom', path: ['units', i, 'id'], message: `duplicate unit id "${unit.id}"` });
      unitIds.add(unit.id);
      if (unit.town !== undefined && !townIds.has(unit.town)) {
        ctx.addIssue({ code: 'custom', path: ['units', i, 'town'], message: `unknown town "${unit.town}"` });
      }
      if (unit.district !== undefined && !(several ? districtIds.has(unit.district) : unit.district === registry.district.id)) {
        ctx.addIssue({ code: 'custom', path: ['units', i, 'district'], message: `unknown district "${unit.district}"` });
      } else if (unit.district !== undefined && unit.town !== undefined && townIds.has(unit.town) && several && townIds.get(unit.town) !== unit.district) {
        ctx.addIssue({ code: 'custom', path: ['units', i, 'district'], message: `town "${unit.town}" is in district "${townIds.get(unit.town)}", not "${unit.district}"` });
      }
    });
  });
export type Registry = z.infer<typeof Registry>;

/** The roles a unit holds: those of its kind plus those given explicitly. */
export function rolesOf(unit: Pick<Unit, 'kind' | 'roles'>): Role[] {
  const byKind: Partial<Record<UnitKind, Role>> = {
    'district-office': 'district-office',
    'party-school': 'party-school',
    'member-unit': 'member-unit',
    town: 'town-working-group',
    school: 'school',
    enterprise: 'enterprise',
    park: 'industrial-park',
    community: 'community',
    organ: 'organ',
    media: 'media',
  };
  const roles = new Set<Role>(unit.roles ?? []);
  const own = byKind[unit.kind];
  if (own) roles.add(own);
  return [...roles].sort();
}
