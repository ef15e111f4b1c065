import { z } from 'zod';
import type { LocalizedText } from './text';

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
