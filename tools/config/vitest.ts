// Shared vitest settings. The custom condition `@liujin/source` makes workspace imports resolve to
// TypeScript sources, so tests never need a build of their dependencies. vitest 4 runs Node tests
// through the SSR resolver, so the condition must be listed under `ssr.resolve` too (TOOLCHAIN.md).
import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

/** The global setup that gives each test run its own temporary root (vitest-tmp.ts). */
const TEMP_ROOT_SETUP = new URL('./vitest-tmp.ts', import.meta.url).pathname;

export const SOURCE_CONDITION = '@liujin/source';

/**
 * `isolate: false` lets one worker run several test files without re-importing the modules for each
 * (core's 24 files: 41 s of CPU isolated, 15 s not). Only for projects whose tests keep no state
 * between files: no module mocks, no changes to process-wide settings left behind.
 *
 * `maxWorkers`: vitest's default is one worker fewer than the cores, a single worker on 2 cores. The
 * CLI's end-to-end tests, the longest task of `npm test` and often the last one running, spend much
 * of their time waiting on child processes, so they take every core (96 s instead of 150 s on 2).
 */
export function liujinVitestConfig(options: { testTimeout?: number; isolate?: boolean; maxWorkers?: number } = {}) {
  return defineConfig({
    resolve: { conditions: [SOURCE_CONDITION, ...defaultClientConditions] },
    ssr: { resolve: { conditions: [SOURCE_CONDITION, ...defaultServerConditions] } },
    test: {
      include: ['src/**/*.test.ts', 'tests/**/*.test.ts', '*.test.ts'],
      // Timeouts catch hangs, not slowness (timings belong in tools/bench): generous, so a loaded
      // 2-core machine running several projects at once never fails a test for being slow.
      testTimeout: options.testTimeout ?? 120_000,
      hookTimeout: 120_000,
      pool: 'forks',
      globalSetup: [TEMP_ROOT_SETUP],
      isolate: options.isolate ?? true,
      ...(options.maxWorkers ? { maxWorkers: options.maxWorkers } : {}),
    },
  });
}
