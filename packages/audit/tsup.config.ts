import { liujinTsupConfig } from '../../tools/config/tsup';

// `worklists`: the work lists as an installed exporter (`liujin export worklists`), its own entry
// because a package entry provides one `liujinExporter`.
export default liujinTsupConfig({ index: 'src/index.ts', worklists: 'src/worklists-module.ts' }, { splitting: true });
