/** The text report formats: JSON, CSV (UTF-8 with BOM, formula-safe), Markdown and JUnit XML. */
import type { AuditResult, Lang } from '@liujin/core';
import { adjustmentsMarkdown, CHASE_TIER_LABELS, sectorLabel } from '@liujin/core/plugin';
import { TOWN_SECTOR_NOTE, townSectorRows } from './town-sectors';
import { districtsMarkdown } from './districts';
import { csvField, escapeXml, kindName, mdCell, percent, statusName, unitNames } from './text';
import { changeHeads, changeRows, dueShare, DUE_SHARE_LABEL, metOfAll, OF_ALL_LABEL, openCounts, targetStatusText } from './targets';

/** The audit result as JSON text (the shape of {@link AuditResult}, schema `audit.v1.json`). */
export function auditJson(audit: AuditResult): string {
  return `${JSON.stringify(audit, null, 2)}\n`;
}

/** The CSV header row (with the BOM that makes Excel read UTF-8). */
export function auditCsvHeader(lang: Lang): string {
  const header = lang === 'zh'
    ? ['单位编号', '单位名称', '类型', '街镇', '要求编号', '要求', '状态', '原因', '期限', '佐证数']
    : ['unitId', 'unit', 'kind', 'town', 'requirementId', 'requirement', 'status', 'reason', 'due', 'evidence'];
  return `\uFEFF${header.map(csvField).join(',')}\r\n`;
}

/** One unit's CSV rows, each ending in CRLF. */
export function auditCsvUnit(u: AuditResult['units'][number], titles: ReadonlyMap<string, string>, lang: Lang): string {
  // The unit's cells once for all its rows; the requirement's, status and reason cells from a
  // cache (the same few hundred texts recur through a whole district).
  const unit = `${csvField(u.unitId)},${csvField(u.name)},${sharedField(kindName(u.kind, lang))},${sharedField(u.town ?? '')},`;
  let out = '';
  for (const r of u.results) {
    if (r.status === 'not-applicable') continue;
    out += `${unit}${sharedField(r.requirementId)},${sharedField(titles.get(r.requirementId) ?? '')},${sharedField(statusName(r.status, lang))},${sharedField(r.reason[lang])},${sharedField(r.dueDate ?? '')},${r.evidence.length}\r\n`;
  }
  return out;
}

const fields = new Map<string, string>();
/** `csvField` of a text that recurs, memoised (bounded). */
function sharedField(text: string): string {
  let field = fields.get(text);
  if (field === undefined) {
    field = csvField(text);
    if (fields.size >= 20_000) fields.clear();
    fields.set(text, field);
  }
  return field;
}

/**
 * One CSV row per unit and requirement, headers in `lang`, with a BOM for Excel; cells a spreadsheet would read as formulas are escaped.
 */
export function auditCsv(audit: AuditResult, lang: Lang): string {
  const titles = new Map(audit.byRequirement.map((r) => [r.requirementId, r.title[lang]]));
  const parts = [auditCsvHeader(lang)];
  for (const u of audit.units) parts.push(auditCsvUnit(u, titles, lang));
  return parts.join('');
}

/**
 * The audit's headline as one line of text, the figures of summary.md's "Overall" line: met over
 * all applicable units (what targets are judged on), the open counts, and the share of the work
 * already due (what `--fail-under` reads).
 */
export function auditHeadline(audit: AuditResult, lang: Lang): string {
  const zh = lang === 'zh';
  return `${zh ? '总体' : 'Overall'}: ${zh ? OF_ALL_LABEL.zh : OF_ALL_LABEL.en} ${metOfAll(audit.overall)} (${openCounts(audit.overall, lang)}); ${zh ? DUE_SHARE_LABEL.zh : DUE_SHARE_LABEL.en} ${dueShare(audit.overall)}`;
}

/**
 * The audit as a Markdown report in `lang`, overall coverage first.
 */
export function auditMarkdown(audit: AuditResult, lang: Lang): string {
  const zh = lang === 'zh';
  const names = unitNames(audit);
  const lines = [
    `# ${zh ? `${audit.year} 年“六进”工作覆盖率审计` : `"Six into" coverage audit ${audit.year}`}`,
    '',
    `${mdCell(audit.district.name)} · ${zh ? '评估日' : 'as of'} ${audit.asOf} · ${mdCell(audit.catalog.id)} ${mdCell(audit.catalog.version)}`,
    '',
    ...(audit.district.synthetic ? [zh ? '> 示例数据：基于虚构单位，仅供演示。' : '> Synthetic data: made-up units, for demonstration only.', ''] : []),
    ...(audit.warnings.length > 0 ? [...audit.warnings.map((w) => `> ⚠ ${mdCell(w[lang])}`), ''] : []),
    ...adjustmentsMarkdown(audit.adjustments, lang),
    `**${zh ? '总体' : 'Overall'}: ${zh ? OF_ALL_LABEL.zh : OF_ALL_LABEL.en} ${metOfAll(audit.overall)}** (${openCounts(audit.overall, lang)}); ${zh ? DUE_SHARE_LABEL.zh : DUE_SHARE_LABEL.en} ${dueShare(audit.overall)}`,
    '',
    `## ${zh ? '有覆盖目标的要求' : 'Requirements with a target'}`,
    '',
    zh ? '目标以“已完成/全部适用单位”（豁免除外）判定；仍有未到期或无法评估的单位时不会显示已达标。' : 'A target is judged on met / all applicable units (waived left out); it never shows as met while a unit is pending or not assessed.',
    '',
    `| ${zh ? '要求' : 'requirement'} | ${zh ? '目标' : 'target'} | ${zh ? OF_ALL_LABEL.zh : OF_ALL_LABEL.en} | ${zh ? '未到期' : 'pending'} | ${zh ? '无法评估' : 'not assessed'} | ${zh ? '已豁免' : 'waived'} | ${zh ? '未完成' : 'not met'} | ${zh ? '状态' : 'state'} | ${zh ? DUE_SHARE_LABEL.zh : DUE_SHARE_LABEL.en} |`,
    '|---|---|---|---|---|---|---|---|---|',
    ...audit.byRequirement.filter((r) => r.target !== null).map((r) => `| ${mdCell(`${r.clause} ${r.title[lang]}`)} | ${percent(r.target)} | ${metOfAll(r)} | ${r.pending} | ${r.notAssessed} | ${r.waived} | ${r.notMet} | ${targetStatusText(r.targetStatus, lang)} | ${dueShare(r)} |`),
    '',
    ...changeMarkdown(audit, lang),
    `## ${zh ? '按领域' : 'By sector'}`,
    '',
    `| ${zh ? '领域' : 'sector'} | ${zh ? OF_ALL_LABEL.zh : OF_ALL_LABEL.en} | ${zh ? '未完成' : 'not met'} | ${zh ? '未到期' : 'pending'} | ${zh ? DUE_SHARE_LABEL.zh : DUE_SHARE_LABEL.en} |`,
    '|---|---|---|---|---|',
    ...audit.bySector.map((s) => `| ${sectorLabel(s.sector, lang)} | ${metOfAll(s)} | ${s.notMet} | ${s.pending} | ${dueShare(s)} |`),
    '',
    ...districtsMarkdown(audit, lang),
    `## ${zh ? '按街镇' : 'By town'}`,
    '',
    `| ${zh ? '街镇' : 'town'} | ${zh ? OF_ALL_LABEL.zh : OF_ALL_LABEL.en} | ${zh ? '未完成' : 'not met'} | ${zh ? '未到期' : 'pending'} | ${zh ? DUE_SHARE_LABEL.zh : DUE_SHARE_LABEL.en} |`,
    '|---|---|---|---|---|',
    ...audit.byTown.map((t) => `| ${mdCell(t.name)} | ${metOfAll(t)} | ${t.notMet} | ${t.pending} | ${dueShare(t)} |`),
    '',
    ...townSectorMarkdown(audit, lang),
    `## ${zh ? '优先催办' : 'Chase first'}`,
    '',
    zh ? '排序：100% 目标且已逾期的在前，其次其他逾期事项（逾期越久越前），再次待完成事项（期限越近越前），倡导性要求排在最后。' : 'Order: overdue work of a 100% target first, then other overdue work (longest overdue first), then work due (soonest first), encouraged asks last.',
    '',
    ...audit.gaps.slice(0, 15).map((g) => `${g.rank}. ${CHASE_TIER_LABELS[g.tier][lang]} ${g.dueDate ?? ''} **${mdCell(g.title[lang])}** — ${g.count} ${zh ? '个单位' : 'units'}: ${g.unitIds.slice(0, 5).map((id) => mdCell(names.get(id) ?? id)).join(zh ? '、' : ', ')}${g.count > 5 ? ' …' : ''} (${mdCell(g.why[lang])})`),
    '',
    `${zh ? '活动记录' : 'Activity records'}: ${audit.activities.total}; ${zh ? '用作佐证' : 'used'} ${audit.activities.used}; ${zh ? '未匹配' : 'unmatched'} ${audit.activities.unmatched}.`,
    '',
  ];
  return lines.join('\n');
}

/** The town × sector matrix of the Markdown summary (二 全覆盖). */
function townSectorMarkdown(audit: AuditResult, lang: Lang): string[] {
  if (audit.townSectors.length === 0) return [];
  const [head, ...rows] = townSectorRows(audit, lang);
  return [
    `## ${lang === 'zh' ? '“六进”全覆盖：街镇 × 领域' : '"Six into" full coverage: town × sector'}`,
    '',
    TOWN_SECTOR_NOTE[lang],
    '',
    `| ${head!.join(' | ')} |`,
    `|${head!.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map((c) => mdCell(c)).join(' | ')} |`),
    '',
  ];
}

/** The year-on-year section of the Markdown summary (`--previous`). */
function changeMarkdown(audit: AuditResult, lang: Lang): string[] {
  const rows = changeRows(audit, lang);
  if (rows.length === 0 || !audit.change) return [];
  const zh = lang === 'zh';
  const heads = changeHeads(audit, lang);
  return [
    `## ${heads.title}`,
    '',
    `| ${zh ? '项目' : 'item'} | ${zh ? OF_ALL_LABEL.zh : OF_ALL_LABEL.en} ${heads.now} | ${heads.before} | ${zh ? '变化（百分点）' : 'change (points)'} | ${zh ? DUE_SHARE_LABEL.zh : DUE_SHARE_LABEL.en} ${heads.now} | ${heads.before} |`,
    '|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${mdCell(r.label)} | ${r.now} | ${r.before} | ${r.delta} | ${r.dueNow} | ${r.dueBefore} |`),
    '',
  ];
}

/** JUnit XML: one test case per requirement with a target, and one for the overall threshold. */
export function auditJunit(audit: AuditResult, failUnder: number | undefined): string {
  const cases: string[] = [];
  let failures = 0;
  let skipped = 0;
  for (const r of audit.byRequirement.filter((x) => x.target !== null)) {
    const name = escapeXml(`${r.requirementId} ≥ ${percent(r.target)}`);
    const detail = `${metOfAll(r)} ${OF_ALL_LABEL.en}; ${openCounts(r, 'en')}; ${DUE_SHARE_LABEL.en} ${dueShare(r)}`;
    if (r.targetStatus === 'behind') {
      failures++;
      cases.push(`    <testcase classname="liujin.targets" name="${name}"><failure message="${escapeXml(`behind: ${detail}; target ${percent(r.target)}`)}"/></testcase>`);
    } else if (r.targetStatus === 'on-track') {
      // Not met yet and nothing overdue: neither a pass nor a failure.
      skipped++;
      cases.push(`    <testcase classname="liujin.targets" name="${name}"><skipped message="${escapeXml(`on track, not met yet: ${detail}`)}"/></testcase>`);
    } else cases.push(`    <testcase classname="liujin.targets" name="${name}"><system-out>${escapeXml(`target met: ${detail}`)}</system-out></testcase>`);
  }
  if (failUnder !== undefined) {
    const share = audit.overall.share ?? 1;
    const name = escapeXml(`share of the work already due ≥ ${failUnder}%`);
    if (share * 100 < failUnder) {
      failures++;
      cases.push(`    <testcase classname="liujin.overall" name="${name}"><failure message="${escapeXml(`share of the work already due ${percent(audit.overall.share)} is under ${failUnder}%`)}"/></testcase>`);
    } else cases.push(`    <testcase classname="liujin.overall" name="${name}"/>`);
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="liujin audit ${audit.year}" tests="${cases.length}" failures="${failures}" skipped="${skipped}">`,
    `  <testsuite name="${escapeXml(`${audit.district.name} ${audit.year} as of ${audit.asOf}`)}" tests="${cases.length}" failures="${failures}" skipped="${skipped}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
