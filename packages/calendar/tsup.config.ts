import { liujinTsupConfig } from '../../tools/config/tsup';

// The worker is its own entry: worker threads load it by file.
export default liujinTsupConfig({ index: 'src/index.ts', worker: 'src/worker.ts' });
