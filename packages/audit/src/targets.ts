/**
 * How every report shows a target and a year-on-year change, in the same words: met / all
 * applicable units first, pending, not-assessed and waived beside it, the state (met only when
 * met / all reaches the target; on track or behind before), and the share of the work already due
 * as a second, labelled figure (docs/audit.md).
 */
import type { AuditResult, Lang } from '@liujin/core';
import type { Coverage, TargetStatus } from '@liujin/core/plugin';
import { csvField, percent } from './text';

const TARGET_STATUS_LABELS: Readonly<Record<TargetStatus, { zh: string; en: string; mark: string }>> = {
  met: { zh: '已达标', en: 'target met', mark: '✔' },
  'on-track': { zh: '进行中（无逾期）', en: 'on track (nothing overdue)', mark: '…' },
  behind: { zh: '落后（有逾期未完成）', en: 'behind (some work overdue)', mark: '✘' },
};

export function targetStatusText(status: TargetStatus | null, lang: Lang): string {
  if (status === null) return '—';
  const l = TARGET_STATUS_LABELS[status];
  return `${l.mark} ${l[lang]}`;
}

/** "50/64 (78.1%)": met over all applicable units, waived left out. */
export function metOfAll(c: Coverage): string {
  return `${c.met}/${c.all} (${percent(c.shareOfAll)})`;
}

/** Pending, not assessed, waived and not met, counted beside the headline figure. */
export function openCounts(c: Coverage, lang: Lang): string {
  return lang === 'zh'
    ? `未到期 ${c.pending}，无法评估 ${c.notAssessed}，已豁免 ${c.waived}，未完成 ${c.notMet}`
    : `pending ${c.pending}, not assessed ${c.notAssessed}, waived ${c.waived}, not met ${c.notMet}`;
}

export const DUE_SHARE_LABEL = { zh: '已到期工作完成率（第二指标）', en: 'share of the work already due (second figure)' } as const;
export const OF_ALL_LABEL = { zh: '已完成/全部适用单位', en: 'met / all applicable units' } as const;

/** "100.0% (50/50)": met over the work already due. */
export function dueShare(c: Coverage): string {
  return `${percent(c.share)} (${c.met}/${c.denominator})`;
}

/** Column heads of the change table: this audit and the previous one, by as-of date. */
export function changeHeads(audit: AuditResult, lang: Lang): { title: string; now: string; before: string } {
  const change = audit.change!;
  const before = change.previousAsOf ?? String(change.previousYear);
  return lang === 'zh'
    ? { title: `与上次核查相比（${change.previousYear} 年，评估日 ${before}）`, now: `本次 ${audit.asOf}`, before: `上次 ${before}` }
    : { title: `Change since the previous audit (${change.previousYear}, as of ${before})`, now: `now ${audit.asOf}`, before: `then ${before}` };
}

/** Percentage points between two shares, signed; — when either is missing. */
function points(now: number | null, before: number | null): string {
  if (now === null || before === null) return '—';
  const d = Math.round((now - before) * 1000) / 10;
  return `${d > 0 ? '+' : d < 0 ? '−' : '±'}${Math.abs(d).toFixed(1)}`;
}

/** The rows of a year-on-year table: overall, then every requirement. */
export function changeRows(audit: AuditResult, lang: Lang): { label: string; now: string; before: string; delta: string; dueNow: string; dueBefore: string }[] {
  const change = audit.change;
  if (!change) return [];
  const titles = new Map(audit.byRequirement.map((r) => [r.requirementId, `${r.clause} ${r.title[lang]}`]));
  return [{ label: lang === 'zh' ? '总体' : 'Overall', ...change.overall }, ...change.byRequirement.map((r) => ({ label: titles.get(r.requirementId) ?? r.requirementId, ...r }))].map((r) => ({
    label: r.label,
    now: percent(r.shareOfAll),
    before: percent(r.previousShareOfAll),
    delta: points(r.shareOfAll, r.previousShareOfAll),
    dueNow: percent(r.share),
    dueBefore: percent(r.previousShare),
  }));
}

/** audit/targets.csv: one row per requirement with a target (UTF-8 with BOM, formula-safe). */
export function targetsCsv(audit: AuditResult, lang: Lang): string {
  const zh = lang === 'zh';
  const header = zh
    ? ['要求编号', '要求', '目标', '已完成', '全部适用单位', '完成率（已完成/全部适用）', '未到期', '无法评估', '已豁免', '未完成', '状态', '已到期工作完成率（第二指标）', '已到期单位']
    : ['requirement', 'title', 'target', 'met', 'all applicable units', 'share (met / all)', 'pending', 'not assessed', 'waived', 'not met', 'state', 'share of the work due (second figure)', 'units due'];
  const rows = audit.byRequirement
    .filter((r) => r.target !== null)
    .map((r) => [r.requirementId, r.title[lang], percent(r.target), r.met, r.all, percent(r.shareOfAll), r.pending, r.notAssessed, r.waived, r.notMet, r.targetStatus === null ? '' : TARGET_STATUS_LABELS[r.targetStatus][lang], percent(r.share), r.denominator]);
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
