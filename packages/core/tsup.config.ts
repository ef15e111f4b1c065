import { liujinTsupConfig } from '../../tools/config/tsup';

// One build of every entry point with code splitting: the main entry, `plugin`, `io`, `testing`
// and `text` share their modules as chunks, so a class (ExporterOptionsError, the validation
// errors) is one class whichever entry a program imports it from. `text`: the dependency-free
// safe-text helpers, for the CLI's output before the rest loads.
const SHARED = { index: 'src/index.ts', plugin: 'src/plugin.ts', io: 'src/io-entry.ts', testing: 'src/testing/index.ts', text: 'src/report/safe-text.ts' };
const SAMPLE = { sample: 'src/sample/index.ts' };
const DIVISIONS = { divisions: 'src/geo/index.ts' };

// Core's declarations read its own sources (its `dts` option replaces the shared one, so the
// @liujin/source condition stays), since the sample imports core by its public names; the plugins
// read core's built .d.ts (tools/config/tsup.ts).
export default [
  liujinTsupConfig(SHARED, {
    // The holiday data is bundled: Node's ESM loader would need an import attribute for JSON.
    external: ['vitest', 'fast-check'],
    noExternal: [/^chinese-days\/dist\/chinese-days\.json$/],
    splitting: true,
    // One declaration build for every entry, the sample's and the division table's too: one
    // TypeScript program instead of three (they ran at once and each checked core again), and no
    // build's clean step racing another's declarations (divisions.d.ts went missing that way).
    dts: { entry: { ...SHARED, ...SAMPLE, ...DIVISIONS } },
  }),
  // The sample district (@liujin/core/sample) imports the library by its public names, so its
  // build holds only the sample, not a second copy of core.
  liujinTsupConfig(SAMPLE, { external: [/^@liujin\/core(\/|$)/], clean: false, dts: false }),
  // The 2 MB division table: its own entry, without a source map (it would repeat the table twice).
  liujinTsupConfig(DIVISIONS, { sourcemap: false, clean: false, dts: false }),
];
