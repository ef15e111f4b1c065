/**
 * JSON Lines registries and activity logs read as streams, for audits of a city or a nation:
 * this module only reads the file's bytes; @liujin/core parses and validates them
 * (`streamRegistryUnits`, `streamActivityRecords`) with the rules of the whole-file readers, and
 * its problems become an InputError (exit 2) before any report is written.
 */
import type { Activity, Registry, Unit } from '@liujin/core';
import { LiujinValidationError, streamActivityRecords, streamRegistryUnits, type SetAsideRow } from '@liujin/core/io';
import { inputChunks } from './read-input';
import { InputError } from './runtime';

/** A streamed input: any size, four megabytes at a time (read-input.ts). */
const fileChunks = (file: string) => inputChunks(file, { chunkBytes: 4 << 20 });

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
