import { availableParallelism } from 'node:os';
import { liujinVitestConfig } from '../../tools/config/vitest';

export default liujinVitestConfig({ testTimeout: 180_000, maxWorkers: availableParallelism() });
