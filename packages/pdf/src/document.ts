/**
 * The plan document: the page layout (layout.ts) plus tables, page numbers and output. Tables
 * wrap every cell to its column, repeat the header row after a page break, never leave a page
 * holding only their last row, and split a row taller than a page line by line.
 */
import { BOTTOM, Layout, MM, PAGE, SMALL, measurer, type Column } from './layout';

const PAD = 4;
const LEADING = SMALL * 1.4;
const ASCENT = SMALL * 1.16;

export class PlanDocument extends Layout {
  private tableElement!: PDFKit.PDFStructureElement;

  /** A table; empty editable cells stay ruled (and fillable) for writing. */
  table(columns: readonly Column[], rows: readonly (readonly string[])[]): void {
    const total = columns.reduce((a, c) => a + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * PAGE.textWidth);
    const head = columns.map((c) => this.clean(c.header, '表头'));
    const wrapCells = (cells: readonly string[], font: 'serif' | 'sansBold') => cells.map((c, i) => (c === '' ? [] : this.lines(font, c, SMALL, widths[i]! - PAD * 2)));
    const headLines = wrapCells(head, 'sansBold');
    const bodyLines = rows.map((r) => wrapCells(r.map((c, i) => this.clean(c, columns[i]!.header)), 'serif'));
    const heightOf = (lines: string[][], min: (i: number) => number) => PAD * 2 + LEADING * Math.max(1, ...lines.map((l, i) => Math.max(l.length, min(i))));
    const headHeight = heightOf(headLines, () => 1);
    this.tableElement = this.doc.struct('Table');
    this.doc.addStructure(this.tableElement);
    const rowHeights = bodyLines.map((l) => heightOf(l, (i) => columns[i]!.lines ?? 1));
    // A short table (a third of a page or less) is kept whole; a longer one starts with at least a row.
    const whole = headHeight + rowHeights.reduce((a, h) => a + h, 0);
    this.place(whole <= (BOTTOM - PAGE.top) / 3 ? whole : headHeight + Math.min(rowHeights[0] ?? 0, BOTTOM - PAGE.top - headHeight));
    this.drawRow(widths, headLines, headHeight, columns, true, head, '');
    const names = new Map<string, number>();
    const fresh = BOTTOM - PAGE.top - headHeight;
    const fits = (h: number) => this.y + h <= BOTTOM + 0.01;
    const breakPage = () => {
      this.newPage();
      this.drawRow(widths, headLines, headHeight, columns, true, head, '');
      onPage = 0;
    };
    let onPage = 0;
    for (let r = 0; r < rows.length; r++) {
      const h = rowHeights[r]!;
      if (h > fresh) {
        // Taller than a whole page: the lines that fit here, the rest on the next page.
        if (this.y + PAD * 2 + LEADING * 2 > BOTTOM) breakPage();
        bodyLines[r] = this.drawPartialRow(widths, bodyLines[r]!, columns, rows[r]!, r);
        rowHeights[r] = heightOf(bodyLines[r]!, () => 1);
        breakPage();
        r--;
        continue;
      }
      // The last row never stands alone on a page: when it would, the row before it goes along.
      const keepPair = r === rows.length - 2 && onPage > 0 && fits(h) && !fits(h + rowHeights[r + 1]!);
      if (!fits(h) || keepPair) breakPage();
      const key = rows[r]!.find((c, i) => c !== '' && !columns[i]!.editable) ?? String(r + 1);
      const n = (names.get(key) ?? 0) + 1;
      names.set(key, n);
      this.drawRow(widths, bodyLines[r]!, h, columns, false, rows[r]!, n > 1 ? `${key}_${n}` : key);
      onPage++;
    }
    this.tableElement.end();
    this.y += PITCH_GAP;
  }

  private drawRow(widths: readonly number[], lines: readonly string[][], height: number, columns: readonly Column[], header: boolean, values: readonly string[], key: string): void {
    const top = this.y;
    this.artifact(() => {
      let x = PAGE.left;
      for (const w of widths) {
        this.doc.rect(x, top, w, height).lineWidth(0.6).stroke();
        x += w;
      }
    });
    let x = PAGE.left;
    const tr = this.doc.struct('TR');
    this.tableElement.add(tr);
    widths.forEach((w, i) => {
      const cell = lines[i] ?? [];
      const editable = !header && columns[i]!.editable && this.form;
      if (editable) {
        const value = this.clean(values[i] ?? '', columns[i]!.header);
        this.form!.add(`${columns[i]!.header}_${key}`, { x: x + 1, y: top + 1, width: w - 2, height: height - 2 }, SMALL, cell.length > 0 ? { value, lines: cell, size: SMALL, leading: LEADING, firstBaseline: PAD - 1 + ASCENT, inset: PAD - 1 } : undefined);
      } else if (cell.length > 0) {
        const tag = header ? 'TH' : 'TD';
        const element = this.doc.struct(tag);
        tr.add(element);
        element.add(this.doc.markStructureContent(tag));
        cell.forEach((l, k) => this.put(header ? 'sansBold' : 'serif', SMALL, l, x + PAD, top + PAD + k * LEADING + (LEADING - SMALL * 1.437) / 2));
        this.doc.endMarkedContent();
        element.end();
      }
      x += w;
    });
    tr.end();
    this.y = top + height;
  }

  /** Draws the lines of a too-tall row that fit on this page; returns the lines left for the next. */
  private drawPartialRow(widths: readonly number[], lines: string[][], columns: readonly Column[], values: readonly string[], row: number): string[][] {
    const fit = Math.max(1, Math.floor((BOTTOM - this.y - PAD * 2) / LEADING));
    const now = lines.map((l) => l.slice(0, fit));
    this.drawRow(widths, now, PAD * 2 + LEADING * Math.max(1, ...now.map((l) => l.length)), columns, false, values.map((v, i) => (lines[i]!.length === 0 ? v : now[i]!.join(''))), `${row + 1}`);
    return lines.map((l) => l.slice(fit));
  }

  /** Page numbers "— N —": odd pages right, even pages left, one character in (GB/T 9704 §7.5). */
  private numberPages(): void {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const n = i + 1;
      const label = `— ${n} —`;
      const width = measurer.width(this.fonts.serif, label, 14);
      const x = n % 2 === 1 ? PAGE.left + PAGE.textWidth - 14 - width : PAGE.left + 14;
      this.doc.markContent('Artifact', { type: 'Pagination' } as never);
      // Below the text block: drawn at a position, never flowed, so no page is added.
      this.put('serif', 14, label, x, BOTTOM + 7 * MM);
      this.doc.endMarkedContent();
    }
  }

  async finish(): Promise<Uint8Array> {
    this.end();
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

const PITCH_GAP = 10;
