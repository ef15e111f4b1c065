/**
 * `--json` output: one documented shape per command (docs/schemas/cli/<command>.schema.json), checked
 * with Ajv against real outputs of the CLI (run in process, cheaper than a subprocess per command), in
 * both languages: keys never change with --lang.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli';
import { CLI_JSON_OUTPUT, cliJsonSchema, type JsonCommand } from '../src/json-output';
import { COMMANDS } from '../src/program';
import { tempDir } from './helpers';

const SCHEMAS = new URL('../../../docs/schemas/cli/', import.meta.url);
const schemaFile = (command: string) => new URL(`${command}.schema.json`, SCHEMAS);
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validators = new Map(Object.keys(CLI_JSON_OUTPUT).map((c) => [c, ajv.compile(JSON.parse(readFileSync(schemaFile(c), 'utf8')) as object)]));

/** Runs the CLI in process and returns its exit code and the JSON it printed on stdout. */
async function json(args: string[]): Promise<{ code: number; value: unknown; stderr: string }> {
  const chunks: string[] = [];
  const errors: string[] = [];
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (chunks.push(String(chunk)), true));
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (errors.push(String(chunk)), true));
  try {
    const code = await main(['--json', ...args]);
    return { code, value: JSON.parse(chunks.join('')) as unknown, stderr: errors.join('') };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

function expectValid(command: JsonCommand, value: unknown): void {
  const validate = validators.get(command)!;
  expect(validate(value), `${command}: ${ajv.errorsText(validate.errors)}`).toBe(true);
}

/** Every key path of a JSON value (array items merged), to compare shapes across languages. */
function keys(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return [...new Set(value.flatMap((v) => keys(v, `${prefix}[]`)))].sort();
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [`${prefix}.${k}`, ...keys(v, `${prefix}.${k}`)]).sort();
  return [];
}

afterEach(() => vi.restoreAllMocks());

describe('docs/schemas/cli', () => {
  it('has one schema per command that prints JSON, in step with the zod source (`npm run schemas -w @liujin/demo`)', () => {
    // serve is a long-running server: it prints no JSON (docs/cli.md).
    expect(Object.keys(CLI_JSON_OUTPUT).sort()).toEqual(COMMANDS.map((c) => c.name).filter((n) => n !== 'serve').sort());
    for (const command of Object.keys(CLI_JSON_OUTPUT) as JsonCommand[]) {
      expect(readFileSync(schemaFile(command), 'utf8'), command).toBe(`${JSON.stringify(cliJsonSchema(command), null, 2)}\n`);
    }
  });
});

describe('real --json outputs match their schema, with the same keys in both languages', () => {
  // A small district of two units with one activity, so the audit misses the notice's targets.
  const inputs = tempDir('liujin-json-');
  const registry = join(inputs, 'registry.csv');
  const activities = join(inputs, 'activities.csv');
  writeFileSync(registry, 'unitId,name,kind,town\nsch-1,示例小学,school,zhujiajiao\nent-1,示例企业,enterprise,jinze\n');
  writeFileSync(activities, 'unitId,kind,date\nsch-1,evacuation-drill,2026-03-18\n');
  const common = ['--year', '2026', '--now', '2026-06-30T00:00:00Z'];

  it.each([
    ['plan', ['plan', ...common, '--registry', registry, '--activities', activities, '--as-of', '2026-12-31']],
    ['audit', ['audit', ...common, '--registry', registry, '--activities', activities, '--as-of', '2026-12-31', '--format', 'json,md']],
    ['dates', ['dates', '--year', '2026']],
    ['catalog', ['catalog', '--sector', 'school']],
    ['calendar', ['calendar', ...common, '--registry', registry]],
    ['templates', ['templates', ...common, '--kind', 'school', '--blank']],
    ['worklist', ['worklist', ...common, '--registry', registry, '--activities', activities, '--as-of', '2026-06-30']],
  ] as const)('%s', async (command, args) => {
    const runs = [];
    for (const lang of ['zh', 'en']) {
      const outArgs = ['dates', 'catalog'].includes(command) ? [] : ['--out', tempDir()];
      const r = await json(['--lang', lang, ...args, ...outArgs]);
      expect([0, 1], r.stderr).toContain(r.code);
      expectValid(command, r.value);
      runs.push(r.value);
    }
    expect(keys(runs[1])).toEqual(keys(runs[0]));
  });

  it('plan and audit give the target-missed reasons as requirement ids, and as messages', async () => {
    const planOut = tempDir();
    const plan = (await json(['plan', ...common, '--registry', registry, '--activities', activities, '--as-of', '2026-12-31', '--out', planOut])).value as { files: { worklists: string[] }; audit: { exitCode: number; targetsMissed: { requirementId: string }[]; reasons: string[] } };
    // plan writes the work lists of every town as of 1 January (docs/worklists.md).
    expect(plan.files.worklists).toEqual(['worklists/worklists.json', 'worklists/worklists.xlsx', 'worklists/worklists.md', 'worklists/worklists.html']);
    const lists = JSON.parse(readFileSync(join(planOut, 'worklists/worklists.json'), 'utf8')) as { asOf: string; lists: { id: string }[] };
    expect(lists.asOf).toBe('2026-01-01');
    expect(lists.lists.map((l) => l.id)).toEqual(['zhujiajiao', 'jinze']);
    const audit = (await json(['audit', ...common, '--registry', registry, '--activities', activities, '--as-of', '2026-12-31', '--format', 'json', '--out', tempDir()])).value as typeof plan.audit;
    expect(plan.audit.exitCode).toBe(1);
    expect(plan.audit.targetsMissed.length).toBeGreaterThan(0);
    expect(plan.audit.targetsMissed.map((t) => t.requirementId)).toEqual(audit.targetsMissed.map((t) => t.requirementId));
    expect(plan.audit.reasons).toEqual(audit.reasons);
    expect(plan.audit.reasons.length).toBe(plan.audit.targetsMissed.length);
  });

  it('init and validate (clean and with problems)', async () => {
    const dir = join(tempDir(), 'input');
    const init = await json(['init', '--dir', dir]);
    expect(init.code).toBe(0);
    expectValid('init', init.value);
    const ok = await json(['validate', '--registry', join(dir, 'registry.csv'), '--activities', join(dir, 'activities.csv')]);
    expect(ok.code, ok.stderr).toBe(0);
    expectValid('validate', ok.value);
    const broken = join(inputs, 'broken.csv');
    writeFileSync(broken, 'unitId,name,kind,town\nsch-1,示例小学,spaceship,mars\n');
    for (const lang of ['zh', 'en']) {
      const bad = await json(['--lang', lang, 'validate', '--registry', broken]);
      expect(bad.code).toBe(2);
      expectValid('validate', bad.value);
      expect((bad.value as { ok: boolean; problems: unknown[] }).problems.length).toBeGreaterThan(0);
    }
  });
});
