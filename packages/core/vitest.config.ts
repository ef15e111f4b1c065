import { liujinVitestConfig } from '../../tools/config/vitest';

export default liujinVitestConfig({ isolate: false });
