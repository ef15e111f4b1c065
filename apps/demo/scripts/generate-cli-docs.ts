// Writes docs/cli.md from the command definitions: `npm run docs -w @liujin/demo`.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { renderCliReference } from '../src/cli-reference';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
const target = new URL('../../../docs/cli.md', import.meta.url);
writeFileSync(`${target.pathname}.tmp`, await renderCliReference(pkg.version));
renameSync(`${target.pathname}.tmp`, target.pathname);
