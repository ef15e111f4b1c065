/**
 * Workbook (XLSX, Office Open XML SpreadsheetML, ECMA-376) to rows of cells as the user sees
 * them, from bytes. Reads the first visible worksheet, or the one named; never a hidden one.
 * Date, date-time and time cells become `YYYY-MM-DD`, `YYYY-MM-DD HH:MM:SS` and `HH:MM:SS`;
 * error values, formulas without a saved result and over-long text become `BadCell`s, which the
 * table reader reports at their row and column. Bounded: the bytes inflated are budgeted
 * (`INPUT_LIMITS.workbookBytes`), rows are capped, and XML entities are refused (xml.ts).
 */
import { problem, type ParseResult, type Problem } from '../model/problem';
import { INPUT_LIMITS, describeLimit, tooManyRows } from './limits';
import { BadCell, columnLetter } from './table';
import { XmlError } from './xml';
import { ZipError, zipEntries, type InflateClass } from './zip';
import { serialToText } from './xlsx-dates';
import { relationships, scanPart, sharedStrings, temporalStyles, tooLong, unescapeOoxml, type Archive } from './xlsx-parts';

/** How to read a workbook: the file name for problems, the worksheet, and the limits. */
export interface WorkbookOptions {
  file: string;
  /** The worksheet to read, by name (case as written); default: the first visible one. */
  sheet?: string;
  /** Bytes the parts read may decompress to. */
  maxBytes?: number;
  /** Data rows allowed below the header. */
  maxRows?: number;
  /** Sheets (by name, any case) never read as the default one: a registry's towns sheet 街镇. */
  skip?: readonly string[];
}

/** A worksheet read as a table: its rows of cells and the sheet's name. */
export interface WorkbookTable {
  /** Rows by spreadsheet position: index 0 is row 1. Cells are text, `BadCell` or absent. */
  rows: (string | BadCell | undefined)[][];
  /** The sheet read. */
  sheet: string;
  /** Every visible worksheet's name, in workbook order. */
  sheets: string[];
}

class StopReading extends Error {}

function readSheet(archive: Archive, path: string, strings: readonly (string | BadCell)[], styles: readonly ('date' | 'time' | 'datetime' | undefined)[], date1904: boolean, maxRows: number, cellLimit: number): WorkbookTable['rows'] {
  const rows: WorkbookTable['rows'] = [];
  let row: (string | BadCell | undefined)[] | undefined;
  let rowIndex = -1;
  let col = -1;
  let cell: { ref: string; type: string; style: number; value?: string; formula: boolean; inline?: string } | undefined;
  let capture: 'v' | 't' | undefined;
  let phonetic = 0;
  let tooMany = false;
  const finishCell = () => {
    if (!cell || !row) return;
    row[col] = cellValue(cell, strings, styles, date1904, cellLimit);
    cell = undefined;
  };
  try {
    scanPart(archive, path, {
      open(name, a, selfClosing) {
        if (name === 'row') {
          rowIndex = a.r !== undefined && /^\d+$/.test(a.r) ? Number(a.r) - 1 : rowIndex + 1;
          if (rowIndex > maxRows) {
            tooMany = true;
            throw new StopReading();
          }
          row = [];
          col = -1;
        } else if (name === 'c' && row) {
          const ref = a.r ?? '';
          const letters = /^([A-Z]{1,3})\d*$/.exec(ref)?.[1];
          col = letters ? [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1 : col + 1;
          cell = { ref: ref || `${columnLetter(col)}${rowIndex + 1}`, type: a.t ?? 'n', style: Number(a.s ?? 0), formula: false };
          if (selfClosing) finishCell();
        } else if (cell) {
          if (name === 'f') cell.formula = true;
          else if (name === 'v') {
            capture = 'v';
            cell.value ??= '';
          } else if (name === 'rPh') phonetic++;
          else if (name === 't' && phonetic === 0) {
            capture = 't';
            cell.inline ??= '';
          }
        }
      },
      close(name) {
        if (name === 'v' || name === 't') capture = undefined;
        else if (name === 'rPh') phonetic--;
        else if (name === 'c') finishCell();
        else if (name === 'row' && row) {
          rows[rowIndex] = row;
          row = undefined;
        }
      },
      text(text) {
        if (!cell || !capture) return;
        if (capture === 'v') {
          if ((cell.value ?? '').length <= cellLimit) cell.value = (cell.value ?? '') + text;
        }
        else if ((cell.inline ?? '').length <= cellLimit) cell.inline = (cell.inline ?? '') + text;
      },
    });
  } catch (error) {
    if (!(error instanceof StopReading)) throw error;
  }
  if (tooMany) throw new StopReading('rows');
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return rows;
}

function cellValue(cell: { ref: string; type: string; style: number; value?: string; formula: boolean; inline?: string }, strings: readonly (string | BadCell)[], styles: readonly ('date' | 'time' | 'datetime' | undefined)[], date1904: boolean, cellLimit: number): string | BadCell | undefined {
  const { ref, type, value } = cell;
  if (type === 'e') return new BadCell('error_cell', { zh: `单元格 ${ref} 是错误值 ${value ?? ''}：请改为实际的值`, en: `cell ${ref} holds the error value ${value ?? ''}: enter the real value` });
  // A formula with no saved result: no <v>, or an empty one (openpyxl writes <v></v>); only a
  // text formula (t="str") can have the empty text as its result.
  const unsaved = cell.formula && (value === undefined || (value === '' && type !== 'str'));
  if ((value === undefined && type !== 'inlineStr') || unsaved) {
    if (cell.formula) {
      return new BadCell('formula_without_value', {
        zh: `单元格 ${ref} 是公式，但文件里没有保存计算结果：请在 Excel 或 WPS 中打开并保存，或改为数值`,
        en: `cell ${ref} is a formula whose result was not saved in the file: open and save it in Excel or WPS, or enter the value`,
      });
    }
    return undefined;
  }
  let text: string | BadCell;
  switch (type) {
    case 's': {
      const s = strings[Number(value)];
      text = s ?? new BadCell('workbook_corrupt', { zh: `单元格 ${ref} 指向不存在的共享字符串`, en: `cell ${ref} points at a shared string that does not exist` });
      break;
    }
    case 'inlineStr':
      text = unescapeOoxml(cell.inline ?? '');
      break;
    case 'str':
      text = unescapeOoxml(value ?? '');
      break;
    case 'b':
      text = value === '1' || value === 'true' ? 'TRUE' : 'FALSE';
      break;
    case 'd':
      text = (value ?? '').replace(/T00:00:00(\.0+)?Z?$/, '').replace('T', ' ').replace(/(\.\d+)?Z$/, '');
      break;
    default: {
      const temporal = styles[cell.style];
      const n = Number(value);
      text = temporal && Number.isFinite(n) && n >= 0 ? serialToText(n, temporal, date1904) : (value ?? '');
    }
  }
  if (typeof text === 'string' && text.length > cellLimit) return tooLong(text.length, cellLimit);
  return text === '' ? undefined : text;
}

function fail(file: string, code: string, zh: string, en: string): ParseResult<WorkbookTable> {
  return { ok: false, problems: [problem(code, { zh, en }, { file })] };
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Reads one worksheet of a workbook's bytes; every problem as data, never a throw. */
export function readWorkbook(bytes: Uint8Array, options: WorkbookOptions, Inflate: InflateClass): ParseResult<WorkbookTable> {
  const { file } = options;
  const maxBytes = options.maxBytes ?? INPUT_LIMITS.workbookBytes;
  const maxRows = options.maxRows ?? INPUT_LIMITS.rows;
  if (bytes.length === 0) return fail(file, 'empty_file', '文件为空', 'the file is empty');
  if (OLE.every((b, i) => bytes[i] === b)) {
    return fail(file, 'workbook_encrypted', '这是设置了打开密码的工作簿，或旧版 .xls 文件：请在 Excel 或 WPS 中取消密码并另存为 .xlsx 或 CSV', 'this is a password-protected workbook or an old .xls file: remove the password in Excel or WPS and save it as .xlsx or CSV');
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    const head = bytes.subarray(0, 4096);
    const text = !head.includes(0) && /[,\t\n]/.test(new TextDecoder('latin1').decode(head));
    return text
      ? fail(file, 'not_a_workbook', '扩展名是 .xlsx，内容却是文本（可能是改了扩展名的 CSV）：请把扩展名改为 .csv，或在 Excel/WPS 中另存为 .xlsx', 'the name ends in .xlsx but the content is text (a renamed CSV?): rename it to .csv, or save it as .xlsx in Excel or WPS')
      : fail(file, 'not_a_workbook', '不是 XLSX 工作簿（不是 zip 文件）', 'not an XLSX workbook (not a zip file)');
  }
  try {
    const archive: Archive = { bytes, entries: zipEntries(bytes), budget: { remaining: maxBytes }, Inflate };
    const root = relationships(archive, '');
    const workbookPath = [...root.values()].find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
    const sheets: { name: string; state: string; rid: string }[] = [];
    let date1904 = false;
    const found = scanPart(archive, workbookPath, {
      open(name, a) {
        if (name === 'sheet') sheets.push({ name: a.name ?? '', state: a.state ?? 'visible', rid: a.id ?? '' });
        else if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      },
      close() {},
      text() {},
    });
    if (!found) return fail(file, 'not_a_workbook', 'zip 文件里没有工作簿（可能是改了扩展名的 Word 或其他文件）', 'the zip holds no workbook (a renamed Word or other file?)');
    const rels = relationships(archive, workbookPath);
    const worksheets = sheets.filter((s) => rels.get(s.rid)?.type.endsWith('/worksheet'));
    const visible = worksheets.filter((s) => s.state === 'visible');
    const problems: Problem[] = [];
    const names = (list: typeof sheets) => list.map((s) => `「${s.name}」`).join('、') || '—';
    let chosen: (typeof sheets)[number] | undefined;
    if (options.sheet !== undefined) {
      chosen = worksheets.find((s) => s.name === options.sheet) ?? worksheets.find((s) => s.name.trim().toLowerCase() === options.sheet!.trim().toLowerCase());
      if (!chosen) return fail(file, 'sheet_not_found', `没有名为「${options.sheet}」的工作表；可见的工作表：${names(visible)}`, `no worksheet named "${options.sheet}"; visible worksheets: ${names(visible)}`);
      if (chosen.state !== 'visible') return fail(file, 'sheet_hidden', `工作表「${chosen.name}」是隐藏的，不读取：请在 Excel/WPS 中取消隐藏，或选择可见的工作表：${names(visible)}`, `worksheet "${chosen.name}" is hidden and is not read: unhide it in Excel or WPS, or choose a visible one: ${names(visible)}`);
    } else {
      const skipped = new Set((options.skip ?? []).map((n) => n.trim().toLowerCase()));
      const readable = visible.filter((s) => !skipped.has(s.name.trim().toLowerCase()));
      chosen = readable[0];
      if (!chosen) return fail(file, 'no_visible_sheet', '工作簿里没有可见的工作表', 'the workbook has no visible worksheet');
      if (readable.length > 1) {
        problems.push(problem('several_sheets', { zh: `工作簿有 ${readable.length} 个可见的工作表（${names(readable)}），只读取第一个「${chosen.name}」；可用 --sheet 选择`, en: `the workbook has ${readable.length} visible worksheets (${names(readable)}); only the first, "${chosen.name}", is read; choose another with --sheet` }, { file, severity: 'warning' }));
      }
    }
    const typed = (suffix: string) => [...rels.values()].find((r) => r.type.endsWith(suffix))?.target;
    const strings = sharedStrings(archive, typed('/sharedStrings'), INPUT_LIMITS.cellCharacters);
    const styles = temporalStyles(archive, typed('/styles'));
    const rows = readSheet(archive, rels.get(chosen.rid)!.target, strings, styles, date1904, maxRows, INPUT_LIMITS.cellCharacters);
    return { ok: true, value: { rows, sheet: chosen.name, sheets: visible.map((v) => v.name) }, problems };
  } catch (error) {
    if (error instanceof StopReading) return { ok: false, problems: [tooManyRows(file, maxRows)] };
    if (error instanceof ZipError) {
      if (error.code === 'zip_too_large') {
        const limit = describeLimit(maxBytes, 'bytes');
        return fail(file, 'workbook_too_large', `工作簿解压后超过 ${limit} 的上限（可能是压缩炸弹），未读取`, `the workbook decompresses to more than the ${limit} limit (a zip bomb?) and was not read`);
      }
      if (error.code === 'zip_encrypted') return fail(file, 'workbook_encrypted', '工作簿内容已加密：请取消密码后另存', 'the workbook content is encrypted: remove the password and save it again');
      return fail(file, 'not_a_workbook', `不是可读的 XLSX 工作簿：${error.message}`, `not a readable XLSX workbook: ${error.message}`);
    }
    if (error instanceof XmlError) {
      if (error.code === 'xml_malformed') return fail(file, 'workbook_corrupt', `工作簿内容损坏：${error.message}`, `the workbook is damaged: ${error.message}`);
      return fail(file, 'xml_entities', '工作簿含有 XML 实体或文档类型声明（Excel 和 WPS 不会写入这些，可能是恶意文件），未读取', `the workbook holds XML entities or a document type declaration (Excel and WPS never write them; possibly hostile) and was not read: ${error.message}`);
    }
    if (error instanceof TypeError && /encoded data|decode/i.test(error.message)) return fail(file, 'workbook_corrupt', '工作簿内容不是 UTF-8 编码的 XML', 'the workbook holds XML that is not UTF-8');
    throw error;
  }
}
