/**
 * The parts of a workbook around its sheets (ECMA-376 Part 1): relationships, shared strings and
 * the styles that tell dates from numbers, each scanned as a stream within the archive's budget.
 */
import { BadCell } from './table';
import { XmlScanner, type XmlHandler } from './xml';
import { readEntry, type InflateBudget, type InflateClass, type ZipEntry } from './zip';
import { isTemporalFormat } from './xlsx-dates';

export interface Archive {
  bytes: Uint8Array;
  entries: Map<string, ZipEntry>;
  budget: InflateBudget;
  Inflate: InflateClass;
}

export function scanPart(archive: Archive, path: string, handler: XmlHandler): boolean {
  const entry = archive.entries.get(path.toLowerCase());
  if (!entry) return false;
  const scanner = new XmlScanner(handler);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  readEntry(archive.bytes, entry, archive.budget, (chunk) => scanner.push(decoder.decode(chunk, { stream: true })), archive.Inflate);
  scanner.push(decoder.decode());
  scanner.end();
  return true;
}

/** `xl/_rels/workbook.xml.rels` style: relationship id to part path and type. */
export function relationships(archive: Archive, part: string): Map<string, { target: string; type: string }> {
  const slash = part.lastIndexOf('/');
  const dir = part.slice(0, slash + 1);
  const relsPath = `${dir}_rels/${part.slice(slash + 1)}.rels`;
  const out = new Map<string, { target: string; type: string }>();
  scanPart(archive, relsPath, {
    open(name, a) {
      if (name === 'Relationship' && a.Id && a.Target && a.TargetMode !== 'External') out.set(a.Id, { target: resolvePart(dir, a.Target), type: a.Type ?? '' });
    },
    close() {},
    text() {},
  });
  return out;
}

function resolvePart(dir: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : dir + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

export function sharedStrings(archive: Archive, path: string | undefined, cellLimit: number): (string | BadCell)[] {
  const strings: (string | BadCell)[] = [];
  if (!path) return strings;
  let current: string[] | undefined;
  let inText = false;
  let phonetic = 0;
  let length = 0;
  scanPart(archive, path, {
    open(name) {
      if (name === 'si') {
        current = [];
        length = 0;
      } else if (name === 'rPh') phonetic++;
      else if (name === 't' && phonetic === 0) inText = true;
    },
    close(name) {
      if (name === 'si' && current) {
        strings.push(length > cellLimit ? tooLong(length, cellLimit) : unescapeOoxml(current.join('')));
        current = undefined;
      } else if (name === 'rPh') phonetic--;
      else if (name === 't') inText = false;
    },
    text(text) {
      if (inText && current && length <= cellLimit) {
        current.push(text);
        length += text.length;
      }
    },
  });
  return strings;
}

/** OOXML escapes characters XML cannot hold as `_xHHHH_` (ECMA-376 22.9.2.19). */
export function unescapeOoxml(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

export function tooLong(length: number, limit: number): BadCell {
  return new BadCell('cell_too_long', { zh: `单元格超过 ${limit} 个字符（${length} 个）`, en: `the cell is longer than ${limit} characters (${length})` });
}

/** Style index to "this number is a date, a time or both", from `xl/styles.xml`. */
export function temporalStyles(archive: Archive, path: string | undefined): ('date' | 'time' | 'datetime' | undefined)[] {
  const codes = new Map<number, string>();
  const formats: number[] = [];
  let inCellXfs = false;
  if (path) {
    scanPart(archive, path, {
      open(name, a) {
        if (name === 'numFmt' && a.numFmtId !== undefined) codes.set(Number(a.numFmtId), a.formatCode ?? '');
        else if (name === 'cellXfs') inCellXfs = true;
        else if (name === 'xf' && inCellXfs) formats.push(Number(a.numFmtId ?? 0));
      },
      close(name) {
        if (name === 'cellXfs') inCellXfs = false;
      },
      text() {},
    });
  }
  return formats.map((id) => isTemporalFormat(id, codes.get(id)));
}
