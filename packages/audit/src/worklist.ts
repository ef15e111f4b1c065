/**
 * Work lists per town and unit (docs/worklists.md), computed by @liujin/core (`buildWorklists`),
 * rendered here: JSON, XLSX (one printable sheet per list: A4, header row repeated, fitted to the
 * width), Markdown, and one self-contained HTML page that prints each list from a new A4 page.
 */
import { z } from 'zod';
import { Lang, type Artefact, type Exporter, type WorklistSet } from '@liujin/core';
import { resolveExporterOptions } from '@liujin/core/plugin';
import { escapeHtml as h, mdCell } from './text';
import { concat, XlsxWriter } from './workbook';
import { dueText, evidenceText, ITEM_SECTIONS, listHeading, requirementText, sectionTitle, SYNTHETIC_NOTE, tierText, unitsText, windowsNote } from './worklist-text';

/** The work-list formats. */
export const WorklistFormat = z.enum(['json', 'xlsx', 'md', 'html']);
/** One format of {@link WorklistFormat}. */
export type WorklistFormat = z.infer<typeof WorklistFormat>;

/** Where each format goes in the output folder. */
export const WORKLIST_PATHS: Readonly<Record<WorklistFormat, string>> = {
  json: 'worklists/worklists.json',
  xlsx: 'worklists/worklists.xlsx',
  md: 'worklists/worklists.md',
  html: 'worklists/worklists.html',
};

const MEDIA_TYPES: Readonly<Record<WorklistFormat, string>> = {
  json: 'application/json',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  md: 'text/markdown',
  html: 'text/html',
};

/** Options of the work-list exporter (defaults: every format, Chinese). */
export const WorklistOptions = z.object({ formats: z.array(WorklistFormat).min(1).default(['json', 'xlsx', 'md', 'html']), lang: Lang.default('zh') }).strict();
/** The work-list exporter's options with defaults filled in. */
export type WorklistOptions = z.output<typeof WorklistOptions>;

/** The work lists as Markdown: one section per list. */
export function worklistMarkdown(set: WorklistSet, lang: Lang): string {
  const zh = lang === 'zh';
  const out: string[] = [`# ${zh ? `${set.year} 年“六进”工作清单` : `"Six into" work lists ${set.year}`} — ${mdCell(set.district.name)}`, '', mdCell(windowsNote(set, lang)), ''];
  if (set.district.synthetic) out.push(`> ${SYNTHETIC_NOTE[lang]}`, '');
  for (const list of set.lists) {
    out.push(`## ${mdCell(listHeading(list, lang))}`, '');
    for (const section of ITEM_SECTIONS) {
      const items = list[section];
      out.push(`### ${sectionTitle(section, set.windows, lang)} (${items.length})`, '');
      if (items.length === 0) {
        out.push(zh ? '无。' : 'None.', '');
        continue;
      }
      out.push(`| ${zh ? '要求' : 'requirement'} | ${zh ? '期限' : 'due'} | ${zh ? '单位' : 'units'} | ${zh ? '所需佐证' : 'evidence needed'} | ${zh ? '排序依据' : 'why here'} |`, '|---|---|---|---|---|');
      for (const item of items) out.push(`| ${mdCell(requirementText(item, lang))} | ${mdCell(dueText(item, lang))} | ${mdCell(unitsText(item, lang))} | ${mdCell(evidenceText(item, lang))} | ${mdCell(`${tierText(item, lang)}：${item.why[lang]}`)} |`);
      out.push('');
    }
    out.push(`### ${sectionTitle('recent', set.windows, lang)} (${list.recent.length})`, '');
    if (list.recent.length === 0) out.push(zh ? '无。' : 'None.', '');
    else {
      out.push(`| ${zh ? '单位' : 'unit'} | ${zh ? '要求' : 'requirement'} | ${zh ? '日期' : 'dates'} |`, '|---|---|---|');
      for (const d of list.recent) out.push(`| ${mdCell(d.name)} | ${mdCell(requirementText(d, lang))} | ${d.dates.join(zh ? '、' : ', ')} |`);
      out.push('');
    }
  }
  return `${out.join('\n')}\n`;
}

/** The work lists as one self-contained page (no script, no network); each list prints from a new A4 page. */
export function worklistHtml(set: WorklistSet, lang: Lang, generated: string): string {
  const zh = lang === 'zh';
  const t = (a: string, b: string) => (zh ? a : b);
  const title = t(`${set.year} 年“六进”工作清单`, `"Six into" work lists ${set.year}`);
  // Dates never break across lines; the occasions the notice names go under the due date.
  const dueCell = (i: WorklistSet['lists'][number]['overdue'][number]) =>
    `<span class="d">${h(i.dueDate ?? t('每次活动后', 'after each activity'))}</span>${i.preferred.length > 0 ? `<br><small>${h(t('首选：', 'preferred: '))}${i.preferred.map((p) => `<span class="d">${h(p.date)}</span> ${h(p.title[lang])}`).join(t('、', ', '))}</small>` : ''}`;
  const lists = set.lists.map((list) => {
    const sections = ITEM_SECTIONS.map((section) => {
      const items = list[section];
      const body = items.length === 0
        ? `<p class="none">${t('无。', 'None.')}</p>`
        : `<table><thead><tr><th class="req">${t('要求（条款）', 'Requirement (clause)')}</th><th class="due">${t('期限', 'Due')}</th><th>${t('单位', 'Units')}</th><th class="ev">${t('所需佐证', 'Evidence needed')}</th><th class="why">${t('排序依据', 'Why here')}</th></tr></thead><tbody>${items
            .map((i) => `<tr class="tier-${i.tier}" data-requirement="${h(i.requirementId)}"><td>${h(requirementText(i, lang))}</td><td>${dueCell(i)}</td><td class="units">${i.units.map((u) => `<span data-unit="${h(u.unitId)}">${h(u.name)}</span>`).join(t('、', ', '))}</td><td>${h(evidenceText(i, lang))}</td><td>${h(tierText(i, lang))}<br><small>${h(i.why[lang])}</small></td></tr>`)
            .join('')}</tbody></table>`;
      return `<section class="${section}" data-section="${section}"><h3>${h(sectionTitle(section, set.windows, lang))} <span class="count">(${items.length})</span></h3>${body}</section>`;
    }).join('\n');
    const recent = list.recent.length === 0
      ? `<p class="none">${t('无。', 'None.')}</p>`
      : `<table><thead><tr><th>${t('单位', 'Unit')}</th><th class="req">${t('要求（条款）', 'Requirement (clause)')}</th><th class="due">${t('日期', 'Dates')}</th></tr></thead><tbody>${list.recent.map((d) => `<tr><td data-unit="${h(d.unitId)}">${h(d.name)}</td><td>${h(requirementText(d, lang))}</td><td>${h(d.dates.join(', '))}</td></tr>`).join('')}</tbody></table>`;
    return `<article class="list" data-scope="${list.scope}" data-id="${h(list.id)}">
<h2>${h(listHeading(list, lang))}</h2>
<p class="note">${h(set.district.name)} · ${h(windowsNote(set, lang))}</p>
${sections}
<section class="recent" data-section="recent"><h3>${h(sectionTitle('recent', set.windows, lang))} <span class="count">(${list.recent.length})</span></h3>${recent}</section>
</article>`;
  });
  return `<!doctype html>
<html lang="${zh ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(title)} — ${h(set.district.name)}</title>
<style>
body{font-family:"Noto Sans SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:1.5rem auto;max-width:62rem;padding:0 1rem;color:#222;font-size:14px}
h1{font-size:1.5rem}h2{font-size:1.25rem;border-bottom:2px solid #333;padding-bottom:.2rem}h3{font-size:1rem;margin:1rem 0 .3rem}
table{border-collapse:collapse;width:100%;font-size:12px;margin:.2rem 0 .6rem}th,td{border:1px solid #bbb;padding:.2rem .35rem;text-align:left;vertical-align:top}th{background:#eee}
th.req{width:22%}th.due{width:15%}th.ev{width:16%}th.why{width:16%}.d{white-space:nowrap}
.note{font-size:12px;color:#555}.none{color:#777;margin:.2rem 0}.synthetic{background:#fff3cd;border:1px solid #e0c060;padding:.4rem}
.overdue h3{color:#b71c1c}.tier-target-overdue td:first-child{border-left:4px solid #b71c1c}.tier-optional{color:#555}
@media print{body{margin:0;max-width:none;font-size:11px}article.list{break-before:page}article.list:first-of-type{break-before:auto}h2,h3{break-after:avoid}tr{break-inside:avoid}thead{display:table-header-group}@page{size:A4;margin:12mm}}
</style>
</head>
<body>
<h1>${h(title)} — ${h(set.district.name)}</h1>
<p class="note">${h(t('生成于', 'generated'))} ${h(generated)} · ${h(set.catalog.id)} ${h(set.catalog.version)}</p>
${set.district.synthetic ? `<p class="synthetic">${h(SYNTHETIC_NOTE[lang])}</p>` : ''}
${lists.join('\n')}
</body>
</html>
`;
}

/** The work lists as XLSX: one sheet per list, printable (A4, header row on every page, fitted to the width). */
export async function worklistXlsx(set: WorklistSet, lang: Lang, now: Date): Promise<Uint8Array> {
  const zh = lang === 'zh';
  const chunks: Uint8Array[] = [];
  const writer = new XlsxWriter((c) => chunks.push(c), now);
  const head = zh ? ['类别', '要求（条款）', '期限', '单位', '所需佐证', '排序依据', '完成日期'] : ['section', 'requirement (clause)', 'due', 'units', 'evidence needed', 'why here', 'dates done'];
  for (const list of set.lists) {
    const sheet = writer.sheet(list.name, [14, 34, 22, 44, 24, 30, 14], undefined, { print: { landscape: true, repeatRows: 1, header: `${listHeading(list, lang)} · ${zh ? '评估日' : 'as of'} ${set.asOf}` } });
    sheet.row(head);
    for (const section of ITEM_SECTIONS) {
      for (const i of list[section]) sheet.row([sectionTitle(section, set.windows, lang), requirementText(i, lang), dueText(i, lang), unitsText(i, lang), evidenceText(i, lang), `${tierText(i, lang)}：${i.why[lang]}`, '']);
    }
    for (const d of list.recent) sheet.row([sectionTitle('recent', set.windows, lang), requirementText(d, lang), '', d.name, '', '', d.dates.join(', ')]);
  }
  await writer.end();
  return concat(chunks);
}

/** The input of the work-list exporter: the lists and the generation time. */
export interface WorklistExportInput {
  worklists: WorklistSet;
  now: Date;
}

/** Creates the work-list exporter: `worklists/worklists.{json,xlsx,md,html}`. */
export function createWorklistExporter(options?: z.input<typeof WorklistOptions>): Exporter<WorklistExportInput, WorklistOptions> {
  const resolved = resolveExporterOptions('worklists', WorklistOptions, options);
  return {
    name: 'worklists',
    description: 'Work lists per town and unit: overdue, due soon, later, done recently (JSON, XLSX, Markdown, HTML)',
    optionsSchema: WorklistOptions,
    options: resolved,
    async *export({ worklists, now }: WorklistExportInput): AsyncIterable<Artefact> {
      const { lang } = resolved;
      const render: Record<WorklistFormat, () => Promise<string | Uint8Array> | string> = {
        json: () => `${JSON.stringify(worklists, null, 2)}\n`,
        xlsx: () => worklistXlsx(worklists, lang, now),
        md: () => worklistMarkdown(worklists, lang),
        html: () => worklistHtml(worklists, lang, now.toISOString().slice(0, 10)),
      };
      for (const format of resolved.formats) yield { path: WORKLIST_PATHS[format], mediaType: MEDIA_TYPES[format], content: await render[format]() };
    },
  };
}
