import { liujinTsupConfig } from '../../tools/config/tsup';

export default [
  liujinTsupConfig(
    // `text`: the dependency-free safe-text helpers, for the CLI's output before the rest loads.
    { index: 'src/index.ts', testing: 'src/testing/index.ts', text: 'src/report/safe-text.ts' },
    // The holiday data is bundled: Node's ESM loader would need an import attribute for JSON.
    { external: ['vitest', 'fast-check'], noExternal: [/^chinese-days\/dist\/chinese-days\.json$/] },
  ),
  // The sample district (@liujin/core/sample) imports the library by its public name, so its
  // build holds only the sample, not a second copy of core.
  liujinTsupConfig({ sample: 'src/sample/index.ts' }, { external: ['@liujin/core'], clean: false }),
  // The 2 MB division table: its own entry, without a source map (it would repeat the table twice).
  liujinTsupConfig({ divisions: 'src/geo/index.ts' }, { sourcemap: false, clean: false }),
];
