/**
 * Spreadsheet output: a small streaming SpreadsheetML writer over fflate (exceljs took 20 s and
 * 2.7 GB for a 20,000-unit audit's detail; this writes it as it goes). Reading workbooks is
 * input, and lives with the other input readers in `@liujin/core` (`readWorkbook`).
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { Zip, strToU8, type AsyncFlateStreamHandler, type ZipInputFile } from 'fflate';

/** One worksheet to write: its name, rows of cells and optional column widths. */
export interface SheetSpec {
  name: string;
  rows: Iterable<readonly (string | number | null | undefined)[]>;
  /** Column widths in characters. */
  widths?: readonly number[];
  /** Data validation, print setup and text columns (a sheet people fill in and print). */
  layout?: SheetLayout;
}

/** One data-validation rule: a list of allowed values, or only an input prompt, over a range such as `H2:H90`. */
export interface DataValidation {
  range: string;
  /** Allowed values (a drop-down); without it the cell only shows the prompt. */
  list?: readonly string[];
  prompt?: { title: string; text: string };
  error?: { title: string; text: string };
}

/** What makes a sheet easy to fill in and print: validations, landscape A4 fitted to the page width, repeated header row, text columns. */
export interface SheetLayout {
  validations?: readonly DataValidation[];
  /**
   * Print on A4 fitted to one page wide, the header row(s) repeated on every page, text wrapped,
   * page numbers: `true` for landscape with no page header, or the details.
   */
  print?: boolean | PrintSetup;
  /** 0-based columns formatted as text (`@`), so a typed 06-30 stays 06-30 instead of becoming a date. */
  textColumns?: readonly number[];
}

/** Writes sheets to XLSX bytes. Every string is written as an inline string cell, never as a formula. */
export async function writeWorkbook(sheets: readonly SheetSpec[], created: Date): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const writer = new XlsxWriter((chunk) => chunks.push(chunk), created);
  for (const spec of sheets) {
    const sheet = writer.sheet(spec.name, spec.widths, undefined, spec.layout);
    for (const row of spec.rows) sheet.row(row);
  }
  await writer.end();
  return concat(chunks);
}

/** Chunks joined into one array. */
export function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * A zip entry compressed by Node's zlib (native, level 1: many times fflate's JavaScript deflate), in
 * pieces: every piece but the last ends on a sync flush, so the pieces join into one deflate
 * stream. Synchronous, so the bytes are the same on every run and nothing queues up unbounded.
 */
class NativeDeflateFile implements ZipInputFile {
  size = 0;
  crc = 0;
  readonly compression = 8;
  ondata?: AsyncFlateStreamHandler;
  constructor(
    readonly filename: string,
    readonly mtime: Date,
  ) {}

  push(chunk: Uint8Array, final = false): void {
    this.size += chunk.length;
    this.crc = crc32(chunk, this.crc);
    const out = deflateRawSync(chunk, { level: 1, finishFlush: final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH });
    this.ondata!(null, out, final);
  }
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Excel's limit on the characters of one cell. */
const XLSX_MAX_CELL = 32_767;

/** XML text: markup escaped; characters XML 1.0 cannot hold written as OOXML `_xHHHH_` escapes (so nothing is lost). */
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[&<>"_\u0000-\u001f\ud800-\udfff\ufffe\uffff]/;

function xmlText(value: string, attribute = false): string {
  if (!NEEDS_ESCAPE.test(value)) return value;
  let out = value.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1');
  // eslint-disable-next-line no-control-regex
  out = out.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
  out = out.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return attribute ? out.replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;') : out;
}

/** The parts after the cells, in the order SpreadsheetML requires: data validations, then print setup. */
function layoutXml(layout: SheetLayout | undefined): string {
  if (!layout) return '';
  const quote = (v: string) => v.replace(/"/g, '""');
  const rules = (layout.validations ?? []).map((v) => {
    const type = v.list ? ' type="list"' : '';
    const prompt = v.prompt ? ` showInputMessage="1" promptTitle="${xmlText(v.prompt.title, true)}" prompt="${xmlText(v.prompt.text, true)}"` : '';
    const error = v.error ? ` showErrorMessage="1" errorTitle="${xmlText(v.error.title, true)}" error="${xmlText(v.error.text, true)}"` : '';
    const formula = v.list ? `<formula1>${xmlText(`"${v.list.map(quote).join(',')}"`)}</formula1>` : '';
    return `<dataValidation${type} allowBlank="1"${prompt}${error} sqref="${v.range}">${formula}</dataValidation>`;
  });
  const validations = rules.length > 0 ? `<dataValidations count="${rules.length}">${rules.join('')}</dataValidations>` : '';
  const print = printSetup(layout);
  // A4 (paperSize 9), fitted to one page wide and as many pages tall as it takes (ECMA-376 §18.3.1.63).
  const setup = print
    ? `<printOptions gridLines="1"/><pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="${print.landscape === false ? 'portrait' : 'landscape'}" fitToWidth="1" fitToHeight="0"/><headerFooter>${print.header ? `<oddHeader>${xmlText(`&C${headerText(print.header)}`)}</oddHeader>` : ''}<oddFooter>${xmlText('&C&P / &N')}</oddFooter></headerFooter>`
    : '';
  return validations + setup;
}

/** A sheet's print setup, `print: true` meaning landscape with the defaults. */
function printSetup(layout: SheetLayout | undefined): PrintSetup | undefined {
  return layout?.print === true ? { landscape: true } : layout?.print || undefined;
}

const columnNames: string[] = [];
function columnName(index: number): string {
  let name = columnNames[index];
  if (name === undefined) {
    let n = index + 1;
    name = '';
    while (n > 0) {
      const r = (n - 1) % 26;
      name = String.fromCharCode(65 + r) + name;
      n = Math.floor((n - r - 1) / 26);
    }
    columnNames[index] = name;
  }
  return name;
}

/**
 * How a sheet prints (a work list handed out on paper): A4, fitted to the page width, the first
 * `repeatRows` rows repeated on every page, an optional page header, wrapped cells, page numbers.
 */
export interface PrintSetup {
  landscape?: boolean;
  /** Rows repeated at the top of every printed page (default 1: the header row). */
  repeatRows?: number;
  /** Centre page header (plain text). */
  header?: string;
}

/** Text in a header or footer: `&` starts a code there, so it is doubled. */
const headerText = (text: string) => text.replace(/&/g, '&&');

export interface XlsxSheetWriter {
  /** Appends a row; the first row of a sheet is its bold, frozen header. */
  row(values: readonly (string | number | null | undefined)[]): void;
  /** Rows written so far, the header included. */
  readonly rows: number;
}

/**
 * A streaming XLSX writer: sheets one after another, rows appended as they come, compressed as
 * they go (fflate), so a nation-sized unit detail never sits in memory. SpreadsheetML by hand,
 * only the parts Excel, LibreOffice, WPS and openpyxl need; strings are inline strings (never
 * formulas); every zip entry is dated `created`, so the same input gives the same bytes.
 */
export class XlsxWriter {
  private readonly zip: Zip;
  private readonly sheets: { name: string; position: number; print?: PrintSetup }[] = [];
  private current: { file: NativeDeflateFile; buffer: string[]; size: number; rows: number; layout?: SheetLayout | undefined } | undefined;
  /** Whether any sheet uses the wrapped (2) or text (3) cell styles: other workbooks keep their bytes. */
  private extraStyles = false;
  private readonly mtime: Date;
  private readonly done: Promise<void>;
  private failed: Error | undefined;

  constructor(
    write: (chunk: Uint8Array) => void,
    private readonly created: Date,
    /** Applied to every text cell (reports pass `safeCell`: controls visible, no formulas). */
    private readonly cellText: (text: string) => string = (text) => text,
  ) {
    let resolve!: () => void;
    let reject!: (error: Error) => void;
    this.done = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    this.zip = new Zip((error, data, final) => {
      if (error) {
        this.failed = error;
        reject(error);
        return;
      }
      write(data);
      if (final) resolve();
    });
    // Zip entries carry local wall-clock fields: noon of the UTC date exists in every time zone,
    // so the bytes do not depend on the host's zone (clamped to the zip format's years).
    const year = Math.min(2099, Math.max(1980, created.getUTCFullYear()));
    this.mtime = new Date(year, created.getUTCMonth(), created.getUTCDate(), 12, 0, 0);
  }

  private deflate(name: string): NativeDeflateFile {
    const file = new NativeDeflateFile(name, this.mtime);
    this.zip.add(file);
    return file;
  }

  private entry(name: string, text: string): void {
    const file = this.deflate(name);
    file.push(strToU8(text), true);
  }

  /**
   * Starts a sheet (and finishes the previous one). `position` orders the sheets in the workbook
   * (default: as created), so a summary written after a long streamed detail can still come first.
   */
  sheet(name: string, widths: readonly number[] = [], position = this.sheets.length, layout?: SheetLayout): XlsxSheetWriter {
    this.closeSheet();
    if (this.failed) throw this.failed;
    // Sheet names: at most 31 characters, none of []:*?/\, unique.
    let clean = name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet';
    const taken = new Set(this.sheets.map((s) => s.name.toLowerCase()));
    for (let n = 2; taken.has(clean.toLowerCase()); n++) clean = `${name.slice(0, 27)} (${n})`;
    const text = new Set(layout?.textColumns ?? []);
    const print = printSetup(layout);
    if (print || text.size > 0) this.extraStyles = true;
    this.sheets.push({ name: clean, position, ...(print ? { print } : {}) });
    const file = this.deflate(`xl/worksheets/sheet${this.sheets.length}.xml`);
    const cols = widths.length > 0 ? `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"${text.has(i) ? ' style="3"' : ''}/>`).join('')}</cols>` : '';
    const head = `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${print ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : ''}<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>${cols}<sheetData>`;
    const state = { file, buffer: [head], size: head.length, rows: 0, layout };
    this.current = state;
    const flush = () => {
      state.file.push(strToU8(state.buffer.join('')));
      state.buffer = [];
      state.size = 0;
    };
    return {
      row: (values) => {
        if (this.current !== state) throw new Error('this sheet is finished: rows go to the newest sheet');
        const r = ++state.rows;
        // Printed sheets wrap their text (style 2) so long lists of names stay on the page; text columns (3) keep 06-30 as typed.
        const rowStyle = r === 1 ? ' s="1"' : print ? ' s="2"' : '';
        let xml = `<row r="${r}">`;
        for (let i = 0; i < values.length; i++) {
          const value = values[i];
          if (value === undefined || value === null || value === '') continue;
          const style = r > 1 && text.has(i) ? ' s="3"' : rowStyle;
          const ref = `${columnName(i)}${r}`;
          if (typeof value === 'number' && Number.isFinite(value)) xml += `<c r="${ref}"${style}><v>${value}</v></c>`;
          else {
            let text = this.cellText(String(value));
            if (text.length > XLSX_MAX_CELL) text = `${text.slice(0, XLSX_MAX_CELL - 40)} …[${text.length} characters, cut to fit a cell]`;
            xml += `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${xmlText(text)}</t></is></c>`;
          }
        }
        xml += '</row>';
        state.buffer.push(xml);
        state.size += xml.length;
        if (state.size > 256 * 1024) flush();
      },
      get rows() {
        return state.rows;
      },
    };
  }

  private closeSheet(): void {
    const state = this.current;
    if (!state) return;
    state.buffer.push(`</sheetData>${layoutXml(state.layout)}</worksheet>`);
    state.file.push(strToU8(state.buffer.join('')), true);
    this.current = undefined;
  }

  /** Writes the workbook parts and ends the archive; resolves when the last byte is out. */
  async end(): Promise<void> {
    if (this.sheets.length === 0) this.sheet('Sheet1');
    this.closeSheet();
    const n = this.sheets.length;
    const ordered = this.sheets.map((s, i) => ({ ...s, file: i + 1 })).sort((a, b) => a.position - b.position || a.file - b.file);
    const sheetEntries = ordered.map((s) => `<sheet name="${xmlText(s.name, true)}" sheetId="${s.file}" r:id="rId${s.file}"/>`).join('');
    // Rows repeated on every printed page: the built-in name _xlnm.Print_Titles, per sheet (§18.2.5).
    const titles = ordered.flatMap((s, i) => (s.print ? [`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xmlText(`'${s.name.replace(/'/g, "''")}'!$1:$${s.print.repeatRows ?? 1}`)}</definedName>`] : []));
    const definedNames = titles.length > 0 ? `<definedNames>${titles.join('')}</definedNames>` : '';
    this.entry('xl/workbook.xml', `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets>${sheetEntries}</sheets>${definedNames}</workbook>`);
    this.entry(
      'xl/_rels/workbook.xml.rels',
      `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${this.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId${n + 1}" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`,
    );
    // The wrapped-text style only where a printed sheet uses it: other workbooks keep their bytes.
    const wrapped = this.extraStyles;
    this.entry(
      'xl/styles.xml',
      `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${wrapped ? 4 : 2}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>${wrapped ? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' : ''}</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
    );
    const stamp = this.created.toISOString().replace(/\.\d{3}Z$/, 'Z');
    this.entry(
      'docProps/core.xml',
      `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>liujin</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified></cp:coreProperties>`,
    );
    this.entry(
      '_rels/.rels',
      `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
    );
    this.entry(
      '[Content_Types].xml',
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${this.sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`,
    );
    this.zip.end();
    await this.done;
  }
}
