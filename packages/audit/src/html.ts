/**
 * A self-contained HTML report: inline CSS, inline SVG charts, no script, no network. A
 * Content-Security-Policy forbids anything else; every text is escaped. Prints on A4.
 */
import type { AuditResult, Lang, Status } from '@liujin/core';
import { ADJUSTMENT_TEXT, CHASE_TIER_LABELS, sectorLabel, type Coverage } from '@liujin/core/plugin';
import { TOWN_SECTOR_NOTE, townSectorRows } from './town-sectors';
import { escapeHtml as h, kindName, percent, statusName, unitNames } from './text';
import { districtsHtml } from './districts';
import { changeHeads, changeRows, dueShare, DUE_SHARE_LABEL, metOfAll, OF_ALL_LABEL, openCounts, targetStatusText } from './targets';

/** The order the statuses are shown in: done first, then what is owed. */
const STATUS_ORDER: readonly Status[] = ['met', 'not-met', 'pending', 'not-assessed', 'waived', 'not-applicable'];

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
const COLOURS: Record<string, string> = { met: '#2e7d32', 'not-met': '#c62828', pending: '#f9a825', 'not-assessed': '#757575', waived: '#1565c0' };

function bars(rows: { label: string; share: number | null; detail: string }[], id: string): string {
  const rowHeight = 24;
  const width = 640;
  const labelWidth = 170;
  const chart = width - labelWidth - 70;
  const height = rows.length * rowHeight + 8;
  const items = rows.map((r, i) => {
    const y = i * rowHeight + 4;
    const w = r.share === null ? 0 : Math.round(r.share * chart);
    return `<g><text x="${labelWidth - 6}" y="${y + 15}" text-anchor="end">${h(r.label)}</text><rect x="${labelWidth}" y="${y + 3}" width="${chart}" height="16" fill="#eee"/><rect x="${labelWidth}" y="${y + 3}" width="${w}" height="16" fill="#2e7d32"><title>${h(r.detail)}</title></rect><text x="${labelWidth + chart + 6}" y="${y + 15}">${h(percent(r.share))}</text></g>`;
  });
  return `<svg id="${id}" role="img" viewBox="0 0 ${width} ${height}" width="100%" style="max-width:${width}px" xmlns="http://www.w3.org/2000/svg" font-size="12">${items.join('')}</svg>`;
}

function statusBar(c: Coverage, lang: Lang): string {
  const total = c.applicable || 1;
  const width = 640;
  let x = 0;
  const counts: Record<string, number> = { met: c.met, 'not-met': c.notMet, pending: c.pending, 'not-assessed': c.notAssessed, waived: c.waived };
  const parts = STATUS_ORDER.filter((s) => s !== 'not-applicable').map((s) => {
    const w = Math.round((counts[s]! / total) * width);
    const rect = `<rect x="${x}" y="0" width="${w}" height="24" fill="${COLOURS[s]}"><title>${h(statusName(s, lang))}: ${counts[s]}</title></rect>`;
    x += w;
    return rect;
  });
  const legend = STATUS_ORDER.filter((s) => s !== 'not-applicable')
    .map((s) => `<span class="key"><i style="background:${COLOURS[s]}"></i>${h(statusName(s, lang))} <b data-status="${s}">${counts[s]}</b></span>`)
    .join(' ');
  return `<svg id="status-chart" role="img" viewBox="0 0 ${width} 24" width="100%" style="max-width:${width}px" xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg><p class="legend">${legend}</p>`;
}

/**
 * The audit as one self-contained HTML page (no scripts or external resources; a strict Content-Security-Policy), in `lang`; `generated` is the timestamp printed on it.
 */
export function auditHtml(audit: AuditResult, lang: Lang, generated: string): string {
  const zh = lang === 'zh';
  const names = unitNames(audit);
  const t = (zhText: string, en: string) => (zh ? zhText : en);
  const table = (head: string[], rows: string[][]) =>
    `<table><thead><tr>${head.map((c) => `<th>${h(c)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
  const cov = (c: Coverage) => [h(metOfAll(c)), String(c.notMet), String(c.pending), String(c.notAssessed), String(c.waived), h(dueShare(c))];
  const covHead = [t(OF_ALL_LABEL.zh, OF_ALL_LABEL.en), t('未完成', 'Not met'), t('未到期', 'Pending'), t('无法评估', 'Not assessed'), t('已豁免', 'Waived'), t(DUE_SHARE_LABEL.zh, DUE_SHARE_LABEL.en)];
  const targetCell = (r: AuditResult['byRequirement'][number]) => `<span class="${r.targetStatus === 'met' ? 'ok' : r.targetStatus === 'behind' ? 'bad' : ''} target-state" data-state="${r.targetStatus ?? ''}">${h(targetStatusText(r.targetStatus, lang))}</span>`;
  const changes = changeRows(audit, lang);
  return `<!doctype html>
<html lang="${zh ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(t(`${audit.year} 年“六进”工作覆盖率审计`, `"Six into" coverage audit ${audit.year}`))} — ${h(audit.district.name)}</title>
<style>
body{font-family:"Noto Sans SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#222}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%;font-size:.85rem;margin:.5rem 0}th,td{border:1px solid #ddd;padding:.25rem .4rem;text-align:left;vertical-align:top}th{background:#f4f4f4}
.big{font-size:2.4rem;font-weight:bold}.synthetic{background:#fff3cd;border:1px solid #e0c060;padding:.5rem}
.town-sector.covered{color:#2e7d32}.town-sector.not-covered{color:#c62828;font-weight:bold}.town-sector.no-units{color:#757575}
.key i{display:inline-block;width:.8rem;height:.8rem;margin-right:.2rem}.legend{font-size:.85rem}.bad{color:#c62828}.ok{color:#2e7d32}
svg text{fill:#222;font-family:inherit}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}table,svg{break-inside:avoid}@page{size:A4;margin:15mm}}
</style>
</head>
<body>
<h1>${h(t(`${audit.year} 年国防动员宣传教育“六进”工作覆盖率审计`, `"Six into" civil-defence publicity coverage audit ${audit.year}`))}</h1>
<p>${h(audit.district.name)} · ${h(t('评估日', 'as of'))} <span id="as-of">${h(audit.asOf)}</span> · ${h(audit.catalog.id)} ${h(audit.catalog.version)} · ${h(t('生成于', 'generated'))} ${h(generated)}</p>
${audit.district.synthetic ? `<p class="synthetic">${h(t('示例数据：本报告基于虚构的示例单位，仅供演示。', 'Synthetic data: this report is built from made-up sample units, for demonstration only.'))}</p>` : ''}
<h2>${h(t('总体', 'Overall'))}</h2>
${audit.warnings.map((w) => `<p class="synthetic warning">⚠ ${h(w[lang])}</p>`).join('')}
<p><span class="big" id="overall-share-of-all">${h(percent(audit.overall.shareOfAll))}</span> ${h(t('全部适用事项已完成', 'of all applicable work is done'))} (<span id="overall-met">${audit.overall.met}</span>/<span id="overall-all">${audit.overall.all}</span>; ${h(openCounts(audit.overall, lang))})</p>
<p>${h(t(DUE_SHARE_LABEL.zh, DUE_SHARE_LABEL.en))}: <span id="overall-share">${h(percent(audit.overall.share))}</span> (${audit.overall.met}/<span id="overall-denominator">${audit.overall.denominator}</span>)</p>
${statusBar(audit.overall, lang)}
${audit.adjustments && audit.adjustments.length > 0 ? `<h2 id="adjustments">${h(ADJUSTMENT_TEXT.title[lang])}</h2>
<p>${h(ADJUSTMENT_TEXT.intro[lang])}</p>
${table([ADJUSTMENT_TEXT.id[lang], ADJUSTMENT_TEXT.setting[lang], ADJUSTMENT_TEXT.default[lang], ADJUSTMENT_TEXT.value[lang]], audit.adjustments.map((a) => [`<code>${h(a.id)}</code>`, h(a.label[lang]), h(a.default), h(a.value)]))}` : ''}
<h2>${h(t('有覆盖目标的要求', 'Requirements with a coverage target'))}</h2>
<p>${h(t('目标以“已完成/全部适用单位”（豁免除外）判定；仍有未到期或无法评估的单位时不会显示已达标。', 'A target is judged on met / all applicable units (waived left out); it never shows as met while a unit is pending or not assessed.'))}</p>
${table([t('要求', 'Requirement'), t('目标', 'Target'), ...covHead, t('状态', 'State')], audit.byRequirement.filter((r) => r.target !== null).map((r) => [`${h(r.clause)} ${h(r.title[lang])}<br><small class="requirement-id">${h(r.requirementId)}</small>`, h(percent(r.target)), ...cov(r), targetCell(r)]))}
${audit.change ? `<h2 id="change">${h(changeHeads(audit, lang).title)}</h2>
${table([t('项目', 'Item'), `${t(OF_ALL_LABEL.zh, OF_ALL_LABEL.en)} ${changeHeads(audit, lang).now}`, changeHeads(audit, lang).before, t('变化（百分点）', 'Change (points)'), `${t(DUE_SHARE_LABEL.zh, DUE_SHARE_LABEL.en)} ${changeHeads(audit, lang).now}`, changeHeads(audit, lang).before], changes.map((r) => [h(r.label), h(r.now), h(r.before), h(r.delta), h(r.dueNow), h(r.dueBefore)]))}` : ''}
<h2>${h(t('按领域：已完成/全部适用', 'By sector: met / all applicable'))}</h2>
${bars(audit.bySector.map((s) => ({ label: sectorLabel(s.sector, lang), share: s.shareOfAll, detail: `${s.met}/${s.all}` })), 'sector-chart')}
${districtsHtml(audit, lang)}<h2>${h(t('按街镇：已完成/全部适用', 'By town: met / all applicable'))}</h2>
${bars(audit.byTown.map((s) => ({ label: s.name, share: s.shareOfAll, detail: `${s.met}/${s.all}` })), 'town-chart')}
${table([t('街镇', 'Town'), ...covHead], audit.byTown.map((s) => [h(s.name), ...cov(s)]))}
<h2 id="town-sectors">${h(t('“六进”全覆盖：街镇 × 领域', '"Six into" full coverage: town × sector'))}</h2>
<p>${h(TOWN_SECTOR_NOTE[lang])}</p>
${((rows) => table(rows[0]!, rows.slice(1).map((r, i) => r.map((c, j) => (j === 0 ? h(c) : `<span class="town-sector ${audit.townSectors[i]!.sectors[j - 1]!.state}" data-state="${audit.townSectors[i]!.sectors[j - 1]!.state}">${h(c)}</span>`)))))(townSectorRows(audit, lang))}
<h2>${h(t('按单位类型', 'By unit kind'))}</h2>
${table([t('类型', 'Kind'), ...covHead], audit.byKind.map((s) => [h(kindName(s.kind, lang)), ...cov(s)]))}
<h2>${h(t('优先催办', 'Chase first'))}</h2>
<p>${h(t('排序：100% 目标且已逾期的在前，其次其他逾期事项（逾期越久越前），再次待完成事项（期限越近越前），倡导性要求排在最后。', 'Order: overdue work of a 100% target first, then other overdue work (longest overdue first), then work due (soonest first), encouraged asks last.'))}</p>
${table([t('序', '#'), t('类别', 'Tier'), t('期限', 'Due'), t('要求', 'Requirement'), t('单位数', 'Units'), t('单位', 'Which'), t('排序依据', 'Why here')], audit.gaps.slice(0, 40).map((g) => [`<span class="gap-rank" data-tier="${g.tier}">${g.rank}</span>`, h(CHASE_TIER_LABELS[g.tier][lang]), h(g.dueDate ?? ''), h(g.title[lang]), String(g.count), h(g.unitIds.slice(0, 8).map((id) => names.get(id) ?? id).join(zh ? '、' : ', ') + (g.count > 8 ? ' …' : '')), h(g.why[lang])]))}
<h2>${h(t('所有要求', 'All requirements'))}</h2>
${table([t('要求', 'Requirement'), ...covHead], audit.byRequirement.map((r) => [`${h(r.clause)} ${h(r.title[lang])}`, ...cov(r)]))}
<h2>${h(t('活动记录', 'Activity records'))}</h2>
<p>${h(t('共', 'Total'))} <span id="activities-total">${audit.activities.total}</span>; ${h(t('用作佐证', 'used as evidence'))} ${audit.activities.used}; ${h(t('未匹配', 'unmatched'))} <span id="activities-unmatched">${audit.activities.unmatched}</span>.</p>
${audit.unmatched.length > 0 ? table([t('单位编号', 'Unit'), t('类型', 'Kind'), t('日期', 'Date'), t('来源', 'Source'), t('原因', 'Why')], audit.unmatched.slice(0, 200).map((u) => [h(u.unitId), h(u.kind), h(u.date), h(u.file ? `${u.file}:${u.row ?? ''}` : ''), h(u.reason)])) : ''}
</body>
</html>
`;
}
