/** `liujin calendar`: a shortcut over `liujin export calendar` (run-exporter.ts), with friendlier flags. */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { problem, type Problem } from '@liujin/core';
import { readInputFile, unreadableFile } from '../files';
import { EXIT, InputError, type GlobalOptions } from '../runtime';
import { builtinExporter, exportContext, exportToFolder } from './run-exporter';
import { outputFor, parseNow, parseYears } from './common';

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

/**
 * The .ics files of a previous output folder (`--previous DIR`), read before anything is written.
 * Hidden entries are skipped: `calendars` is a link into `.liujin-sets/`, which also holds sets
 * never published (a killed run's) or kept aside (docs/cli.md, "Output folders").
 */
async function readPrevious(dir: string): Promise<string[]> {
  let entries: string[];
  try {
    if (!(await stat(dir)).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
    entries = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.ics') && !f.split(/[\\/]/).some((segment) => segment.startsWith('.'))).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') throw invalid('--previous', `应为上次输出的文件夹：${dir}`, `expected the folder of the last published feeds: ${dir}`);
    throw unreadableFile(dir, error);
  }
  const decoder = new TextDecoder();
  return Promise.all(entries.map(async (f) => decoder.decode(await readInputFile(join(dir, f)))));
}

export async function runCalendar(options: Record<string, unknown>, global: GlobalOptions): Promise<number> {
  const out = outputFor(global);
  const now = parseNow(options.now);
  const years = parseYears(options.years, options.year, now);
  const { alarms, uidDomain, yearReminder } = await checkCalendarOptions(options);
  const { context, inputs } = await exportContext(options, out, { now, year: years[0]! });
  const previous = options.previous === undefined ? undefined : (await import('@liujin/calendar')).readSequenceState(await readPrevious(String(options.previous)));
  // The shortcut's flags as the exporter's options: `liujin export calendar --options '{...}'` writes the same.
  const calendarOptions = {
    alarms,
    ...(options.years !== undefined ? { years } : {}),
    // The sample district's units get no feeds of their own.
    ...(options.registry === undefined ? { feeds: ['district', 'towns', 'sectors'] } : {}),
    ...(previous ? { previous } : {}),
    ...(uidDomain ? { uidDomain } : {}),
    ...(yearReminder ? { yearReminder } : {}),
  };
  const written = await exportToFolder(
    {
      exporter: await builtinExporter('calendar'),
      context,
      options: calendarOptions,
      flags: { alarms: '--alarms', years: '--years', previous: '--previous', uidDomain: '--uid-domain', yearReminder: '--year-reminder' },
      progress: { label: { zh: '日历', en: 'calendars' }, total: context.registry.units.length + 20 },
      outDir: String(options.out),
      inputs,
    },
    out,
  );
  if (global.json) out.data(written.map((w) => ({ path: w.path, bytes: w.bytes })));
  else out.info(out.lang === 'zh' ? `已写出 ${written.length} 个文件到 ${options.out}/calendars（日历订阅与年历页）` : `wrote ${written.length} files to ${options.out}/calendars (feeds and year-at-a-glance pages)`);
  return EXIT.ok;
}
