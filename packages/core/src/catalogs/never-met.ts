/**
 * Rules that can never be met, found when a catalog is read (docs/catalog-authoring.md): what the
 * evaluator decides without any unit or activity. Only conditions every path must pass are read
 * (the root and its `all` chains); a leaf under `any` or `not` may be bypassed and is left alone.
 *
 * - a compliance condition counting activities of a kind (`inYear:K`, `inWindow:K`) that is not
 *   among the requirement's evidence kinds: the fact is never computed;
 * - evidence facts required while the requirement lists no evidence kind: they stay 0;
 * - a count required above its ceiling: more occasions than the due rule has, more required
 *   topics than the requirement names, `minOccasions` above its key dates;
 * - a count required below zero;
 * - an `appliesTo` whose `kind` tests exclude every unit kind: the rule applies to no unit.
 */
import { problem, type Problem } from '../model/problem';
import type { Requirement } from '../model/requirement';
import { UnitKind } from '../model/unit';

interface Leaf {
  fact: string;
  operator: string;
  value: unknown;
  path: (string | number)[];
}

/** The leaves every evaluation must pass: the root leaf and those reached through `all` only. */
function necessaryLeaves(condition: unknown, path: (string | number)[]): Leaf[] {
  if (typeof condition !== 'object' || condition === null) return [];
  const c = condition as Record<string, unknown>;
  if (typeof c.fact === 'string' && typeof c.operator === 'string') return [{ fact: c.fact, operator: c.operator, value: c.value, path }];
  if (Array.isArray(c.all)) return c.all.flatMap((child, i) => necessaryLeaves(child, [...path, 'all', i]));
  // `any` with one child is that child.
  if (Array.isArray(c.any) && c.any.length === 1) return necessaryLeaves(c.any[0], [...path, 'any', 0]);
  return [];
}

/** Facts computed from the requirement's evidence kinds only: 0 when it lists none. */
const FROM_EVIDENCE = new Set(['evidenceCount', 'evidenceInWindowCount', 'occasionsWithEvidence', 'participants', 'requiredTopicsCovered']);

/** The smallest value the leaf needs, when it needs one (`>= v`, `> v`, `== v`). */
function lowerNeed(leaf: Leaf): number | undefined {
  if (typeof leaf.value !== 'number') return undefined;
  if (leaf.operator === 'greaterThanInclusive' || leaf.operator === 'equal') return leaf.value;
  if (leaf.operator === 'greaterThan') return Math.floor(leaf.value) + 1;
  return undefined;
}

/** The leaf cannot hold for any count (0 or more): `< 0`, `<= -1`, `== -1`. */
function belowZero(leaf: Leaf): boolean {
  if (typeof leaf.value !== 'number') return false;
  return (leaf.operator === 'lessThan' && leaf.value <= 0) || (leaf.operator === 'lessThanInclusive' && leaf.value < 0) || (leaf.operator === 'equal' && leaf.value < 0);
}

function occasionCeiling(due: Requirement['due']): number | undefined {
  switch (due.type) {
    case 'each-key-date':
      return due.keyDates.length;
    case 'after-each-activity':
      return 0;
    default:
      return 1;
  }
}

const COUNT_FACTS = new Set([...FROM_EVIDENCE, 'occasionsEnded', 'activityCount', 'activitiesWithoutReference', 'newsDueCount', 'newsOnTimeCount', 'newsLateCount', 'headCount']);

/** Problems of one requirement's rules that no unit and no activity can ever meet. */
export function neverMetProblems(req: Requirement, base: (string | number)[], file?: string): Problem[] {
  const problems: Problem[] = [];
  const at = (path: (string | number)[]) => ({ path, ...(file ? { file } : {}) });
  const kinds = new Set<string>(req.evidenceKinds);
  const topics = String(req.parameters?.topics ?? '').split(';').map((t) => t.trim()).filter(Boolean).length;
  for (const leaf of necessaryLeaves(req.compliance, [...base, 'compliance'])) {
    const counted = /^(inYear|inWindow):(.+)$/.exec(leaf.fact)?.[2];
    const need = lowerNeed(leaf);
    if (counted !== undefined && !kinds.has(counted)) {
      problems.push(problem('evidence_kind_not_collected', {
        zh: `合规条件统计「${counted}」活动，但它不在本要求的佐证类型（evidenceKinds：${req.evidenceKinds.join('、') || '无'}）中：该数值从不计算，本要求永远无法完成`,
        en: `the compliance condition counts "${counted}" activities, which are not among the requirement's evidence kinds (evidenceKinds: ${req.evidenceKinds.join(', ') || 'none'}): the count is never made and the requirement can never be met`,
      }, at([...leaf.path, 'fact'])));
      continue;
    }
    if (need !== undefined && need > 0 && kinds.size === 0 && (FROM_EVIDENCE.has(leaf.fact) || counted !== undefined)) {
      problems.push(problem('no_evidence_kinds', {
        zh: `合规条件要求「${leaf.fact}」至少为 ${need}，但本要求没有列出任何佐证类型（evidenceKinds 为空）：该数值始终为 0，永远无法完成`,
        en: `the compliance condition needs "${leaf.fact}" of at least ${need}, but the requirement lists no evidence kind (evidenceKinds is empty): it stays 0 and can never be met`,
      }, at([...leaf.path, 'value'])));
      continue;
    }
    const ceiling = leaf.fact === 'occasionsWithEvidence' || leaf.fact === 'occasionsEnded' ? occasionCeiling(req.due) : leaf.fact === 'requiredTopicsCovered' ? topics : undefined;
    if (need !== undefined && ceiling !== undefined && need > ceiling) {
      const what = leaf.fact === 'requiredTopicsCovered' ? { zh: `本要求规定的内容项只有 ${ceiling} 项（parameters.topics）`, en: `the requirement names only ${ceiling} required topics (parameters.topics)` } : { zh: `期限规则（due：${req.due.type}）一年最多 ${ceiling} 个时间节点`, en: `the due rule (due: ${req.due.type}) has at most ${ceiling} occasions a year` };
      problems.push(problem('count_above_ceiling', { zh: `合规条件要求「${leaf.fact}」至少为 ${need}，但${what.zh}：永远无法完成`, en: `the compliance condition needs "${leaf.fact}" of at least ${need}, but ${what.en}: it can never be met` }, at([...leaf.path, 'value'])));
    }
    if (COUNT_FACTS.has(leaf.fact) && belowZero(leaf)) {
      problems.push(problem('count_below_zero', { zh: `「${leaf.fact}」是计数，不会小于 0：条件「${leaf.operator} ${String(leaf.value)}」永远无法满足`, en: `"${leaf.fact}" is a count and never below 0: "${leaf.operator} ${String(leaf.value)}" can never hold` }, at([...leaf.path, 'value'])));
    }
  }
  if (req.due.type === 'each-key-date' && req.due.minOccasions > req.due.keyDates.length) {
    problems.push(problem('count_above_ceiling', {
      zh: `minOccasions 为 ${req.due.minOccasions}，但只列出 ${req.due.keyDates.length} 个关键日期：永远无法完成`,
      en: `minOccasions is ${req.due.minOccasions}, but only ${req.due.keyDates.length} key dates are listed: it can never be met`,
    }, at([...base, 'due', 'minOccasions'])));
  }
  // Which unit kinds pass every `kind` test on the necessary path of appliesTo.
  let possible = new Set<string>(UnitKind.options);
  for (const leaf of necessaryLeaves(req.appliesTo, [...base, 'appliesTo']).filter((l) => l.fact === 'kind')) {
    const values = (Array.isArray(leaf.value) ? leaf.value : [leaf.value]).filter((v): v is string => typeof v === 'string');
    if (leaf.operator === 'in' || leaf.operator === 'equal') possible = new Set([...possible].filter((k) => values.includes(k)));
    else if (leaf.operator === 'notIn' || leaf.operator === 'notEqual') possible = new Set([...possible].filter((k) => !values.includes(k)));
  }
  if (possible.size === 0) {
    problems.push(problem('applies_to_no_kind', { zh: '适用条件（appliesTo）中的单位类型条件互相排斥：没有任何单位类型能满足，本要求不适用于任何单位', en: 'the unit kind tests of appliesTo exclude one another: no unit kind passes them, and the requirement applies to no unit' }, at([...base, 'appliesTo'])));
  }
  return problems;
}
