/**
 * A small streaming XML scanner for the parts of a workbook: elements, attributes and text,
 * nothing else. A document type declaration (`<!DOCTYPE`, and with it every entity definition)
 * is refused outright, and only XML's five predefined entities and character references are
 * decoded, so no entity can expand (billion laughs) or reach outside the file (XXE).
 */

export class XmlError extends Error {
  override readonly name = 'XmlError';
  constructor(
    readonly code: 'xml_doctype' | 'xml_entity' | 'xml_malformed',
    message: string,
  ) {
    super(message);
  }
}

export interface XmlHandler {
  /** An element opens; names and attribute names without their namespace prefix. */
  open(name: string, attributes: Readonly<Record<string, string>>, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

const PREDEFINED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Text with XML's predefined entities and character references decoded; any other entity is refused. */
function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&([^&;<]{0,40})(;?)/g, (_match, name: string, semi: string) => {
    if (!semi) throw new XmlError('xml_malformed', `a bare "&" in text: &${name.slice(0, 20)}`);
    const predefined = PREDEFINED[name];
    if (predefined !== undefined) return predefined;
    const code = /^#x([0-9a-fA-F]{1,6})$/.test(name) ? parseInt(name.slice(2), 16) : /^#([0-9]{1,7})$/.test(name) ? Number(name.slice(1)) : undefined;
    if (code !== undefined && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)) return String.fromCodePoint(code);
    throw new XmlError('xml_entity', `entity "&${name};" is not allowed`);
  });
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

const TAG = /<([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Feed text in pieces with `push`, then `end()`; events go to the handler as they complete. */
export class XmlScanner {
  private buffer = '';

  constructor(private readonly handler: XmlHandler) {}

  push(chunk: string): void {
    this.buffer += chunk;
    this.scan(false);
  }

  end(): void {
    this.scan(true);
    if (this.buffer.trim() !== '') throw new XmlError('xml_malformed', 'the document ends inside markup');
  }

  private scan(final: boolean): void {
    const buf = this.buffer;
    let pos = 0;
    for (;;) {
      const lt = buf.indexOf('<', pos);
      if (lt < 0) {
        // Long text is passed on in pieces (cut before an entity that may continue), so memory
        // stays small however much text a hostile part holds.
        if (buf.length - pos > 65536) {
          const amp = buf.lastIndexOf('&');
          const cut = amp >= pos && buf.indexOf(';', amp) < 0 ? amp : buf.length;
          if (cut > pos) this.handler.text(decodeEntities(buf.slice(pos, cut)));
          pos = cut;
        }
        break;
      }
      if (lt > pos) this.handler.text(decodeEntities(buf.slice(pos, lt)));
      pos = lt;
      let end: number;
      if (buf.startsWith('<!--', lt)) {
        end = buf.indexOf('-->', lt + 4);
        if (end < 0) break;
        pos = end + 3;
      } else if (buf.startsWith('<![CDATA[', lt)) {
        end = buf.indexOf(']]>', lt + 9);
        if (end < 0) break;
        this.handler.text(buf.slice(lt + 9, end));
        pos = end + 3;
      } else if (buf.startsWith('<!', lt)) {
        if (buf.length - lt < 9 && !final) break;
        throw new XmlError('xml_doctype', 'a document type declaration (<!DOCTYPE or <!ENTITY) is not allowed');
      } else if (buf.startsWith('<?', lt)) {
        end = buf.indexOf('?>', lt + 2);
        if (end < 0) break;
        pos = end + 2;
      } else if (buf.startsWith('</', lt)) {
        end = buf.indexOf('>', lt + 2);
        if (end < 0) break;
        this.handler.close(localName(buf.slice(lt + 2, end).trim()));
        pos = end + 1;
      } else {
        TAG.lastIndex = lt;
        const match = TAG.exec(buf);
        if (!match) {
          // Perhaps the tag continues in the next piece; no real tag is a megabyte long.
          if (!final && buf.length - lt < 1 << 20) break;
          throw new XmlError('xml_malformed', `malformed tag: ${buf.slice(lt, lt + 40)}`);
        }
        const attributes: Record<string, string> = {};
        if (match[2]) for (const a of match[2].matchAll(ATTRIBUTE)) attributes[localName(a[1]!)] = decodeEntities(a[2] ?? a[3] ?? '');
        const name = localName(match[1]!);
        const selfClosing = match[3] === '/';
        this.handler.open(name, attributes, selfClosing);
        if (selfClosing) this.handler.close(name);
        pos = TAG.lastIndex;
      }
    }
    this.buffer = buf.slice(pos);
    if (final && this.buffer !== '' && !this.buffer.includes('<')) {
      if (this.buffer.trim() !== '') this.handler.text(decodeEntities(this.buffer));
      this.buffer = '';
    }
  }
}
