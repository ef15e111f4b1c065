/**
 * Workbooks written part by part for tests of the XLSX reader: real SpreadsheetML as Excel and
 * WPS save it (shared strings, styles for dates and times, hidden sheets, formulas, error
 * values), and hostile ones (entities, bombs), without a spreadsheet library.
 */
import { zipSync, strToU8, type Zippable } from 'fflate';

/** A cell: text (a shared string), a number, or the raw parts of a `<c>` element. */
export type TestCell = string | number | null | { t?: string; v?: string; f?: string; s?: number; inline?: string };

/** A worksheet of a hand-made test workbook: name, visibility, and rows or raw sheet XML. */
export interface TestSheet {
  name: string;
  state?: 'visible' | 'hidden' | 'veryHidden';
  rows?: readonly (readonly TestCell[])[];
  /** The sheet part's XML instead of `rows`. */
  xml?: string;
}

/** Cell styles of every test workbook: the index to use as `s`. */
export const TEST_STYLES = { general: 0, date: 1, dateTime: 2, time: 3, chineseDate: 4, timeSeconds: 5 } as const;

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function column(i: number): string {
  let name = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** The parts of an .xlsx (path to text or bytes), to change before zipping with `zipParts`. */
export function workbookParts(sheets: readonly TestSheet[], options: { date1904?: boolean } = {}): Record<string, string | Uint8Array> {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const shared = (text: string) => {
    let i = index.get(text);
    if (i === undefined) {
      i = strings.push(text) - 1;
      index.set(text, i);
    }
    return i;
  };
  const parts: Record<string, string | Uint8Array> = {};
  sheets.forEach((sheet, n) => {
    if (sheet.xml !== undefined) {
      parts[`xl/worksheets/sheet${n + 1}.xml`] = sheet.xml;
      return;
    }
    const rows = (sheet.rows ?? []).map((row, r) => {
      const cells = row.map((cell, c) => {
        const ref = `${column(c)}${r + 1}`;
        if (cell === null) return '';
        if (typeof cell === 'string') return `<c r="${ref}" t="s"><v>${shared(cell)}</v></c>`;
        if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`;
        const attrs = `${cell.t ? ` t="${cell.t}"` : ''}${cell.s !== undefined ? ` s="${cell.s}"` : ''}`;
        const inner = `${cell.f !== undefined ? `<f>${esc(cell.f)}</f>` : ''}${cell.v !== undefined ? `<v>${esc(cell.v)}</v>` : ''}${cell.inline !== undefined ? `<is><t>${esc(cell.inline)}</t></is>` : ''}`;
        return `<c r="${ref}"${attrs}>${inner}</c>`;
      });
      return `<row r="${r + 1}">${cells.join('')}</row>`;
    });
    parts[`xl/worksheets/sheet${n + 1}.xml`] = `${HEAD}<worksheet ${NS}><sheetData>${rows.join('')}</sheetData></worksheet>`;
  });
  parts['xl/workbook.xml'] = `${HEAD}<workbook ${NS}>${options.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state && s.state !== 'visible' ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`;
  parts['xl/_rels/workbook.xml.rels'] = `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rIdT" Type="${REL}/styles" Target="styles.xml"/></Relationships>`;
  parts['xl/sharedStrings.xml'] = `${HEAD}<sst ${NS} count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('')}</sst>`;
  parts['xl/styles.xml'] = `${HEAD}<styleSheet ${NS}><numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="22" applyNumberFormat="1"/><xf numFmtId="20" applyNumberFormat="1"/><xf numFmtId="176" applyNumberFormat="1"/><xf numFmtId="21" applyNumberFormat="1"/></cellXfs></styleSheet>`;
  parts['_rels/.rels'] = `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  parts['[Content_Types].xml'] = `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`;
  return parts;
}

/** Zips parts (path to content) with a fixed timestamp: the same parts give the same bytes. */
export function zipParts(parts: Record<string, string | Uint8Array>, level: 0 | 9 = 9): Uint8Array {
  const files: Zippable = {};
  for (const [path, content] of Object.entries(parts)) files[path] = [typeof content === 'string' ? strToU8(content) : content, { level }];
  return zipSync(files, { mtime: new Date(Date.UTC(2026, 0, 1, 12)) });
}

/** An .xlsx of these sheets. */
export function testWorkbook(sheets: readonly TestSheet[], options: { date1904?: boolean } = {}): Uint8Array {
  return zipParts(workbookParts(sheets, options));
}

/** Serial day numbers of the 1900 date system, as Excel stores dates. */
export function excelSerial(date: string, time = '00:00:00'): number {
  const [h, m, s] = time.split(':').map(Number);
  return (Date.parse(`${date}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000 + ((h ?? 0) * 3600 + (m ?? 0) * 60 + (s ?? 0)) / 86_400;
}

/**
 * A zip written byte by byte from entries already compressed (method 8 = raw deflate, 0 =
 * stored), with whatever sizes they claim: for zip bombs and archives whose headers lie.
 */
export function rawZip(entries: readonly { name: string; data: Uint8Array; method?: 0 | 8; claimedSize?: number; flags?: number }[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const header = (size: number) => {
    const b = new Uint8Array(size);
    return { b, v: new DataView(b.buffer) };
  };
  for (const e of entries) {
    const name = strToU8(e.name);
    const size = e.claimedSize ?? e.data.length;
    const local = header(30);
    local.v.setUint32(0, 0x04034b50, true);
    local.v.setUint16(4, 20, true);
    local.v.setUint16(6, e.flags ?? 0, true);
    local.v.setUint16(8, e.method ?? 8, true);
    local.v.setUint32(18, e.data.length, true);
    local.v.setUint32(22, size, true);
    local.v.setUint16(26, name.length, true);
    const dir = header(46);
    dir.v.setUint32(0, 0x02014b50, true);
    dir.v.setUint16(4, 20, true);
    dir.v.setUint16(6, 20, true);
    dir.v.setUint16(8, e.flags ?? 0, true);
    dir.v.setUint16(10, e.method ?? 8, true);
    dir.v.setUint32(20, e.data.length, true);
    dir.v.setUint32(24, size, true);
    dir.v.setUint16(28, name.length, true);
    dir.v.setUint32(42, offset, true);
    chunks.push(local.b, name, e.data);
    central.push(dir.b, name);
    offset += 30 + name.length + e.data.length;
  }
  const dirSize = central.reduce((n, c) => n + c.length, 0);
  const end = header(22);
  end.v.setUint32(0, 0x06054b50, true);
  end.v.setUint16(8, entries.length, true);
  end.v.setUint16(10, entries.length, true);
  end.v.setUint32(12, dirSize, true);
  end.v.setUint32(16, offset, true);
  const all = [...chunks, ...central, end.b];
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of all) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
