// Writes docs/schemas/cli/<command>.schema.json from the zod schemas of `--json` output:
// `npm run schemas -w @liujin/demo`. A test keeps the files in step (apps/demo/tests/json-output.test.ts).
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { CLI_JSON_OUTPUT, cliJsonSchema, type JsonCommand } from '../src/json-output';

const dir = new URL('../../../docs/schemas/cli/', import.meta.url).pathname;
mkdirSync(dir, { recursive: true });
for (const command of Object.keys(CLI_JSON_OUTPUT) as JsonCommand[]) {
  const file = `${dir}${command}.schema.json`;
  writeFileSync(`${file}.tmp`, `${JSON.stringify(cliJsonSchema(command), null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}
