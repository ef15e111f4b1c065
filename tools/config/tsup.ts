// Shared tsup settings: ESM + CJS + .d.ts for every library. Workspace packages stay external;
// their own builds are consumed through the `import`/`require` conditions of their exports maps.
import { defineConfig, type Options } from 'tsup';

export function liujinTsupConfig(entry: Record<string, string>, extra: Partial<Options> = {}) {
  return defineConfig({
    entry,
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    platform: 'node',
    shims: true,
    splitting: false,
    treeshake: true,
    ...extra,
  });
}
