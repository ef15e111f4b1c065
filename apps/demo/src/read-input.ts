/**
 * Input files read as bytes within a size limit (docs/security.md): the size is checked before
 * reading when the file system knows it, and counted while reading when it does not (a pipe, a
 * device such as /dev/zero behind a symlink), so no input can exhaust memory. One reader serves
 * the whole-file inputs and the streamed JSON Lines ones (stream-inputs.ts).
 */
import { open } from 'node:fs/promises';
import { INPUT_LIMITS, fileTooLarge } from '@liujin/core/io';
import { unreadableFile } from './files';
import { InputError } from './runtime';

/**
 * A file's bytes, a chunk at a time (each chunk its own copy), stopping with an InputError past
 * `limit` bytes (no limit: a streamed input of any size); a file that cannot be read is an InputError.
 */
export async function* inputChunks(file: string, options: { limit?: number; chunkBytes?: number } = {}): AsyncGenerator<Uint8Array> {
  const { limit = Number.POSITIVE_INFINITY, chunkBytes = 1 << 20 } = options;
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw unreadableFile(file, error);
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw unreadableFile(file, Object.assign(new Error('directory'), { code: 'EISDIR' }));
    if (stat.isFile() && stat.size > limit) throw new InputError([fileTooLarge(file, limit)]);
    let total = 0;
    for (;;) {
      const buffer = Buffer.allocUnsafe(Math.min(chunkBytes, limit + 1 - total));
      let bytesRead: number;
      try {
        ({ bytesRead } = await handle.read(buffer, 0, buffer.length, null));
      } catch (error) {
        throw unreadableFile(file, error);
      }
      if (bytesRead === 0) return;
      total += bytesRead;
      if (total > limit) throw new InputError([fileTooLarge(file, limit)]);
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

/** A whole input file's bytes, at most `limit` of them. */
export async function readInputBytes(file: string, limit: number = INPUT_LIMITS.fileBytes): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of inputChunks(file, { limit })) {
    chunks.push(chunk);
    total += chunk.byteLength;
  }
  return Buffer.concat(chunks, total);
}
