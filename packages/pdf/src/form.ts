/**
 * The AcroForm: every blank and every pre-filled value is a multiline text field (issue #21: a
 * wrong address or phone from the registry can be corrected on screen). Typed text uses
 * STSong-Light (Adobe-GB1, UCS-2), one of the standard Chinese fonts every PDF viewer supplies, at
 * a fixed size (TOOLCHAIN.md: pdfkit's formText() points fields at the page's subset font, which
 * cannot show what a user types; size 0 came out huge). A pre-filled value gets an appearance
 * stream drawn with the document's embedded serif subset, wrapped exactly as laid out, so every
 * viewer and printer shows it without regenerating anything.
 */

// pdfkit's document internals used to build the form by hand.
interface PdfRef {
  data: Record<string, unknown> & { Fields?: PdfRef[] };
  end(chunk?: string | Buffer): void;
}
interface PdfFont {
  id: string;
  ref(): PdfRef;
  encode(text: string): [string[], unknown];
}
interface PdfInternals {
  ref(data: Record<string, unknown>): PdfRef;
  _root: { data: Record<string, unknown> };
  _acroform?: { fonts: Record<string, PdfRef>; defaultFont: string };
  _font: PdfFont;
  page: { annotations: PdfRef[]; height: number };
}

/** Field flags (PDF 32000-1 §12.7.4.3): Multiline, DoNotSpellCheck. */
const MULTILINE = 1 << 12;
const DO_NOT_SPELL_CHECK = 1 << 22;

export interface FieldText {
  /** The value as given (the field's /V); `lines` is how it is wrapped on the page. */
  value: string;
  /** Wrapped lines of the pre-filled value. */
  lines: readonly string[];
  size: number;
  /** Distance between baselines. */
  leading: number;
  /** From the field's top edge to the first baseline, and from its left edge to the text. */
  firstBaseline: number;
  inset: number;
}

export class Form {
  private readonly acro: PdfRef;
  private readonly names = new Set<string>();
  readonly fieldNames: string[] = [];
  private readonly stsong: PdfRef;
  private readonly empty = new Map<string, PdfRef>();

  constructor(private readonly doc: PDFKit.PDFDocument) {
    const d = doc as unknown as PdfInternals;
    const descriptor = d.ref({ Type: 'FontDescriptor', FontName: 'STSong-Light', Flags: 6, FontBBox: [-25, -254, 1000, 880], ItalicAngle: 0, Ascent: 880, Descent: -120, CapHeight: 880, StemV: 93 });
    descriptor.end();
    const cid = d.ref({ Type: 'Font', Subtype: 'CIDFontType0', BaseFont: 'STSong-Light', CIDSystemInfo: { Registry: new String('Adobe'), Ordering: new String('GB1'), Supplement: 4 }, FontDescriptor: descriptor, DW: 1000, W: [1, 95, 500] });
    cid.end();
    this.stsong = d.ref({ Type: 'Font', Subtype: 'Type0', BaseFont: 'STSong-Light', Encoding: 'UniGB-UCS2-H', DescendantFonts: [cid] });
    this.stsong.end();
    this.acro = d.ref({ Fields: [], DA: new String('/STSong 12 Tf 0 g'), DR: { Font: { STSong: this.stsong } } });
    d._root.data.AcroForm = this.acro;
    // pdfkit ends the AcroForm with the document; it reads its font list from here.
    d._acroform = { fonts: { STSong: this.stsong }, defaultFont: 'STSong' };
  }

  /** A field named after its label (made unique: 地址, 地址_2, ...); `text` pre-fills it. */
  add(label: string, rect: { x: number; y: number; width: number; height: number }, size: number, text?: FieldText): void {
    const d = this.doc as unknown as PdfInternals;
    const base = label.replace(/[.\s]+/g, '_') || 'field';
    let name = base;
    for (let n = 2; this.names.has(name); n++) name = `${base}_${n}`;
    this.names.add(name);
    this.fieldNames.push(name);
    const da = `/STSong ${size} Tf 0 g`;
    const resources: Record<string, unknown> = {};
    let stream = '';
    if (text && text.lines.some((l) => l !== '')) {
      this.doc.font('serif');
      const font = d._font;
      resources.Font = { [font.id]: font.ref() };
      const ops = text.lines.map((line, i) => {
        const hex = font.encode(line)[0].join('');
        const y = rect.height - text.firstBaseline - i * text.leading;
        return `1 0 0 1 ${text.inset.toFixed(2)} ${y.toFixed(2)} Tm <${hex}> Tj`;
      });
      stream = `/Tx BMC q BT /${font.id} ${size} Tf 0 g ${ops.join(' ')} ET Q EMC`;
    }
    let appearance: PdfRef;
    if (stream === '') {
      // Empty fields of one size share one empty appearance (a third of a plan's objects otherwise).
      const key = `${rect.width.toFixed(2)}x${rect.height.toFixed(2)}`;
      appearance = this.empty.get(key) ?? d.ref({ Type: 'XObject', Subtype: 'Form', BBox: [0, 0, rect.width, rect.height], Resources: {} });
      if (!this.empty.has(key)) {
        appearance.end('');
        this.empty.set(key, appearance);
      }
    } else {
      appearance = d.ref({ Type: 'XObject', Subtype: 'Form', BBox: [0, 0, rect.width, rect.height], Resources: resources });
      appearance.end(stream);
    }
    const value = text?.value;
    this.doc.annotate(rect.x, rect.y, rect.width, rect.height, {
      Subtype: 'Widget',
      FT: 'Tx',
      Ff: MULTILINE | DO_NOT_SPELL_CHECK,
      T: new String(name),
      TU: new String(label),
      DA: new String(da),
      ...(value !== undefined && value !== '' ? { V: new String(value) } : {}),
      F: 4,
      AP: { N: appearance },
    } as never);
    this.acro.data.Fields!.push(d.page.annotations[d.page.annotations.length - 1]!);
  }
}

