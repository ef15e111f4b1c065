/**
 * The national key dates the notice hangs its work on, as rules (DOMAIN.md). The air-raid siren
 * test is regional and lives in the region profiles.
 */
import type { KeyDateRule, Phase } from '../model/key-date';

/**
 * The national key dates every plan uses (DOMAIN.md): National Defence Education Day, Disaster Prevention Day, Fire Safety Day, Civil Defence Day, National Security Education Day and the annual-plan deadline, as rules rather than lists.
 */
export const BUILT_IN_KEY_DATE_RULES: readonly KeyDateRule[] = [
  {
    id: 'national-defense-education-day',
    title: { zh: '全民国防教育日', en: 'National Defence Education Day' },
    rule: { type: 'nth-weekday', month: 9, weekday: 6, n: 3 },
    since: 2001,
    source: '全国人大常委会关于设立全民国防教育日的决定（2001）：每年九月的第三个星期六',
    confirmed: true,
  },
  {
    id: 'disaster-prevention-day',
    title: { zh: '全国防灾减灾日', en: 'National Disaster Prevention and Reduction Day' },
    rule: { type: 'fixed', month: 5, day: 12 },
    since: 2009,
    source: '国务院批复（2009）：每年5月12日为全国防灾减灾日',
    confirmed: true,
  },
  {
    id: 'fire-safety-day',
    title: { zh: '全国消防日', en: 'National Fire Day' },
    rule: { type: 'fixed', month: 11, day: 9 },
    since: 1992,
    source: '公安部（1992）：每年11月9日为全国消防日',
    confirmed: true,
  },
  {
    id: 'civil-defense-day',
    title: { zh: '国际民防日', en: 'World Civil Defence Day' },
    rule: { type: 'fixed', month: 3, day: 1 },
    since: 1990,
    source: '国际民防组织（1990）：每年3月1日为国际民防日',
    confirmed: true,
  },
  {
    id: 'national-security-education-day',
    title: { zh: '全民国家安全教育日', en: 'National Security Education Day' },
    rule: { type: 'fixed', month: 4, day: 15 },
    since: 2016,
    source: '《中华人民共和国国家安全法》（2015）第十四条：每年4月15日为全民国家安全教育日',
    confirmed: true,
  },
  {
    id: 'annual-plan-deadline',
    title: { zh: '年度工作计划报送截止', en: 'Annual work plan due' },
    rule: { type: 'last-day', month: 2 },
    source: '青国动〔2024〕10号 四（一）：于每年2月底报送区国动办',
    confirmed: true,
  },
];

/** The national siren signals (DOMAIN.md), with the sound pattern each phase uses. */
export function sirenPhases(times: readonly [string, string, string, string, string, string]): Phase[] {
  return [
    {
      id: 'pre-warning',
      title: { zh: '预先警报', en: 'Pre-warning' },
      start: times[0],
      end: times[1],
      pattern: { zh: '鸣36秒，停24秒，反复3遍（3分钟）', en: 'sound 36 s, silent 24 s, three times (3 min)' },
    },
    {
      id: 'air-raid-warning',
      title: { zh: '空袭警报', en: 'Air-raid warning' },
      start: times[2],
      end: times[3],
      pattern: { zh: '鸣6秒，停6秒，反复15遍（3分钟）', en: 'sound 6 s, silent 6 s, fifteen times (3 min)' },
    },
    {
      id: 'all-clear',
      title: { zh: '解除警报', en: 'All clear' },
      start: times[4],
      end: times[5],
      pattern: { zh: '连续长鸣3分钟', en: 'one continuous tone (3 min)' },
    },
  ];
}
