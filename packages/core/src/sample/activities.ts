/**
 * A synthetic activity log for the sample district, with realistic gaps: most units do most of
 * what the notice asks, some miss things, some report news late or never. Deterministic per year.
 */
import { KEY_DATE_IDS, addDays, addWorkdays, isWorkday, keyDatesFor, previousWorkday, type Activity, type ActivityKind, type UnitKind } from '@liujin/core';
import { makeLocalDate, NEWS_REPORTABLE_KINDS } from '@liujin/core/plugin';
import { seededRandom, seedOf } from './random';
import { sampleRegistry } from './registry';

type When = 'feb' | 'late-plan' | 'year' | 'before' | 'ed' | 'siren' | 'may12' | 'nov9' | 'dec' | 'q1' | 'summer';

interface Template {
  kinds: readonly UnitKind[];
  activity: ActivityKind;
  when: When;
  p: number;
  topics?: () => string[];
  /** Administrative records get no news report of their own. */
  admin?: boolean;
}

/** News is reported after these (结语), not after records such as displays or online posts. */
const REPORTABLE: ReadonlySet<ActivityKind> = new Set(NEWS_REPORTABLE_KINDS);
const GOVERNING: UnitKind[] = ['town', 'member-unit', 'party-school'];
const ORGANS: UnitKind[] = ['member-unit', 'organ', 'town'];
const NETWORK: UnitKind[] = ['town', 'member-unit'];
const ENTERPRISES: UnitKind[] = ['enterprise', 'park'];
const SKILLS = ['siren-listening', 'cpr', 'bandaging', 'escape-knots', 'gas-masks', 'extinguishers'];

function templates(rand: () => number): Template[] {
  const pick = (items: readonly string[], n: number) => [...items].sort(() => rand() - 0.5).slice(0, n);
  return [
    { kinds: GOVERNING, activity: 'annual-plan-submitted', when: 'feb', p: 0.85, admin: true },
    { kinds: GOVERNING, activity: 'annual-plan-submitted', when: 'late-plan', p: 0.08, admin: true },
    { kinds: GOVERNING, activity: 'brand-initiative', when: 'year', p: 0.5 },
    { kinds: GOVERNING, activity: 'work-summary', when: 'dec', p: 0.6, admin: true },
    { kinds: GOVERNING, activity: 'budget-allocated', when: 'q1', p: 0.7, admin: true },
    { kinds: ORGANS, activity: 'study-session', when: 'year', p: 0.8 },
    { kinds: ORGANS, activity: 'cadre-training', when: 'year', p: 0.7 },
    { kinds: ORGANS, activity: 'display', when: 'year', p: 0.7 },
    { kinds: ORGANS, activity: 'online-publicity', when: 'year', p: 0.8 },
    { kinds: ORGANS, activity: 'education-base-visit', when: 'year', p: 0.5 },
    { kinds: ORGANS, activity: 'evacuation-drill', when: 'siren', p: 0.6 },
    { kinds: NETWORK, activity: 'online-publicity', when: 'ed', p: 0.7 },
    { kinds: NETWORK, activity: 'online-publicity', when: 'ed', p: 0.6, topics: () => ['media-cooperation'] },
    { kinds: NETWORK, activity: 'media-product', when: 'year', p: 0.55 },
    { kinds: ['district-office'], activity: 'media-product', when: 'year', p: 0.95 },
    { kinds: ['district-office'], activity: 'liaison-mechanism', when: 'q1', p: 0.9, admin: true },
    { kinds: ['party-school'], activity: 'liaison-mechanism', when: 'before', p: 0.9, admin: true },
    { kinds: ['party-school'], activity: 'cobuilding-agreement', when: 'before', p: 0.85, admin: true },
    { kinds: ['party-school'], activity: 'course', when: 'year', p: 0.95 },
    { kinds: ['party-school'], activity: 'education-base-visit', when: 'year', p: 0.8 },
    { kinds: ['party-school'], activity: 'display', when: 'q1', p: 0.85, topics: () => ['books', 'posters', 'films'] },
    { kinds: ['party-school'], activity: 'concentrated-publicity', when: 'ed', p: 0.9 },
    { kinds: ['party-school'], activity: 'site-established', when: 'before', p: 0.8, admin: true },
    { kinds: ['party-school'], activity: 'training', when: 'summer', p: 0.6, topics: () => ['community-volunteers'] },
    { kinds: ['school'], activity: 'liaison-mechanism', when: 'before', p: 0.85, admin: true },
    { kinds: ['school'], activity: 'evacuation-plan-compiled', when: 'before', p: 0.85, admin: true },
    { kinds: ['school'], activity: 'evacuation-drill', when: 'siren', p: 0.88 },
    { kinds: ['school'], activity: 'course', when: 'year', p: 0.9 },
    { kinds: ['school'], activity: 'online-publicity', when: 'year', p: 0.8 },
    { kinds: ['school'], activity: 'contest', when: 'ed', p: 0.7 },
    { kinds: ENTERPRISES, activity: 'team-established', when: 'before', p: 0.7, admin: true },
    { kinds: ENTERPRISES, activity: 'liaison-mechanism', when: 'before', p: 0.5, admin: true },
    { kinds: ENTERPRISES, activity: 'evacuation-plan-compiled', when: 'before', p: 0.75, admin: true },
    { kinds: ENTERPRISES, activity: 'evacuation-drill', when: 'may12', p: 0.5 },
    { kinds: ENTERPRISES, activity: 'evacuation-drill', when: 'ed', p: 0.55 },
    { kinds: ENTERPRISES, activity: 'evacuation-drill', when: 'nov9', p: 0.5 },
    { kinds: ENTERPRISES, activity: 'site-established', when: 'before', p: 0.5, admin: true },
    { kinds: ENTERPRISES, activity: 'display', when: 'year', p: 0.6 },
    { kinds: ENTERPRISES, activity: 'concentrated-publicity', when: 'ed', p: 0.6 },
    { kinds: ENTERPRISES, activity: 'management-integration', when: 'before', p: 0.5, admin: true },
    { kinds: ['community'], activity: 'site-established', when: 'before', p: 0.7, admin: true, topics: () => pick(['story-corridor', 'micro-exhibition', 'experience-corner'], 1) },
    { kinds: ['community'], activity: 'team-established', when: 'before', p: 0.8, admin: true },
    { kinds: ['community'], activity: 'shelter-visit', when: 'year', p: 0.6 },
    { kinds: ['community'], activity: 'training', when: 'ed', p: 0.82, topics: () => pick(SKILLS, 2 + Math.floor(rand() * 4)) },
    { kinds: ['community'], activity: 'evacuation-plan-revised', when: 'summer', p: 0.86, admin: true },
    { kinds: ['community'], activity: 'evacuation-drill', when: 'siren', p: 0.85 },
    { kinds: ['media'], activity: 'online-publicity', when: 'ed', p: 0.95 },
    { kinds: ['media'], activity: 'media-product', when: 'year', p: 0.9 },
  ];
}

/** Synthetic activity records of the sample district for `year` (seeded: the same on every run). */
export function sampleActivities(year: number): Activity[] {
  const rand = seededRandom(seedOf(`activities-${year}`));
  const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
  const dates = new Map(keyDatesFor(year).map((k) => [k.id, k.date]));
  const ed = dates.get(KEY_DATE_IDS.educationDay) ?? makeLocalDate(year, 9, 19);
  const siren = dates.get(KEY_DATE_IDS.sirenTest) ?? ed;
  const on = (date: string, spread: number) => addDays(date, int(-spread, spread));
  const dateFor = (when: When): string => {
    switch (when) {
      case 'feb':
        return makeLocalDate(year, 2, int(5, 26));
      case 'late-plan':
        return makeLocalDate(year, 3, int(3, 20));
      case 'year':
        return addDays(makeLocalDate(year, 1, 10), int(0, 330));
      case 'before':
        return addDays(makeLocalDate(year - 1, 3, 1), int(0, 270));
      case 'ed':
        return on(ed, 3);
      case 'siren':
        // Schools and communities drill on the test day, or the working day before a weekend test.
        return isWorkday(siren) || rand() < 0.5 ? siren : previousWorkday(siren);
      case 'may12':
        return on(makeLocalDate(year, 5, 12), 2);
      case 'nov9':
        return on(makeLocalDate(year, 11, 9), 2);
      case 'dec':
        return makeLocalDate(year, 12, int(1, 20));
      case 'q1':
        return addDays(makeLocalDate(year, 1, 5), int(0, 80));
      case 'summer':
        return addDays(makeLocalDate(year, 6, 1), int(0, 95));
    }
  };
  const list = templates(rand);
  const out: Activity[] = [];
  let serial = 0;
  for (const unit of sampleRegistry().units) {
    for (const t of list) {
      if (!t.kinds.includes(unit.kind) || rand() >= t.p) continue;
      const date = dateFor(t.when);
      serial++;
      const activity: Activity = {
        id: `sample-${year}-${String(serial).padStart(5, '0')}`,
        unitId: unit.id,
        kind: t.activity,
        date,
        ...(t.activity === 'evacuation-drill' && t.when === 'siren' ? { time: '11:35' } : {}),
        ...(t.topics ? { topics: t.topics() } : {}),
        ...(unit.headCount && !t.admin ? { participants: Math.max(5, Math.round(unit.headCount * (0.3 + rand() * 0.6))) } : {}),
        ...(rand() < 0.92 ? { reference: `示例佐证材料-${year}-${serial}` } : {}),
      };
      out.push(activity);
      // News of the activity: most on time, some late, some never.
      if (REPORTABLE.has(t.activity) && rand() < 0.82) {
        const reportDate = addWorkdays(date, rand() < 0.85 ? int(0, 4) : int(6, 12));
        if (reportDate <= `${year}-12-31`) {
          serial++;
          out.push({ id: `sample-${year}-${String(serial).padStart(5, '0')}`, unitId: unit.id, kind: 'activity-news-reported', date: reportDate, reference: `示例新闻-${year}-${serial}` });
        }
      }
    }
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id! < b.id! ? -1 : 1));
}
