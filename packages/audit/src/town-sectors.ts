/**
 * The town × sector matrix of every audit report (二 "六进"全区全覆盖): for each town and each of
 * the six sectors, covered (active units / units), not covered, or no such units (无此类单位).
 */
import type { AuditResult, Lang, LocalizedText } from '@liujin/core';
import { SECTOR_LABELS, Sector } from '@liujin/core/plugin';

type Cell = AuditResult['townSectors'][number]['sectors'][number];

/** How each state reads, with its mark. */
export const TOWN_SECTOR_STATE_LABELS: Readonly<Record<Cell['state'], LocalizedText & { mark: string }>> = {
  covered: { zh: '已覆盖', en: 'covered', mark: '✔' },
  'not-covered': { zh: '未覆盖', en: 'not covered', mark: '✘' },
  'no-units': { zh: '无此类单位', en: 'no such units', mark: '—' },
};

/** "✔ 已覆盖 3/5", "✘ 未覆盖 0/4", "— 无此类单位". */
function townSectorCell(cell: Cell, lang: Lang): string {
  const label = TOWN_SECTOR_STATE_LABELS[cell.state];
  return cell.state === 'no-units' ? `${label.mark} ${label[lang]}` : `${label.mark} ${label[lang]} ${cell.active}/${cell.units}`;
}

/** The matrix as rows: a header (town, then the six sectors in the notice's order), then one row per town. */
export function townSectorRows(audit: AuditResult, lang: Lang): string[][] {
  const head = [lang === 'zh' ? '街镇' : 'town', ...Sector.options.map((s) => `${SECTOR_LABELS[s][lang]} ${SECTOR_LABELS[s].clause}`)];
  return [head, ...audit.townSectors.map((t) => [t.name, ...t.sectors.map((c) => townSectorCell(c, lang))])];
}

/** The sentence under the matrix: what covered means. */
export const TOWN_SECTOR_NOTE: LocalizedText = {
  zh: '“已覆盖”：该街镇至少一个适用该领域要求的单位本年度有活动记录被采信为该领域要求的佐证（已覆盖单位数/单位数）；“无此类单位”：该街镇没有适用该领域要求的单位。',
  en: '"Covered": at least one unit of the town that a requirement of the sector applies to has a record of this year accepted as evidence for one (active units / units); "no such units": no unit of the town has a requirement of the sector.',
};
