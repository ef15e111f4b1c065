import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';
import { liujinVitestConfig } from '../../tools/config/vitest';

// Test files that mock a module (vi.mock) run isolated. The rest share their worker's modules
// (`isolate: false`): a worker imports the CLI's sources once, not once per test file (import time
// summed over the files in npm test: 65-81 s before, 50-62 s after). They restore their spies after use,
// and the CLI keeps no state between runs: a second program in one process gives the same help
// (tests/program.test.ts), and tests/in-process.test.ts holds in-process runs to child processes.
const MOCKING = ['tests/output-journal.test.ts'];
const base = liujinVitestConfig({ testTimeout: 180_000 });

export default defineConfig({
  test: {
    maxWorkers: availableParallelism(),
    projects: [
      { ...base, test: { ...base.test, name: 'shared', isolate: false, exclude: [...configDefaults.exclude, ...MOCKING], setupFiles: ['tests/setup.ts'] } },
      { ...base, test: { ...base.test, name: 'isolated', isolate: true, include: MOCKING, setupFiles: ['tests/setup.ts'] } },
    ],
  },
});
