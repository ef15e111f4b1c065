/* global module */
// Module boundaries, checked by a machine (ARCHITECTURE.md): arrows point one way only,
// apps/demo -> plugins -> core. A plugin is any package under packages/ other than core, so a new
// output format is covered the day it is added. tools/scripts/boundaries.test.ts runs these rules
// in `npm test` and proves they fail on a deliberately wrong import; `npx depcruise --config
// .dependency-cruiser.cjs packages apps` runs them by hand.
module.exports = {
  forbidden: [
    {
      name: 'plugin-imports-plugin',
      severity: 'error',
      comment: 'A plugin never imports another plugin: what two outputs share belongs in @liujin/core.',
      from: { path: '^packages/([^/]+)/', pathNot: '^packages/core/' },
      to: { path: '^packages/([^/]+)/', pathNot: ['^packages/$1/', '^packages/core/'] },
    },
    {
      name: 'core-imports-plugin-or-cli',
      severity: 'error',
      comment: '@liujin/core imports no plugin and no app: the domain knows nothing of its outputs.',
      from: { path: '^packages/core/' },
      to: { path: '^(packages/(?!core/)[^/]+/|apps/)' },
    },
    {
      name: 'package-imports-app',
      severity: 'error',
      comment: 'No package imports the CLI or another app.',
      from: { path: '^packages/' },
      to: { path: '^apps/' },
    },
    {
      name: 'app-imports-package-internals',
      severity: 'error',
      comment: 'The CLI imports only public entry points (package names), never a file inside a package.',
      from: { path: '^apps/[^/]+/(src|scripts)/' },
      to: { path: '^packages/[^/]+/', dependencyTypes: ['local'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules|out|coverage)/' },
    tsPreCompilationDeps: true,
    // Workspace packages resolve through their exports maps to TypeScript sources (the
    // @liujin/source condition), as in tests and type checks.
    enhancedResolveOptions: {
      conditionNames: ['@liujin/source', 'import', 'require', 'node', 'default'],
      exportsFields: ['exports'],
      mainFields: ['module', 'main'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
