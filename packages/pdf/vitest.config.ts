import { liujinVitestConfig } from '../../tools/config/vitest';

// PDF tests write whole plans and run qpdf, poppler and mupdf on them: on two shared cores under
// load a single test can pass 20 s, so the budget per test is a minute (no timed assertions).
export default liujinVitestConfig({ testTimeout: 60_000, isolate: false });
