/**
 * Evidence facts of one unit for one requirement and year: counts of activities of the kinds that
 * count, inside the year and the due windows, topics covered, and news reported on time.
 */
import { addDays } from '../dates/local-date';
import type { WorkdayCalendar } from '../dates/workdays';
import { NEWS_REPORTABLE_KINDS, type Activity, type ActivityKind } from '../model/activity';
import type { Requirement } from '../model/requirement';
import type { UnitActivities } from './facts';
import type { Schedule } from './schedule';

/** Kinds after which news is due when a catalog's rule names none (结语: 每次活动结束后). */
const REPORTABLE: ReadonlySet<ActivityKind> = new Set(NEWS_REPORTABLE_KINDS);

export interface Evidence {
  facts: Record<string, unknown>;
  used: Activity[];
  /** For after-each-activity requirements: news reports not yet due, so still open. */
  newsOpenCount: number;
}

const NONE: readonly Activity[] = Object.freeze([]);
/** The empty topic list most requirements report, shared (frozen: facts are read, never changed). */
const NO_TOPICS: readonly string[] = Object.freeze([]);

const dayDeadlines = new Map<string, string>();
/** `addDays` for news deadlines, memoised: the same few hundred dates recur across a whole audit. */
function deadlineInDays(date: string, days: number): string {
  const key = `${date}|${days}`;
  let hit = dayDeadlines.get(key);
  if (hit === undefined) {
    if (dayDeadlines.size > 100_000) dayDeadlines.clear();
    dayDeadlines.set(key, (hit = addDays(date, days)));
  }
  return hit;
}

const names = new Map<string, readonly [string, string]>();
/** `inYear:<kind>` and `inWindow:<kind>`, built once per kind rather than per unit and requirement. */
function factNames(kind: string): readonly [string, string] {
  let pair = names.get(kind);
  if (!pair) names.set(kind, (pair = [`inYear:${kind}`, `inWindow:${kind}`]));
  return pair;
}

const requiredTopicLists = new WeakMap<Requirement, string[]>();
/** The topics a requirement's `topics` parameter names (`a;b;c`), split once per requirement. */
function requiredTopics(req: Requirement): string[] {
  let list = requiredTopicLists.get(req);
  if (!list) requiredTopicLists.set(req, (list = String(req.parameters?.topics ?? '').split(';').map((t) => t.trim()).filter(Boolean)));
  return list;
}

/** What every requirement of one unit shares: its activities of the year up to the as-of date. */
export interface UnitEvidenceContext {
  yearActivities?: Activity[];
  /** How many of those have no reference to evidence. */
  withoutReference?: number;
}

export function evidenceFacts(req: Requirement, schedule: Schedule, acts: UnitActivities, year: number, asOf: string, calendar: WorkdayCalendar, shared: UnitEvidenceContext = {}): Evidence {
  const yearStart = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  const last = asOf < yearEnd ? asOf : yearEnd;
  const inYear = (a: Activity) => a.date >= yearStart && a.date <= last;
  const from = req.cadence === 'once' || req.cadence === 'continuous' ? '0001-01-01' : yearStart;
  const eligible: Activity[] = [];
  for (const kind of req.evidenceKinds) for (const a of acts.byKind.get(kind) ?? NONE) if (a.date >= from && a.date <= last) eligible.push(a);
  // Each kind's records are in date order already (groupActivities): one kind needs no sort.
  if (req.evidenceKinds.length > 1) eligible.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  const { occasions } = schedule;
  const inAnyWindow = (a: Activity) => {
    for (const o of occasions) if (a.date >= o.start && a.date <= (o.countsUntil ?? o.end)) return true;
    return false;
  };
  const inWindow = occasions.length > 0 && eligible.length > 0 ? eligible.filter(inAnyWindow) : eligible;
  let occasionsWithEvidence = 0;
  let occasionsEnded = 0;
  for (const o of occasions) {
    if (o.end < asOf) occasionsEnded++;
    const until = o.countsUntil ?? o.end;
    for (const a of eligible) {
      if (a.date >= o.start && a.date <= until) {
        occasionsWithEvidence++;
        break;
      }
    }
  }
  let participants = 0;
  for (const a of eligible) participants += a.participants ?? 0;
  const facts: Record<string, unknown> = { evidenceCount: eligible.length, evidenceInWindowCount: inWindow.length, occasionsWithEvidence, occasionsEnded, participants };
  for (const kind of req.evidenceKinds) {
    const [inYearName, inWindowName] = factNames(kind);
    let inYearCount = 0;
    for (const a of eligible) if (a.kind === kind) inYearCount++;
    let inWindowCount = 0;
    for (const a of inWindow) if (a.kind === kind) inWindowCount++;
    facts[inYearName] = inYearCount;
    facts[inWindowName] = inWindowCount;
  }
  // Most records carry no topics: no set is built for them.
  let topics: Set<string> | undefined;
  for (const a of eligible) if (a.topics !== undefined && a.topics.length > 0) for (const t of a.topics) (topics ??= new Set()).add(t);
  facts.topicsCovered = topics ? [...topics].sort() : NO_TOPICS;
  const required = requiredTopics(req);
  facts.requiredTopicsCovered = topics ? required.filter((t) => topics.has(t)).length : 0;

  const yearActivities = (shared.yearActivities ??= acts.all.filter(inYear));
  facts.activityCount = yearActivities.length;
  facts.activitiesWithoutReference = shared.withoutReference ??= yearActivities.filter((a) => !a.reference).length;

  let used = req.evidenceKinds.length > 0 ? inWindow : yearActivities;
  let newsOpenCount = 0;
  if (req.due.type === 'after-each-activity') {
    const due = req.due;
    const reportable = yearActivities.filter((a) => (due.of.length > 0 ? due.of.includes(a.kind) : REPORTABLE.has(a.kind)));
    // Each news report covers one activity on or before its date, oldest first.
    const reports = (acts.byKind.get('activity-news-reported') ?? NONE).filter((a) => a.date <= last).map((a) => a.date);
    let onTime = 0;
    let late = 0;
    let dueCount = 0;
    const usedReports: Activity[] = [];
    const newsReports = acts.byKind.get('activity-news-reported') ?? NONE;
    for (const activity of reportable) {
      const deadline = due.unit === 'workdays' ? calendar.addWorkdays(activity.date, due.within) : deadlineInDays(activity.date, due.within);
      const index = reports.findIndex((d) => d >= activity.date && d <= deadline);
      if (index >= 0) {
        usedReports.push(newsReports.find((r) => r.date === reports[index])!);
        reports.splice(index, 1);
        onTime++;
        dueCount++;
      } else if (deadline < asOf) {
        late++;
        dueCount++;
      } else newsOpenCount++;
    }
    Object.assign(facts, { newsDueCount: dueCount, newsOnTimeCount: onTime, newsLateCount: late });
    used = usedReports;
  }
  return { facts, used, newsOpenCount };
}
