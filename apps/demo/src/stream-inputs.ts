/**
 * JSON Lines registries and activity logs read as streams, for audits of a city or a nation:
 * this module only reads the file's bytes; @liujin/core parses and validates them
 * (`streamRegistryUnits`, `streamActivityRecords`) with the rules of the whole-file readers, and
 * its problems become an InputError (exit 2) before any report is written.
 */
import { open } from 'node:fs/promises';
import { LiujinValidationError, streamActivityRecords, streamRegistryUnits, type Activity, type Registry, type SetAsideRow, type Unit } from '@liujin/core';
import { unreadableFile } from './files';
import { InputError } from './runtime';

/** A file's bytes, four megabytes at a time; a file that cannot be read is an InputError. */
async function* fileChunks(file: string): AsyncGenerator<Uint8Array> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw unreadableFile(file, error);
  }
  try {
    const buffer = Buffer.alloc(4 << 20);
    for (;;) {
      let bytesRead: number;
      try {
        ({ bytesRead } = await handle.read(buffer, 0, buffer.length, null));
      } catch (error) {
        throw unreadableFile(file, error);
      }
      if (bytesRead === 0) return;
      // A copy: the buffer is reused by the next read while the decoder may still hold this chunk.
      yield Uint8Array.prototype.slice.call(buffer, 0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

/** The problems core throws at the end of a stream, as the CLI's InputError. */
async function* asInputErrors<T>(items: AsyncIterable<T>): AsyncGenerator<T> {
  try {
    yield* items;
  } catch (error) {
    if (error instanceof LiujinValidationError) throw new InputError(error.problems);
    throw error;
  }
}

/** A JSON Lines registry (one unit per line): `units()` may be iterated again, giving the same units. */
export function streamRegistry(file: string, geography?: Pick<Registry, 'district' | 'towns' | 'districts'>) {
  const registry = streamRegistryUnits(() => fileChunks(file), file, geography);
  return { district: registry.district, ...(registry.districts ? { districts: registry.districts } : {}), towns: registry.towns, units: (): AsyncGenerator<Unit> => asInputErrors(registry.units()) };
}

/** A JSON Lines activity log, read once; rows of an unknown kind go to `setAside`. */
export function streamActivities(file: string, setAside: SetAsideRow[]): AsyncGenerator<Activity> {
  return asInputErrors(streamActivityRecords(fileChunks(file), file, setAside));
}
