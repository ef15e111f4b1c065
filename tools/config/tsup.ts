// Shared tsup settings: ESM + CJS + .d.ts for every library. Workspace packages stay external;
// their own builds are consumed through the `import`/`require` conditions of their exports maps.
import { defineConfig, type Options } from 'tsup';

export function liujinTsupConfig(entry: Record<string, string>, extra: Partial<Options> = {}) {
  return defineConfig({
    entry,
    format: ['esm', 'cjs'],
    // Declarations see workspace dependencies through their built .d.ts (build depends on ^build), not
    // their sources (the @liujin/source condition): each package's declaration build then checks only
    // its own files, not core's again (docs/contributing.md, "How long `npm test` takes").
    dts: { compilerOptions: { customConditions: [] } },
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
