import { keyDateLines, keyDatesFor, keyDatesHeading, listRegionProfiles, problem, type Registry } from '@liujin/core';
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

export async function runDates(options: Record<string, unknown>, global: GlobalOptions): Promise<number> {
  const out = outputFor(global);
  const year = parseYear(options.year, parseNow(undefined));
  const region = checkRegion(String(options.region));
  const dates = keyDatesFor(year, { region });
  if (global.json) {
    out.data(dates);
    return EXIT.ok;
  }
  out.info(out.color.bold(keyDatesHeading(year, region, global.lang)));
  for (const line of keyDateLines(dates, global.lang)) out.info(line);
  const warnings = new Set(dates.flatMap((d) => d.warnings.map((w) => w[global.lang])));
  for (const w of warnings) out.warn(w);
  return EXIT.ok;
}
