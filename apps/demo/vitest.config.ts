import { liujinVitestConfig } from '../../tools/config/vitest';

export default liujinVitestConfig({ testTimeout: 60_000 });
