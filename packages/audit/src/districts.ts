/**
 * The per-district part of the reports of a city office's audit (issue 19: several districts in
 * one audit): each district's coverage, drilling down to its towns. Only an audit of several
 * districts has `byDistrict`; for one district every function here gives nothing, so its
 * reports stay as they were, byte for byte.
 */
import type { AuditResult, Lang } from '@liujin/core';
import type { Coverage } from '@liujin/core/plugin';
import { escapeHtml as h, mdCell } from './text';
import { dueShare, DUE_SHARE_LABEL, metOfAll, OF_ALL_LABEL, openCounts } from './targets';
import { percent } from './text';

type DistrictRow = NonNullable<AuditResult['byDistrict']>[number];
type TownRow = AuditResult['byTown'][number];

/** Each district with its towns, in the registry's order. */
function districtsWithTowns(audit: AuditResult): { district: DistrictRow; towns: TownRow[] }[] {
  return (audit.byDistrict ?? []).map((district) => ({ district, towns: audit.byTown.filter((t) => t.district === district.district) }));
}

/**
 * The HTML section: one `<details>` per district (its summary line is the district's coverage;
 * opened, a table of its towns). Works without script: the browser opens and closes it.
 */
export function districtsHtml(audit: AuditResult, lang: Lang): string {
  const groups = districtsWithTowns(audit);
  if (groups.length === 0) return '';
  const zh = lang === 'zh';
  const t = (a: string, b: string) => (zh ? a : b);
  const covHead = [t(OF_ALL_LABEL.zh, OF_ALL_LABEL.en), t('未完成', 'Not met'), t('未到期', 'Pending'), t('无法评估', 'Not assessed'), t('已豁免', 'Waived'), t(DUE_SHARE_LABEL.zh, DUE_SHARE_LABEL.en)];
  const cov = (c: Coverage) => [h(metOfAll(c)), String(c.notMet), String(c.pending), String(c.notAssessed), String(c.waived), h(dueShare(c))];
  const row = (cells: string[]) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
  const items = groups.map(({ district, towns }) => {
    const head = `<tr>${[t('街镇', 'Town'), ...covHead].map((c) => `<th>${h(c)}</th>`).join('')}</tr>`;
    const body = towns.map((town) => row([h(town.name), ...cov(town)])).join('');
    const none = towns.length === 0 ? `<p>${h(t('本区的单位都不属于街镇（区级单位）。', 'No unit of this district is in a town (district-level units only).'))}</p>` : '';
    return `<details class="district" id="district-${h(district.district)}"><summary><b>${h(district.name)}</b>${district.code ? ` <small>${h(district.code)}</small>` : ''} · <span class="district-share">${h(percent(district.shareOfAll))}</span> (${district.met}/${district.all}; ${h(openCounts(district, lang))})</summary>${none}${towns.length > 0 ? `<table><thead>${head}</thead><tbody>${body}</tbody></table>` : ''}</details>`;
  });
  return `<h2>${h(t('按区：已完成/全部适用（点开查看各街镇）', 'By district: met / all applicable (open one for its towns)'))}</h2>
<style>details.district{border:1px solid #ddd;margin:.3rem 0;padding:.3rem .5rem}details.district summary{cursor:pointer}</style>
${items.join('\n')}
`;
}

/** The Markdown section: a table of districts, then each district's towns. */
export function districtsMarkdown(audit: AuditResult, lang: Lang): string[] {
  const groups = districtsWithTowns(audit);
  if (groups.length === 0) return [];
  const zh = lang === 'zh';
  const head = `| ${zh ? OF_ALL_LABEL.zh : OF_ALL_LABEL.en} | ${zh ? '未完成' : 'not met'} | ${zh ? '未到期' : 'pending'} | ${zh ? DUE_SHARE_LABEL.zh : DUE_SHARE_LABEL.en} |`;
  const cells = (c: Coverage) => `| ${metOfAll(c)} | ${c.notMet} | ${c.pending} | ${dueShare(c)} |`;
  return [
    `## ${zh ? '按区' : 'By district'}`,
    '',
    `| ${zh ? '区' : 'district'} ${head}`,
    '|---|---|---|---|---|',
    ...groups.map(({ district }) => `| ${mdCell(district.name)} ${cells(district)}`),
    '',
    ...groups.flatMap(({ district, towns }) =>
      towns.length === 0 ? [] : [`### ${mdCell(district.name)}`, '', `| ${zh ? '街镇' : 'town'} ${head}`, '|---|---|---|---|---|', ...towns.map((town) => `| ${mdCell(town.name)} ${cells(town)}`), ''],
    ),
  ];
}

/**
 * The XLSX sheet 按区 / by district: each district's row (town column 全区 / whole district), then
 * its towns' rows below it, so a filter on the district column shows one district's drill-down.
 */
export function districtsSheetRows(audit: AuditResult, lang: Lang, covHead: readonly string[], cov: (c: Coverage) => (string | number)[]): (string | number)[][] | undefined {
  const groups = districtsWithTowns(audit);
  if (groups.length === 0) return undefined;
  const zh = lang === 'zh';
  return [
    [zh ? '区' : 'district', zh ? '区划代码' : 'code', zh ? '街镇' : 'town', ...covHead],
    ...groups.flatMap(({ district, towns }) => [[district.name, district.code ?? '', zh ? '（全区）' : '(whole district)', ...cov(district)], ...towns.map((town) => [district.name, district.code ?? '', town.name, ...cov(town)])]),
  ];
}
