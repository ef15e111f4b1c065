/**
 * The settings spreadsheet `liujin init` writes (参数设置.xlsx, docs/settings.md): one row per
 * adjustable value, a frozen header, a yes/no list on the drop column (only optional asks may be
 * dropped), a prompt on each "修改为" cell saying how to write the value, the change column kept
 * as text so 06-30 stays 06-30, and A4 landscape printing with the header on every page.
 */
import { QINGPU_2024_CATALOG_JSON } from '@liujin/core';
import { SETTINGS_COLUMNS, settingsRows, settingsTable } from '@liujin/core/io';
import type { DataValidation, SheetSpec } from '@liujin/audit';

/** The file name of the settings workbook. */
export const SETTINGS_XLSX = '参数设置.xlsx';

const WIDTHS = [44, 8, 30, 30, 30, 16, 22, 14, 8, 12, 40];

/** The settings workbook of the built-in catalog (or `source`, a catalog as written). */
export async function settingsWorkbook(write: (sheets: readonly SheetSpec[], created: Date) => Promise<Uint8Array>, created: Date, source: unknown = QINGPU_2024_CATALOG_JSON): Promise<Uint8Array> {
  const rows = settingsRows(source);
  const table = settingsTable(source);
  const change = SETTINGS_COLUMNS.findIndex((c) => c.field === 'changeTo');
  const drop = SETTINGS_COLUMNS.findIndex((c) => c.field === 'drop');
  const letter = (i: number) => String.fromCharCode(65 + i);
  const validations: DataValidation[] = rows.flatMap((row, i): DataValidation[] => {
    const r = i + 2;
    if (row.kind === 'requirement') {
      return row.optional
        ? [{ range: `${letter(drop)}${r}`, list: ['是', '否'], prompt: { title: '删除此要求', text: '通知鼓励而非要求此项：填“是”则本区不开展、不审计' }, error: { title: '请选择', text: '请填 是 或 否' } }]
        : [{ range: `${letter(drop)}${r}`, list: ['否'], error: { title: '不能删除', text: '这是通知的要求，不能删除（只有可选要求可删除）' } }];
    }
    return [{ range: `${letter(change)}${r}`, prompt: { title: '修改为', text: `${row.format.zh}；留空则保持当前值` } }];
  });
  return write([{ name: '参数设置', rows: table, widths: WIDTHS, layout: { validations, print: true, textColumns: [change] } }], created);
}
