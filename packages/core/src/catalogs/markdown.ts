/**
 * docs/catalog.md from a catalog: each clause of the notice and the requirement ids that encode
 * it, then every requirement in detail. A test regenerates it and fails on any difference.
 */
import { ACTIVITY_KIND_LABELS, ACTIVITY_KIND_SHORT_LABELS, NEWS_REPORTABLE_KINDS, type ActivityKind } from '../model/activity';
import type { Condition } from '../model/condition';
import type { Catalog, DueRule, Requirement } from '../model/requirement';
import { acceptsEarlierYears, DEFAULT_LABEL } from '../rules/reasons';
import type { Lang } from '../model/text';
import { ROLE_LABELS } from '../model/unit';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** A requirement's due rule in words, in `lang`, as docs/catalog.md states it. */
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
      if (due.deadline !== undefined) return zh ? `通知未规定日期：本区设置为 ${due.deadline} 前（本年内完成均计）` : `the notice sets no date: by ${due.deadline}, this district's setting (work any time in the year counts)`;
      return zh ? '通知未规定日期：核查期间（本年）内任意时间均可' : 'the notice sets no date: any time in the audited period (the year)';
    case 'continuous':
      return zh ? '全年持续' : 'all year';
  }
}

const kindLabel = (k: ActivityKind) => `\`${k}\` ${ACTIVITY_KIND_LABELS[k].zh}（${ACTIVITY_KIND_SHORT_LABELS[k]}）`;

/** Which records count, from when: the one earlier-year rule (docs/audit.md). */
function evidenceLine(r: Requirement): string {
  if (r.due.type === 'after-each-activity') {
    const of = r.due.of.length > 0 ? r.due.of : NEWS_REPORTABLE_KINDS;
    return `- Evidence: ${r.evidenceKinds.map(kindLabel).join(', ')}, one per activity of the kinds ${of.map((k) => `\`${k}\``).join(', ')} (other kinds need no news report)`;
  }
  if (r.evidenceKinds.length === 0) return '- Evidence: every activity record of the unit dated in the audited year (up to the as-of date)';
  const when = acceptsEarlierYears(r)
    ? 'work done once: a record from any earlier year counts, and the reason names its date'
    : 'recurring work: only records dated in the audited year (up to the as-of date) count';
  return `- Evidence: ${r.evidenceKinds.map(kindLabel).join(', ')}; ${when}`;
}

/** Whether one activity row may serve this and other requirements, stated for every requirement. */
function sharingLine(r: Requirement): string {
  if (!r.sharedEvidence) return '- One row for several requirements: no; a row counted here is evidence for this requirement only (no other requirement of the same units takes these kinds)';
  return `- One row for several requirements: yes, also for ${r.sharedEvidence.with.map((id) => `\`${id}\``).join(', ')}: ${r.sharedEvidence.why.zh} ${r.sharedEvidence.why.en}`;
}

function parameterLine(r: Requirement): string[] {
  if (!r.parameters) return [];
  const defaults = new Set(r.defaults ?? []);
  const shown = Object.entries(r.parameters).map(([k, v]) => `\`${k}\` = ${JSON.stringify(v)}${defaults.has(k) ? ` (${DEFAULT_LABEL.zh} / ${DEFAULT_LABEL.en}: the project's choice, not the notice's)` : ' (from the notice)'}`);
  return [`- Parameters: ${shown.join(', ')}`];
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
    `- Clause: ${r.clause}; sector: ${r.sector}; cadence: ${r.cadence}; measured by: ${r.measure}${r.target !== undefined ? `; target: ${Math.round(r.target * 100)}% of applicable units` : ''}`,
    `- Applies to: ${describeAppliesTo(r)}`,
    `- Responsible (涉及单位): ${r.responsibleRoles.map((role) => `${ROLE_LABELS[role].zh} ${role}`).join(', ')}`,
    `- Due: ${describeDueRule(r.due, 'zh')} / ${describeDueRule(r.due, 'en')}${r.due.type === 'after-each-activity' ? ` (${DEFAULT_LABEL.zh} / ${DEFAULT_LABEL.en})` : ''}`,
    ...(r.optional ? ['- Encouraged, not a set task (倡导性, `optional`): judged like any other, ranked last in the chase list and the work lists'] : []),
    ...(r.preferredOccasions ? [`- Preferred occasions (shown in the plan and calendar, not enforced): ${r.preferredOccasions.map((k) => `\`${k}\``).join(', ')}`] : []),
    evidenceLine(r),
    `- Met when: ${describeCondition(r.compliance)}`,
    sharingLine(r),
    ...parameterLine(r),
    ...(r.basis ? [`- Notice: 「${r.basis}」`] : []),
    ...(r.optional ? ['- Optional (可选): the notice encourages rather than requires it; an office may drop it in its settings (docs/settings.md)'] : []),
    '',
  ];
}

/** A condition in words, as an independent reader of these docs needs it. */
function describeCondition(c: Condition): string {
  if ('all' in c) return c.all.map(describeCondition).join(' and ');
  if ('any' in c) return `(${c.any.map(describeCondition).join(' or ')})`;
  if ('not' in c) return `not (${describeCondition(c.not)})`;
  if ('condition' in c) return c.condition;
  return `\`${c.fact}\` ${c.operator} ${JSON.stringify(c.value)}`;
}

function describeAppliesTo(r: Requirement): string {
  return describeCondition(r.appliesTo);
}

/** How every requirement below is judged: enough to audit a district from this page alone. */
const RULES = [
  '## How a requirement is judged',
  '',
  'This page is the contract: `liujin audit`, `liujin validate`, the audit\'s reasons and the reports follow it,',
  'and a test audits the sample district from this page alone and compares every status.',
  '',
  '- **Applies to**: the unit\'s `kind` (registry column 类型) is in the listed kinds; otherwise *not-applicable*.',
  '- **Records**: an activity row counts for a requirement when its unit is the unit, its kind is one of',
  '  the requirement\'s evidence kinds, and its date is not after the as-of date (default 31 December).',
  '- **Earlier years, one rule**: for work the notice asks for once (cadence `once`, `continuous`: compile a',
  '  plan, set up a team, working group or liaison mechanism, sign an agreement, build a site), a record',
  '  from any earlier year counts and the reason names its date. For recurring work (cadence `annual`,',
  '  `per-activity`: yearly revision, drills, trainings, publicity) only records dated 1 January to 31',
  '  December of the audited year count. `liujin validate --year` warns only about rows no requirement can',
  '  use (a recurring kind from another year); the audit lists such rows as unmatched `outside-year`.',
  '- **Dates**: the notice dates two things only: the annual plan (by the end of February, key date',
  '  `annual-plan-deadline`) and news after each activity. Everything else is due "any time in the',
  '  audited period" (the year); occasions the notice names are preferred, shown in the plan and the',
  '  calendar, never enforced. Every threshold or delay the project chose is marked',
  `  "${DEFAULT_LABEL.zh} / ${DEFAULT_LABEL.en}" and can be changed in a tailoring file without code.`,
  '- **Facts** in the "Met when" conditions: `evidenceCount` = counting records; `evidenceInWindowCount` =',
  '  counting records dated from the period start to the due date (for `by annual-plan-deadline`, records',
  '  after that date do not count); `inYear:<kind>` = counting records of that kind; `requiredTopicsCovered`',
  '  = how many of the `topics` parameter\'s entries (separated by `;`) appear in the counting records\'',
  '  主题 topics column; `activityCount` = all the unit\'s rows dated in the year; `activitiesWithoutReference`',
  '  = those without 佐证 reference; `newsLateCount` = reportable activities whose news report (the earliest',
  '  unused `activity-news-reported` row dated from the activity\'s date to N working days after it) is',
  '  missing although the N-th working day is before the as-of date.',
  '- **Status**: *met* when the condition holds. Otherwise *pending* while the due date (31 December, or',
  '  the key date) is after the as-of date, else *not-met*. News reports: *not-met* as soon as one report',
  '  is late (`newsLateCount` above 0: a late report cannot be made on time later); *pending* while no',
  '  report is due yet but some will be; *not-assessed* when the unit has no reportable activity. A waiver in force on',
  '  the as-of date makes the result *waived*.',
  '- **Targets**: a target (e.g. 100%) is met only when met units / all applicable units (waived left out)',
  '  reaches it; before the period ends it is *on track* (nothing overdue) or *behind* (something not met).',
];

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
    ...(catalog.effective ? [`In force from ${catalog.effective.from}${catalog.effective.throughYear !== undefined ? `, written for ${catalog.effective.period?.en ?? `the years to ${catalog.effective.throughYear}`} (${catalog.effective.period?.zh ?? ''})` : ''}: plans and audits of years before or after carry a warning saying so.`, ''] : []),
    'Sections 一 (guiding ideology) and 二 (goals) of the notice state aims, not checkable work; every',
    'clause that asks for work is mapped below.',
    '',
    ...RULES,
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
