import { liujinTsupConfig } from '../../tools/config/tsup';

export default liujinTsupConfig({ index: 'src/index.ts' });
