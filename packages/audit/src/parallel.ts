/**
 * Worker threads that judge a streamed audit's chunks (the calendar renders feeds the same way):
 * chunks go out in registry order, at most two per thread at a time, and their outcomes come
 * back in whatever order the threads finish; the caller takes them in order.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AuditInput, Registry, Unit, WorkdayCalendarOptions } from '@liujin/core';
import type { ChunkOutcome, ChunkWants } from './judge-chunk';

/** What every worker is told once: the accumulator's input (data only) and the texts wanted. */
export interface JudgeSetup {
  input: Omit<AuditInput, 'registry' | 'activities' | 'evaluator' | 'previous' | 'setAside' | 'workdays'> & { district: Registry['district']; districts?: Registry['districts']; towns: Registry['towns'] };
  /** The working days' data (`WorkdayCalendar.options`); the worker makes the calendar. */
  workdays?: WorkdayCalendarOptions;
  wants: ChunkWants;
}

/** One chunk: its units and their records, as JSON lines in moved bytes or in a spill file. */
export interface JudgeJob {
  index: number;
  units: Unit[];
  bytes?: Uint8Array[];
  file?: string;
}

/**
 * Worker threads a streamed audit uses unless told (`--threads`): one per core, at most 8, from 4
 * cores on; below that, one thread. On the 2-core machine of docs/performance.md, two threads
 * gave little more than one thread's throughput (two busy threads ran each at 50-90% of one
 * alone), less than what passing records between threads costs, so the audit ran slower.
 */
export function defaultThreads(): number {
  const cores = availableParallelism();
  return cores >= 4 ? Math.min(cores, 8) : 1;
}

function spawn(): Worker {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    // Running from TypeScript sources (tests, the bench): load the worker through tsx, a dev
    // dependency, with workspace packages resolved to their sources too, as the tests resolve them
    // (tools/config/vitest.ts), never to a build that may be older.
    const source = JSON.stringify(new URL('./audit-worker.ts', here).href);
    return new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${source}); });`, { eval: true, execArgv: [...process.execArgv, '--conditions=@liujin/source'] });
  }
  return new Worker(new URL(here.endsWith('.cjs') ? './audit-worker.cjs' : './audit-worker.js', here));
}

/** A pool of `threads` workers judging chunks. */
export class JudgePool {
  private readonly workers: { worker: Worker; busy: number }[] = [];
  private readonly waiting = new Map<number, { resolve: (o: ChunkOutcome) => void; reject: (e: Error) => void }>();
  private readonly done = new Map<number, ChunkOutcome | Error>();
  private readonly queue: { job: JudgeJob; transfer: ArrayBuffer[] }[] = [];
  private failure: Error | undefined;

  constructor(threads: number, setup: JudgeSetup) {
    for (let i = 0; i < threads; i++) {
      const worker = spawn();
      const slot = { worker, busy: 0 };
      worker.on('message', (message: { index: number; outcome?: ChunkOutcome; error?: string }) => {
        slot.busy--;
        this.settle(message.index, message.outcome ?? new Error(`a worker thread failed on chunk ${message.index}: ${message.error}`));
        this.pump();
      });
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`a worker thread stopped with exit code ${code}`));
      });
      worker.postMessage({ setup });
      this.workers.push(slot);
    }
  }

  /** Jobs sent and not yet taken: the caller keeps this bounded (each holds its chunk's records). */
  get pending(): number {
    return this.queue.length + this.workers.reduce((n, w) => n + w.busy, 0) + this.done.size;
  }

  submit(job: JudgeJob): void {
    const transfer = (job.bytes ?? []).map((b) => b.buffer as ArrayBuffer);
    this.queue.push({ job, transfer });
    this.pump();
  }

  /** The outcome of chunk `index`, when its worker is done. */
  take(index: number): Promise<ChunkOutcome> {
    const ready = this.done.get(index);
    if (ready !== undefined) {
      this.done.delete(index);
      return ready instanceof Error ? Promise.reject(ready) : Promise.resolve(ready);
    }
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => this.waiting.set(index, { resolve, reject }));
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }

  private pump(): void {
    for (;;) {
      const next = this.queue[0];
      if (!next) return;
      // The least busy worker, two chunks at most: one judged, one read while it is.
      const slot = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
      if (slot.busy >= 2) return;
      this.queue.shift();
      slot.busy++;
      slot.worker.postMessage({ job: next.job }, next.transfer);
    }
  }

  private settle(index: number, result: ChunkOutcome | Error): void {
    const waiter = this.waiting.get(index);
    if (!waiter) {
      this.done.set(index, result);
      return;
    }
    this.waiting.delete(index);
    if (result instanceof Error) waiter.reject(result);
    else waiter.resolve(result);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
  }
}
