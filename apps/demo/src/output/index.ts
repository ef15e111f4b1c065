/** Writing into `--out`: one staged, all-or-nothing set per run (docs/security.md, "Output folders"). */
import type { Output } from '../runtime';
import { OutputSet, type OutputSetOptions } from './set';

export { OutputSet, type WrittenArtefact, type OutputSetOptions } from './set';
export { resolveOwnFile } from './links';

/** Opens a set, lets `fn` write it, and switches it in; on any error the previous set stands. */
export async function withOutputSet<T>(options: Omit<OutputSetOptions, 'warn'>, out: Output, fn: (set: OutputSet) => Promise<T>): Promise<T> {
  const set = await OutputSet.open({ ...options, warn: (text) => out.warn(out.t(text)) });
  try {
    const result = await fn(set);
    await set.commit();
    return result;
  } catch (error) {
    await set.abort();
    throw error;
  }
}
