/**
 * The words every work-list format shares (docs/worklists.md): section names, the evidence an item
 * needs, due dates and the windows, labelled as defaults where they are the project's choice.
 */
import type { Lang, WorklistSet } from '@liujin/core';
import { CHASE_TIER_LABELS, DEFAULT_LABEL, type Worklist, type WorklistItem } from '@liujin/core/plugin';

/** The sections of a work list, in the order they print. */
export const ITEM_SECTIONS = ['overdue', 'dueSoon', 'dueLater', 'occasionSoon', 'laterThisYear'] as const;
export type ItemSection = (typeof ITEM_SECTIONS)[number];

export function sectionTitle(section: ItemSection | 'recent', windows: WorklistSet['windows'], lang: Lang): string {
  const zh = lang === 'zh';
  switch (section) {
    case 'overdue':
      return zh ? '逾期未完成' : 'Overdue';
    case 'dueSoon':
      return zh ? `${windows.soonDays} 天内到期` : `Due within ${windows.soonDays} days`;
    case 'dueLater':
      return zh ? `${windows.soonDays + 1}–${windows.horizonDays} 天内到期` : `Due in ${windows.soonDays + 1}–${windows.horizonDays} days`;
    case 'occasionSoon':
      return zh ? `${windows.horizonDays} 天内有首选时机（通知未规定日期，期限为年底，不强制）` : `An occasion the notice names within ${windows.horizonDays} days (no date set by the notice: due by the end of the year, not enforced)`;
    case 'laterThisYear':
      return zh ? `${windows.horizonDays} 天后到期（多为年底前完成）` : `Due after ${windows.horizonDays} days (mostly by the end of the year)`;
    case 'recent':
      return zh ? `近 ${windows.recentDays} 天已完成` : `Done in the last ${windows.recentDays} days`;
  }
}

/** "活动记录：疏散演练" / "document held: evacuation plan compiled". */
export function evidenceText(item: WorklistItem, lang: Lang): string {
  const zh = lang === 'zh';
  const kinds = item.evidence.kinds.map((k) => k.label[lang]).join(zh ? '、' : ', ');
  const how = item.evidence.measure === 'document' ? (zh ? '留存文件' : 'document held') : zh ? '活动记录' : 'activity records';
  return kinds === '' ? how : `${how}${zh ? '：' : ': '}${kinds}`;
}

export function requirementText(item: { clause: string; title: { zh: string; en: string } }, lang: Lang): string {
  return `${item.clause} ${item.title[lang]}`;
}

/** "2026-12-31（首选：2026-09-19 全民国防教育日）": the due date, and the occasions the notice names ahead. */
export function dueText(item: WorklistItem, lang: Lang): string {
  const zh = lang === 'zh';
  const due = item.dueDate ?? (zh ? '每次活动后' : 'after each activity');
  if (item.preferred.length === 0) return due;
  const occasions = item.preferred.map((p) => `${p.date} ${p.title[lang]}`).join(zh ? '、' : ', ');
  return zh ? `${due}（首选：${occasions}）` : `${due} (preferred: ${occasions})`;
}

export function unitsText(item: WorklistItem, lang: Lang): string {
  return item.units.map((u) => u.name).join(lang === 'zh' ? '、' : ', ');
}

export function tierText(item: WorklistItem, lang: Lang): string {
  return CHASE_TIER_LABELS[item.tier][lang];
}

/** The line under each list's title: as of, units, the windows (defaults, adjustable). */
export function windowsNote(set: WorklistSet, lang: Lang): string {
  const w = set.windows;
  return lang === 'zh'
    ? `评估日 ${set.asOf}；时间窗 ${w.soonDays} / ${w.horizonDays} 天，近期 ${w.recentDays} 天（${DEFAULT_LABEL.zh}：--soon-days、--horizon-days、--recent-days）；状态与同日覆盖率审计逐单位一致`
    : `As of ${set.asOf}; windows ${w.soonDays} / ${w.horizonDays} days, recent ${w.recentDays} days (${DEFAULT_LABEL.en}: --soon-days, --horizon-days, --recent-days); statuses are the audit's of the same date, unit by unit`;
}

export function listHeading(list: Worklist, lang: Lang): string {
  const zh = lang === 'zh';
  const what = list.scope === 'unit' ? (zh ? '单位工作清单' : 'Work list of a unit') : zh ? '工作清单' : 'Work list';
  return zh ? `${list.name} ${what}（${list.units} 个单位）` : `${what}: ${list.name} (${list.units} units)`;
}

export const SYNTHETIC_NOTE = { zh: '示例数据：基于虚构单位，仅供演示。', en: 'Synthetic data: made-up units, for demonstration only.' } as const;
