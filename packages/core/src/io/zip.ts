/**
 * Just enough of the zip format (PKWARE APPNOTE 6.3) to read a workbook's parts: the central
 * directory, stored and deflated entries (fflate), and a budget on the bytes inflated, counted
 * as they come out, so a zip bomb stops at the budget whatever the headers claim.
 */
import type { Inflate } from 'fflate';

/** fflate's streaming inflater, passed in so the library loads only when a workbook is read. */
export type InflateClass = typeof Inflate;

export class ZipError extends Error {
  override readonly name = 'ZipError';
  constructor(
    readonly code: 'not_a_zip' | 'zip_encrypted' | 'zip_unsupported' | 'zip_corrupt' | 'zip_too_large',
    message: string,
  ) {
    super(message);
  }
}

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly offset: number;
}

/** Decompressed bytes still allowed; shared by every entry read from one archive. */
export interface InflateBudget {
  remaining: number;
}

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;

/** The entries of a zip archive by lower-cased name. */
export function zipEntries(bytes: Uint8Array): Map<string, ZipEntry> {
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65535); at--) {
    if (u32(bytes, at) === 0x06054b50) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('not_a_zip', 'no zip end-of-central-directory record');
  const count = u16(bytes, eocd + 10);
  const dirOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) throw new ZipError('zip_unsupported', 'ZIP64 archives are not supported');
  const entries = new Map<string, ZipEntry>();
  let at = dirOffset;
  const decoder = new TextDecoder('utf-8');
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) throw new ZipError('zip_corrupt', 'the zip central directory is damaged');
    const nameLength = u16(bytes, at + 28);
    const entry: ZipEntry = {
      flags: u16(bytes, at + 8),
      method: u16(bytes, at + 10),
      compressedSize: u32(bytes, at + 20),
      size: u32(bytes, at + 24),
      offset: u32(bytes, at + 42),
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    };
    entries.set(entry.name.replace(/^\/+/, '').toLowerCase(), entry);
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return entries;
}

/**
 * An entry's bytes, in pieces, to `onChunk`. Inflates 16 KB of input at a time (at most about
 * 16 MB out per step, deflate's ratio being at most ~1:1032) and stops with `zip_too_large` as
 * soon as the budget is spent.
 */
export function readEntry(bytes: Uint8Array, entry: ZipEntry, budget: InflateBudget, onChunk: (chunk: Uint8Array) => void, Inflater: InflateClass): void {
  if (entry.flags & 1) throw new ZipError('zip_encrypted', `${entry.name} is encrypted`);
  const local = entry.offset;
  if (local + 30 > bytes.length || u32(bytes, local) !== 0x04034b50) throw new ZipError('zip_corrupt', `${entry.name}: damaged local header`);
  const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ZipError('zip_corrupt', `${entry.name}: the archive is cut short`);
  const data = bytes.subarray(start, end);
  const spend = (n: number) => {
    budget.remaining -= n;
    if (budget.remaining < 0) throw new ZipError('zip_too_large', `${entry.name} decompresses beyond the limit`);
  };
  if (entry.method === 0) {
    spend(data.length);
    onChunk(data);
    return;
  }
  if (entry.method !== 8) throw new ZipError('zip_unsupported', `${entry.name}: compression method ${entry.method} is not supported`);
  // Claimed sizes are checked first (cheap), real output counted as it comes.
  if (entry.size > budget.remaining) throw new ZipError('zip_too_large', `${entry.name} declares ${entry.size} bytes, beyond the limit`);
  // Errors of the caller's handler pass through unchanged; only the inflater's own mean a damaged archive.
  let handlerError: unknown;
  const inflate = new Inflater((chunk) => {
    try {
      spend(chunk.length);
      onChunk(chunk);
    } catch (error) {
      handlerError = error;
      throw error;
    }
  });
  const STEP = 16 * 1024;
  try {
    if (data.length === 0) inflate.push(new Uint8Array(0), true);
    for (let at = 0; at < data.length; at += STEP) inflate.push(data.subarray(at, at + STEP), at + STEP >= data.length);
  } catch (error) {
    if (error instanceof ZipError || (handlerError !== undefined && error === handlerError)) throw error;
    throw new ZipError('zip_corrupt', `${entry.name}: ${(error as Error).message}`);
  }
}
