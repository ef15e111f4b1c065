import { keyDatesFor, listRegionProfiles, problem, type KeyDate, type Registry } from '@liujin/core';
import { InputError, EXIT, type GlobalOptions } from '../runtime';
import { outputFor, parseNow, parseYear } from './common';

/** Checks a region id against the built-in profiles, listing the valid ones. */
export function checkRegion(region: string): string {
  const known = listRegionProfiles().map((p) => p.id);
  if (!known.includes(region)) {
    throw new InputError([
      problem('unknown_region', { zh: `未知地区「${region}」，可用：${known.join('、')}`, en: `unknown region "${region}"; known: ${known.join(', ')}` }, { path: ['--region'] }),
    ]);
  }
  return region;
}

/** `--region` when given, else the registry's district region (issue 18: a Beijing registry plans with Beijing's siren test). */
export function regionFor(option: unknown, registry: Pick<Registry, 'district'>): string {
  return checkRegion(option === undefined ? registry.district.region : String(option));
}

function time(iso: string | undefined): string {
  return iso ? iso.slice(11, 16) : '';
}

export function formatKeyDates(dates: readonly KeyDate[], lang: 'zh' | 'en'): string[] {
  const lines: string[] = [];
  for (const d of dates) {
    const title = lang === 'zh' ? d.title : d.titleEn;
    const day = d.isWorkday ? '' : lang === 'zh' ? '（非工作日）' : ' (non-working day)';
    lines.push(`${d.date}  ${title}${day}`);
    for (const phase of d.phases ?? []) {
      lines.push(`            ${time(phase.start)}-${time(phase.end)}  ${lang === 'zh' ? phase.title : phase.titleEn}`);
    }
  }
  return lines;
}

export async function runDates(options: Record<string, unknown>, global: GlobalOptions): Promise<number> {
  const out = outputFor(global);
  const year = parseYear(options.year, parseNow(undefined));
  const region = checkRegion(String(options.region));
  const dates = keyDatesFor(year, { region });
  if (global.json) {
    out.data(dates);
    return EXIT.ok;
  }
  out.info(out.color.bold(global.lang === 'zh' ? `${year} 年关键日期（${region}）` : `Key dates ${year} (${region})`));
  for (const line of formatKeyDates(dates, global.lang)) out.info(line);
  const warnings = new Set(dates.flatMap((d) => d.warnings.map((w) => w[global.lang])));
  for (const w of warnings) out.warn(w);
  return EXIT.ok;
}
