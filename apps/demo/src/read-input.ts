/**
 * Input files read as bytes within a size limit (docs/security.md): the size is checked before
 * reading when the file system knows it, and counted while reading when it does not (a pipe, a
 * device such as /dev/zero behind a symlink), so no input can exhaust memory.
 */
import { open } from 'node:fs/promises';
import { INPUT_LIMITS, fileTooLarge } from '@liujin/core';
import { unreadableFile } from './files';
import { InputError } from './runtime';

export async function readInputBytes(file: string, limit: number = INPUT_LIMITS.fileBytes): Promise<Uint8Array> {
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
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buffer = Buffer.allocUnsafe(Math.min(1 << 20, limit + 1 - total));
      let bytesRead: number;
      try {
        ({ bytesRead } = await handle.read(buffer, 0, buffer.length, null));
      } catch (error) {
        throw unreadableFile(file, error);
      }
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
      if (total > limit) throw new InputError([fileTooLarge(file, limit)]);
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}
