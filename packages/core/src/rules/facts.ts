/**
 * The fact vocabulary a catalog's conditions may use, and how the facts of one unit, one
 * requirement and one year are prepared from the unit and its activities. Facts are flat
 * (json-rules-engine is ~3x slower on JSONPath facts, TOOLCHAIN.md).
 */
import type { Activity, ActivityKind } from '../model/activity';
import { ActivityKind as ActivityKinds } from '../model/activity';
import type { LocalizedText } from '../model/text';

/** A fact that conditions may test: its name, description, and scope (a fact of the unit, or evidence computed from its activities). */
export interface FactSpec {
  readonly name: string;
  readonly description: LocalizedText;
  /** Unit facts describe the unit; evidence facts are computed per requirement from activities. */
  readonly scope: 'unit' | 'evidence';
}

const f = (name: string, scope: FactSpec['scope'], zh: string, en: string): FactSpec => ({ name, scope, description: { zh, en } });

/** Every fact a condition may name, with its description in zh/en. */
export const FACTS: readonly FactSpec[] = [
  f('kind', 'unit', '单位类型', 'unit kind'),
  f('roles', 'unit', '单位角色', 'roles the unit holds'),
  f('town', 'unit', '所属街镇', 'town'),
  f('communityType', 'unit', '社区类别（居委/村委）', 'community type (residential or village)'),
  f('headCount', 'unit', '人数', 'head count'),
  f('attributes', 'unit', '自定义属性', 'free attributes'),
  f('evidenceCount', 'evidence', '佐证记录数（一次性要求含往年记录，其余仅本年；截至评估日）', 'evidence records (earlier years included for work done once, else this year only; up to the as-of date)'),
  f('evidenceInWindowCount', 'evidence', '核查期间内的佐证活动数', 'evidence activities in the audited period'),
  f('occasionsWithEvidence', 'evidence', '有佐证的时间节点数', 'occasions (key dates) with evidence'),
  f('occasionsEnded', 'evidence', '已结束的时间节点数', 'occasions whose window has ended'),
  f('requiredTopicsCovered', 'evidence', '已覆盖的规定内容项数', 'required topics covered'),
  f('topicsCovered', 'evidence', '已覆盖的内容项', 'topics covered by the evidence'),
  f('participants', 'evidence', '参加人数合计', 'participants in total'),
  f('activityCount', 'evidence', '本年全部活动数', 'all activities of the unit this year'),
  f('activitiesWithoutReference', 'evidence', '缺少佐证材料的活动数', 'activities without a reference to evidence'),
  f('newsDueCount', 'evidence', '已到报送期限的活动数', 'activities whose news report is due'),
  f('newsOnTimeCount', 'evidence', '按时报送新闻的活动数', 'activities reported on time'),
  f('newsLateCount', 'evidence', '未按时报送新闻的活动数', 'activities not reported on time'),
  ...ActivityKinds.options.flatMap((kind) => [
    f(`inYear:${kind}`, 'evidence', `本年「${kind}」活动数`, `"${kind}" activities this year`),
    f(`inWindow:${kind}`, 'evidence', `期限内「${kind}」活动数`, `"${kind}" activities within the window`),
  ]),
];

/** The names of {@link FACTS}. */
export const FACT_NAMES: ReadonlySet<string> = new Set(FACTS.map((fact) => fact.name));
const FACT_BY_NAME = new Map(FACTS.map((fact) => [fact.name, fact]));

/** The description of a fact in zh/en. */
export function describeFact(name: string): LocalizedText {
  return FACT_BY_NAME.get(name)?.description ?? { zh: name, en: name };
}

/** Activities grouped once per unit: by kind, sorted by date. */
export interface UnitActivities {
  readonly all: readonly Activity[];
  readonly byKind: ReadonlyMap<ActivityKind, readonly Activity[]>;
}

export function groupActivities(activities: readonly Activity[]): UnitActivities {
  const sorted = [...activities].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const byKind = new Map<ActivityKind, Activity[]>();
  for (const a of sorted) {
    const list = byKind.get(a.kind);
    if (list) list.push(a);
    else byKind.set(a.kind, [a]);
  }
  return { all: sorted, byKind };
}
