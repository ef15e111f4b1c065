/**
 * One line of text at a position, in the current font and size: the content-stream operators
 * pdfkit's `text(…, { lineBreak: false })` writes, byte for byte, without its option handling and
 * without shaping the line three times (pdfkit measures it twice and encodes it once per call;
 * issue #22, measured with `node --cpu-prof`). Every line of a plan is measured and wrapped before
 * it is drawn (wrap.ts), so none of pdfkit's line breaking is needed.
 */

// pdfkit 0.20 internals used here.
interface Position {
  xAdvance: number;
  advanceWidth: number;
  xOffset: number;
  yOffset: number;
}
interface Internals {
  _font: { id: string; ascender: number; ref(): unknown; encode(text: string): [string[], Position[]] };
  _fontSize: number;
  _ctm: number[];
  _ctmStack: number[][];
  page: { height: number; fonts: Record<string, unknown> };
  addContent(data: string): void;
  transform(a: number, b: number, c: number, d: number, e: number, f: number): void;
  restore(): void;
}

/** pdfkit's number format (PDFObject.number): six decimals at most. */
const n = (value: number) => String(Math.round(value * 1e6) / 1e6);

/** Draws `text` with its top at `y` (pdfkit's default baseline: the font's ascender below it). */
export function drawText(pdf: PDFKit.PDFDocument, text: string, x: number, y: number, characterSpacing = 0): void {
  const doc = pdf as unknown as Internals;
  const line = text.replace(/\n/g, '');
  if (line === '') return;
  const font = doc._font;
  const size = doc._fontSize;
  doc._ctmStack.push(doc._ctm.slice());
  doc.addContent('q');
  doc.transform(1, 0, 0, -1, 0, doc.page.height);
  const top = doc.page.height - y - (font.ascender / 1000) * size;
  if (doc.page.fonts[font.id] == null) doc.page.fonts[font.id] = font.ref();
  const out = ['BT', `1 0 0 1 ${n(x)} ${n(top)} Tm`, `/${font.id} ${n(size)} Tf`];
  if (characterSpacing) out.push(`${n(characterSpacing)} Tc`);
  const [encoded, positions] = font.encode(line);
  const scale = size / 1000;
  const commands: string[] = [];
  let last = 0;
  let hadOffset = false;
  const segment = (cur: number) => {
    if (last < cur) {
      const p = positions[cur - 1]!;
      commands.push(`<${encoded.slice(last, cur).join('')}> ${n(-(p.xAdvance - p.advanceWidth))}`);
    }
    last = cur;
  };
  const flush = (i: number) => {
    segment(i);
    if (commands.length > 0) out.push(`[${commands.join(' ')}] TJ`);
    commands.length = 0;
  };
  let cx = x;
  let i = 0;
  for (; i < positions.length; i++) {
    const p = positions[i]!;
    if (p.xOffset || p.yOffset) {
      flush(i);
      out.push(`1 0 0 1 ${n(cx + p.xOffset * scale)} ${n(top + p.yOffset * scale)} Tm`);
      flush(i + 1);
      hadOffset = true;
    } else {
      if (hadOffset) {
        out.push(`1 0 0 1 ${n(cx)} ${n(top)} Tm`);
        hadOffset = false;
      }
      if (p.xAdvance - p.advanceWidth !== 0) segment(i + 1);
    }
    cx += p.xAdvance * scale;
  }
  flush(i);
  out.push('ET');
  doc.addContent(out.join('\n'));
  doc.restore();
}
