// Vitest global setup: every test run gets one temporary root (TMPDIR), removed when the run ends.
// Tests make their scratch folders with `mkdtemp(tmpdir())`; files and child processes (the CLI,
// Chromium, python3, khal) inherit TMPDIR, so nothing a run makes outlives it in the system's
// temporary folder (a full `npm test` left some 30 folders there before).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function setup(): () => void {
  const previous = process.env.TMPDIR;
  const root = mkdtempSync(join(tmpdir(), 'liujin-test-run-'));
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    // Retried: a browser launched by a suite whose tests were all filtered out is never closed by
    // it, and may still be writing its profile here as its worker exits (ENOTEMPTY).
    rmSync(root, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  };
}
