import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { planYear, problem, type Catalog, type Problem, type RegionProfile, type Registry, type Waiver, type WorkdayCalendar } from '@liujin/core';
import { readInputFile, unreadableFile } from '../files';
import { withOutputSet, type OutputSet, type WrittenArtefact } from '../output/index';
import { loadCatalog, loadRegistry, loadWaivers } from '../inputs';
import { EXIT, InputError, type GlobalOptions, type Output } from '../runtime';
import { dateContextFor } from './date-context';
import { outputFor, parseNow, parseYears } from './common';

export interface CalendarRun {
  catalog: Catalog;
  registry: Registry;
  years: number[];
  region: string | RegionProfile;
  /** Working days (`--holidays`); default: the bundled data. */
  workdays?: WorkdayCalendar;
  /** `--alarms`; default: the catalog's settings, else 7d,1d. */
  alarms?: string | undefined;
  includeUnits: boolean;
  sink: OutputSet;
  now: Date;
  waivers?: readonly Waiver[];
  /** Texts of the feeds published last time (`--previous`), for SEQUENCE. */
  previous?: readonly string[];
  uidDomain?: string;
  yearReminder?: string;
}

function invalidOption(option: string, zh: string, en: string): Problem {
  return problem('invalid_option', { zh: `${option}：${zh}`, en: `${option}: ${en}` }, { path: [option] });
}

function invalid(option: string, zh: string, en: string): InputError {
  return new InputError([invalidOption(option, zh, en)]);
}

/** The calendar's own options, every problem at once (exit 2): `--alarms` values that cannot be read (`abc`, `-1d`), `--uid-domain`, `--year-reminder`. */
export async function checkCalendarOptions(options: Record<string, unknown>): Promise<{ alarms?: string; uidDomain?: string; yearReminder?: string }> {
  const { CalendarOptions, parseAlarms } = await import('@liujin/calendar');
  const problems: Problem[] = [];
  const alarms = options.alarms === undefined ? undefined : String(options.alarms);
  const { invalid: bad } = parseAlarms(alarms ?? '');
  if (bad.length > 0) {
    problems.push(
      invalidOption('--alarms', `无法识别${bad.map((b) => `「${b}」`).join('、')}：提醒写作 天数d、小时数h 或 分钟数m，如 7d,1d,12h（不可为负）`, `cannot read ${bad.map((b) => `"${b}"`).join(', ')}: write reminders as days, hours or minutes before, e.g. 7d,1d,12h (never negative)`),
    );
  }
  const uidDomain = options.uidDomain === undefined ? undefined : String(options.uidDomain);
  if (uidDomain !== undefined && !CalendarOptions.shape.uidDomain.safeParse(uidDomain).success) {
    problems.push(invalidOption('--uid-domain', `「${uidDomain}」不是域名：小写字母、数字、连字符和点，如 qingpu.example.gov.cn`, `"${uidDomain}" is not a domain name: lower-case letters, digits, hyphens and dots, e.g. qingpu.example.gov.cn`));
  }
  const yearReminder = options.yearReminder === undefined ? undefined : String(options.yearReminder);
  if (yearReminder !== undefined && !CalendarOptions.shape.yearReminder.safeParse(yearReminder).success) {
    problems.push(invalidOption('--year-reminder', `「${yearReminder}」应为 月-日，如 10-01`, `"${yearReminder}": expected MM-DD, e.g. 10-01`));
  }
  if (problems.length > 0) throw new InputError(problems);
  return { ...(alarms !== undefined ? { alarms } : {}), ...(uidDomain !== undefined ? { uidDomain } : {}), ...(yearReminder !== undefined ? { yearReminder } : {}) };
}

/** The .ics files of a previous output folder (`--previous DIR`), read before anything is written. */
async function readPrevious(dir: string): Promise<string[]> {
  let entries: string[];
  try {
    if (!(await stat(dir)).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
    entries = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.ics')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') throw invalid('--previous', `应为上次输出的文件夹：${dir}`, `expected the folder of the last published feeds: ${dir}`);
    throw unreadableFile(dir, error);
  }
  const decoder = new TextDecoder();
  return Promise.all(entries.map(async (f) => decoder.decode(await readInputFile(join(dir, f)))));
}

/** Plans each year and writes the feeds; shared by `calendar`, `plan` and `serve`. */
export async function writeCalendars(run: CalendarRun, out: Output): Promise<WrittenArtefact[]> {
  const { createCalendarExporter, readSequenceState } = await import('@liujin/calendar');
  const plans = run.years.map((year) => planYear({ catalog: run.catalog, registry: run.registry, year, region: run.region, ...(run.workdays ? { workdays: run.workdays } : {}) }));
  const exporter = createCalendarExporter({
    lang: out.lang,
    // Feeds are independent: large districts render on every core.
    concurrency: Math.max(1, Math.min(availableParallelism(), 8)),
    ...(run.alarms !== undefined ? { alarms: run.alarms } : {}),
    feeds: run.includeUnits ? ['district', 'towns', 'sectors', 'units'] : ['district', 'towns', 'sectors'],
    index: true,
    ...(run.previous ? { previous: readSequenceState(run.previous) } : {}),
    ...(run.uidDomain ? { uidDomain: run.uidDomain } : {}),
    ...(run.yearReminder ? { yearReminder: run.yearReminder } : {}),
  });
  const progress = out.progress(out.lang === 'zh' ? '日历' : 'calendars', run.registry.units.length + 20);
  const input = { plans, registry: run.registry, catalog: run.catalog, now: run.now, ...(run.waivers ? { waivers: run.waivers } : {}), ...(run.workdays ? { workdays: run.workdays } : {}) };
  // The feeds and their index are one set: a feed of an earlier run never stays beside them.
  run.sink.claimFolder('calendars');
  const written = await run.sink.write(exporter.export(input), () => progress.tick());
  progress.done();
  return written;
}

export async function runCalendar(options: Record<string, unknown>, global: GlobalOptions): Promise<number> {
  const out = outputFor(global);
  const now = parseNow(options.now);
  const years = parseYears(options.years, options.year, now);
  const { alarms, uidDomain, yearReminder } = await checkCalendarOptions(options);
  const registryFile = options.registry as string | undefined;
  const [catalog, registry] = await Promise.all([loadCatalog(options.catalog as string | undefined, options.tailoring as string | undefined, out, options.settings as string | undefined), loadRegistry(registryFile, out, { sheet: options.sheet as string | undefined, towns: options.towns as string | undefined })]);
  // Waivers name requirements: checked against the catalog they apply to.
  const waivers = await loadWaivers(options.waivers as string | undefined, out, { catalog, sheet: options.sheet as string | undefined });
  const { region, workdays } = await dateContextFor(options, registry);
  const previous = options.previous === undefined ? undefined : await readPrevious(String(options.previous));
  const inputs = [registryFile, options.catalog, options.tailoring, options.settings, options.waivers, options.towns, options.holidays, options['regionFile']] as (string | undefined)[];
  const written = await withOutputSet({ outDir: String(options.out), set: 'calendar', inputs }, out, (sink) =>
    writeCalendars(
      { catalog, registry, years, region, workdays, alarms, includeUnits: registryFile !== undefined, sink, now, waivers, ...(previous ? { previous } : {}), ...(uidDomain ? { uidDomain } : {}), ...(yearReminder ? { yearReminder } : {}) },
      out,
    ),
  );
  if (global.json) out.data(written.map((w) => ({ path: w.path, bytes: w.bytes })));
  else out.info(out.lang === 'zh' ? `已写出 ${written.length} 个文件到 ${options.out}/calendars（日历订阅与年历页）` : `wrote ${written.length} files to ${options.out}/calendars (feeds and year-at-a-glance pages)`);
  return EXIT.ok;
}
