/**
 * The shape of `--json` output, one schema per command (zod is the source; the JSON Schemas in
 * docs/schemas/cli/ are generated from these by `npm run schemas -w @liujin/demo`, and a test keeps
 * them in step and checks real outputs against them with Ajv). Keys are stable identifiers, never
 * labels that change with `--lang`; message strings (`reasons`, problem messages) are values.
 */
import { KeyDate, Requirement } from '@liujin/core';
import { z } from 'zod';

const Files = z.array(z.string()).describe('files written, relative to the output folder, in the order written');
const WrittenFile = z.object({ path: z.string().describe('relative to the output folder'), bytes: z.number().int().nonnegative() }).strict();

/** A requirement whose coverage target is missed (the notice's targets, e.g. 三（三） schools 100%). */
const TargetMissed = z
  .object({
    requirementId: z.string(),
    share: z.number().nullable().describe('coverage 0-1: met / (met + not-met); null when nothing is due'),
    target: z.number().describe('target coverage 0-1'),
  })
  .strict();

/** The audit's verdict: why the exit code is 1, as identifiers and as messages. */
const Verdict = z
  .object({
    exitCode: z.union([z.literal(0), z.literal(1)]).describe('1 when a target is missed or coverage is under --fail-under'),
    targetsMissed: z.array(TargetMissed),
    overallShare: z.number().nullable().describe('share of the work already due that is done, 0-1 (what --fail-under reads); null when nothing is due'),
    reasons: z.array(z.string()).describe('the same reasons as messages, in the --lang language'),
  })
  .strict();

const Problem = z
  .object({
    code: z.string().describe('stable problem code, e.g. unknown_town'),
    severity: z.enum(['error', 'warning']),
    path: z.array(z.union([z.string(), z.number()])),
    message: z.object({ zh: z.string(), en: z.string() }),
    file: z.string().optional(),
    row: z.number().int().optional(),
    column: z.string().optional(),
  })
  .describe('a problem with the input; more fields may be added');

/** `--json` output schema of each command, by command name. */
export const CLI_JSON_OUTPUT = {
  plan: z
    .object({
      year: z.number().int(),
      out: z.string().describe('the output folder'),
      files: z
        .object({
          plan: Files.describe('key dates and the plan (JSON and Markdown)'),
          calendars: Files,
          templates: Files,
          audit: Files.describe('empty when no activities were given'),
          worklists: Files.describe('the work lists as of 1 January (worklists/); empty when no activities were given'),
        })
        .strict(),
      audit: Verdict.nullable().describe('null when the audit was skipped (no --activities)'),
    })
    .strict(),
  dates: z
    .object({
      year: z.number().int(),
      region: z.string().describe('the region profile id (--region, or the id of --region-file)'),
      timeZone: z.string().describe("the region's IANA time zone"),
      keyDates: z.array(KeyDate).describe("the year's key dates in date order"),
      publicHolidays: z
        .object({
          source: z.enum(['official', 'user', 'provisional', 'weekends-only']).describe('State Council data, a --holidays file, the statutory days (provisional), or none'),
          provisional: z.boolean(),
          days: z.array(z.object({ date: z.string(), name: z.object({ zh: z.string(), en: z.string() }).strict(), provisional: z.boolean() }).strict()),
          makeUpWorkdays: z.array(z.string()).describe('weekend days that are working days (调休); empty for a provisional year, which cannot know them'),
          warnings: z.array(z.object({ zh: z.string(), en: z.string() }).strict()),
        })
        .strict()
        .describe("the year's public holidays (docs/key-dates.md)"),
    })
    .strict(),
  catalog: z.array(Requirement).describe('the requirements, filtered by --sector'),
  calendar: z.array(WrittenFile),
  templates: z
    .object({
      files: z.array(WrittenFile),
      substitutions: z
        .array(z.object({ unitId: z.string().optional(), unitName: z.string().optional(), field: z.string(), character: z.string(), codePoint: z.string().describe('e.g. U+20000') }).strict())
        .describe('characters no bundled font has, printed as 〓 (templates --strict exits 1 when there are any)'),
    })
    .strict(),
  export: z
    .union([z.array(z.object({ name: z.string(), description: z.string() }).strict()).describe('without a name: the installed exporters'), z.array(WrittenFile).describe('with a name: the files written')]),
  audit: Verdict.extend({ files: Files }).strict(),
  worklist: z
    .object({
      year: z.number().int(),
      asOf: z.string().describe('the date the lists are as of (YYYY-MM-DD)'),
      out: z.string().describe('the output folder'),
      files: Files,
      lists: z
        .array(
          z
            .object({
              scope: z.enum(['town', 'unit', 'district-level']),
              id: z.string().describe('town id, unit id, or district-level'),
              name: z.string(),
              units: z.number().int().describe('units the list covers'),
              overdue: z.number().int().describe('items overdue'),
              dueSoon: z.number().int().describe('items due within --soon-days'),
              dueLater: z.number().int().describe('items due within --horizon-days'),
              laterThisYear: z.number().int().describe('items due after that'),
              recent: z.number().int().describe('rows of work done within --recent-days'),
            })
            .strict(),
        )
        .describe('one entry per list written (worklists/worklists.json holds the items)'),
    })
    .strict(),
  init: z.array(z.string()).describe('the files written, with the folder'),
  validate: z
    .object({
      ok: z.boolean(),
      exitCode: z.literal(2).optional().describe('present when a file has problems'),
      counts: z.object({ units: z.number().int().optional(), activities: z.number().int().optional(), waivers: z.number().int().optional(), holidayYears: z.number().int().optional() }).strict().optional().describe('present when ok'),
      problems: z.array(Problem),
    })
    .strict(),
} as const;

/** A command that prints JSON with `--json`. */
export type JsonCommand = keyof typeof CLI_JSON_OUTPUT;

/** The JSON Schema (draft 2020-12) of a command's `--json` output. */
export function cliJsonSchema(command: JsonCommand): Record<string, unknown> {
  const schema = z.toJSONSchema(CLI_JSON_OUTPUT[command], { io: 'output', unrepresentable: 'any' }) as Record<string, unknown>;
  return { title: `liujin ${command} --json`, ...schema };
}
