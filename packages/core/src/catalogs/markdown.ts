/**
 * docs/catalog.md from a catalog: each clause of the notice and the requirement ids that encode
 * it, then every requirement in detail. A test regenerates it and fails on any difference.
 */
import type { Catalog, DueRule, Requirement } from '../model/requirement';
import type { Lang } from '../model/text';
import { ROLE_LABELS } from '../model/unit';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function describeDueRule(due: DueRule, lang: Lang): string {
  const zh = lang === 'zh';
  switch (due.type) {
    case 'by-key-date':
      return zh ? `${due.keyDate}${due.offsetDays ? ` ${due.offsetDays >= 0 ? '+' : ''}${due.offsetDays} 天` : ''} 前` : `by ${due.keyDate}${due.offsetDays ? ` ${due.offsetDays >= 0 ? '+' : ''}${due.offsetDays} days` : ''}`;
    case 'window':
      return zh ? `${due.keyDate} 前 ${due.daysBefore} 天至后 ${due.daysAfter} 天` : `${due.keyDate}, ${due.daysBefore} days before to ${due.daysAfter} after`;
    case 'each-key-date':
      return zh ? `${due.keyDates.join('、')}（各前后 ${due.daysBefore}/${due.daysAfter} 天，至少 ${due.minOccasions} 次）` : `${due.keyDates.join(', ')} (±${due.daysBefore}/${due.daysAfter} days, at least ${due.minOccasions})`;
    case 'after-each-activity':
      return zh ? `每次活动后 ${due.within} 个${due.unit === 'workdays' ? '工作日' : '自然日'}内` : `within ${due.within} ${due.unit === 'workdays' ? 'working days' : 'days'} of each activity`;
    case 'by-year-end':
      return zh ? '年内（12月31日前）' : 'within the year (by 31 December)';
    case 'continuous':
      return zh ? '全年持续' : 'all year';
  }
}

function detail(r: Requirement): string[] {
  return [
    `### ${r.id}`,
    '',
    `**${r.title.zh}** — ${r.title.en}`,
    '',
    `${r.summary.zh}  `,
    r.summary.en,
    '',
    `- Clause: ${r.clause}; sector: ${r.sector}; cadence: ${r.cadence}; measured by: ${r.measure}${r.target !== undefined ? `; target: ${Math.round(r.target * 100)}%` : ''}`,
    `- Responsible (涉及单位): ${r.responsibleRoles.map((role) => `${ROLE_LABELS[role].zh} ${role}`).join(', ')}`,
    `- Due: ${describeDueRule(r.due, 'zh')} / ${describeDueRule(r.due, 'en')}`,
    `- Evidence: ${r.evidenceKinds.length > 0 ? r.evidenceKinds.map((k) => `\`${k}\``).join(', ') : '(any activity)'}`,
    ...(r.parameters ? [`- Parameters: ${Object.entries(r.parameters).map(([k, v]) => `\`${k}\` = ${JSON.stringify(v)}`).join(', ')}`] : []),
    ...(r.basis ? [`- Notice: 「${r.basis}」`] : []),
    '',
  ];
}

/**
 * The catalog as Markdown: each clause of the notice with its requirement ids, titles and rules (docs/catalog.md).
 */
export function renderCatalogMarkdown(catalog: Catalog): string {
  const lines = [
    `# Catalog: ${catalog.title.zh}`,
    '',
    '<!-- Generated from the catalog by renderCatalogMarkdown (packages/core); a test keeps this file in step. -->',
    '',
    `${catalog.title.en}. Source: ${catalog.source.document}, ${catalog.source.issuer}, ${catalog.source.date}. Catalog \`${catalog.id}\` version ${catalog.version}, ${catalog.requirements.length} requirements.`,
    '',
    'Sections 一 (guiding ideology) and 二 (goals) of the notice state aims, not checkable work; every',
    'clause that asks for work is mapped below.',
    '',
    '## Clauses and requirements',
    '',
    '| clause | title | requirement ids |',
    '|---|---|---|',
  ];
  for (const clause of catalog.clauses) {
    const ids = catalog.requirements.filter((r) => r.clause === clause.clause).map((r) => `\`${r.id}\``);
    lines.push(`| ${clause.clause} | ${cell(`${clause.title.zh} — ${clause.title.en}`)} | ${ids.join('<br>')} |`);
  }
  lines.push('', '## Requirements', '');
  for (const r of catalog.requirements) lines.push(...detail(r));
  return `${lines.join('\n').trimEnd()}\n`;
}
