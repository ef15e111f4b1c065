// TypeDoc: the API reference of every published workspace package (packages/*, found at run time, so a
// new package is documented and checked without editing this file). `npm run docs:api` writes it to
// docs/api/ (generated, not committed). Warnings are errors: every public export needs a TSDoc comment.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

const packages = readdirSync(join(root, 'packages'), { withFileTypes: true })
  .map((d) => join(root, 'packages', d.name))
  .filter((dir) => existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'src/index.ts')))
  .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }))
  .filter((p) => !p.manifest.private);

// Every subpath export with a source entry (e.g. `@liujin/core/testing`) is public API too.
const entryPoints = packages.flatMap((p) =>
  Object.values(p.manifest.exports ?? {})
    .map((target) => (typeof target === 'object' && target !== null ? target['@liujin/source'] : undefined))
    .filter((source) => typeof source === 'string')
    .map((source) => join(p.dir, source)),
);

/** @type {Partial<import('typedoc').TypeDocOptions>} */
export default {
  entryPoints,
  entryPointStrategy: 'resolve',
  tsconfig: join(root, 'tsconfig.typedoc.json'),
  out: join(root, 'docs/api'),
  name: 'liujin API',
  readme: 'none',
  excludePrivate: true,
  excludeInternal: true,
  treatWarningsAsErrors: true,
  // Every exported name, in every package: module, namespace, enum, variable, function, class, interface, type.
  requiredToBeDocumented: ['Module', 'Namespace', 'Enum', 'Variable', 'Function', 'Class', 'Interface', 'TypeAlias'],
  packagesRequiringDocumentation: packages.map((p) => p.manifest.name),
  validation: { notExported: true, invalidLink: true, invalidPath: true, rewrittenLink: true, notDocumented: true, unusedMergeModuleWith: true },
  disableSources: true,
  hideGenerator: true,
};
