/**
 * A readable Markdown rendering of a Plan: key dates, district milestones, then the tasks grouped
 * by sector and requirement, with the units that owe each one. Deterministic for the same plan.
 */
import type { Plan, Task } from '../model/plan';
import { REQUIREMENT_SECTORS, SECTOR_LABELS, sectorLabel } from '../model/sector';
import { DEFAULT_LABEL } from '../rules/reasons';
import type { Lang } from '../model/text';
import { markdownText } from './safe-text';
import { adjustmentsMarkdown } from './adjustments';

const T = {
  title: { zh: (y: number) => `${y} 年国防动员宣传教育“六进”工作计划`, en: (y: number) => `"Six into" civil-defence publicity and education plan ${y}` },
  synthetic: { zh: '> 示例数据：本计划基于虚构的示例单位生成，仅供演示。', en: '> Synthetic data: this plan was generated from made-up sample units, for demonstration only.' },
  keyDates: { zh: '关键日期', en: 'Key dates' },
  milestones: { zh: '全区节点', en: 'District milestones' },
  tasks: { zh: '工作任务', en: 'Tasks' },
  warnings: { zh: '提示', en: 'Warnings' },
  date: { zh: '日期', en: 'Date' },
  item: { zh: '事项', en: 'Item' },
  workday: { zh: '工作日', en: 'Working day' },
  due: { zh: '期限', en: 'Due' },
  units: { zh: '单位数', en: 'Units' },
  requirement: { zh: '要求', en: 'Requirement' },
  yes: { zh: '是', en: 'yes' },
  no: { zh: '否', en: 'no' },
  continuous: { zh: '全年持续', en: 'all year' },
  afterEach: { zh: (n: number, u: string) => `每次活动后 ${n} 个${u === 'workdays' ? '工作日' : '自然日'}内（${DEFAULT_LABEL.zh}）`, en: (n: number, u: string) => `within ${n} ${u === 'workdays' ? 'working days' : 'days'} of each activity (${DEFAULT_LABEL.en})` },
  setDeadline: { zh: (end: string) => `${end} 前（本区参数设置；通知未规定日期，年内完成均计）`, en: (end: string) => `by ${end} (this district's setting; the notice sets no date, work any time in the year counts)` },
  anyTime: { zh: (end: string) => `通知未规定日期：本年内任意时间（至 ${end}）`, en: (end: string) => `the notice sets no date: any time in the year (to ${end})` },
  preferred: { zh: '首选时机', en: 'preferred' },
} as const;

/** Text for a Markdown table cell or line: nothing live (no links, images, HTML), controls visible. */
const cell = markdownText;

/** A task's due rule in words, in `lang` (e.g. "by 30 June"). */
export function describeDue(task: Pick<Task, 'due'> & Partial<Pick<Task, 'flags' | 'preferred'>>, lang: Lang): string {
  const due = task.due;
  const preferred = task.preferred && task.preferred.length > 0 ? `${lang === 'zh' ? '；' : '; '}${T.preferred[lang]} ${[...new Set(task.preferred.map((p) => p.date))].join(lang === 'zh' ? '、' : ', ')}` : '';
  switch (due.type) {
    case 'deadline':
      if (task.flags?.includes('notice-sets-no-date')) return T.anyTime[lang](due.date) + preferred;
      if (task.flags?.includes('set-deadline')) return T.setDeadline[lang](due.date) + preferred;
      return lang === 'zh' ? `${due.date} 前` : `by ${due.date}`;
    case 'window':
      return due.start === due.end ? due.on : `${due.start} – ${due.end}`;
    case 'after-each-activity':
      return T.afterEach[lang](due.within, due.unit);
    case 'continuous':
      return T.continuous[lang];
  }
}

/** The plan as a Markdown document in `lang`: key dates, then tasks by month. */
export function renderPlanMarkdown(plan: Plan, lang: Lang = 'zh'): string {
  const lines: string[] = [`# ${T.title[lang](plan.year)}`, ''];
  lines.push(`${cell(plan.district.name)} · ${cell(plan.catalog.id)} ${cell(plan.catalog.version)} · ${cell(plan.region)} · ${cell(plan.timeZone)}`, '');
  if (plan.district.synthetic) lines.push(T.synthetic[lang], '');
  if (plan.warnings.length > 0) {
    lines.push(`## ${T.warnings[lang]}`, '', ...plan.warnings.map((w) => `- ${cell(w[lang])}`), '');
  }
  lines.push(...adjustmentsMarkdown(plan.adjustments, lang));
  lines.push(`## ${T.keyDates[lang]}`, '', `| ${T.date[lang]} | ${T.item[lang]} | ${T.workday[lang]} |`, '|---|---|---|');
  for (const d of plan.keyDates) {
    const phases = (d.phases ?? []).map((p) => `${lang === 'zh' ? p.title : p.titleEn} ${p.start.slice(11, 16)}–${p.end.slice(11, 16)}`);
    const title = [lang === 'zh' ? d.title : d.titleEn, ...phases].join('；');
    lines.push(`| ${d.date} | ${cell(title)} | ${d.isWorkday ? T.yes[lang] : T.no[lang]} |`);
  }
  lines.push('', `## ${T.milestones[lang]}`, '', `| ${T.date[lang]} | ${T.item[lang]} |`, '|---|---|');
  for (const m of plan.milestones) lines.push(`| ${m.date} | ${cell(m.title[lang])} |`);
  lines.push('', `## ${T.tasks[lang]}`, '');

  // Group tasks by sector, then requirement and occasion; count the units that owe each. Each
  // sector once, in the notice's order (三（一）-（六）, then 四 and the closing paragraph).
  const groups = new Map<string, { task: Task; units: number }>();
  for (const task of plan.tasks) {
    const key = `${task.sector}\u0000${task.requirementId}\u0000${task.occasion}`;
    const group = groups.get(key);
    if (group) group.units += 1;
    else groups.set(key, { task, units: 1 });
  }
  const order: readonly string[] = REQUIREMENT_SECTORS;
  const sorted = [...groups.values()].map((g, i) => ({ ...g, i })).sort((a, b) => order.indexOf(a.task.sector) - order.indexOf(b.task.sector) || a.i - b.i);
  let sector = '';
  for (const { task, units } of sorted) {
    if (task.sector !== sector) {
      if (sector !== '') lines.push('');
      sector = task.sector;
      const label = task.sector === 'general' ? sectorLabel(task.sector, lang) : `${sectorLabel(task.sector, lang)}（${SECTOR_LABELS[task.sector].clause}）`;
      lines.push(`### ${label}`, '', `| ${T.requirement[lang]} | ${T.due[lang]} | ${T.units[lang]} |`, '|---|---|---|');
    }
    lines.push(`| ${cell(`${task.clause} ${task.title[lang]}`)} | ${cell(describeDue(task, lang))} | ${units} |`);
  }
  return `${lines.join('\n')}\n`;
}
