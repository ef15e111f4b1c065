/** The text report formats: JSON, CSV (UTF-8 with BOM, formula-safe), Markdown and JUnit XML. */
import { sectorLabel, type AuditResult, type Lang } from '@liujin/core';
import { csvField, escapeXml, kindName, mdCell, percent, statusName, unitNames } from './text';

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
  let out = '';
  for (const r of u.results) {
    if (r.status === 'not-applicable') continue;
    out += `${[u.unitId, u.name, kindName(u.kind, lang), u.town ?? '', r.requirementId, titles.get(r.requirementId) ?? '', statusName(r.status, lang), r.reason[lang], r.dueDate ?? '', r.evidence.length].map(csvField).join(',')}\r\n`;
  }
  return out;
}

export function auditCsv(audit: AuditResult, lang: Lang): string {
  const titles = new Map(audit.byRequirement.map((r) => [r.requirementId, r.title[lang]]));
  const parts = [auditCsvHeader(lang)];
  for (const u of audit.units) parts.push(auditCsvUnit(u, titles, lang));
  return parts.join('');
}

export function auditMarkdown(audit: AuditResult, lang: Lang): string {
  const zh = lang === 'zh';
  const names = unitNames(audit);
  const lines = [
    `# ${zh ? `${audit.year} 年“六进”工作覆盖率审计` : `"Six into" coverage audit ${audit.year}`}`,
    '',
    `${mdCell(audit.district.name)} · ${zh ? '评估日' : 'as of'} ${audit.asOf} · ${audit.catalog.id} ${audit.catalog.version}`,
    '',
    ...(audit.district.synthetic ? [zh ? '> 示例数据：基于虚构单位，仅供演示。' : '> Synthetic data: made-up units, for demonstration only.', ''] : []),
    `**${zh ? '总体覆盖率' : 'Overall coverage'}: ${percent(audit.overall.share)}** (${audit.overall.met}/${audit.overall.denominator}; ${zh ? '未到期' : 'pending'} ${audit.overall.pending}, ${zh ? '无法评估' : 'not assessed'} ${audit.overall.notAssessed}, ${zh ? '豁免' : 'waived'} ${audit.overall.waived})`,
    '',
    `## ${zh ? '有覆盖目标的要求' : 'Requirements with a target'}`,
    '',
    `| ${zh ? '要求' : 'requirement'} | ${zh ? '目标' : 'target'} | ${zh ? '覆盖率' : 'coverage'} | ${zh ? '达标' : 'met'} |`,
    '|---|---|---|---|',
    ...audit.byRequirement.filter((r) => r.target !== null).map((r) => `| ${mdCell(`${r.clause} ${r.title[lang]}`)} | ${percent(r.target)} | ${percent(r.share)} (${r.met}/${r.denominator}) | ${r.targetMet === null ? '—' : r.targetMet ? '✔' : '✘'} |`),
    '',
    `## ${zh ? '按领域' : 'By sector'}`,
    '',
    `| ${zh ? '领域' : 'sector'} | ${zh ? '覆盖率' : 'coverage'} | ${zh ? '已完成' : 'met'} | ${zh ? '未完成' : 'not met'} | ${zh ? '未到期' : 'pending'} |`,
    '|---|---|---|---|---|',
    ...audit.bySector.map((s) => `| ${sectorLabel(s.sector, lang)} | ${percent(s.share)} | ${s.met} | ${s.notMet} | ${s.pending} |`),
    '',
    `## ${zh ? '按街镇' : 'By town'}`,
    '',
    `| ${zh ? '街镇' : 'town'} | ${zh ? '覆盖率' : 'coverage'} | ${zh ? '已完成' : 'met'} | ${zh ? '未完成' : 'not met'} |`,
    '|---|---|---|---|',
    ...audit.byTown.map((t) => `| ${mdCell(t.name)} | ${percent(t.share)} | ${t.met} | ${t.notMet} |`),
    '',
    `## ${zh ? '优先催办' : 'Chase first'}`,
    '',
    ...audit.gaps.slice(0, 15).map((g) => `- ${g.status === 'not-met' ? (zh ? '逾期' : 'overdue') : zh ? '待办' : 'due'} ${g.dueDate ?? ''} **${mdCell(g.title[lang])}** — ${g.count} ${zh ? '个单位' : 'units'}: ${g.unitIds.slice(0, 5).map((id) => mdCell(names.get(id) ?? id)).join(zh ? '、' : ', ')}${g.count > 5 ? ' …' : ''}`),
    '',
    `${zh ? '活动记录' : 'Activity records'}: ${audit.activities.total}; ${zh ? '用作佐证' : 'used'} ${audit.activities.used}; ${zh ? '未匹配' : 'unmatched'} ${audit.activities.unmatched}.`,
    '',
  ];
  return lines.join('\n');
}

/** JUnit XML: one test case per requirement with a target, and one for the overall threshold. */
export function auditJunit(audit: AuditResult, failUnder: number | undefined): string {
  const cases: string[] = [];
  let failures = 0;
  for (const r of audit.byRequirement.filter((x) => x.target !== null)) {
    const name = escapeXml(`${r.requirementId} ≥ ${percent(r.target)}`);
    if (r.targetMet === false) {
      failures++;
      cases.push(`    <testcase classname="liujin.targets" name="${name}"><failure message="${escapeXml(`coverage ${percent(r.share)} (${r.met}/${r.denominator}) is under the target ${percent(r.target)}`)}"/></testcase>`);
    } else cases.push(`    <testcase classname="liujin.targets" name="${name}"/>`);
  }
  if (failUnder !== undefined) {
    const share = audit.overall.share ?? 1;
    const name = escapeXml(`overall coverage ≥ ${failUnder}%`);
    if (share * 100 < failUnder) {
      failures++;
      cases.push(`    <testcase classname="liujin.overall" name="${name}"><failure message="${escapeXml(`overall coverage ${percent(audit.overall.share)} is under ${failUnder}%`)}"/></testcase>`);
    } else cases.push(`    <testcase classname="liujin.overall" name="${name}"/>`);
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="liujin audit ${audit.year}" tests="${cases.length}" failures="${failures}">`,
    `  <testsuite name="${escapeXml(`${audit.district.name} ${audit.year} as of ${audit.asOf}`)}" tests="${cases.length}" failures="${failures}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
