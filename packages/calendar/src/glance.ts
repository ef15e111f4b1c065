/**
 * Year at a glance: a printable HTML page per year for the district and for each town — the twelve
 * months on one A4 landscape sheet (GB/T 148 A4, 297 x 210 mm) with the year's non-working days,
 * key dates, and deadlines and windows coloured by sector; the dated list follows on a second sheet.
 * Self-contained like the audit report: no scripts, no external resources (a CSP forbids them).
 */
import { defaultWorkdayCalendar, type Artefact, type Catalog, type Lang, type Plan, type Registry, type Task, type Waiver, type WorkdayCalendar } from '@liujin/core';
import { daysInMonth, isoWeekday, makeLocalDate, fileNameForId } from '@liujin/core/plugin';
import { reportsDue } from './reports';
import { inLang, sectorLabel, weekdayName } from './text';

type SectorKey = Task['sector'];
const SECTORS: readonly SectorKey[] = ['party-school', 'organ', 'school', 'enterprise', 'community', 'network', 'general'];
/** Distinguishable in print and for common colour-vision deficiencies (Okabe-Ito, with grey). */
const COLOURS: Readonly<Record<SectorKey, string>> = { 'party-school': '#a6761d', organ: '#0072b2', school: '#009e73', enterprise: '#e69f00', community: '#cc79a7', network: '#56b4e9', general: '#d55e00' };

interface Item {
  date: string;
  end?: string;
  sector?: SectorKey;
  kind: 'key' | 'deadline' | 'window' | 'report';
  text: string;
}

/** What {@link renderGlances} draws the year-at-a-glance pages from: plans, registry, catalog, waivers, working days, language, and whether to add a page per town. */
export interface GlanceInput {
  plans: readonly Plan[];
  registry?: Registry | undefined;
  catalog?: Catalog | undefined;
  waivers?: readonly Waiver[] | undefined;
  workdays?: WorkdayCalendar | undefined;
  lang: Lang;
  towns: boolean;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function items(plan: Plan, tasks: readonly Task[], lang: Lang, workdays: WorkdayCalendar): Item[] {
  const zh = lang === 'zh';
  const out: Item[] = plan.keyDates.map((kd) => ({ date: kd.date, kind: 'key', text: inLang(lang, kd.title, kd.titleEn) + (kd.phases?.length ? ` ${kd.phases[0]!.start.slice(11, 16)}–${kd.phases.at(-1)!.end.slice(11, 16)}` : '') }));
  const groups = new Map<string, { task: Task; units: Set<string> }>();
  for (const task of tasks) {
    if (task.due.type !== 'deadline' && task.due.type !== 'window') continue;
    const key = `${task.requirementId}/${task.occasion}/${task.due.type === 'deadline' ? task.due.date : task.due.on}`;
    const group = groups.get(key);
    if (group) group.units.add(task.unitId);
    else groups.set(key, { task, units: new Set([task.unitId]) });
  }
  const yearEnd = new Map<string, number>();
  for (const { task, units } of groups.values()) {
    const count = zh ? `（${units.size} 个单位）` : ` (${units.size})`;
    const title = inLang(lang, task.title.zh, task.title.en);
    // Preferred occasions of work the notice does not date (issue 17): shown on their days.
    for (const date of new Set((task.preferred ?? []).map((p) => p.date))) out.push({ date, end: date, kind: 'window', sector: task.sector, text: `${title}${count}${zh ? '（首选时机）' : ' (preferred)'}` });
    if (task.due.type === 'deadline' && task.occasion === 'year') yearEnd.set(task.due.date, (yearEnd.get(task.due.date) ?? 0) + 1);
    else if (task.due.type === 'deadline') out.push({ date: task.due.date, kind: 'deadline', sector: task.sector, text: title + count });
    else if (task.due.type === 'window') out.push({ date: task.due.start, end: task.due.end, kind: 'window', sector: task.sector, text: title + count });
  }
  for (const [date, n] of yearEnd) out.push({ date, kind: 'deadline', sector: 'general', text: zh ? `全年任务年底到期（${n} 项）` : `Year-long tasks due (${n})` });
  const byUnit = new Map<string, Task[]>();
  for (const t of tasks) byUnit.set(t.unitId, [...(byUnit.get(t.unitId) ?? []), t]);
  const reports = new Map<string, { title: string; n: number }>();
  for (const unitTasks of byUnit.values()) {
    for (const due of reportsDue(unitTasks, workdays)) {
      const kd = plan.keyDates.find((k) => k.id === due.keyDateId);
      const entry = reports.get(due.date) ?? { title: kd ? inLang(lang, kd.title, kd.titleEn) : due.on, n: 0 };
      entry.n++;
      reports.set(due.date, entry);
    }
  }
  for (const [date, { title, n }] of reports) out.push({ date, kind: 'report', sector: 'general', text: zh ? `报送${title}活动新闻信息（${n} 个单位）` : `News of the ${title} activities due (${n})` });
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.text < b.text ? -1 : 1));
}

function month(year: number, m: number, list: readonly Item[], workdays: WorkdayCalendar, lang: Lang): string {
  const zh = lang === 'zh';
  const first = makeLocalDate(year, m, 1);
  const cells: string[] = Array.from({ length: isoWeekday(first) - 1 }, () => '<td></td>');
  for (let d = 1; d <= daysInMonth(year, m); d++) {
    const date = makeLocalDate(year, m, d);
    const weekend = isoWeekday(date) >= 6;
    const off = !workdays.isWorkday(date);
    const classes = [off ? (weekend ? 'off' : 'off hol') : weekend ? 'makeup' : '', list.some((i) => i.kind === 'key' && i.date === date) ? 'key' : ''].filter(Boolean);
    const marks = SECTORS.flatMap((s) => {
      const window = list.some((i) => i.kind === 'window' && i.sector === s && i.date <= date && date <= (i.end ?? i.date));
      const due = list.some((i) => (i.kind === 'deadline' || i.kind === 'report') && i.sector === s && i.date === date);
      return [...(window ? [`<i class="w" style="background:${COLOURS[s]}"></i>`] : []), ...(due ? [`<b class="d" style="background:${COLOURS[s]}"></b>`] : [])];
    });
    const title = list.filter((i) => i.date === date || (i.kind === 'window' && i.date <= date && date <= (i.end ?? i.date))).map((i) => i.text);
    cells.push(`<td class="${classes.join(' ')}"${title.length ? ` title="${escapeHtml(title.join('\n'))}"` : ''}><span>${d}</span>${!off && weekend ? `<em>${zh ? '班' : 'W'}</em>` : ''}${marks.length ? `<div class="mk">${marks.join('')}</div>` : ''}</td>`);
  }
  while (cells.length % 7 !== 0) cells.push('<td></td>');
  const rows = Array.from({ length: cells.length / 7 }, (_, i) => `<tr>${cells.slice(i * 7, i * 7 + 7).join('')}</tr>`);
  const head = (zh ? ['一', '二', '三', '四', '五', '六', '日'] : ['M', 'T', 'W', 'T', 'F', 'S', 'S']).map((w) => `<th>${w}</th>`).join('');
  const name = zh ? `${m} 月` : new Date(Date.UTC(year, m - 1, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' });
  return `<section class="month"><h3>${name}</h3><table><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

const STYLE = `@page{size:A4 landscape;margin:8mm}*{box-sizing:border-box}body{margin:0;font:7.5pt/1.25 "Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","Microsoft YaHei",sans-serif;color:#111}
.sheet{width:281mm;height:193mm;display:flex;flex-direction:column;overflow:hidden}h1{font-size:12pt;margin:0 0 1mm}h2{font-size:10pt;margin:0 0 2mm}.meta{color:#444;margin:0 0 1.5mm}
.months{display:grid;grid-template-columns:repeat(4,1fr);gap:2mm 3mm;flex:1}.month h3{font-size:8.5pt;margin:0 0 .5mm}.month table{width:100%;border-collapse:collapse;table-layout:fixed}
.month th{font-weight:600;color:#555;font-size:6.5pt}.month td{height:6.3mm;vertical-align:top;padding:.2mm .4mm;border:.2mm solid #ddd;position:relative}.month td span{font-size:7pt}
td.off{background:#e6e6e6;color:#666}td.hol{background:#c9c9c9;color:#222}td em{font-style:normal;font-size:5.5pt;color:#b00;margin-left:.3mm}td.key{outline:.5mm solid #000;outline-offset:-.5mm;font-weight:700}
.mk{position:absolute;left:.3mm;right:.3mm;bottom:.3mm;display:flex;gap:.2mm;align-items:flex-end}.mk i{display:block;height:1.2mm;flex:1 1 0}.mk b{display:block;width:1.6mm;height:1.6mm;flex:none;border-radius:50%}
.legend{display:flex;flex-wrap:wrap;gap:1mm 4mm;margin-top:1.5mm;align-items:center}.legend span{display:inline-flex;align-items:center;gap:1mm}.sw{display:inline-block;width:3.5mm;height:2.5mm;border:.2mm solid #999}
.list{break-before:page;page-break-before:always;padding-top:2mm}.list table{border-collapse:collapse;width:100%}.list td,.list th{border-bottom:.2mm solid #ddd;padding:.6mm 1.5mm;text-align:left;vertical-align:top}.list td.c{width:3mm}
.warn{color:#8a4b00;margin:0 0 1.5mm}`;

function page(title: string, plan: Plan, list: readonly Item[], workdays: WorkdayCalendar, lang: Lang): string {
  const zh = lang === 'zh';
  const warnings = [...new Set(plan.warnings.map((w) => inLang(lang, w.zh, w.en)))];
  const legend = [
    ...SECTORS.map((s) => `<span><i class="sw" style="background:${COLOURS[s]}"></i>${escapeHtml(sectorLabel(s, lang))}</span>`),
    `<span><i class="sw" style="background:#e6e6e6"></i>${zh ? '休息日' : 'Weekend'}</span>`,
    `<span><i class="sw" style="background:#c9c9c9"></i>${zh ? '法定节假日' : 'Public holiday'}</span>`,
    `<span><b style="color:#b00">${zh ? '班' : 'W'}</b> ${zh ? '调休上班' : 'Make-up working day'}</span>`,
    `<span><i class="sw" style="outline:.5mm solid #000;outline-offset:-.5mm"></i>${zh ? '关键日期' : 'Key date'}</span>`,
    `<span>${zh ? '色条：时间窗口；圆点：截止或报送日' : 'Bar: window; dot: deadline or report due'}</span>`,
  ];
  const kindLabel = (i: Item) => (i.kind === 'key' ? (zh ? '关键日期' : 'Key date') : i.kind === 'window' ? (zh ? '时间窗口' : 'Window') : i.kind === 'report' ? (zh ? '报送' : 'Report due') : zh ? '截止' : 'Deadline');
  const rows = list.map((i) => {
    const when = i.end && i.end !== i.date ? `${i.date} – ${i.end}` : `${i.date} ${weekdayName(i.date, lang)}`;
    return `<tr><td class="c" style="background:${i.sector ? COLOURS[i.sector] : '#000'}"></td><td>${escapeHtml(when)}</td><td>${kindLabel(i)}</td><td>${i.sector ? escapeHtml(sectorLabel(i.sector, lang)) : ''}</td><td>${escapeHtml(i.text)}</td></tr>`;
  });
  const months = Array.from({ length: 12 }, (_, i) => month(plan.year, i + 1, list, workdays, lang)).join('');
  return `<!doctype html>
<html lang="${zh ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><div class="sheet"><h1>${escapeHtml(title)}</h1><p class="meta">${escapeHtml(`${plan.catalog.id} ${plan.catalog.version} · ${plan.region} · ${plan.timeZone}`)}</p>${warnings.map((w) => `<p class="warn">${escapeHtml(w)}</p>`).join('')}
<div class="months">${months}</div><div class="legend">${legend.join('')}</div></div>
<div class="list"><h2>${zh ? '日期一览' : 'Dates'}</h2><table><thead><tr><th></th><th>${zh ? '日期' : 'Date'}</th><th>${zh ? '类型' : 'Type'}</th><th>${zh ? '领域' : 'Sector'}</th><th>${zh ? '事项' : 'What'}</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>
</body></html>
`;
}

/** The year-at-a-glance pages: `calendars/glance/district-<year>.html` and `calendars/glance/towns/<town>-<year>.html`. */
export function* renderGlances(input: GlanceInput): Iterable<Artefact> {
  const { lang } = input;
  const zh = lang === 'zh';
  const workdays = input.workdays ?? defaultWorkdayCalendar();
  const waived = (t: Task) => (input.waivers ?? []).some((w) => w.unitId === t.unitId && w.requirementId === t.requirementId && (t.due.type === 'deadline' ? t.due.date : t.due.type === 'window' ? t.due.on : `${t.due.type === 'continuous' ? t.due.end : '9999'}`) <= w.expires);
  const units = new Map((input.registry?.units ?? []).map((u) => [u.id, u]));
  for (const plan of input.plans) {
    const tasks = plan.tasks.filter((t) => !waived(t));
    const district = zh ? plan.district.name : inLang(lang, plan.district.name, input.registry?.district.nameEn ?? plan.district.name);
    const heading = (where: string) => (zh ? `${where} ${plan.year} 年“六进”工作年历` : `${where}: "six into" work, year ${plan.year} at a glance`);
    yield { path: `calendars/glance/district-${plan.year}.html`, mediaType: 'text/html', content: page(heading(district), plan, items(plan, tasks, lang, workdays), workdays, lang) };
    if (!input.towns || !input.registry) continue;
    for (const town of input.registry.towns) {
      const townTasks = tasks.filter((t) => units.get(t.unitId)?.town === town.id);
      const name = zh ? town.name : inLang(lang, town.name, town.nameEn ?? town.name);
      const list = items(plan, townTasks, lang, workdays);
      yield { path: `calendars/glance/towns/${fileNameForId(town.id)}-${plan.year}.html`, mediaType: 'text/html', content: page(heading(`${district} ${name}`), plan, list, workdays, lang) };
    }
  }
}
