/**
 * Region profiles: where each region's air-raid siren test falls and at what times (DOMAIN.md).
 * Regions move their tests; anything marked `confirmed: false` should be checked against that
 * year's notice and overridden per year from a data file (`parseRegionProfile`).
 */
import type { KeyDateRule, Phase, RegionProfile } from '../model/key-date';
import { RegionProfile as RegionProfileSchema } from '../model/key-date';
import { problemsFromZod, type ParseResult } from '../model/problem';
import { sirenPhases } from './rules';

const SIREN_TITLE = { zh: '防空警报试鸣', en: 'Air-raid siren test' };
const ON_EDUCATION_DAY = { type: 'offset', from: 'national-defense-education-day', days: 0, unit: 'days' } as const;

function siren(rule: KeyDateRule['rule'], phases: Phase[], source: string, confirmed: boolean, extra: Partial<KeyDateRule> = {}): KeyDateRule {
  return { id: 'air-raid-siren-test', title: SIREN_TITLE, rule, phases, source, confirmed, ...extra };
}

function singleTone(start: string, end: string): Phase[] {
  return [{ id: 'siren', title: { zh: '试鸣', en: 'Test sounding' }, start, end }];
}

function profile(id: string, zh: string, en: string, sirenRule: KeyDateRule, source: string): RegionProfile {
  return { id, name: { zh, en }, timeZone: 'Asia/Shanghai', keyDates: [sirenRule], source };
}

/** Built-in region profiles by id: each region's air-raid siren test rule and times, with its source. */
const REGION_PROFILES: Readonly<Record<string, RegionProfile>> = {
  shanghai: profile(
    'shanghai',
    '上海',
    'Shanghai',
    siren(ON_EDUCATION_DAY, sirenPhases(['11:35', '11:38', '11:45', '11:48', '11:55', '11:58']), '上海市民防办公室历年试鸣公告（全市统一试鸣自2008年起，2011-2025年时间相同，2014年除外）', true, {
      since: 2008,
      // DOMAIN.md: the published notices run through 2025; later years say "confirm" until overridden.
      confirmedThrough: 2025,
      overrides: { '2014': { phases: sirenPhases(['11:35', '11:38', '11:45', '11:48', '12:00', '12:03']), source: '上海市2014年防空警报试鸣公告：解除警报12:00-12:03' } },
    }),
    'DOMAIN.md; 上海市国动办（民防办）每年发布试鸣公告',
  ),
  beijing: profile('beijing', '北京', 'Beijing', siren(ON_EDUCATION_DAY, sirenPhases(['10:00', '10:03', '10:10', '10:13', '10:20', '10:23']), '北京市人民防空办公室试鸣公告（五环路以外区域）', false), 'DOMAIN.md'),
  jiangsu: profile('jiangsu', '江苏（南京）', 'Jiangsu (Nanjing)', siren({ type: 'fixed', month: 9, day: 18 }, sirenPhases(['10:00', '10:03', '10:08', '10:11', '10:16', '10:19']), '南京市试鸣公告（九一八）', false), 'DOMAIN.md'),
  chongqing: profile('chongqing', '重庆', 'Chongqing', siren({ type: 'fixed', month: 6, day: 5 }, singleTone('10:30', '10:42'), '重庆市试鸣公告（六五大轰炸纪念日，含灾情警报）', false), 'DOMAIN.md'),
  liaoning: profile('liaoning', '辽宁（沈阳）', 'Liaoning (Shenyang)', siren({ type: 'fixed', month: 9, day: 18 }, singleTone('09:18', '09:21'), '沈阳市试鸣公告（九一八，一次3分钟）', false), 'DOMAIN.md'),
  guangzhou: profile('guangzhou', '广州', 'Guangzhou', siren(ON_EDUCATION_DAY, sirenPhases(['10:40', '10:43', '10:50', '10:53', '11:00', '11:03']), '广州市试鸣公告（2024、2025年）', false), 'DOMAIN.md'),
  shenzhen: profile('shenzhen', '深圳', 'Shenzhen', siren({ type: 'fixed', month: 9, day: 18 }, sirenPhases(['10:40', '10:43', '10:50', '10:53', '11:00', '11:03']), '深圳市试鸣公告（2025年）', false), 'DOMAIN.md'),
  wuhan: profile('wuhan', '武汉', 'Wuhan', siren({ type: 'fixed', month: 10, day: 25 }, sirenPhases(['16:00', '16:03', '16:15', '16:18', '16:27', '16:30']), '武汉市试鸣公告（10月25日）', false), 'DOMAIN.md'),
  sichuan: profile('sichuan', '四川（成都）', 'Sichuan (Chengdu)', siren({ type: 'fixed', month: 9, day: 18 }, sirenPhases(['10:00', '10:03', '10:10', '10:13', '10:20', '10:23']), '成都市试鸣公告（时间逐年不同，09:00或10:00开始）', false), 'DOMAIN.md'),
};

/** The default region: Shanghai, where Qingpu District is. */
export const DEFAULT_REGION = 'shanghai';

/** Every built-in region profile. */
export function listRegionProfiles(): RegionProfile[] {
  return Object.values(REGION_PROFILES);
}

/** The built-in region profile with this id, or undefined. */
export function getRegionProfile(id: string): RegionProfile | undefined {
  return Object.hasOwn(REGION_PROFILES, id) ? REGION_PROFILES[id] : undefined;
}

/** Validates a region profile from a user's data file (a new region, or per-year overrides). */
export function parseRegionProfile(json: unknown, file?: string): ParseResult<RegionProfile> {
  const result = RegionProfileSchema.safeParse(json);
  return result.success ? { ok: true, value: result.data, problems: [] } : { ok: false, problems: problemsFromZod(result.error, file ? { file } : {}) };
}
