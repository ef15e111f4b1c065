/**
 * A4 pages after GB/T 9704-2012 (党政机关公文格式): top margin 37 mm, binding (left) margin
 * 28 mm, text block 156 x 225 mm; body 16 pt (3号) on a 28.9 pt pitch, paragraphs indented two
 * characters; title 22 pt (2号) centred; headings 一、 in 黑体; page numbers "— N —" in 14 pt
 * (4号), right on odd pages and left on even pages, one character in (§7.5). Every line is
 * measured and wrapped to the text block (wrap.ts): nothing runs off the page. Headings are kept
 * with what follows; tables repeat their header row after a break and never leave a page with
 * only their last row. The document is tagged (structure tree, /Lang where a text is not Chinese).
 */
import PDFDocument from 'pdfkit';
import { FALLBACK_CHARACTER, missingCharacters, printable, type FontSet } from './fonts';
import { drawText } from './draw';
import { Form } from './form';
import { Measurer } from './wrap';
import { compactOutput, shareLayoutCache } from './writer';

export const MM = 72 / 25.4;
/** A4 page geometry in points: margins and the 156 mm x 225 mm type area of GB/T 9704-2012. */
export const PAGE = { width: 210 * MM, height: 297 * MM, top: 37 * MM, left: 28 * MM, textWidth: 156 * MM, textHeight: 225 * MM } as const;
const RIGHT = PAGE.left + PAGE.textWidth;
export const BOTTOM = PAGE.top + PAGE.textHeight;
const BODY = 16;
const PITCH = 28.9;
export const SMALL = 12;
/** Pre-filled and typed values in line fields; table cells use the table's 12 pt. */
const VALUE = 14;
const INDENT = BODY * 2;
export const measurer = new Measurer();

export interface DocumentMeta {
  title: string;
  subject: string;
  author: string;
  now: Date;
  pdfa: boolean;
  /** Make every blank and every pre-filled value a fillable form field (AcroForm text field). */
  form?: boolean;
}

/** Raised for characters outside the fonts when the caller asked for an error instead of the fallback. */
export class MissingGlyphError extends Error {
  override readonly name = 'MissingGlyphError';
  constructor(readonly characters: readonly string[], readonly where: string) {
    super(`${where}: the fonts have no glyph for ${characters.map((c) => `"${c}" (U+${c.codePointAt(0)!.toString(16).toUpperCase()})`).join(', ')}`);
  }
}

/** A character printed as the fallback, and where (the field or section it was in). */
export interface Substitution {
  where: string;
  character: string;
}

type FontName = 'serif' | 'serifBold' | 'sansBold';
export interface Column {
  header: string;
  /** Relative width. */
  width: number;
  /** Lines an empty cell leaves for writing (route, duty, revision cells hold two or three). */
  lines?: number;
  /** Cells are form fields (pre-filled when the row has a value). */
  editable?: boolean;
}

/** A language tag for text that is not Chinese (PDF/UA: /Lang where the language changes). */
const langOf = (text: string) => (/\p{Script=Han}/u.test(text) || !/\p{Script=Latin}/u.test(text) ? undefined : 'en');

export class Layout {
  readonly doc: PDFKit.PDFDocument;
  protected readonly form: Form | undefined;
  readonly substituted: Substitution[] = [];
  protected y = PAGE.top;
  private pendingHeading: string | undefined;
  private open: { element: PDFKit.PDFStructureElement; tag: string } | undefined;

  constructor(
    protected readonly fonts: FontSet,
    meta: DocumentMeta,
    private readonly onMissingGlyph: 'substitute' | 'error',
  ) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: PAGE.top, left: PAGE.left, right: PAGE.width - RIGHT, bottom: PAGE.height - BOTTOM },
      bufferPages: true,
      // The first page is added once the output stage is in place (writer.ts).
      autoFirstPage: false,
      lang: 'zh-CN',
      displayTitle: true,
      tagged: true,
      // PDF 1.7: the structure tree (1.3), /Lang and MarkInfo (1.4) and the AcroForm all need at most 1.7.
      pdfVersion: '1.7',
      info: { Title: meta.title, Subject: meta.subject, Author: meta.author, Creator: 'liujin', Producer: 'liujin (pdfkit)', CreationDate: meta.now, ModDate: meta.now },
      ...(meta.pdfa ? { subset: 'PDF/A-2b' as const } : {}),
      // No default Helvetica: pdfkit would parse its metrics file for every document.
      font: null,
    } as unknown as PDFKit.PDFDocumentOptions);
    compactOutput(this.doc);
    this.doc.addPage();
    // Registered by name, the shared parsed fonts are opened once per document (TOOLCHAIN.md),
    // and their text shaped once per process (writer.ts).
    for (const name of ['serif', 'serifBold', 'sansBold'] as const) {
      this.doc.registerFont(name, this.fonts[name] as never);
      this.doc.font(name);
      shareLayoutCache(this.doc);
    }
    this.doc.font('serif').fontSize(BODY);
    // PDF/A forbids JavaScript: no Format actions (form.ts) in archival files.
    this.form = meta.form ? new Form(this.doc, !meta.pdfa) : undefined;
  }

  get fieldNames(): readonly string[] {
    return this.form?.fieldNames ?? [];
  }

  /** Text safe to print: control and bidi characters dropped, characters outside the fonts handled. */
  clean(text: string, where: string): string {
    const value = printable(text);
    const missing = missingCharacters(value, this.fonts.serif);
    if (missing.length === 0) return value;
    if (this.onMissingGlyph === 'error') throw new MissingGlyphError(missing, where);
    for (const character of missing) this.substituted.push({ where, character });
    return [...value].map((ch) => (missing.includes(ch) ? FALLBACK_CHARACTER : ch)).join('');
  }

  // --- structure and pages -------------------------------------------------------------------

  protected begin(tag: string, text = ''): void {
    const lang = langOf(text);
    const element = this.doc.struct(tag, lang ? { lang } : {});
    this.doc.addStructure(element);
    element.add(this.doc.markStructureContent(tag));
    this.open = { element, tag };
  }

  protected end(): void {
    if (!this.open) return;
    this.doc.endMarkedContent();
    this.open.element.end();
    this.open = undefined;
  }

  /** Ruled lines and frames are artifacts (not read aloud). */
  protected artifact(draw: () => void): void {
    const open = this.open;
    if (open) this.doc.endMarkedContent();
    this.doc.markContent('Artifact', { type: 'Layout' } as never);
    draw();
    this.doc.endMarkedContent();
    if (open) open.element.add(this.doc.markStructureContent(open.tag));
  }

  protected newPage(): void {
    const open = this.open;
    if (open) this.doc.endMarkedContent();
    this.doc.addPage();
    this.y = PAGE.top;
    if (open) open.element.add(this.doc.markStructureContent(open.tag));
  }

  /** Room for `height` (plus a pending heading, kept with it); a new page when it does not fit. */
  protected place(height: number): void {
    const heading = this.pendingHeading;
    const headingLines = heading === undefined ? [] : this.lines('sansBold', heading, BODY, PAGE.textWidth - INDENT);
    const need = headingLines.length * PITCH + height;
    if (this.y + need > BOTTOM && this.y > PAGE.top) this.newPage();
    if (heading === undefined) return;
    this.pendingHeading = undefined;
    this.begin('H2', heading);
    for (const line of headingLines) this.line('sansBold', BODY, line, PAGE.left + INDENT);
    this.end();
  }

  protected lines(font: FontName, text: string, size: number, width: number, indent = 0): string[] {
    return measurer.wrap(this.fonts[font], text, size, width, indent);
  }

  /** Text in a face and size with its top at `y` (draw.ts: what pdfkit's text() writes, in less time). */
  protected put(font: FontName, size: number, text: string, x: number, y: number, spacing = 0): void {
    drawText(this.doc.font(font).fontSize(size), text, x, y, spacing);
  }

  /** One line of text on the pitch: baseline about 3/4 down the line. */
  private line(font: FontName, size: number, text: string, x: number, spacing = 0, pitch = PITCH): void {
    this.put(font, size, text, x, this.y + (pitch - size * 1.437) / 2, spacing);
    this.y += pitch;
  }

  // --- blocks --------------------------------------------------------------------------------

  title(text: string): void {
    const lines = this.lines('serifBold', this.clean(text, '标题'), 22, PAGE.textWidth);
    // One H1; a line in another language (a unit's Latin name) is a Span with its own /Lang.
    const h1 = this.doc.struct('H1');
    this.doc.addStructure(h1);
    for (const l of lines) {
      const lang = langOf(l);
      const span = this.doc.struct('Span', lang ? { lang } : {});
      h1.add(span);
      span.add(this.doc.markStructureContent('Span'));
      this.line('serifBold', 22, l, PAGE.left + (PAGE.textWidth - measurer.width(this.fonts.serifBold, l, 22)) / 2, 0, 36);
      this.doc.endMarkedContent();
      span.end();
    }
    h1.end();
  }

  subtitle(text: string): void {
    const lines = this.lines('serif', this.clean(text, '副标题'), SMALL, PAGE.textWidth);
    this.begin('P', text);
    for (const l of lines) this.line('serif', SMALL, l, PAGE.left + (PAGE.textWidth - measurer.width(this.fonts.serif, l, SMALL)) / 2, 0, 20);
    this.end();
    this.y += 12;
  }

  /** A first-level heading (一、…, 黑体), printed with the block that follows it. */
  heading(text: string): void {
    this.pendingHeading = this.clean(text, text);
  }

  /** A justified paragraph with a two-character indent; may break across pages. */
  paragraph(text: string): void {
    const lines = this.lines('serif', this.clean(text, '正文'), BODY, PAGE.textWidth, INDENT);
    this.place(PITCH * Math.min(2, lines.length));
    this.begin('P', text);
    lines.forEach((l, i) => {
      if (this.y + PITCH > BOTTOM) this.newPage();
      const x = PAGE.left + (i === 0 ? INDENT : 0);
      const chars = [...l].length;
      const gap = i < lines.length - 1 && chars > 1 ? (RIGHT - x - measurer.width(this.fonts.serif, l, BODY)) / (chars - 1) : 0;
      this.line('serif', BODY, l, x, Math.max(0, Math.min(gap, 4)));
    });
    this.end();
  }

  /**
   * A labelled value on ruled lines: a form field pre-filled with `value`, or blank to write on.
   * Every line keeps the body pitch whether filled or blank; a label too wide to share its line
   * with a field gets lines of its own.
   */
  field(label: string, value: string | undefined, lines = 1): void {
    const cleanLabel = this.clean(label, label);
    const labelText = `${cleanLabel}：`;
    const labelWidth = measurer.width(this.fonts.serif, labelText, BODY);
    const inline = labelWidth <= (PAGE.textWidth - INDENT) * 0.45;
    const labelLines = inline ? [labelText] : this.lines('serif', labelText, BODY, PAGE.textWidth - INDENT);
    const x = inline ? PAGE.left + INDENT + labelWidth : PAGE.left + INDENT;
    const width = RIGHT - x;
    const text = value === undefined ? undefined : this.clean(value, label);
    const valueLines = text === undefined ? [] : this.lines('serif', text, VALUE, width - 4);
    const total = Math.max(lines, valueLines.length);
    this.place(PITCH * (inline ? 1 : labelLines.length + 1));
    this.begin('P', labelText);
    for (const l of inline ? [] : labelLines) this.line('serif', BODY, l, PAGE.left + INDENT);
    if (inline) this.put('serif', BODY, labelText, PAGE.left + INDENT, this.y + (PITCH - BODY * 1.437) / 2);
    this.end();
    this.valueLines(cleanLabel, text ?? '', valueLines, total, x, width);
  }

  /** The value's lines on the pitch, as one field per page it spans (or page text without a form). */
  private valueLines(label: string, value: string, lines: readonly string[], total: number, x: number, width: number): void {
    let done = 0;
    while (done < total) {
      if (this.y + PITCH > BOTTOM) this.newPage();
      const fit = Math.min(total - done, Math.floor((BOTTOM - this.y + 0.01) / PITCH));
      const part = lines.slice(done, done + fit);
      const top = this.y;
      this.artifact(() => {
        // One rule under the field: viewers lay out typed text on their own leading, which rules
        // every 28.9 pt would strike through.
        this.doc.moveTo(x, top + fit * PITCH - 4).lineTo(x + width, top + fit * PITCH - 4).lineWidth(0.6).stroke();
      });
      const firstBaseline = (PITCH - VALUE * 1.437) / 2 + VALUE * 1.16 + 1;
      if (this.form) {
        this.form.add(label, { x, y: top, width, height: fit * PITCH - 3 }, VALUE, part.length > 0 ? { value: done === 0 && fit >= lines.length ? value : part.join(''), lines: part, size: VALUE, leading: PITCH, firstBaseline, inset: 2 } : undefined);
      } else if (part.length > 0) {
        this.begin('P', value);
        part.forEach((l, i) => this.put('serif', VALUE, l, x + 2, top + i * PITCH + firstBaseline - VALUE * 1.16));
        this.end();
      }
      this.y = top + fit * PITCH;
      done += fit;
    }
  }

  /** Fixed text in a box: signature lines on the left, room for the unit's seal on the right. */
  approval(labels: readonly string[], seal: string): void {
    const sealSize = 42 * MM; // an official seal is 42 mm across
    this.place(Math.max(labels.length * PITCH, sealSize + 8));
    const top = this.y;
    const sealX = RIGHT - sealSize;
    for (const label of labels) {
      const cleanLabel = this.clean(label, label);
      const labelText = `${cleanLabel}：`;
      const w = measurer.width(this.fonts.serif, labelText, BODY);
      this.begin('P', labelText);
      this.put('serif', BODY, labelText, PAGE.left + INDENT, this.y + (PITCH - BODY * 1.437) / 2);
      this.end();
      this.valueLines(cleanLabel, '', [], 1, PAGE.left + INDENT + w, sealX - 12 - (PAGE.left + INDENT + w));
    }
    this.artifact(() => {
      this.doc.rect(sealX, top + 4, sealSize, sealSize).dash(3, { space: 3 }).lineWidth(0.6).stroke().undash();
    });
    const sealText = this.clean(seal, seal);
    this.begin('P', sealText);
    this.put('serif', SMALL, sealText, sealX + (sealSize - measurer.width(this.fonts.serif, sealText, SMALL)) / 2, top + 4 + sealSize / 2 - 8);
    this.end();
    this.y = Math.max(this.y, top + sealSize + 12);
  }

  /** Moves down by part of a line. */
  space(pitches: number): void {
    this.y += PITCH * pitches;
  }

  /** A page for an annex: "附件" top left in 黑体 (GB/T 9704 §8), its title centred. */
  annexPage(annex: string, title: string): void {
    this.pendingHeading = undefined;
    this.newPage();
    this.begin('P', annex);
    this.line('sansBold', BODY, this.clean(annex, annex), PAGE.left);
    this.end();
    this.title(title);
  }

  /** A framed space to draw in, down to the foot of the text block. */
  frame(): void {
    const y = this.y + 4;
    this.artifact(() => this.doc.rect(PAGE.left, y, PAGE.textWidth, BOTTOM - y).lineWidth(1).stroke());
    this.y = BOTTOM;
  }
}
