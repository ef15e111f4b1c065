// Shared vitest settings. The custom condition `@liujin/source` makes workspace imports resolve to
// TypeScript sources, so tests never need a build of their dependencies. vitest 4 runs Node tests
// through the SSR resolver, so the condition must be listed under `ssr.resolve` too (TOOLCHAIN.md).
import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

export const SOURCE_CONDITION = '@liujin/source';

export function liujinVitestConfig(options: { testTimeout?: number } = {}) {
  return defineConfig({
    resolve: { conditions: [SOURCE_CONDITION, ...defaultClientConditions] },
    ssr: { resolve: { conditions: [SOURCE_CONDITION, ...defaultServerConditions] } },
    test: {
      include: ['src/**/*.test.ts', 'tests/**/*.test.ts', '*.test.ts'],
      testTimeout: options.testTimeout ?? 20_000,
      pool: 'forks',
    },
  });
}
