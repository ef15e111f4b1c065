import { liujinTsupConfig } from '../../tools/config/tsup';

// `worklists`: the work lists as an installed exporter (`liujin export worklists`), its own entry
// because a package entry provides one `liujinExporter`. `audit-worker`: worker threads of a
// streamed audit load it by file (parallel.ts).
export default liujinTsupConfig({ index: 'src/index.ts', worklists: 'src/worklists-module.ts', 'audit-worker': 'src/audit-worker.ts' }, { splitting: true });
