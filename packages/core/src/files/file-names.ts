/**
 * File names decided by an id alone (issue #14 §5, docs/security.md): two ids that a
 * case-insensitive or normalising file system (Windows, macOS) would confuse get distinct names,
 * Windows reserved names are never produced, and no name exceeds the file-system limit.
 */
import { safeFileSegment } from '../exporter';
import { sha256Hex } from './sha256';

/** Device names Windows reserves with any extension (CON, PRN.txt, COM1...), also with superscript digits. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$|clock\$)(\.|$)/i;
/** The suffix of a hashed name: a canonical id never ends like this, so the two kinds never meet. */
const SUFFIX = /-[0-9a-f]{12}$/;
const encoder = new TextEncoder();

export const byteLength = (text: string): number => encoder.encode(text).length;

/** Cuts text to at most `max` UTF-8 bytes on a code-point boundary. */
export function truncateBytes(text: string, max: number): string {
  if (byteLength(text) <= max) return text;
  let out = '';
  let bytes = 0;
  for (const ch of text) {
    const n = byteLength(ch);
    if (bytes + n > max) break;
    out += ch;
    bytes += n;
  }
  return out;
}

/**
 * True when the id is its own file name on every common file system: already NFC, lower case
 * (so no other id differs from it only by case), no character `safeFileSegment` replaces, no
 * space, no trailing dot, not a reserved device name, short enough, not shaped like a hashed name.
 */
export function isCanonicalId(id: string, maxBytes: number): boolean {
  return (
    id === safeFileSegment(id, Number.MAX_SAFE_INTEGER) &&
    id === id.toLowerCase() &&
    id === id.toUpperCase().toLowerCase() &&
    !/[\s.]$/.test(id) &&
    !/\s/.test(id) &&
    !RESERVED.test(id) &&
    !SUFFIX.test(id) &&
    byteLength(id) <= maxBytes
  );
}

/**
 * The file name (without extension) for an id: the id itself when canonical, else a readable
 * stem followed by `-` and 12 hex digits of the SHA-256 of the id exactly as written. Depends on
 * the id alone, never on the other ids or their order. At most `maxBytes` UTF-8 bytes.
 */
export function fileNameForId(id: string, maxBytes = 150): string {
  if (isCanonicalId(id, maxBytes)) return id;
  let stem = safeFileSegment(id, Number.MAX_SAFE_INTEGER).replace(/\s/g, '_');
  if (RESERVED.test(stem)) stem = `_${stem}`;
  stem = truncateBytes(stem, maxBytes - 13).replace(/[\s.]+$/, '');
  return `${stem || '_'}-${sha256Hex(id).slice(0, 12)}`;
}
