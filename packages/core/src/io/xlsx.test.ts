import { constants, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { TEST_STYLES as S, excelSerial, rawZip, testWorkbook, workbookParts, zipParts } from '../testing/workbooks';
import { parseActivityRows } from './activities';
import { BadCell, readTable } from './table';
import { Inflate } from 'fflate';
import { readWorkbook as readWith, type WorkbookOptions } from './xlsx';
import { REGISTRY_COLUMNS } from './registry';

const file = 'book.xlsx';
const readWorkbook = (bytes: Uint8Array, options: WorkbookOptions) => readWith(bytes, options, Inflate);
const read = (bytes: Uint8Array, sheet?: string) => readWorkbook(bytes, { file, ...(sheet !== undefined ? { sheet } : {}) });
const rowsOf = (bytes: Uint8Array, sheet?: string) => {
  const r = read(bytes, sheet);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value.rows;
};
const codes = (bytes: Uint8Array) => {
  const r = read(bytes);
  return r.ok ? [] : r.problems.map((p) => p.code);
};

/** A deflate stream of `copies` MiB of `byte`, from one compressed block repeated (tiny on disk). */
function bombData(copies: number, byte = 0x61, prefix = '', suffix = ''): Uint8Array {
  const head = deflateRawSync(Buffer.from(prefix), { finishFlush: constants.Z_SYNC_FLUSH });
  const block = deflateRawSync(Buffer.alloc(1 << 20, byte), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const tail = deflateRawSync(Buffer.from(suffix), { finishFlush: constants.Z_FINISH });
  return Buffer.concat([head, ...Array.from({ length: copies }, () => block), tail]);
}

describe('readWorkbook: cells as the user sees them', () => {
  it('reads shared and inline strings, numbers, booleans and OOXML escapes', () => {
    const rows = rowsOf(testWorkbook([{ name: '登记表', rows: [['编号', '名称', '人数'], ['u1', '朱家角镇示例小学', 860], ['u2', { t: 'inlineStr', inline: 'A_x000D_B' }, { t: 'b', v: '1' }]] }]));
    expect(rows).toEqual([['编号', '名称', '人数'], ['u1', '朱家角镇示例小学', '860'], ['u2', 'A\rB', 'TRUE']]);
  });

  it('turns date, date-time, time and Chinese-format date cells into text, in both date systems', () => {
    const rows = rowsOf(
      testWorkbook([
        {
          name: 'S',
          rows: [
            ['d', 'dt', 't', 'zh', 'plain'],
            [{ v: String(excelSerial('2026-09-18')), s: S.date }, { v: String(excelSerial('2026-09-18', '09:30:00')), s: S.dateTime }, { v: String(excelSerial('1899-12-30', '14:00:00')), s: S.time }, { v: String(excelSerial('2026-02-25')), s: S.chineseDate }, 46283],
          ],
        },
      ]),
    );
    expect(rows[1]).toEqual(['2026-09-18', '2026-09-18 09:30:00', '14:00:00', '2026-02-25', '46283']);
    const rows1904 = rowsOf(testWorkbook([{ name: 'S', rows: [['d'], [{ v: String(excelSerial('2026-09-18') - 1462), s: S.date }]] }], { date1904: true }));
    expect(rows1904[1]).toEqual(['2026-09-18']);
  });

  it('keeps row numbers as the spreadsheet numbers them when rows are skipped', () => {
    const xml = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row><row r="4"><c r="C4" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>';
    const rows = rowsOf(testWorkbook([{ name: 'S', xml }]));
    expect(rows.length).toBe(4);
    expect(rows[3]![2]).toBe('x');
  });

  it('marks error values and formulas without a saved result as bad cells; a formula with a result gives the result', () => {
    const rows = rowsOf(testWorkbook([{ name: 'S', rows: [['a', 'b', 'c'], [{ t: 'e', v: '#N/A' }, { f: 'SUM(1,2)' }, { f: 'SUM(1,2)', v: '3' }]] }]));
    expect(rows[1]![0]).toBeInstanceOf(BadCell);
    expect((rows[1]![0] as BadCell).code).toBe('error_cell');
    expect((rows[1]![0] as BadCell).message.zh).toContain('#N/A');
    expect((rows[1]![1] as BadCell).code).toBe('formula_without_value');
    expect((rows[1]![1] as BadCell).message.en).toContain('B2');
    expect(rows[1]![2]).toBe('3');
  });

  it('reports a bad cell at its row under the header the file uses', () => {
    const rows = rowsOf(testWorkbook([{ name: 'S', rows: [['单位编号', '活动类型', '日期'], ['u1', '演练', { t: 'e', v: '#VALUE!' }]] }]));
    const result = parseActivityRows(rows, { file });
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual(expect.objectContaining({ code: 'error_cell', row: 2, column: '日期', file }));
    expect(JSON.stringify(result.problems)).not.toContain('[object Object]');
  });
});

describe('readWorkbook: which sheet', () => {
  const sheets = (states: ('visible' | 'hidden' | 'veryHidden')[]) => testWorkbook(states.map((state, i) => ({ name: `表${i + 1}`, state, rows: [['id'], [`from-${i + 1}`]] })));

  it('reads the first visible sheet, never a hidden one before it', () => {
    const r = read(sheets(['hidden', 'veryHidden', 'visible']));
    expect(r.ok && r.value.sheet).toBe('表3');
    expect(r.ok && r.value.rows[1]).toEqual(['from-3']);
    expect(r.problems).toEqual([]);
  });

  it('warns when several sheets are visible, naming them and the one read', () => {
    const r = read(sheets(['visible', 'visible']));
    expect(r.ok && r.value.sheet).toBe('表1');
    expect(r.problems).toEqual([expect.objectContaining({ code: 'several_sheets', severity: 'warning', file })]);
    expect(r.problems[0]!.message.zh).toContain('「表2」');
  });

  it('reads a sheet named by the option, refuses a hidden or missing one', () => {
    expect(rowsOf(sheets(['visible', 'visible']), '表2')[1]).toEqual(['from-2']);
    const hidden = read(sheets(['visible', 'hidden']), '表2');
    expect(!hidden.ok && hidden.problems[0]!.code).toBe('sheet_hidden');
    const missing = read(sheets(['visible']), '表9');
    expect(!missing.ok && missing.problems[0]!.code).toBe('sheet_not_found');
    expect(missing.problems[0]!.message.zh).toContain('「表1」');
    expect(codes(sheets(['hidden']))).toEqual(['no_visible_sheet']);
  });
});

describe('readWorkbook: hostile and broken files end with a named problem', () => {
  it('an empty file, a renamed CSV, an encrypted workbook, random bytes, a zip without a workbook', () => {
    expect(codes(new Uint8Array())).toEqual(['empty_file']);
    const csv = read(new TextEncoder().encode('id,name,kind\nu1,甲,学校\n'));
    expect(!csv.ok && csv.problems[0]).toMatchObject({ code: 'not_a_workbook', file });
    expect(csv.problems[0]!.message.en).toContain('renamed CSV');
    expect(codes(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]))).toEqual(['workbook_encrypted']);
    expect(codes(Uint8Array.from([0x50, 0x4b, 3, 4, 9, 9, 9]))).toEqual(['not_a_workbook']);
    expect(codes(zipParts({ 'word/document.xml': '<w/>' }))).toEqual(['not_a_workbook']);
    expect(codes(rawZip([{ name: 'xl/workbook.xml', data: new Uint8Array(10), flags: 1 }]))).toEqual(['workbook_encrypted']);
  });

  it('refuses XML entities and document type declarations (billion laughs, external entities)', () => {
    const laughs = workbookParts([{ name: 'S', rows: [['id']] }]);
    laughs['xl/sharedStrings.xml'] = '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><sst><si><t>&b;</t></si></sst>';
    expect(codes(zipParts(laughs))).toEqual(['xml_entities']);
    const external = workbookParts([{ name: 'S', rows: [['id']] }]);
    external['xl/worksheets/sheet1.xml'] = '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>';
    expect(codes(zipParts(external))).toEqual(['xml_entities']);
  });

  it('stops a zip bomb at the budget, whatever size its headers claim, in bounded memory', () => {
    const parts = workbookParts([{ name: 'S', rows: [['id']] }]);
    delete parts['xl/worksheets/sheet1.xml'];
    const others = Object.entries(parts).map(([name, text]) => ({ name, data: deflateRawSync(Buffer.from(text as string)) }));
    const bomb = bombData(32, 0x61, '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>', '</t></is></c></row></sheetData></worksheet>');
    const bytes = rawZip([...others, { name: 'xl/worksheets/sheet1.xml', data: bomb, claimedSize: 1000 }]);
    expect(bytes.length).toBeLessThan(200_000);
    const before = process.memoryUsage().rss;
    const r = readWorkbook(bytes, { file, maxBytes: 16 << 20 });
    expect(!r.ok && r.problems[0]!.code).toBe('workbook_too_large');
    expect(process.memoryUsage().rss - before).toBeLessThan(128 << 20);
    // Under the budget, the same 32 MiB cell is read and refused as too long, not kept.
    const big = readWorkbook(bytes, { file, maxBytes: 48 << 20 });
    expect(big.ok && big.value.rows[0]![0]).toBeInstanceOf(BadCell);
  });

  it('stops at the row limit', () => {
    const rows = [['id'], ...Array.from({ length: 12 }, (_, i) => [`u${i}`])];
    const r = readWorkbook(testWorkbook([{ name: 'S', rows }]), { file, maxRows: 10 });
    expect(!r.ok && r.problems[0]!.code).toBe('too_many_rows');
  });

  it('a header cell that is an error value is named by its column letter', () => {
    const rows = rowsOf(testWorkbook([{ name: 'S', rows: [['id', { t: 'e', v: '#REF!' }], ['u1', 'x']] }]));
    const { problems } = readTable(rows, REGISTRY_COLUMNS, file);
    expect(problems).toContainEqual(expect.objectContaining({ code: 'error_cell', row: 1, column: 'B' }));
  });
});
