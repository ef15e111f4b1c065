/**
 * Tables (CSV, spreadsheet rows) to records. Headers may be English field names or Chinese
 * labels; every problem names file, row (as a spreadsheet numbers it: header row 1) and column.
 * Unknown columns are errors, not ignored: a misspelt header would otherwise lose data silently.
 */
import { problem, type Problem } from '../model/problem';
import type { LocalizedText } from '../model/text';
import { INPUT_LIMITS } from './limits';

/**
 * One column of a table input: field name, Chinese header, bilingual description, whether required, an example and header aliases.
 */
export interface ColumnSpec {
  /** English field name, accepted as a header. */
  field: string;
  /** Chinese label, accepted as a header. */
  zh: string;
  aliases?: readonly string[];
  description: LocalizedText;
  required: boolean;
  example: string;
}

/** A column definition: English field, Chinese label, English description, required, example, aliases. */
export function column(field: string, zh: string, en: string, required: boolean, example: string, aliases: string[] = []): ColumnSpec {
  return { field, zh, description: { zh, en }, required, example, aliases };
}

/** One row of a table read by `readTable` (the parsers of the main entry and `parseUnitsTable`, `parseActivityRows`, `parseWaiverRows`): its row number, its values by field and the headers as written. */
export interface TableRecord {
  /** Row as a spreadsheet numbers it (header row 1). */
  row: number;
  /** Cell text by field name; empty cells are absent. */
  values: Record<string, string>;
  /** The header as the user wrote it, for messages. */
  header: Record<string, string>;
  /** Columns (as headed) whose cell was already reported as bad: not reported again as missing. */
  bad?: ReadonlySet<string>;
}

/**
 * A cell that holds no usable value (an error value such as #N/A, a formula without a saved
 * result, an object where text belongs, text beyond the cell limit): readers put one in the row
 * and `readTable` reports it at its row and column instead of reading it as text.
 */
export class BadCell {
  constructor(
    readonly code: string,
    readonly message: LocalizedText,
  ) {}
}

/** A cell as the user sees it: dates as YYYY-MM-DD, numbers as written, blanks as undefined. */
function cellText(cell: unknown): string | undefined {
  if (cell === null || cell === undefined || cell instanceof BadCell) return undefined;
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? undefined : cell.toISOString().slice(0, 10);
  const text = String(cell);
  return text.trim() === '' ? undefined : text;
}

/** A, B, ..., Z, AA, ...: the spreadsheet's name for a column index (0-based). */
export function columnLetter(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function normaliseHeader(text: string): string {
  return text.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s_（）()]/g, '');
}

/**
 * Maps rows with a header row to records by {@link ColumnSpec} (headers in Chinese, English or field names); unknown and missing columns are problems.
 */
export function readTable(rows: readonly (readonly unknown[])[], columns: readonly ColumnSpec[], file: string): { records: TableRecord[]; problems: Problem[] } {
  const problems: Problem[] = [];
  if (rows.length === 0) {
    problems.push(problem('empty_file', { zh: '文件为空：缺少表头行', en: 'the file is empty: no header row' }, { file }));
    return { records: [], problems };
  }
  const byHeader = new Map<string, ColumnSpec>();
  for (const c of columns) for (const name of [c.field, c.zh, ...(c.aliases ?? [])]) byHeader.set(normaliseHeader(name), c);
  const fieldAt: (string | undefined)[] = [];
  const header: Record<string, string> = {};
  rows[0]!.forEach((cell, i) => {
    if (cell instanceof BadCell) problems.push(problem(cell.code, cell.message, { file, row: 1, column: columnLetter(i) }));
    const text = cellText(cell);
    if (text === undefined) {
      fieldAt.push(undefined);
      return;
    }
    const column = byHeader.get(normaliseHeader(text));
    if (!column) {
      problems.push(problem('unknown_column', { zh: `不认识的列「${text}」`, en: `unknown column "${text}"` }, { file, row: 1, column: text }));
      fieldAt.push(undefined);
    } else if (header[column.field] !== undefined) {
      problems.push(problem('duplicate_column', { zh: `列「${text}」重复`, en: `column "${text}" appears twice` }, { file, row: 1, column: text }));
      fieldAt.push(undefined);
    } else {
      header[column.field] = text;
      fieldAt.push(column.field);
    }
  });
  // A missing column is named in the language of the file's other headers.
  const chineseHeaders = Object.values(header).some((h) => /\p{Script=Han}/u.test(h));
  for (const c of columns) {
    if (c.required && header[c.field] === undefined) {
      problems.push(problem('missing_column', { zh: `缺少必填列「${c.zh}」（${c.field}）`, en: `missing required column "${c.field}" (${c.zh})` }, { file, row: 1, column: chineseHeaders ? c.zh : c.field }));
    }
  }
  const records: TableRecord[] = [];
  for (let r = 1; r < rows.length; r++) {
    const cells = rows[r] ?? [];
    if (cells.every((c) => cellText(c) === undefined && !(c instanceof BadCell))) continue; // a blank line between rows
    const values: Record<string, string> = {};
    const bad = new Set<string>();
    cells.forEach((cell, i) => {
      if (cell instanceof BadCell) {
        const field = fieldAt[i];
        const column = (field !== undefined ? header[field] : undefined) ?? columnLetter(i);
        problems.push(problem(cell.code, cell.message, { file, row: r + 1, column }));
        bad.add(column);
        return;
      }
      const text = cellText(cell);
      if (text !== undefined && text.length > INPUT_LIMITS.cellCharacters) {
        const field = fieldAt[i];
        const column = (field !== undefined ? header[field] : undefined) ?? columnLetter(i);
        problems.push(problem('cell_too_long', { zh: `单元格超过 ${INPUT_LIMITS.cellCharacters} 个字符（${text.length} 个）`, en: `the cell is longer than ${INPUT_LIMITS.cellCharacters} characters (${text.length})` }, { file, row: r + 1, column }));
        bad.add(column);
        return;
      }
      if (text === undefined) return;
      const field = fieldAt[i];
      if (field !== undefined) values[field] = text;
      else if (i >= fieldAt.length) {
        problems.push(problem('extra_cell', { zh: `第 ${i + 1} 个单元格超出表头范围：${text}`, en: `cell ${i + 1} is beyond the header: ${text}` }, { file, row: r + 1 }));
      }
    });
    records.push({ row: r + 1, values, header, ...(bad.size > 0 ? { bad } : {}) });
  }
  if (records.length === 0 && problems.length === 0) {
    problems.push(problem('no_rows', { zh: '只有表头，没有数据行', en: 'header only: no data rows' }, { file, row: 1, severity: 'warning' }));
  }
  return { records, problems };
}

/** Splits a list cell on `;` or `；` (and `、`), trimming items. */
export function listCell(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  const items = text.split(/[;；、]/).map((s) => s.trim()).filter(Boolean);
  return items.length > 0 ? items : undefined;
}

/** An integer cell, or a problem naming the column. */
export function intCell(record: TableRecord, field: string, file: string, problems: Problem[]): number | undefined {
  const text = record.values[field];
  if (text === undefined) return undefined;
  const n = Number(text.replace(/,/g, '').trim());
  if (!Number.isInteger(n) || n < 0) {
    problems.push(problem('invalid_number', { zh: `应为非负整数：${text}`, en: `expected a whole number ≥ 0: ${text}` }, { file, row: record.row, column: record.header[field] ?? field }));
    return undefined;
  }
  return n;
}
