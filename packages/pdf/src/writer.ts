/**
 * How a plan's bytes are written: pdfkit's document model, with three changes to its output stage
 * (issue #22: time per page; issue #21: file size). Measured with `node --cpu-prof` on 150 school
 * plans before the change: shaping text (fontkit layout) took 14% of the time, pdfkit's one small
 * byte array and one stream push per PDF token, with the garbage they leave, a further quarter.
 *
 * 1. Object streams and a cross-reference stream (PDF 32000-1 §7.5.7, §7.5.8; PDF 1.5, allowed by
 *    PDF/A-2): every object that is not a stream (pages, form fields, structure elements, font
 *    dictionaries) is written into compressed object streams instead of as plain text. pdfkit
 *    writes no object streams.
 * 2. Output is gathered as strings and turned into bytes once per object, not once per token.
 * 3. Shaping results (pdfkit's per-word layout cache) are shared by every document that uses the
 *    same parsed font: the fixed text of a plan is shaped once per process, not once per plan.
 *
 * Only pdfkit internals that 0.20 has are touched; tests/writer.test.ts pins the pdfkit version.
 */
import { deflateSync } from 'node:zlib';
import type * as fontkit from 'fontkit';

// pdfkit 0.20 internals used here.
interface Ref {
  id: number;
  offset: number;
  data: Record<string, unknown>;
  compress: boolean;
  finalize(): void;
  write(chunk: string | Uint8Array): void;
}
interface Internals {
  _offset: number;
  _offsets: (number | null)[];
  _root: Ref;
  _info: Ref;
  _id: Uint8Array;
  _security?: unknown;
  _font: { font: fontkit.Font; layoutCache?: Record<string, unknown> };
  ref(data?: Record<string, unknown>): Ref;
  _write(data: string | Uint8Array): void;
  _refEnd(ref: Ref): void;
  _finalize(): void;
  push(chunk: Uint8Array | null): boolean;
}

/** Objects per object stream (qpdf's default is 100): a reader decompresses one stream per lookup. */
const PER_STREAM = 100;
/**
 * Streams shorter than this stay uncompressed: a field's appearance is 100-300 bytes that deflate
 * barely shortens, and each deflate call costs a zlib state of about 256 KB.
 */
const SMALL_STREAM = 512;
/** Marks an object stored in an object stream in pdfkit's offset table. */
const IN_STREAM = -1;

/** Shaping results per parsed font, shared across documents; dropped when they grow past the cap. */
const layouts = new Map<fontkit.Font, { cache: Record<string, unknown>; documents: number }>();
const LAYOUT_CAP = 20_000;

/** Points the current font's layout cache at the process-wide one for its parsed font. */
export function shareLayoutCache(doc: PDFKit.PDFDocument): void {
  const font = (doc as unknown as Internals)._font;
  if (!font.layoutCache) return;
  let shared = layouts.get(font.font);
  // Checked every 100 documents (counting keys costs time): a long run with many distinct names
  // and addresses starts a fresh cache instead of growing without bound.
  if (shared && ++shared.documents % 100 === 0 && Object.keys(shared.cache).length > LAYOUT_CAP) shared = undefined;
  if (!shared) layouts.set(font.font, (shared = { cache: Object.create(null) as Record<string, unknown>, documents: 0 }));
  font.layoutCache = shared.cache;
}

/** Installs the output stage on a pdfkit document (before anything is written). */
export function compactOutput(pdf: PDFKit.PDFDocument): void {
  const doc = pdf as unknown as Internals;
  if (doc._security) return; // encrypted documents keep pdfkit's own writer
  const chunks: Uint8Array[] = [];
  let text = '';
  const flush = () => {
    if (text !== '') chunks.push(Buffer.from(text, 'latin1'));
    text = '';
  };
  doc._write = (data) => {
    if (typeof data === 'string') {
      text += `${data}\n`;
      doc._offset += data.length + 1;
    } else {
      flush();
      chunks.push(data);
      doc._offset += data.length;
    }
  };
  // pdfkit's initial writes (header, binary comment) happened in its constructor, before this.

  const pending: [number, string][] = [];
  const makeRef = doc.ref.bind(doc);
  doc.ref = (data) => {
    const ref = makeRef(data);
    const parts: (string | Uint8Array)[] = [];
    ref.write = (chunk) => void parts.push(typeof chunk === 'string' ? `${chunk}\n` : chunk);
    ref.finalize = () => {
      if (parts.length === 0) {
        // Not a stream: kept for an object stream.
        pending.push([ref.id, serialize(ref.data)]);
        ref.offset = IN_STREAM;
        doc._refEnd(ref);
        return;
      }
      let bytes = join(parts);
      parts.length = 0;
      if (ref.compress && bytes.length >= SMALL_STREAM) {
        bytes = deflateSync(bytes);
        ref.data.Filter = 'FlateDecode';
      }
      ref.data.Length = bytes.length;
      ref.offset = doc._offset;
      doc._write(`${ref.id} 0 obj\n${serialize(ref.data)}\nstream`);
      doc._write(bytes);
      doc._write('\nendstream\nendobj');
      doc._refEnd(ref);
    };
    return ref;
  };

  doc._finalize = () => {
    const where = new Map<number, [number, number]>();
    for (let start = 0; start < pending.length; start += PER_STREAM) {
      const group = pending.slice(start, start + PER_STREAM);
      let header = '';
      let body = '';
      for (const [id, object] of group) {
        header += `${id} ${body.length} `;
        body += `${object}\n`;
      }
      const id = doc._offsets.length + 1;
      doc._offsets.push(doc._offset);
      group.forEach(([member], index) => where.set(member, [id, index]));
      const stream = deflateSync(Buffer.from(header + body, 'latin1'));
      doc._write(`${id} 0 obj\n<<\n/Type /ObjStm\n/N ${group.length}\n/First ${header.length}\n/Length ${stream.length}\n/Filter /FlateDecode\n>>\nstream`);
      doc._write(stream);
      doc._write('\nendstream\nendobj');
    }
    // The cross-reference stream: type 0 (free), 1 (offset in the file), 2 (object stream, index).
    const xrefId = doc._offsets.length + 1;
    const xrefOffset = doc._offset;
    const size = xrefId + 1;
    const table = Buffer.alloc(size * 7);
    table.writeUInt8(0, 0);
    table.writeUInt32BE(0, 1);
    table.writeUInt16BE(0xffff, 5);
    for (let id = 1; id < size; id++) {
      const at = id * 7;
      const inStream = where.get(id);
      if (inStream) {
        table.writeUInt8(2, at);
        table.writeUInt32BE(inStream[0], at + 1);
        table.writeUInt16BE(inStream[1], at + 5);
      } else {
        table.writeUInt8(1, at);
        table.writeUInt32BE(id === xrefId ? xrefOffset : (doc._offsets[id - 1] as number), at + 1);
      }
    }
    const stream = deflateSync(table);
    const fileId = `<${Buffer.from(doc._id).toString('hex')}>`;
    doc._write(`${xrefId} 0 obj\n<<\n/Type /XRef\n/Size ${size}\n/W [1 4 2]\n/Root ${doc._root.id} 0 R\n/Info ${doc._info.id} 0 R\n/ID [${fileId} ${fileId}]\n/Length ${stream.length}\n/Filter /FlateDecode\n>>\nstream`);
    doc._write(stream);
    doc._write(`\nendstream\nendobj\nstartxref\n${xrefOffset}\n%%EOF`);
    flush();
    doc.push(Buffer.concat(chunks));
    doc.push(null);
  };
}

function join(parts: readonly (string | Uint8Array)[]): Uint8Array {
  if (parts.every((p) => typeof p === 'string')) return Buffer.from(parts.join(''), 'latin1');
  return Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : p)));
}

const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f', '\\': '\\\\', '(': '\\(', ')': '\\)' };
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * A PDF object as pdfkit's PDFObject.convert writes it (same output for what pdfkit puts in a
 * document: names, text strings in PDFDocEncoding or UTF-16BE, numbers to six decimals, dates,
 * byte strings, arrays, dictionaries, and references and trees by their own toString), in one
 * pass without the intermediate byte arrays.
 */
function serialize(value: unknown): string {
  switch (typeof value) {
    case 'number':
      if (!(value > -1e21 && value < 1e21)) throw new Error(`unsupported number: ${value}`);
      return String(Math.round(value * 1e6) / 1e6);
    case 'string':
      return `/${value}`;
    case 'boolean':
      return String(value);
    case 'object':
      break;
    default:
      return `${value as string}`;
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map((v: unknown) => serialize(v === undefined ? null : v)).join(' ')}]`;
  if (value instanceof String) return text(value.valueOf());
  if (value instanceof Uint8Array) return `<${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}>`;
  if (value instanceof Date) return `(D:${pad(value.getUTCFullYear(), 4)}${pad(value.getUTCMonth() + 1)}${pad(value.getUTCDate())}${pad(value.getUTCHours())}${pad(value.getUTCMinutes())}${pad(value.getUTCSeconds())}Z)`;
  if (Object.getPrototypeOf(value) !== Object.prototype) return String(value); // references, trees
  let out = '<<';
  for (const key in value) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out += `\n/${key} ${serialize(v)}`;
  }
  return `${out}\n>>`;
}

/** A text string: PDFDocEncoding when ASCII, else UTF-16BE with a byte-order mark (as pdfkit). */
function text(value: string): string {
  let bytes = value;
  // eslint-disable-next-line no-control-regex
  if (/[^\u0000-\u007f]/.test(value)) {
    bytes = '\u00fe\u00ff';
    for (let i = 0; i < value.length; i++) {
      const code = value.charCodeAt(i);
      bytes += String.fromCharCode(code >> 8, code & 0xff);
    }
  }
  return `(${bytes.replace(/[\n\r\t\b\f()\\]/g, (c) => ESCAPES[c]!)})`;
}
