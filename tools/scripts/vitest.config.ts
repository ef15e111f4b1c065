import { liujinVitestConfig } from '../config/vitest';

export default liujinVitestConfig();
