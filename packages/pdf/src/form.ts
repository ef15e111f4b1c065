/**
 * The AcroForm: every blank and every pre-filled value is a multiline text field (issue #21: a
 * wrong address or phone from the registry can be corrected on screen). Typed text uses
 * STSong-Light (Adobe-GB1, UCS-2), one of the standard Chinese fonts every PDF viewer supplies, at
 * a fixed size (TOOLCHAIN.md: pdfkit's formText() points fields at the page's subset font, which
 * cannot show what a user types; size 0 came out huge). A pre-filled value gets an appearance
 * stream drawn with the document's embedded serif subset, wrapped exactly as laid out, so every
 * viewer and printer shows it without regenerating anything.
 *
 * Typed Chinese wraps in mupdf too (issue #21). mupdf writes a typed value's appearance itself and
 * breaks a multiline field's lines only at a space (source/pdf/pdf-appearance.c, break_string(), in
 * 1.21.1 and still in 2025): no font resource changes that (it measures Han as 1 em whatever the
 * /DA or /DR font, and draws it with its own CJK font), and Chinese is written without spaces, so a
 * typed route ran on as one line, cut off at the field's edge. It does run a field's Format action
 * (PDF 32000-1 §12.6.3, /AA /F; pdf_field_event_format) and lays out the text the action returns:
 * each field gets a short Format script that breaks the display text into lines that fit its width
 * (measured as wide as mupdf, Acrobat or pdf.js could set them). The field's value stays
 * exactly as typed. Viewers that wrap by themselves (Acrobat, pdf.js) find every line already fits.
 * PDF/A forbids JavaScript (ISO 19005-2 §6.6.1): PDF/A plans have no Format actions.
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
  private readonly formats = new Map<string, PdfRef>();

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly scripts = true,
  ) {
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
        // A form XObject is a stream (PDF 32000-1 §8.10): an empty one still has its (blank) content.
        appearance.end(' ');
        this.empty.set(key, appearance);
      }
    } else {
      appearance = d.ref({ Type: 'XObject', Subtype: 'Form', BBox: [0, 0, rect.width, rect.height], Resources: resources });
      appearance.end(stream);
    }
    const value = text?.value;
    const format = this.scripts ? this.format(rect.width, size) : undefined;
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
      ...(format ? { AA: { F: format } } : {}),
    } as never);
    this.acro.data.Fields!.push(d.page.annotations[d.page.annotations.length - 1]!);
  }

  /** The Format action for a field `width` points wide at `size`, shared by fields of one width. */
  private format(width: number, size: number): PdfRef {
    // mupdf's padding is twice the 1 pt border on each side; one more point of margin.
    const ems = Math.floor(((width - 6) / size) * 100) / 100;
    const key = ems.toFixed(2);
    let action = this.formats.get(key);
    if (!action) {
      action = (this.doc as unknown as PdfInternals).ref({ S: 'JavaScript', JS: new String(`${WRAP_SCRIPT}event.value=w(event.value,${key});`) });
      action.end();
      this.formats.set(key, action);
    }
    return action;
  }
}

/** A JavaScript string literal in ASCII (\uXXXX escapes): the script stays a one-byte PDF string. */
const ascii = (text: string) => `"${[...text].map((c) => (c.charCodeAt(0) < 0x80 ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)).join('')}"`;

/**
 * Line breaks for display (a Format action): `w(text, ems)` breaks `text` into lines of at most
 * `ems` em, keeping the breaks the user typed. Widths: Latin letters at least their Helvetica
 * width (mupdf) and 0.5 em (STSong); everything else 1 em, since mupdf sets digits, spaces and
 * signs next to Chinese in its CJK font and measures them as 1 em (next_text_walk). A break
 * falls after the last space of a line with Latin words, and never before closing punctuation
 * (GB/T 15834), as in wrap.ts.
 */
const WRAP_SCRIPT = [
  'function w(s,m){',
  'var o=[],l="",x=0,i,c,k;',
  'function cw(c){if(c=="@")return 1.02;if(!/[A-Za-z]/.test(c))return 1;if(/[MW]/.test(c))return 0.95;if(/[A-Zmw]/.test(c))return 0.84;return 0.62;}',
  'for(i=0;i<s.length;i++){c=s.charAt(i);',
  'if(c=="\\r"||c=="\\n"){o.push(l);l="";x=0;continue;}',
  'k=cw(c);',
  'if(x+k>m&&l!=""){',
  'var sp=l.lastIndexOf(" "),rest="";',
  'if(sp>0&&c!=" "&&c.charCodeAt(0)<0x2e80){rest=l.slice(sp+1);l=l.slice(0,sp);}',
  `else if(${ascii('，。、；：？！）》」』】〕〉”’…,.;:?!)')}.indexOf(c)>=0&&l.length>1){rest=l.slice(-1);l=l.slice(0,-1);}`,
  'o.push(l);l=rest;x=0;for(var j=0;j<rest.length;j++)x+=cw(rest.charAt(j));',
  'if(c==" "&&l=="")continue;}',
  'l+=c;x+=k;}',
  'o.push(l);return o.join("\\r");}',
].join('');

