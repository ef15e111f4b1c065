/**
 * Renders feeds on worker threads: feeds are independent, so a district's thousands of unit
 * feeds split across cores. Chunks are contiguous and results are joined in order, so the bytes
 * are the same as on one thread.
 */
import { Worker } from 'node:worker_threads';
import type { FeedSpec } from './events';
import type { renderFeed } from './render';

type Options = Parameters<typeof renderFeed>[1];

function spawn(): Worker {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    // Running from TypeScript sources (tests, the bench): load the worker through tsx, a dev
    // dependency, with workspace packages resolved to their sources too, as the tests resolve them
    // (tools/config/vitest.ts), never to a build that may be older.
    const source = JSON.stringify(new URL('./worker.ts', here).href);
    return new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${source}); });`, { eval: true, execArgv: [...process.execArgv, '--conditions=@liujin/source'] });
  }
  return new Worker(new URL(here.endsWith('.cjs') ? './worker.cjs' : './worker.js', here));
}

export async function renderInParallel(feeds: readonly FeedSpec[], options: Options, workers: number): Promise<string[]> {
  const size = Math.ceil(feeds.length / workers);
  const chunks = Array.from({ length: workers }, (_, i) => feeds.slice(i * size, (i + 1) * size)).filter((c) => c.length > 0);
  const results = await Promise.all(
    chunks.map(
      (chunk) =>
        new Promise<string[]>((resolve, reject) => {
          const worker = spawn();
          worker.once('message', (texts: string[]) => {
            void worker.terminate();
            resolve(texts);
          });
          worker.once('error', reject);
          worker.postMessage({ feeds: chunk, options });
        }),
    ),
  );
  return results.flat();
}
