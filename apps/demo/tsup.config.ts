import { liujinTsupConfig } from '../../tools/config/tsup';

// The CLI is ESM only; heavy commands are dynamic imports so `liujin --help` stays fast.
export default liujinTsupConfig({ cli: 'src/cli.ts' }, { format: ['esm'], dts: false, splitting: true });
