/**
 * Spreadsheet input and output with exceljs, loaded only when used (it is heavy; the CLI starts
 * fast). Cells come out as the user sees them: dates as YYYY-MM-DD, formulas as their results,
 * rich text as plain text.
 */
import type * as ExcelJS from 'exceljs';
import type JSZip from 'jszip';

type ExcelModule = typeof ExcelJS;

async function loadExcel(): Promise<ExcelModule> {
  const mod = (await import('exceljs')) as unknown as { default?: ExcelModule } & ExcelModule;
  return mod.default ?? mod;
}

function cellValue(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { result?: unknown; richText?: { text: string }[]; text?: string; hyperlink?: string; error?: string };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellValue(v.result);
    if (v.text !== undefined) return v.text;
    if (v.error !== undefined) return v.error;
  }
  return value;
}

/** The first worksheet as rows of cell values (header row first); empty trailing cells dropped. */
export async function readWorkbookRows(bytes: Uint8Array): Promise<unknown[][]> {
  const Excel = await loadExcel();
  const workbook: ExcelJS.Workbook = new Excel.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as never);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: unknown[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: unknown[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellValue(row.getCell(c).value));
    rows.push(cells);
  }
  return rows;
}

export interface SheetSpec {
  name: string;
  rows: readonly (readonly (string | number | null | undefined)[])[];
  /** Column widths in characters. */
  widths?: readonly number[];
}

/** Writes sheets to XLSX bytes. Every string is written as a string cell, never as a formula. */
export async function writeWorkbook(sheets: readonly SheetSpec[], created: Date): Promise<Uint8Array> {
  const Excel = await loadExcel();
  const workbook = new Excel.Workbook();
  workbook.creator = 'liujin';
  workbook.created = created;
  workbook.modified = created;
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name.slice(0, 31));
    for (const row of spec.rows) {
      const added = sheet.addRow([]);
      row.forEach((value, i) => {
        const cell = added.getCell(i + 1);
        // Assigning a plain string makes exceljs store a shared string: text, not a formula,
        // even when it starts with "=" (checked by the tests with an independent reader).
        cell.value = value === undefined || value === null ? null : value;
      });
    }
    sheet.getRow(1).font = { bold: true };
    spec.widths?.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return normaliseZip(new Uint8Array(buffer as ArrayBuffer), created);
}

/**
 * exceljs stamps each zip entry with the wall-clock time; rewrite the archive with every entry
 * dated `created`, in name order, so the same audit and `now` give the same bytes.
 */
async function normaliseZip(bytes: Uint8Array, date: Date): Promise<Uint8Array> {
  const { default: Zip } = (await import('jszip')) as unknown as { default: typeof JSZip };
  const source = await Zip.loadAsync(bytes);
  const target = new Zip();
  const names = Object.keys(source.files).filter((n) => !source.files[n]!.dir).sort();
  for (const name of names) target.file(name, await source.files[name]!.async('uint8array'), { date, createFolders: false });
  return target.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'UNIX' });
}
