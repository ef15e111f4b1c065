/**
 * Worker thread of a streamed audit (parallel.ts): judges chunks of units with their activity
 * records, each chunk's records read from its spill file or from the bytes the main thread moved
 * here. The accumulator is only used to judge; counting stays on the main thread.
 */
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { createWorkdayCalendar } from '@liujin/core';
import { AuditAccumulator } from '@liujin/core/plugin';
import { judgeChunk, outcomeTransfer, recordsFromLines } from './judge-chunk';
import type { JudgeJob, JudgeSetup } from './parallel';

let setup: { acc: AuditAccumulator; titles: Map<string, string>; message: JudgeSetup } | undefined;

parentPort?.on('message', (message: { setup: JudgeSetup } | { job: JudgeJob }) => {
  if ('setup' in message) {
    const { input, wants, workdays } = message.setup;
    setup = { acc: new AuditAccumulator({ ...input, ...(workdays ? { workdays: createWorkdayCalendar(workdays) } : {}) }), titles: new Map(input.catalog.requirements.map((r) => [r.id, r.title[wants.lang]])), message: message.setup };
    return;
  }
  const { job } = message;
  const { acc, titles, message: init } = setup!;
  const texts = job.file !== undefined ? [readFileSync(job.file, 'utf8')] : job.bytes!.map((b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf8'));
  const byUnit = recordsFromLines(texts);
  judgeChunk(acc, job.units, (id) => byUnit.get(id), init.wants, titles).then(
    (outcome) => parentPort!.postMessage({ index: job.index, outcome }, outcomeTransfer(outcome)),
    (error: unknown) => parentPort!.postMessage({ index: job.index, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
