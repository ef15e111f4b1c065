/**
 * The command definitions: names, options, help and examples. Kept free of heavy imports so
 * `liujin --help` starts fast; each action loads its command module only when it runs.
 * docs/cli.md is generated from these definitions (and a test keeps it in step).
 */
import { Command, Option } from 'commander';
import { bilingual } from './option-help';
import { localizeUsageError } from './usage-errors';
import { defaultLang, writeErr, writeOut, type GlobalOptions } from './runtime';

type Action = (options: Record<string, unknown>, global: GlobalOptions) => Promise<number>;

export interface CommandSpec {
  name: string;
  summary: { zh: string; en: string };
  options: Option[];
  /** A positional argument, e.g. `[name]`; its value reaches the action as `options.argument`. */
  argument?: { name: string; description: string };
  examples: string[];
  load: () => Promise<Action>;
  /**
   * Allowed values of options, by option name, read from the packages that own them (the CLI
   * declares no list of its own). Loaded only for the command that runs or shows its help, so
   * `liujin --help` stays fast.
   */
  choices?: () => Promise<Readonly<Record<string, readonly string[]>>>;
}

const yearOption = () => new Option('--year <year>', 'year to plan or audit (default: the current year in Asia/Shanghai)');
const regionOption = () => new Option('--region <id>', 'region profile for key dates: shanghai, beijing, jiangsu, ...').default('shanghai');
/** For commands that read a registry: its district's region unless `--region` says otherwise. */
const registryRegionOption = () => new Option('--region <id>', "region profile for key dates (default: the registry district's region, shanghai for the sample)");
/** For commands that compute dates (issue 19; formats in docs/key-dates.md). */
const dateOptions = () => [
  new Option('--holidays <file>', 'official holidays and make-up workdays for years the bundled data lacks (a HolidayYear JSON or an array of them)'),
  new Option('--region-file <file>', 'a region profile (.json: siren rule, phases, time zone, per-year overrides) instead of --region'),
];
/** For commands that read a registry: its own district and towns (issue 19; docs/input-formats.md). */
const townsOption = () => new Option('--towns <file>', "the registry's district and towns (.csv, .xlsx, .json: id, name, type, district code, town code); default: Qingpu's 11 towns");
/** An office's settings spreadsheet (issue 20; docs/settings.md), applied on top of --tailoring. */
const settingsOption = () => new Option('--settings <file>', 'the settings spreadsheet liujin init writes (.xlsx or .csv): deadlines, thresholds, reminders, optional asks dropped; applied on top of --tailoring');
const outOption = () => new Option('--out <dir>', 'output folder').default('out');
const registryOption = () => new Option('--registry <file>', 'registry of units (.json, .jsonl, .csv, .xlsx); default: the synthetic sample district');
const sheetOption = () => new Option('--sheet <name>', 'worksheet to read in .xlsx inputs (default: the first visible one; hidden sheets are never read)');
const nowOption = () => new Option('--now <iso>', 'timestamp written into generated files (default: SOURCE_DATE_EPOCH, else the current time)');

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'plan',
    summary: { zh: '一次生成全年全部成果：关键日期、工作计划、日历、预案模板、审计', en: 'Everything for a year: key dates, plan, calendars, templates, audit' },
    options: [yearOption(), registryOption(), townsOption(), new Option('--activities <file>', 'activity records (.json, .jsonl, .csv, .xlsx); default: the sample log with the sample district'), registryRegionOption(), ...dateOptions(), new Option('--catalog <name|file>', 'catalog: a shipped one by name (qingpu-2024, songjiang-example) or a file (.json)'), new Option('--tailoring <file>', 'tailoring of the catalog (.json)'), settingsOption(), new Option('--as-of <date>', 'audit as of this date (YYYY-MM-DD)'), sheetOption(), outOption(), nowOption()],
    examples: ['liujin plan', 'liujin plan --year 2026 --registry registry.xlsx --activities activities.csv --out out', 'liujin plan --year 2026 --registry registry.xlsx --activities activities.xlsx --settings 参数设置.xlsx --out out'],
    load: async () => (await import('./commands/plan')).runPlan,
  },
  {
    name: 'dates',
    summary: { zh: '列出某年的关键日期', en: "List a year's key dates" },
    options: [yearOption(), regionOption(), ...dateOptions()],
    examples: ['liujin dates --year 2026', 'liujin dates --year 2026 --json', 'liujin dates --year 2027 --region beijing --lang en'],
    load: async () => (await import('./commands/dates')).runDates,
  },
  {
    name: 'catalog',
    summary: { zh: '列出通知要求（要求目录）', en: "List the notice's requirements (the catalog)" },
    options: [new Option('--sector <sector>', 'only this sector'), new Option('--catalog <name|file>', 'catalog: a shipped one by name (qingpu-2024, songjiang-example) or a file (.json)'), new Option('--tailoring <file>', 'tailoring of the catalog (.json)'), settingsOption()],
    examples: ['liujin catalog', 'liujin catalog --sector school --json'],
    load: async () => (await import('./commands/catalog')).runCatalog,
    choices: async () => ({ sector: (await import('@liujin/core/plugin')).REQUIREMENT_SECTORS }),
  },
  {
    name: 'calendar',
    summary: { zh: '生成 iCalendar 日历订阅文件', en: 'Write iCalendar feeds' },
    options: [
      yearOption(),
      new Option('--years <range>', 'several years, e.g. 2025-2027'),
      registryOption(), townsOption(),
      registryRegionOption(), ...dateOptions(),
      new Option('--catalog <name|file>', 'catalog: a shipped one by name (qingpu-2024, songjiang-example) or a file (.json)'),
      new Option('--tailoring <file>', 'tailoring of the catalog (.json)'), settingsOption(),
      new Option('--waivers <file>', 'waivers (.json, .jsonl, .csv): waived work leaves the feeds'),
      new Option('--alarms <list>', 'reminders before deadlines, e.g. 7d,1d (empty for none); moved off days off; default: the settings, else 7d,1d'),
      new Option('--year-reminder <MM-DD>', 'reminder day of the year-long tasks (default: the settings, else 10-01; moved to the next working day)'),
      new Option('--previous <dir>', 'folder of the last published feeds: SEQUENCE rises for the events that changed'),
      new Option('--uid-domain <domain>', 'domain of every UID (give each district its own; default liujin.local)'),
      sheetOption(),
      outOption(),
      nowOption(),
    ],
    examples: ['liujin calendar --year 2026', 'liujin calendar --years 2025-2027 --registry registry.csv --alarms 3d --out out', 'liujin calendar --year 2027 --registry registry.xlsx --tailoring tailoring.json --previous out --uid-domain qingpu.example.gov.cn --out out'],
    load: async () => (await import('./commands/calendar')).runCalendar,
  },


  {
    name: 'templates',
    summary: { zh: '生成疏散方案 PDF 模板（空白或预填）', en: 'Write evacuation-plan PDF templates (blank or pre-filled)' },
    options: [new Option('--kind <kind>', 'template kind').makeOptionMandatory(), new Option('--blank', 'a blank template to fill in'), registryOption(), townsOption(), new Option('--unit <id>', 'pre-fill for one unit'), new Option('--all', 'pre-fill for every unit of the kind'), new Option('--strict', 'exit 1 when a character had to be printed as 〓 (no bundled font has it)'), yearOption(), registryRegionOption(), ...dateOptions(), sheetOption(), outOption(), nowOption()],
    examples: ['liujin templates --kind school --blank', 'liujin templates --kind community --registry registry.xlsx --all --year 2026'],
    load: async () => (await import('./commands/templates')).runTemplates,
    choices: async () => ({ kind: (await import('@liujin/pdf')).TEMPLATE_KINDS }),
  },
  {
    name: 'audit',
    summary: { zh: '覆盖率审计：谁完成了、谁没有、先催什么', en: 'Coverage audit: who has done what, who has not, what to chase first' },
    options: [yearOption(), registryOption(), townsOption(), new Option('--activities <file>', 'activity records (.json, .jsonl, .csv, .xlsx)'), new Option('--as-of <date>', 'judge as of this date (YYYY-MM-DD; default: today, or 31 December for a past year)'), new Option('--waivers <file>', 'waivers (.json, .jsonl, .csv, .xlsx)'), new Option('--previous <file>', "last year's audit.json, for the change"), new Option('--catalog <name|file>', 'catalog: a shipped one by name (qingpu-2024, songjiang-example) or a file (.json)'), new Option('--tailoring <file>', 'tailoring of the catalog (.json)'), settingsOption(), new Option('--format <list>', 'report formats, comma-separated; default: all'), new Option('--fail-under <percent>', 'exit 1 when the share of the work already due that is done is under this percentage (pending work does not count)'), new Option('--large-audit <units>', 'from this many units on, write the unit detail once, to units.jsonl (audit.csv without json) (default 100000: default, adjustable)'), new Option('--threads <n>', 'worker threads for JSON Lines inputs: parsing a large activity log, judging units (default: one per core from 4 cores on, else 1; 1: this thread only; the reports are the same)'), registryRegionOption(), ...dateOptions(), sheetOption(), outOption(), nowOption()],
    examples: ['liujin audit --year 2026', 'liujin audit --year 2026 --registry registry.xlsx --activities activities.csv --as-of 2026-06-30 --fail-under 90'],
    load: async () => (await import('./commands/audit')).runAuditCommand,
    choices: async () => ({ format: (await import('@liujin/audit')).AuditFormat.options }),
  },
  {
    name: 'worklist',
    summary: { zh: '街镇与单位工作清单：逾期、30/90 天内到期、近期已完成', en: 'Work lists per town and unit: overdue, due in 30/90 days, done recently' },
    options: [
      yearOption(),
      new Option('--as-of <date>', 'as of this date (YYYY-MM-DD; default: today, or 31 December for a past year)'),
      new Option('--town <town>', "only this town's list (a town id or name of the registry)"),
      new Option('--unit <id>', "only this unit's list (a unit id of the registry)"),
      registryOption(),
      townsOption(),
      new Option('--activities <file>', 'activity records (.json, .jsonl, .csv, .xlsx)'),
      new Option('--waivers <file>', 'waivers (.json, .jsonl, .csv, .xlsx)'),
      new Option('--catalog <name|file>', 'catalog: a shipped one by name (qingpu-2024, songjiang-example) or a file (.json)'),
      new Option('--tailoring <file>', 'tailoring of the catalog (.json)'), settingsOption(),
      new Option('--format <list>', 'formats, comma-separated; default: all'),
      new Option('--soon-days <days>', 'the first window: due within this many days (default 30, adjustable)'),
      new Option('--horizon-days <days>', 'the second window: due within this many days (default 90, adjustable)'),
      new Option('--recent-days <days>', 'done within this many days up to the as-of date (default 30, adjustable)'),
      registryRegionOption(),
      ...dateOptions(),
      sheetOption(),
      outOption(),
      nowOption(),
    ],
    examples: ['liujin worklist --year 2026 --as-of 2026-06-30', 'liujin worklist --year 2026 --as-of 2026-06-30 --town zhujiajiao --registry registry.xlsx --activities activities.csv --out out'],
    load: async () => (await import('./commands/worklist')).runWorklist,
    choices: async () => ({ format: (await import('@liujin/audit')).WorklistFormat.options }),
  },
  {
    name: 'export',
    summary: { zh: '用任一已安装的导出器生成成果；不带名称时列出已安装的导出器', en: 'Write what any installed exporter writes; without a name, list the installed exporters' },
    argument: { name: '[name]', description: 'exporter name (audit, calendar, oscal, templates, worklists) or a package that provides liujinExporter; JSON Lines inputs are read as streams by an exporter that can (audit)' },
    options: [new Option('--options <json>', "the exporter's options as JSON, e.g. '{\"formats\":[\"json\"]}'"), yearOption(), registryOption(), new Option('--activities <file>', 'activity records (.json, .jsonl, .csv, .xlsx); default: the sample log with the sample district'), new Option('--waivers <file>', 'waivers (.json, .jsonl, .csv)'), new Option('--previous <file>', "last year's audit.json, for the change"), new Option('--catalog <name|file>', 'catalog: a shipped one by name (qingpu-2024, songjiang-example) or a file (.json)'), new Option('--tailoring <file>', 'tailoring of the catalog (.json)'), settingsOption(), new Option('--as-of <date>', 'judge as of this date (YYYY-MM-DD; default: today, or 31 December for a past year)'), townsOption(), new Option('--threads <n>', 'worker threads for JSON Lines inputs: parsing a large activity log, judging units (default: one per core from 4 cores on, else 1; 1: this thread only; the reports are the same)'), registryRegionOption(), ...dateOptions(), sheetOption(), outOption(), nowOption()],
    examples: ['liujin export', 'liujin export calendar --year 2026 --registry registry.csv', 'liujin export audit --options \'{"formats":["json","md"]}\'', 'liujin export audit --year 2026 --registry city.jsonl --activities city-activities.jsonl --out out', 'liujin export worklists --options \'{"town":"zhujiajiao","formats":["xlsx"]}\''],
    load: async () => (await import('./commands/export')).runExport,
  },
  {
    name: 'init',
    summary: { zh: '写出可填写的输入文件样例（登记表、活动记录、参数设置表、裁剪文件）', en: 'Write starter input files to fill in (registry, activities, settings spreadsheet, tailoring)' },
    options: [new Option('--dir <dir>', 'folder to write into').default('liujin-input'), new Option('--out <dir>', 'the same as --dir (the name the other commands use)').conflicts('dir'), new Option('--force', 'overwrite existing files'), new Option('--district <code>', "a district's towns from the division table (six-digit code, e.g. 310117 Songjiang): towns.csv, and the example rows placed in them")],
    examples: ['liujin init', 'liujin init --out ../my-district', 'liujin init --district 310117 --out songjiang'],
    load: async () => (await import('./commands/init')).runInit,
  },
  {
    name: 'validate',
    summary: { zh: '检查输入文件，列出全部问题（文件、行、列）', en: 'Check input files and list every problem (file, row, column)' },
    options: [...dateOptions(), new Option('--registry <file>', 'registry of units').makeOptionMandatory(), townsOption(), new Option('--activities <file>', 'activity records'), new Option('--waivers <file>', 'waivers'), new Option('--catalog <name|file>', 'catalog: a shipped one by name (qingpu-2024, songjiang-example) or a file (.json)'), new Option('--tailoring <file>', 'tailoring of the catalog (.json)'), settingsOption(), yearOption(), sheetOption()],
    examples: ['liujin validate --registry registry.xlsx --activities activities.csv'],
    load: async () => (await import('./commands/validate')).runValidate,
  },
  {
    name: 'serve',
    summary: { zh: '通过 HTTP 发布日历订阅与最新审计报告，输入变化时自动重新生成', en: 'Publish calendar feeds and the latest audit over HTTP, regenerating when inputs change' },
    options: [new Option('--port <port>', 'port').default('8787'), new Option('--host <host>', 'address to bind (loopback by default)').default('127.0.0.1'), yearOption(), registryOption(), townsOption(), new Option('--activities <file>', 'activity records'), registryRegionOption(), ...dateOptions(), new Option('--catalog <name|file>', 'catalog: a shipped one by name (qingpu-2024, songjiang-example) or a file (.json)'), new Option('--tailoring <file>', 'tailoring of the catalog (.json)'), settingsOption(), new Option('--waivers <file>', 'waivers (.json, .jsonl, .csv)'), new Option('--out <dir>', 'folder to generate into and serve').default('out/serve')],
    examples: ['liujin serve', 'liujin serve --registry registry.csv --activities activities.csv --port 8080'],
    load: async () => (await import('./commands/serve')).runServe,
  },
];

/** The allowed option values of the named commands (all when `names` is omitted), from the packages. */
export async function loadChoices(names?: readonly string[]): Promise<Record<string, Readonly<Record<string, readonly string[]>>>> {
  const specs = COMMANDS.filter((c) => c.choices && (names === undefined || names.includes(c.name)));
  return Object.fromEntries(await Promise.all(specs.map(async (c) => [c.name, await c.choices!()] as const)));
}

/**
 * Builds the commander program; `onResult` receives each action's exit code. `choices` (from
 * `loadChoices`) restricts the options of the commands it names.
 */
export function buildProgram(version: string, onResult: (code: number) => void, settings: { lang?: 'zh' | 'en'; helpWidth?: number; choices?: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> } = {}): Command {
  const program = new Command('liujin')
    .description('liujin (六进): 国防动员宣传教育“六进”工作的规则、计划、日历、预案模板与覆盖率审计\nrules, plans, calendars, plan templates and coverage audits for "six into" civil-defence publicity')
    .version(version, '-V, --version')
    .addOption(new Option('--lang <lang>', 'language of messages and outputs').choices(['zh', 'en']).default(settings.lang ?? defaultLang()))
    .option('--json', 'machine-readable output on stdout')
    .option('-q, --quiet', 'print only errors')
    .showHelpAfterError()
    // Commander echoes what was typed (an unknown option, a bad value): controls shown escaped there too.
    .configureOutput({ writeOut: (text) => writeOut(text), writeErr: (text) => writeErr(text), outputError: (text, write) => write(localizeUsageError(text, program.opts<{ lang?: 'zh' | 'en' }>().lang ?? settings.lang ?? defaultLang())) })
    .configureHelp(settings.helpWidth ? { helpWidth: settings.helpWidth } : {})
    .exitOverride()
    .addHelpText('after', '\nExit codes: 0 ok, 1 a target not met, 2 bad input, 3 internal error.\nDocs: docs/cli.md');
  program.helpOption('-h, --help', bilingual('display help for command'));
  program.helpCommand('help [command]', bilingual('display help for command'));
  for (const spec of COMMANDS) {
    const command = program
      .command(spec.name)
      .description(`${spec.summary.zh}\n${spec.summary.en}`)
      .configureHelp(settings.helpWidth ? { helpWidth: settings.helpWidth } : {})
      .exitOverride();
    command.helpOption('-h, --help', bilingual('display help for command'));
    const allowed = settings.choices?.[spec.name] ?? {};
    if (spec.argument) command.argument(spec.argument.name, spec.argument.description);
    for (const shared of spec.options) {
      // A copy per program: COMMANDS is built once per process, and the help below rewrites each
      // option's description (a second program built in the same process, as the CLI host of the
      // tests or an embedding program does, lost the Chinese help of list options).
      const option = Object.assign(Object.create(Object.getPrototypeOf(shared) as object) as Option, shared);
      const values = allowed[option.attributeName()];
      // A comma-separated list is checked by its command; its help names the values.
      if (values && option.flags.endsWith('<list>')) option.description = `${option.description} (one or more of: ${values.join(', ')})`;
      else if (values) option.choices(values);
      command.addOption(option);
    }
    command.addHelpText('after', `\nExamples:\n${spec.examples.map((e) => `  $ ${e}`).join('\n')}`);
    command.action(async (...args: unknown[]) => {
      const options = { ...(args[spec.argument ? 1 : 0] as Record<string, unknown>), ...(spec.argument && args[0] !== undefined ? { argument: args[0] } : {}) };
      const globals = program.opts<{ lang: 'zh' | 'en'; json?: boolean; quiet?: boolean }>();
      const action = await spec.load();
      onResult(await action(options, { lang: globals.lang, json: Boolean(globals.json), quiet: Boolean(globals.quiet) }));
    });
  }
  // Option help in both languages, like the command descriptions (option-help.ts).
  for (const command of [program, ...program.commands]) for (const option of command.options) option.description = bilingual(option.description);
  return program;
}
