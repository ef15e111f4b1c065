/**
 * JSON Lines registries and activity logs read as streams, for audits of a city or a nation:
 * this module only reads the file's bytes; @liujin/core parses and validates them
 * (`streamRegistryUnits`, `streamActivityBatches`) with the rules of the whole-file readers, and
 * its problems become an InputError (exit 2) before any report is written.
 */
import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Activity, Registry, Unit } from '@liujin/core';
import { INPUT_LIMITS, LiujinValidationError, eachOf, streamActivityBatches, streamRegistryUnits, type SetAsideRow } from '@liujin/core/io';
import { defaultThreads } from '@liujin/audit';
import type { PartRequest, PartResult } from './parse-worker';
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

/** How an activity log is read: threads that parse its parts (1: this thread only), from what size on, and the size of a part. */
export interface ReadThreads {
  threads?: number;
  fromBytes?: number;
  partBytes?: number;
}

/**
 * A JSON Lines activity log, read once; rows of an unknown kind go to `setAside`. With more than
 * one thread (`--threads`, default `defaultThreads()` of @liujin/audit), a large log (32 MiB and
 * more) is parsed in parts on worker threads, and its records come in file order, the same
 * records as one thread reads.
 */
export function streamActivities(file: string, setAside: SetAsideRow[], options: ReadThreads = {}): AsyncGenerator<Activity> {
  const threads = options.threads ?? defaultThreads();
  let size = 0;
  try {
    const s = statSync(file);
    if (s.isFile()) size = s.size;
  } catch {
    // Unreadable: the reader says so.
  }
  // Batches cross the generators here; the records are taken one by one only at the end
  // (eachOf): an async generator per record costs a city's audit a second.
  if (threads > 1 && size >= (options.fromBytes ?? 32 << 20)) return eachOf(asInputErrors(partsOrOneThread(file, setAside, threads, options.partBytes ?? 4 << 20)));
  return eachOf(asInputErrors(streamActivityBatches(fileChunks(file), file, setAside)));
}

async function* partsOrOneThread(file: string, setAside: SetAsideRow[], threads: number, partBytes: number): AsyncGenerator<readonly Activity[]> {
  const complete = yield* partsOnThreads(file, setAside, threads, partBytes);
  if (complete) return;
  // Problems, or nothing read: the log read again on this thread gives the exact list (the one
  // place that reports them, whatever the threads), or says that the file is empty.
  setAside.length = 0;
  for await (const _ of streamActivityBatches(fileChunks(file), file, setAside));
  throw new Error(`the parallel reader of ${file} found problems that one thread does not find`);
}

function spawnReader(): Worker {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    // From TypeScript sources (the tests): through tsx, workspace packages resolved to their sources.
    const source = JSON.stringify(new URL('./parse-worker.ts', here).href);
    return new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${source}); });`, { eval: true, execArgv: [...process.execArgv, '--conditions=@liujin/source'] });
  }
  return new Worker(new URL('./parse-worker.js', here));
}

/**
 * Parts of whole lines (cut after a newline byte, which never falls inside a UTF-8 character),
 * each with the number of its first line. A line longer than a part grows its part until it ends
 * (or past the line limit, when core's reader refuses it).
 */
async function* lineParts(file: string, partBytes: number): AsyncGenerator<{ bytes: Uint8Array; firstLine: number }> {
  let rest: Uint8Array | undefined;
  let line = 1;
  const lines = (bytes: Uint8Array) => {
    let n = 0;
    for (let at = bytes.indexOf(10); at >= 0; at = bytes.indexOf(10, at + 1)) n++;
    return n;
  };
  for await (const chunk of inputChunks(file, { chunkBytes: partBytes })) {
    const bytes = rest ? Buffer.concat([rest, chunk]) : chunk;
    const end = bytes.lastIndexOf(10) + 1;
    if (end === 0) {
      // No line ends here: kept whole up to the line limit, then left to core's reader to refuse.
      if (bytes.length > INPUT_LIMITS.lineBytes) {
        yield { bytes: new Uint8Array(bytes), firstLine: line };
        rest = undefined;
        continue;
      }
      rest = bytes;
      continue;
    }
    // Copies, each with its own memory: a part's memory is moved to a thread, never shared.
    const part = new Uint8Array(bytes.subarray(0, end));
    rest = end === bytes.length ? undefined : new Uint8Array(bytes.subarray(end));
    // Counted before it is handed on: once moved to a thread, its memory is gone from here.
    const first = line;
    line += lines(part);
    yield { bytes: part, firstLine: first };
  }
  if (rest && rest.length > 0) yield { bytes: new Uint8Array(rest), firstLine: line };
}

/** The log's records read by worker threads, a part's records at a time, in file order; false when a part has problems or the log holds nothing. */
async function* partsOnThreads(file: string, setAside: SetAsideRow[], threads: number, partBytes: number): AsyncGenerator<readonly Activity[], boolean> {
  const workers = Array.from({ length: threads }, spawnReader);
  let closing = false;
  const waiting = new Map<number, { resolve: (r: PartResult) => void; reject: (e: Error) => void }>();
  let failure: Error | undefined;
  for (const worker of workers) {
    worker.on('message', (result: PartResult) => {
      waiting.get(result.id)?.resolve(result);
      waiting.delete(result.id);
    });
    const fail = (error: Error) => {
      failure ??= error;
      for (const w of waiting.values()) w.reject(error);
      waiting.clear();
    };
    worker.on('error', fail);
    // A thread that stops (out of memory, say) while parts wait on it must not leave them waiting.
    worker.on('exit', (code) => {
      if (!closing) fail(new Error(`a JSON Lines reader thread stopped with exit code ${code}`));
    });
  }
  const sent: Promise<PartResult>[] = [];
  let id = 0;
  let anything = false;
  let bug: string | undefined;
  // Each part's records in file order; false at the first part with problems.
  const take = async function* (): AsyncGenerator<readonly Activity[], boolean> {
    const result = await sent.shift()!;
    if (result.problems) {
      bug = result.error;
      return false;
    }
    const records = JSON.parse(result.records) as Activity[];
    if (records.length > 0 || result.setAside.length > 0) anything = true;
    setAside.push(...result.setAside);
    if (records.length > 0) yield records;
    return true;
  };
  try {
    for await (const part of lineParts(file, partBytes)) {
      if (failure) throw failure;
      const request: PartRequest = { id, file, firstLine: part.firstLine, bytes: part.bytes };
      const result = new Promise<PartResult>((resolve, reject) => waiting.set(request.id, { resolve, reject }));
      // Awaited in order later; a thread's failure must not count as unhandled before then.
      result.catch(() => undefined);
      sent.push(result);
      workers[id % threads]!.postMessage(request, [part.bytes.buffer as ArrayBuffer]);
      id++;
      // Two parts per thread at most: one parsed, one waiting; the rest of the file not yet read.
      if (sent.length >= threads * 2 && !(yield* take())) return false;
    }
    while (sent.length > 0) if (!(yield* take())) return false;
    return anything;
  } finally {
    closing = true;
    await Promise.all(workers.map((w) => w.terminate()));
    if (bug !== undefined) process.emitWarning(`a JSON Lines reader thread failed: ${bug}`);
  }
}
