import { liujinTsupConfig } from '../../tools/config/tsup';

export default liujinTsupConfig(
  { index: 'src/index.ts', testing: 'src/testing/index.ts' },
  // The holiday data is bundled: Node's ESM loader would need an import attribute for JSON.
  { external: ['vitest', 'fast-check'], noExternal: [/^chinese-days\/dist\/chinese-days\.json$/] },
);
