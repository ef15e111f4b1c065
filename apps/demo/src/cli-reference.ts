/**
 * Renders docs/cli.md from the command definitions, so the reference cannot drift from the code
 * (a test compares the file with this output).
 */
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
    '- `SOURCE_DATE_EPOCH` fixes the timestamp written into generated files (same input, same bytes).',
    '- `LIUJIN_FONT_DIR` points `templates` at a directory of the three font faces (docs/templates.md "Fonts").',
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
