/**
 * A4 pages after GB/T 9704-2012 (党政机关公文格式): top margin 37 mm, binding (left) margin
 * 28 mm, text block 156 x 225 mm; body 16 pt (3号) with about 28.9 pt line pitch, paragraphs
 * indented two characters; title 22 pt (2号) centred; headings 一、（黑体）, （一）, 1.; page
 * numbers "— N —" in 14 pt (4号), right on odd pages and left on even pages, one character in
 * (§7.5). Tables break across pages and repeat their header row.
 */
import PDFDocument from 'pdfkit';
import { FALLBACK_CHARACTER, missingCharacters, printable, type FontSet } from './fonts';

const MM = 72 / 25.4;
/** A4 page geometry in points: margins and the 156 mm x 225 mm type area of GB/T 9704-2012. */
export const PAGE = { width: 210 * MM, height: 297 * MM, top: 37 * MM, left: 28 * MM, textWidth: 156 * MM, textHeight: 225 * MM } as const;
const BODY = 16;
const PITCH = 28.9;
const SMALL = 12;

export interface DocumentMeta {
  title: string;
  subject: string;
  author: string;
  now: Date;
  pdfa: boolean;
  /** Make every blank a fillable form field (AcroForm text field) over its ruled line. */
  form?: boolean;
}

/** The form fields' font size (a fixed size: 0, "auto", came out huge in viewers, TOOLCHAIN.md). */
const FIELD_FONT_SIZE = 12;
const FIELD_DA = `/STSong ${FIELD_FONT_SIZE} Tf 0 g`;

// pdfkit's document internals used to build the form by hand (its own formText() points the
// fields at the page's subset font, which cannot show what a user types: TOOLCHAIN.md).
interface PdfRef {
  data: Record<string, unknown> & { Fields?: PdfRef[] };
  end(chunk?: string | Buffer): void;
}
interface PdfInternals {
  ref(data: Record<string, unknown>): PdfRef;
  _root: { data: Record<string, unknown> };
  _acroform?: { fonts: Record<string, PdfRef>; defaultFont: string };
  page: { annotations: PdfRef[] };
}

/** Raised for characters outside the fonts when the caller asked for an error instead of the fallback. */
export class MissingGlyphError extends Error {
  override readonly name = 'MissingGlyphError';
  constructor(readonly characters: readonly string[], readonly where: string) {
    super(`${where}: the fonts have no glyph for ${characters.map((c) => `"${c}" (U+${c.codePointAt(0)!.toString(16).toUpperCase()})`).join(', ')}`);
  }
}

export class PlanDocument {
  readonly doc: PDFKit.PDFDocument;
  private readonly bottom = PAGE.top + PAGE.textHeight;
  /** Characters replaced by the fallback, reported to the caller. */
  readonly substituted = new Set<string>();
  /** The form, when blanks are fillable: its field list and the names taken. */
  private form: { acro: PdfRef; names: Set<string> } | undefined;
  /** The names of the form fields, in page order. */
  readonly fieldNames: string[] = [];

  constructor(
    private readonly fonts: FontSet,
    meta: DocumentMeta,
    private readonly onMissingGlyph: 'substitute' | 'error',
  ) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: PAGE.top, left: PAGE.left, right: PAGE.width - PAGE.left - PAGE.textWidth, bottom: PAGE.height - this.bottom },
      bufferPages: true,
      autoFirstPage: true,
      lang: 'zh-CN',
      displayTitle: true,
      info: { Title: meta.title, Subject: meta.subject, Author: meta.author, Creator: 'liujin', Producer: 'liujin (pdfkit)', CreationDate: meta.now, ModDate: meta.now },
      ...(meta.pdfa ? { subset: 'PDF/A-2b' as const, pdfVersion: '1.7' as const, tagged: true } : {}),
      // No default Helvetica: pdfkit would parse its metrics file for every document.
      font: null,
    } as unknown as PDFKit.PDFDocumentOptions);
    // Registered by name, the shared parsed fonts are opened once per document; passed as
    // objects, pdfkit reopens and compares them on every switch (a third of the time here).
    this.doc.registerFont('serif', this.fonts.serif as never);
    this.doc.registerFont('serifBold', this.fonts.serifBold as never);
    this.doc.registerFont('sansBold', this.fonts.sansBold as never);
    this.doc.font('serif').fontSize(BODY);
    if (meta.form) this.initForm();
  }

  /**
   * The AcroForm: text fields whose default appearance uses STSong-Light, one of the standard
   * Chinese fonts every PDF viewer supplies (Adobe-GB1, UCS-2 encoding), so whatever a user
   * types shows; it is a form resource only and draws nothing until a field is filled, so every
   * font the page itself uses stays embedded. Empty fields get an empty appearance: the page's
   * ruled line is what prints.
   */
  private initForm(): void {
    const doc = this.doc as unknown as PdfInternals;
    const descriptor = doc.ref({ Type: 'FontDescriptor', FontName: 'STSong-Light', Flags: 6, FontBBox: [-25, -254, 1000, 880], ItalicAngle: 0, Ascent: 880, Descent: -120, CapHeight: 880, StemV: 93 });
    descriptor.end();
    const cid = doc.ref({ Type: 'Font', Subtype: 'CIDFontType0', BaseFont: 'STSong-Light', CIDSystemInfo: { Registry: new String('Adobe'), Ordering: new String('GB1'), Supplement: 4 }, FontDescriptor: descriptor, DW: 1000, W: [1, 95, 500] });
    cid.end();
    const font = doc.ref({ Type: 'Font', Subtype: 'Type0', BaseFont: 'STSong-Light', Encoding: 'UniGB-UCS2-H', DescendantFonts: [cid] });
    font.end();
    const acro = doc.ref({ Fields: [], DA: new String(FIELD_DA), DR: { Font: { STSong: font } } });
    doc._root.data.AcroForm = acro;
    // pdfkit ends the AcroForm with the document; it reads its font list from here.
    doc._acroform = { fonts: { STSong: font }, defaultFont: 'STSong' };
    this.form = { acro, names: new Set() };
  }

  /** A text field over a blank, named after its label (made unique: 地址, 地址_2, ...). */
  private addField(label: string, x: number, y: number, width: number, height: number): void {
    if (!this.form) return;
    const doc = this.doc as unknown as PdfInternals;
    const base = label.replace(/[.\s]+/g, '_') || 'field';
    let name = base;
    for (let n = 2; this.form.names.has(name); n++) name = `${base}_${n}`;
    this.form.names.add(name);
    this.fieldNames.push(name);
    const appearance = doc.ref({ Type: 'XObject', Subtype: 'Form', BBox: [0, 0, width, height], Resources: {} });
    appearance.end('');
    this.doc.annotate(x, y, width, height, { Subtype: 'Widget', FT: 'Tx', T: new String(name), TU: new String(label), DA: new String(FIELD_DA), F: 4, MK: {}, AP: { N: appearance } } as never);
    this.form.acro.data.Fields!.push(doc.page.annotations[doc.page.annotations.length - 1]!);
  }

  /** Text safe to print: control and bidi characters dropped, characters outside the fonts handled. */
  clean(text: string, where: string): string {
    const value = printable(text);
    const missing = missingCharacters(value, this.fonts.serif);
    if (missing.length === 0) return value;
    if (this.onMissingGlyph === 'error') throw new MissingGlyphError(missing, where);
    for (const ch of missing) this.substituted.add(ch);
    return [...value].map((ch) => (missing.includes(ch) ? FALLBACK_CHARACTER : ch)).join('');
  }

  private ensure(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  title(text: string): void {
    this.doc.font('serifBold').fontSize(22);
    this.doc.text(this.clean(text, 'title'), PAGE.left, this.doc.y, { width: PAGE.textWidth, align: 'center', lineGap: 10 });
    this.doc.moveDown(0.6);
    this.doc.font('serif').fontSize(BODY);
  }

  subtitle(text: string): void {
    this.doc.font('serif').fontSize(SMALL).text(this.clean(text, 'subtitle'), PAGE.left, this.doc.y, { width: PAGE.textWidth, align: 'center' });
    this.doc.moveDown(1).fontSize(BODY);
  }

  heading(level: 1 | 2 | 3, text: string): void {
    this.ensure(PITCH * 2.2);
    const font = level === 1 ? 'sansBold' : 'serifBold';
    this.doc.font(font).fontSize(BODY);
    this.doc.text(this.clean(text, 'heading'), PAGE.left + BODY * 2, this.doc.y, { width: PAGE.textWidth - BODY * 2, lineGap: PITCH - BODY * 1.45 });
    this.doc.font('serif').fontSize(BODY);
  }

  paragraph(text: string): void {
    this.ensure(PITCH);
    this.doc.text(this.clean(text, 'paragraph'), PAGE.left, this.doc.y, { width: PAGE.textWidth, indent: BODY * 2, lineGap: PITCH - BODY * 1.45, align: 'justify' });
  }

  /** A labelled value, or a ruled line to write on when the value is absent. */
  field(label: string, value: string | undefined): void {
    this.ensure(PITCH);
    const y = this.doc.y;
    const cleanLabel = this.clean(label, 'field');
    this.doc.text(`${cleanLabel}：`, PAGE.left + BODY * 2, y, { continued: value !== undefined, lineBreak: false });
    if (value !== undefined) {
      this.doc.text(this.clean(value, label), { width: PAGE.textWidth - BODY * 2 });
    } else {
      const x = PAGE.left + BODY * 2 + this.doc.widthOfString(`${cleanLabel}：`);
      this.doc.moveTo(x, y + BODY * 1.25).lineTo(PAGE.left + PAGE.textWidth, y + BODY * 1.25).lineWidth(0.6).stroke();
      this.addField(cleanLabel, x, y - 2, PAGE.left + PAGE.textWidth - x, BODY * 1.25 + 1);
      this.doc.x = PAGE.left;
      this.doc.y = y + PITCH;
    }
  }

  /** A table with a header row repeated after every page break; empty rows stay ruled for writing. */
  table(headers: readonly string[], rows: readonly (readonly string[])[], widths: readonly number[]): void {
    const total = widths.reduce((a, b) => a + b, 0);
    const cols = widths.map((w) => (w / total) * PAGE.textWidth);
    const size = SMALL;
    const padding = 4;
    const rowHeight = (cells: readonly string[]) =>
      Math.max(PITCH * 0.8, ...cells.map((c, i) => this.doc.fontSize(size).heightOfString(c || ' ', { width: cols[i]! - padding * 2 }) + padding * 2));
    const drawRow = (cells: readonly string[], bold: boolean) => {
      const h = rowHeight(cells);
      let x = PAGE.left;
      const y = this.doc.y;
      this.doc.font(bold ? 'sansBold' : 'serif').fontSize(size);
      cells.forEach((cell, i) => {
        this.doc.rect(x, y, cols[i]!, h).lineWidth(0.6).stroke();
        if (cell === '' && !bold) this.addField(`${head[i] ?? ''}_${cells.find((c) => c !== '') ?? rowNumber}`, x + 1, y + 1, cols[i]! - 2, h - 2);
        else this.doc.text(cell, x + padding, y + padding, { width: cols[i]! - padding * 2 });
        x += cols[i]!;
      });
      if (!bold) rowNumber++;
      this.doc.x = PAGE.left;
      this.doc.y = y + h;
      this.doc.font('serif').fontSize(BODY);
      return h;
    };
    const head = headers.map((h) => this.clean(h, 'table header'));
    const body = rows.map((r) => r.map((c) => this.clean(c, 'table cell')));
    let rowNumber = 1;
    this.ensure(rowHeight(head) + rowHeight(body[0] ?? head));
    drawRow(head, true);
    for (const row of body) {
      if (this.doc.y + rowHeight(row) > this.bottom) {
        this.doc.addPage();
        drawRow(head, true);
      }
      drawRow(row, false);
    }
    this.doc.moveDown(0.5);
  }

  /** A framed space to draw in (the route map annex). */
  frame(caption: string): void {
    this.doc.addPage();
    this.doc.fontSize(BODY).text(this.clean(caption, 'frame'), PAGE.left, this.doc.y, { width: PAGE.textWidth, align: 'center' });
    const y = this.doc.y + 8;
    this.doc.rect(PAGE.left, y, PAGE.textWidth, this.bottom - y).lineWidth(1).stroke();
    this.doc.y = this.bottom;
  }

  /** Page numbers "— N —": odd pages right, even pages left, one character in (GB/T 9704 §7.5). */
  private numberPages(): void {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const n = i + 1;
      const label = `— ${n} —`;
      this.doc.font('serif').fontSize(14);
      const width = this.doc.widthOfString(label);
      const x = n % 2 === 1 ? PAGE.left + PAGE.textWidth - 14 - width : PAGE.left + 14;
      // Below the text block: the bottom margin is reset so pdfkit does not add a page.
      const margin = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      this.doc.text(label, x, this.bottom + 7 * MM, { lineBreak: false });
      this.doc.page.margins.bottom = margin;
    }
  }

  async finish(): Promise<Uint8Array> {
    this.numberPages();
    const chunks: Buffer[] = [];
    this.doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<void>((resolve, reject) => {
      this.doc.on('end', () => resolve());
      this.doc.on('error', reject);
    });
    this.doc.end();
    await done;
    return new Uint8Array(Buffer.concat(chunks));
  }
}
