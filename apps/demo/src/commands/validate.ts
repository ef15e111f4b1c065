import { formatProblem, QINGPU_2024_CATALOG, type Catalog, type Problem } from '@liujin/core';
import { loadActivities, loadCatalog, loadRegistry, loadWaivers } from '../inputs';
import { EXIT, InputError, type GlobalOptions } from '../runtime';
import { outputFor, parseNow, parseYear } from './common';
import { readHolidaysFile, readRegionFile } from './date-context';

/**
 * Runs a loader and keeps its problems instead of stopping at the first bad file; a file with
 * bad rows still yields its good rows, so they are checked against the other files too.
 */
async function collect<T>(problems: Problem[], load: () => Promise<T>, onError?: (error: InputError) => void): Promise<T | undefined> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof InputError) {
      // One by one: a spread of 150,000 problems would overflow the call stack.
      for (const p of error.problems) problems.push(p);
      onError?.(error);
      return error.partial as T | undefined;
    }
    throw error;
  }
}

/**
 * `liujin validate`: every problem of every input file at once, each file checked even when
 * another has errors (activities and waivers against the registry's ids, waivers against the
 * catalog's requirements; with `--year`, activities outside the year as warnings); exit 2 when
 * there is any.
 */
export async function runValidate(options: Record<string, unknown>, global: GlobalOptions): Promise<number> {
  const out = outputFor(global);
  const year = parseYear(options.year, parseNow(undefined));
  const problems: Problem[] = [];
  const sheet = options.sheet as string | undefined;
  const registryFile = String(options.registry);
  const activitiesFile = options.activities as string | undefined;
  const waiversFile = options.waivers as string | undefined;
  let knownIds: readonly string[] | undefined;
  const registry = await collect(problems, () => loadRegistry(registryFile, problems, { sheet, towns: options.towns as string | undefined }), (error) => (knownIds = error.knownIds));
  // The ids the registry names, its bad rows included; none when it could not be read at all.
  const unitIds = knownIds ? new Set(knownIds) : registry ? new Set(registry.units.map((u) => u.id)) : undefined;
  const catalog: Catalog = (options.catalog !== undefined || options.tailoring !== undefined || options.settings !== undefined ? await collect(problems, () => loadCatalog(options.catalog as string | undefined, options.tailoring as string | undefined, problems, options.settings as string | undefined)) : QINGPU_2024_CATALOG) ?? QINGPU_2024_CATALOG;
  // With --year, core's reader applies the one rule for other years (docs/catalog.md): rows of work
  // done once count from earlier years; any other row outside the year is a warning saying why.
  const outsideYear = options.year !== undefined && registry ? { catalog, units: new Map(registry.units.map((u) => [u.id, u])) } : undefined;
  const activities = activitiesFile !== undefined ? await collect(problems, () => loadActivities(activitiesFile, year, problems, { sheet, unitIds, year: options.year !== undefined ? year : undefined, outsideYear })) : undefined;
  const waivers = waiversFile !== undefined ? await collect(problems, () => loadWaivers(waiversFile, problems, { catalog, sheet, unitIds })) : undefined;
  // The date files (issue 19): checked like the others, every problem at once.
  const holidays = options.holidays !== undefined ? await collect(problems, () => readHolidaysFile(String(options.holidays))) : undefined;
  if (options['regionFile'] !== undefined) await collect(problems, () => readRegionFile(String(options['regionFile'])));
  const errors = problems.filter((p) => p.severity === 'error');
  if (global.json) {
    const counts = { ...(registry ? { units: registry.units.length } : {}), ...(activities ? { activities: activities.length } : {}), ...(waivers ? { waivers: waivers.length } : {}), ...(holidays ? { holidayYears: holidays.length } : {}) };
    out.data({ ok: errors.length === 0, ...(errors.length === 0 ? { counts } : { exitCode: EXIT.badInput }), problems });
    return errors.length === 0 ? EXIT.ok : EXIT.badInput;
  }
  for (const warning of problems) if (warning.severity === 'warning') out.warn(formatProblem(warning, global.lang));
  if (errors.length > 0) throw new InputError(errors, { zh: '输入文件有问题', en: 'the input files have problems' });
  const counts = [registry ? `${registry.units.length} ${global.lang === 'zh' ? '个单位' : 'units'}` : '', activities ? `${activities.length} ${global.lang === 'zh' ? '条活动记录' : 'activities'}` : '', waivers ? `${waivers.length} ${global.lang === 'zh' ? '条豁免' : 'waivers'}` : ''].filter(Boolean);
  out.info(`${global.lang === 'zh' ? '检查通过' : 'valid'}: ${counts.join(', ')}`);
  return EXIT.ok;
}
