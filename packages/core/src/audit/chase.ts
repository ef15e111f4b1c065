/**
 * The chase order (优先催办, docs/audit.md "Chase order"): what to chase first, by weight, with the
 * reason in words. Four tiers, in this order:
 *
 * 1. `target-overdue`: overdue (not met) work of a requirement with a 100% coverage target (三（三）
 *    schools, 三（五）communities: one late unit already misses the target);
 * 2. `overdue`: other overdue work, the longest overdue first;
 * 3. `due`: work not yet due, the soonest due first;
 * 4. `optional`: asks the notice words as encouragement (`optional` in the catalog, e.g. 四（二）
 *    "积极创建…品牌"), overdue before due, last whatever their dates.
 *
 * Within a tier: days overdue (most first) or due date (soonest first), then more units first,
 * then the requirement id. The audit's gaps and the work lists use this one order.
 */
import { z } from 'zod';
import { daysBetween } from '../dates/local-date';
import type { LocalizedText } from '../model/text';

/** The tier of a chase item, most urgent first. */
export const ChaseTier = z.enum(['target-overdue', 'overdue', 'due', 'optional']);
/** One tier of {@link ChaseTier}. */
export type ChaseTier = z.infer<typeof ChaseTier>;

const TIER_ORDER: readonly ChaseTier[] = ChaseTier.options;

/** What the weight of an item depends on. */
export interface ChaseFacts {
  status: 'not-met' | 'pending';
  dueDate: string | null;
  /** The requirement's coverage target (1 = 100%), if any. */
  target?: number | null;
  optional?: boolean;
}

/** An item's weight: its tier, days overdue or days left as of the audit date, and why, in words. */
export interface ChaseWeight {
  tier: ChaseTier;
  daysOverdue: number | null;
  daysLeft: number | null;
  why: LocalizedText;
}

/** The weight of one item as of `asOf` (YYYY-MM-DD). */
export function chaseWeight(item: ChaseFacts, asOf: string): ChaseWeight {
  const overdue = item.status === 'not-met';
  const daysOverdue = overdue && item.dueDate !== null ? Math.max(0, daysBetween(item.dueDate, asOf)) : null;
  const daysLeft = !overdue && item.dueDate !== null ? Math.max(0, daysBetween(asOf, item.dueDate)) : null;
  const when: LocalizedText = overdue
    ? daysOverdue === null
      ? { zh: '已逾期', en: 'overdue' }
      : { zh: `已逾期 ${daysOverdue} 天（期限 ${item.dueDate}）`, en: `${daysOverdue} days overdue (due ${item.dueDate})` }
    : daysLeft === null
      ? { zh: '未到期', en: 'not yet due' }
      : { zh: `${daysLeft} 天后到期（期限 ${item.dueDate}）`, en: `due in ${daysLeft} days (${item.dueDate})` };
  let tier: ChaseTier;
  let why: LocalizedText;
  if (item.optional) {
    tier = 'optional';
    why = { zh: `倡导性要求（非硬性任务），排在最后；${when.zh}`, en: `an encouraged ask (not a set task), ranked last; ${when.en}` };
  } else if (overdue && item.target !== undefined && item.target !== null && item.target >= 1) {
    tier = 'target-overdue';
    why = { zh: `覆盖目标 100%，一个单位逾期即未达标；${when.zh}`, en: `100% coverage target: one late unit misses it; ${when.en}` };
  } else if (overdue) {
    tier = 'overdue';
    why = when;
  } else {
    tier = 'due';
    why = when;
  }
  return { tier, daysOverdue, daysLeft, why };
}

/** Sorts items into the chase order (see the module comment); stable for equal keys. */
export function compareChase(
  a: { tier: ChaseTier; status: 'not-met' | 'pending'; dueDate: string | null; count: number; requirementId: string },
  b: { tier: ChaseTier; status: 'not-met' | 'pending'; dueDate: string | null; count: number; requirementId: string },
): number {
  return (
    TIER_ORDER.indexOf(a.tier) - TIER_ORDER.indexOf(b.tier) ||
    (a.status === 'not-met' ? 0 : 1) - (b.status === 'not-met' ? 0 : 1) ||
    // Earlier due dates first: the longest overdue, or the soonest due; no date last.
    (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') ||
    b.count - a.count ||
    a.requirementId.localeCompare(b.requirementId)
  );
}

/** The labels of the tiers, as the reports show them. */
export const CHASE_TIER_LABELS: Readonly<Record<ChaseTier, LocalizedText>> = {
  'target-overdue': { zh: '逾期（100%目标）', en: 'overdue (100% target)' },
  overdue: { zh: '逾期', en: 'overdue' },
  due: { zh: '待完成', en: 'due' },
  optional: { zh: '倡导性', en: 'encouraged' },
};
