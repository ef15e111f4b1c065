/** Reasons in words from json-rules-engine's evaluated condition tree: which condition passed or failed. */
import { ACTIVITY_KIND_LABELS, type Activity } from '../model/activity';
import type { Requirement } from '../model/requirement';
import type { LocalizedText } from '../model/text';
import { conditionLeaves } from '../model/condition';
import { describeFact } from './facts';
import { operatorOf } from './operators';

/** The one rule for earlier-year evidence (docs/audit.md): asks the notice makes once accept it. */
export function acceptsEarlierYears(req: Pick<Requirement, 'cadence'>): boolean {
  return req.cadence === 'once' || req.cadence === 'continuous';
}

/** The label every project default carries (brief: "默认，可调整 / default, adjustable"). */
export const DEFAULT_LABEL: LocalizedText = { zh: '默认，可调整', en: 'default, adjustable' };

/**
 * Completes a reason: for once-made work, the dated record it rests on (earlier years count, so
 * the date is named); for recurring work, that only the audited year counts; and every project
 * default the requirement uses, labelled as such.
 */
export function withNotes(req: Requirement, reason: LocalizedText, evidence: { used: readonly Activity[] }, year: number): LocalizedText {
  let { zh, en } = reason;
  if (req.evidenceKinds.length > 0 && req.due.type !== 'after-each-activity') {
    if (acceptsEarlierYears(req)) {
      const first = evidence.used[0];
      if (first) {
        const earlier = first.date < `${year}-01-01`;
        zh += `；依据 ${first.date}「${ACTIVITY_KIND_LABELS[first.kind].zh}」记录${earlier ? '（一次性要求，往年记录有效）' : ''}`;
        en += `; rests on the ${first.date} record "${ACTIVITY_KIND_LABELS[first.kind].en}"${earlier ? ' (work done once: earlier years count)' : ''}`;
      } else {
        zh += '；一次性要求，往年记录也有效';
        en += '; work done once: records from earlier years count too';
      }
    } else {
      zh += `；仅计 ${year} 年内（截至评估日）的记录`;
      en += `; only records dated in ${year} (up to the as-of date) count`;
    }
  }
  if (req.due.type === 'by-year-end' && req.due.deadline !== undefined) {
    zh += `；截止日 ${req.due.deadline} 为本区参数设置（通知未规定日期，本年内完成均计）`;
    en += `; the ${req.due.deadline} deadline is this district's setting (the notice sets no date; work done any time in the year counts)`;
  }
  for (const name of req.defaults ?? []) {
    const value = req.parameters?.[name];
    zh += `；${name} = ${String(value)}（${DEFAULT_LABEL.zh}）`;
    en += `; ${name} = ${String(value)} (${DEFAULT_LABEL.en})`;
  }
  return { zh, en };
}

export interface Leaf {
  all?: Leaf[];
  any?: Leaf[];
  not?: Leaf;
  fact?: string;
  operator?: string;
  value?: unknown;
  path?: string;
  result?: boolean;
  factResult?: unknown;
}

function show(value: unknown): string {
  if (value === undefined) return '—';
  return Array.isArray(value) ? `[${value.join(', ')}]` : String(value);
}

/** Names the conditions that decided the outcome: the passing ones when met, the failing ones otherwise. */
export function describeLeaves(tree: Leaf, prefix: string, passed: boolean, which: 'applies' | 'complies'): LocalizedText {
  const all = conditionLeaves<Leaf>(tree);
  const deciding = all.filter((l) => Boolean(l.result) === passed);
  const chosen = deciding.length > 0 ? deciding : all;
  const parts = chosen.map((l) => {
    const fact = describeFact(l.fact!.startsWith(prefix) ? l.fact!.slice(prefix.length) : l.fact!);
    const op = operatorOf(l.operator ?? '')?.symbol ?? { zh: l.operator ?? '', en: l.operator ?? '' };
    return {
      zh: `${fact.zh}为 ${show(l.factResult)}（要求 ${op.zh} ${show(l.value)}）`,
      en: `${fact.en} is ${show(l.factResult)} (needs ${op.en} ${show(l.value)})`,
    };
  });
  const lead = which === 'applies' ? { zh: '不适用：', en: 'does not apply: ' } : passed ? { zh: '已满足：', en: 'met: ' } : { zh: '未满足：', en: 'not met: ' };
  return { zh: lead.zh + parts.map((p) => p.zh).join('；'), en: lead.en + parts.map((p) => p.en).join('; ') };
}
