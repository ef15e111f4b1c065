import { z } from 'zod';
import type { Lang, LocalizedText } from './text';

/** The six "into"s of the notice (六进), section 三（一）-（六）. */
export const Sector = z.enum(['party-school', 'organ', 'school', 'enterprise', 'community', 'network']);
export type Sector = z.infer<typeof Sector>;

/** Chinese and English names of the six sectors, with the clause of the notice that sets each. */
export const SECTOR_LABELS: Readonly<Record<Sector, LocalizedText & { clause: string }>> = {
  'party-school': { zh: '进党校', en: 'Into Party schools', clause: '三（一）' },
  organ: { zh: '进机关', en: 'Into government organs', clause: '三（二）' },
  school: { zh: '进学校', en: 'Into schools', clause: '三（三）' },
  enterprise: { zh: '进企业', en: 'Into enterprises and industrial parks', clause: '三（四）' },
  community: { zh: '进社区', en: 'Into communities', clause: '三（五）' },
  network: { zh: '进网络', en: 'Into the network', clause: '三（六）' },
};

/** Where a requirement sits: one of the six sectors, or `general` (section 四 and the closing paragraph). */
export const RequirementSector = z.union([Sector, z.literal('general')]);
export type RequirementSector = z.infer<typeof RequirementSector>;

/** Every requirement sector, in the order of the notice. */
export const REQUIREMENT_SECTORS: readonly RequirementSector[] = [...Sector.options, 'general'];

/** The label of requirements that belong to no single sector (section 四 有关要求). */
export const GENERAL_SECTOR_LABEL: LocalizedText = { zh: '有关要求', en: 'General requirements' };

/** The label of a requirement sector: the one label used by every report, feed and listing. */
export function sectorLabel(sector: RequirementSector, lang: Lang): string {
  return sector === 'general' ? GENERAL_SECTOR_LABEL[lang] : SECTOR_LABELS[sector][lang];
}
