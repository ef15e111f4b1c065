import { liujinVitestConfig } from '../../tools/config/vitest';

export default liujinVitestConfig({ testTimeout: 180_000 });
