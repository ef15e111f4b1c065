import { liujinTsupConfig } from '../../tools/config/tsup';

// The CLI is ESM only; heavy commands are dynamic imports so `liujin --help` stays fast.
// `parse-worker`: threads of the parallel JSON Lines reader load it by file (stream-inputs.ts).
export default liujinTsupConfig({ cli: 'src/cli.ts', 'parse-worker': 'src/parse-worker.ts' }, { format: ['esm'], dts: false, splitting: true });
