/**
 * Renders docs/cli.md from the command definitions, so the reference cannot drift from the code
 * (a test compares the file with this output).
 */
import { CLI_JSON_OUTPUT } from './json-output';
import { buildProgram, COMMANDS, loadChoices } from './program';

export async function renderCliReference(version: string): Promise<string> {
  const program = buildProgram(version, () => {}, { lang: 'zh', helpWidth: 100, choices: await loadChoices() });
  const parts = [
    '# CLI reference',
    '',
    '<!-- Generated from apps/demo/src/program.ts by `npm run docs -w @liujin/demo`; a test keeps it in step. -->',
    '',
    'Install and build once (`npm ci && npm run build`), then run `npx liujin <command>` (or `node apps/demo/bin/liujin.js`).',
    '',
    '## Exit codes',
    '',
    '| code | meaning |',
    '|---|---|',
    '| 0 | success |',
    '| 1 | a coverage target or `--fail-under` was not met (`audit`); with `--strict`, a character no font has was printed as 〓 (`templates`) |',
    '| 2 | bad input: a file, row and column is named for every problem |',
    '| 3 | internal error (set `LIUJIN_DEBUG=1` for the stack) |',
    '',
    '## Environment',
    '',
    '- `--lang` defaults from `LC_ALL`, `LC_MESSAGES` or `LANG` (English for `en*`, else Chinese).',
    '- `NO_COLOR` (or output that is not a terminal) turns colours off; progress bars show only on a terminal outside CI.',
    '- `SOURCE_DATE_EPOCH` fixes the timestamp written into generated files (same input, same bytes). Like `--now`, it must name an instant in the years 2001-2100 (the years `--year` accepts); anything else is exit 2.',
    '- `LIUJIN_FONT_DIR` points `templates` at a directory of the three font faces (docs/templates.md "Fonts").',
    '- A closed pipe (`liujin plan | head -1`) ends the run quietly.',
    '',
    '## Output folders (`--out`)',
    '',
    '`plan`, `calendar`, `templates`, `audit` and `serve` write into `--out` the same way (docs/security.md, "Output folders"):',
    '',
    '- liujin lists every file it writes there in `.liujin-manifest.json` (path, the command that wrote it, size, SHA-256). It replaces or removes only files listed there: a unit removed from the registry loses its feed and its PDF on the next run; your own files, and the input files, are never changed or removed.',
    '- A folder that holds other files is written into beside them. A file of yours at a name liujin would write is not overwritten: the run stops with exit 2 naming it.',
    '- Each run writes its whole set into a staging folder `.liujin-stage-<random>` inside `--out` and then switches it in. A run killed half-way leaves the previous set.',
    '- The folders liujin claims whole (`audit/`, `calendars/`, `worklists/`, `oscal/`) are symbolic links to a complete set: `ls -la out` shows `audit -> .liujin-sets/audit.<random>`. A run writes its new set there in full, then replaces the link in one step and removes the previous set; so `out/audit/` holds the files of exactly one run at every instant, even when a run is killed (`kill -9`, a power cut) at any point. Open, serve and link to `out/audit/audit.json` as before. The other files (`plan.md`, ...) are switched through a commit record: a run killed during that switch is finished by the next run writing there.',
    '- To copy the reports as plain files, follow the links: `cp -rL out/audit dest/`, `tar -ch`, or `zip -r` (which follows links unless given `-y`). Plain `cp -r out` or `tar -c out` keep `audit` a link, which works only beside its `.liujin-sets/`.',
    '- Where the file system has no symbolic links (Windows without developer mode, some network or FUSE mounts), and for an `audit/` folder an older liujin wrote that holds a file of yours, the folder stays a real folder and is switched file by file through the commit record: a run killed during those few milliseconds of renames leaves files of both runs visible (each one whole) until the next run writing there finishes the switch. Your files there are kept.',
    '- A file you put into a linked folder (say `out/audit/notes.txt`) is never removed: the next run leaves that whole previous set where it is (`.liujin-sets/audit.<random>/`, no longer treated as liujin\'s), says so in a warning, and links `audit` to its new set.',
    '- `--out` that is a file, lies below a file, is too long for the file system, or would overwrite an input (say `--previous out/audit/audit.json --out out`) is exit 2. Links inside the folder other than liujin\'s own set links are never written through nor replaced (exit 2).',
    '- Feeds and PDFs are named by unit id alone; ids that differ only by case, Windows device names (CON, NUL, COM1...) and overlong ids get a name with a short hash. `calendars/index.json` and `templates/<kind>/index.json` list which file holds which unit.',
    '',
    '## Errors under `--json`',
    '',
    'With `--json`, stdout always carries one JSON answer, errors included. An error (exit 2 or 3) is:',
    '',
    '```json',
    '{ "ok": false, "exitCode": 2, "error": "输入有误", "problems": [{ "code": "invalid_option", "severity": "error", "path": ["--now"], "message": { "zh": "…", "en": "…" }, "file": "…", "row": 3, "column": "…" }], "more": 0 }',
    '```',
    '',
    '`problems` are the objects `validate --json` lists (`file`, `row`, `column` when known); at most 1,000 are listed and `more` counts the rest. `validate --json` answers `{ "ok": false, "exitCode": 2, "problems": [...] }` for files with problems and `{ "ok": true, "counts": {...}, "problems": [...] }` otherwise.',
    '',
    '## JSON output',
    '',
    'With `--json` a command prints one JSON value on stdout, in one documented shape per command (JSON Schema, generated from `apps/demo/src/json-output.ts`; a test checks real outputs against them). Keys are stable identifiers that never change with `--lang`; only message strings (`reasons`, problem messages) follow it. `serve` is a long-running server and prints no JSON.',
    '',
    ...Object.keys(CLI_JSON_OUTPUT).map((command) => `- \`${command}\`: [schemas/cli/${command}.schema.json](schemas/cli/${command}.schema.json)`),
    '',
    '## liujin',
    '',
    '```text',
    program.helpInformation().trimEnd(),
    '```',
  ];
  for (const spec of COMMANDS) {
    const command = program.commands.find((c) => c.name() === spec.name)!;
    parts.push('', `## liujin ${spec.name}`, '', `${spec.summary.zh}. ${spec.summary.en}.`, '', '```text', command.helpInformation().trimEnd(), '```', '', 'Examples:', '', '```sh', ...spec.examples, '```');
  }
  return `${parts.join('\n')}\n`;
}
