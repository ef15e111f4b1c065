/** The XLSX report: summary, by town, by requirement, gaps and unit detail sheets. */
import type { AuditResult, Lang } from '@liujin/core';
import { ADJUSTMENT_TEXT, CHASE_TIER_LABELS, sectorLabel, type Coverage } from '@liujin/core/plugin';
import { neutraliseControls } from '@liujin/core/text';
import { townSectorRows } from './town-sectors';
import { kindName, percent, statusName, unitNames } from './text';
import { districtsSheetRows } from './districts';
import { XlsxWriter, concat, type SheetSpec } from './workbook';
import { unitDetailOf } from './json-stream';
import { changeHeads, changeRows, dueShare, DUE_SHARE_LABEL, metOfAll, OF_ALL_LABEL, targetStatusText } from './targets';

/** Excel's limit: 1,048,576 rows a sheet, the header included. */
const XLSX_MAX_ROWS = 1_048_576;

/** Excel cells hold at most 32,767 characters: a long list says how many it leaves out. */
function unitList(ids: readonly string[], names: ReadonlyMap<string, string>, zh: boolean, detail: boolean, detailFile: string): string {
  const sep = zh ? '、' : ', ';
  let text = '';
  for (let i = 0; i < ids.length; i++) {
    const name = names.get(ids[i]!) ?? ids[i]!;
    const next = text === '' ? name : `${text}${sep}${name}`;
    if (next.length > 32_000) {
      const where = detail ? { zh: '单位明细', en: 'unit detail' } : { zh: detailFile, en: detailFile };
      return `${text}${zh ? `……（另 ${ids.length - i} 个，见${where.zh}）` : ` … (${ids.length - i} more, see ${where.en})`}`;
    }
    text = next;
  }
  return text;
}

/**
 * The workbook written in two steps, so a streamed audit can use it: the unit detail as units
 * come (`unit`), then the summary sheets, which the workbook lists first (`finish`). A large
 * audit's workbook (`detail: false`) has the summary sheets only: its unit detail is in
 * `detailFile`, units.jsonl or audit.csv (docs/audit.md, "Large audits").
 */
export function auditWorkbook(write: (chunk: Uint8Array) => void, lang: Lang, now: Date, titles: ReadonlyMap<string, string>, maxRows = XLSX_MAX_ROWS, { detail = true, detailFile = 'units.jsonl' }: { detail?: boolean; detailFile?: string } = {}) {
  const zh = lang === 'zh';
  const t = (a: string, b: string) => (zh ? a : b);
  // Cells of names and titles from users: controls shown as \uXXXX (inline strings are never formulas).
  const writer = new XlsxWriter(write, now, (text) => neutraliseControls(text));
  const detailHeader = [t('单位编号', 'unit id'), t('单位', 'unit'), t('类型', 'kind'), t('街镇', 'town'), t('要求编号', 'requirement'), t('要求', 'title'), t('状态', 'status'), t('原因', 'reason'), t('期限', 'due')];
  const detailName = t('单位明细', 'unit detail');
  const detailWidths = [20, 24, 10, 12, 38, 30, 10, 60, 12];
  // A large district's detail does not fit one sheet: it continues on the next ones, row by row.
  let part = 1;
  let sheet = detail ? writer.sheet(detailName, detailWidths, 100) : undefined;
  sheet?.row(detailHeader);
  return {
    unit(u: AuditResult['units'][number]): void {
      if (!sheet) return;
      for (const r of u.results) {
        if (r.status === 'not-applicable') continue;
        if (sheet.rows >= maxRows) {
          part++;
          sheet = writer.sheet(`${detailName} ${part}`, detailWidths, 100 + part);
          sheet.row(detailHeader);
        }
        sheet.row([u.unitId, u.name, kindName(u.kind, lang), u.town ?? '', r.requirementId, titles.get(r.requirementId) ?? '', statusName(r.status, lang), r.reason[lang], r.dueDate ?? '']);
      }
    },
    /** `audit` gives the summary (its unit list is not read); `names` the unit names of the gaps. */
    async finish(audit: AuditResult, names: ReadonlyMap<string, string>): Promise<void> {
      const covHead = [t('已完成', 'met'), t('全部适用单位', 'all applicable units'), t('完成率（已完成/全部适用）', 'share (met / all)'), t('未完成', 'not met'), t('未到期', 'pending'), t('无法评估', 'not assessed'), t('已豁免', 'waived'), t(DUE_SHARE_LABEL.zh, DUE_SHARE_LABEL.en), t('已到期单位', 'units due')];
      const cov = (c: Coverage) => [c.met, c.all, percent(c.shareOfAll), c.notMet, c.pending, c.notAssessed, c.waived, percent(c.share), c.denominator];
      const changes = changeRows(audit, lang);
      const sheets: SheetSpec[] = [
        {
          name: t('汇总', 'summary'),
          rows: [
            [t('项目', 'item'), t('值', 'value')],
            [t('区', 'district'), audit.district.name],
            [t('年度', 'year'), audit.year],
            [t('评估日', 'as of'), audit.asOf],
            [t('目录', 'catalog'), `${audit.catalog.id} ${audit.catalog.version}`],
            [t(OF_ALL_LABEL.zh, OF_ALL_LABEL.en), metOfAll(audit.overall)],
            [t(DUE_SHARE_LABEL.zh, DUE_SHARE_LABEL.en), dueShare(audit.overall)],
            [t('已完成', 'met'), audit.overall.met],
            [t('未完成', 'not met'), audit.overall.notMet],
            [t('未到期', 'pending'), audit.overall.pending],
            [t('无法评估', 'not assessed'), audit.overall.notAssessed],
            [t('已豁免', 'waived'), audit.overall.waived],
            [t('活动记录', 'activities'), audit.activities.total],
            [t('未匹配活动', 'unmatched activities'), audit.activities.unmatched],
            ...(audit.district.synthetic ? [[t('说明', 'note'), t('示例数据，仅供演示', 'synthetic sample data')]] : []),
            ...(detail ? [] : [[t('单位明细', 'unit detail'), t(`大型审计（${audit.unitDetail?.units ?? ''} 个单位）：单位明细见 ${detailFile}`, `large audit (${audit.unitDetail?.units ?? ''} units): the unit detail is in ${detailFile}`)]]),
            ...audit.warnings.map((w) => [t('提示', 'warning'), w[lang]]),
            ...(audit.adjustments && audit.adjustments.length > 0 ? [[ADJUSTMENT_TEXT.title[lang], t(`${audit.adjustments.length} 项，见「参数调整」表`, `${audit.adjustments.length}, see the "Settings changed" sheet`)]] : []),
          ],
          widths: [22, 40],
        },
        ...((rows) => (rows ? [{ name: t('按区', 'by district'), rows, widths: [14, 12, 18] }] : []))(districtsSheetRows(audit, lang, covHead, cov)),
        { name: t('按街镇', 'by town'), rows: [[t('街镇', 'town'), ...covHead], ...audit.byTown.map((s) => [s.name, ...cov(s)])], widths: [18] },
        { name: t('全覆盖', 'town x sector'), rows: townSectorRows(audit, lang), widths: [18, 16, 16, 16, 16, 16, 16] },
        {
          name: t('按要求', 'by requirement'),
          rows: [[t('要求编号', 'requirement'), t('条款', 'clause'), t('领域', 'sector'), t('要求', 'title'), t('目标', 'target'), t('状态', 'state'), ...covHead], ...audit.byRequirement.map((r) => [r.requirementId, r.clause, sectorLabel(r.sector, lang), r.title[lang], r.target === null ? '' : percent(r.target), r.target === null ? '' : targetStatusText(r.targetStatus, lang), ...cov(r)])],
          widths: [38, 8, 12, 40, 8, 18],
        },
        ...(audit.change
          ? [{ name: t('同比', 'change'), rows: [[t('项目', 'item'), `${t(OF_ALL_LABEL.zh, OF_ALL_LABEL.en)} ${changeHeads(audit, lang).now}`, changeHeads(audit, lang).before, t('变化（百分点）', 'change (points)'), `${t(DUE_SHARE_LABEL.zh, DUE_SHARE_LABEL.en)} ${changeHeads(audit, lang).now}`, changeHeads(audit, lang).before], ...changes.map((r) => [r.label, r.now, r.before, r.delta, r.dueNow, r.dueBefore])], widths: [40, 10, 10, 14, 18, 10] }]
          : []),
        // 参数调整: what the district's settings changed (docs/settings.md), beside the figures they shaped.
        ...(audit.adjustments && audit.adjustments.length > 0
          ? [{ name: ADJUSTMENT_TEXT.title[lang], rows: [[ADJUSTMENT_TEXT.id[lang], ADJUSTMENT_TEXT.setting[lang], ADJUSTMENT_TEXT.default[lang], ADJUSTMENT_TEXT.value[lang]], ...audit.adjustments.map((a) => [a.id, a.label[lang], a.default, a.value])], widths: [46, 50, 16, 16] }]
          : []),
        {
          name: t('优先催办', 'gaps'),
          rows: [[t('状态', 'status'), t('期限', 'due'), t('要求编号', 'requirement'), t('要求', 'title'), t('单位数', 'units'), t('单位', 'which'), t('序', 'rank'), t('类别', 'tier'), t('排序依据', 'why here')], ...audit.gaps.map((g) => [statusName(g.status, lang), g.dueDate ?? '', g.requirementId, g.title[lang], g.count, unitList(g.unitIds, names, zh, detail, detailFile), g.rank, CHASE_TIER_LABELS[g.tier][lang], g.why[lang]])],
          widths: [10, 12, 38, 40, 8, 60, 6, 14, 40],
        },
      ];
      sheets.forEach((spec, i) => {
        const s = writer.sheet(spec.name, spec.widths, i);
        for (const row of spec.rows) s.row(row);
      });
      await writer.end();
    },
  };
}

/**
 * The audit as an XLSX workbook in `lang` (summary, by town, by requirement, gaps and detail sheets; detail rows split into sheets of at most `maxRows`). Strings are never written as formulas.
 */
export async function auditXlsx(audit: AuditResult, lang: Lang, now: Date, maxRows = XLSX_MAX_ROWS, options: { detail?: boolean; detailFile?: string } = {}): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const titles = new Map(audit.byRequirement.map((r) => [r.requirementId, r.title[lang]]));
  const book = auditWorkbook((chunk) => chunks.push(chunk), lang, now, titles, maxRows, options);
  for (const u of audit.units) book.unit(u);
  await book.finish(options.detail === false ? { ...audit, unitDetail: unitDetailOf(audit.units.length) } : audit, unitNames(audit));
  return concat(chunks);
}
