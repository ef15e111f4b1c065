import { formatProblem, problem, type Problem } from '@liujin/core';
import { loadActivities, loadCatalog, loadRegistry, loadWaivers } from '../inputs';
import { EXIT, InputError, type GlobalOptions } from '../runtime';
import { outputFor, parseNow, parseYear } from './common';

/**
 * Runs a loader and keeps its problems instead of stopping at the first bad file; a file with
 * bad rows still yields its good rows, so they are checked against the other files too.
 */
async function collect<T>(problems: Problem[], load: () => Promise<T>): Promise<T | undefined> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof InputError) {
      problems.push(...error.problems);
      return error.partial as T | undefined;
    }
    throw error;
  }
}

/** `liujin validate`: every problem of every input file at once; exit 2 when there is any. */
export async function runValidate(options: Record<string, unknown>, global: GlobalOptions): Promise<number> {
  const out = outputFor(global);
  const year = parseYear(options.year, parseNow(undefined));
  const problems: Problem[] = [];
  const registryFile = String(options.registry);
  const activitiesFile = options.activities as string | undefined;
  const registry = await collect(problems, () => loadRegistry(registryFile, problems));
  const activities = activitiesFile !== undefined ? await collect(problems, () => loadActivities(activitiesFile, year, problems)) : undefined;
  const waiversFile = options.waivers as string | undefined;
  const waivers = waiversFile !== undefined ? await collect(problems, () => loadWaivers(waiversFile, problems)) : undefined;
  if (options.catalog !== undefined || options.tailoring !== undefined) {
    await collect(problems, () => loadCatalog(options.catalog as string | undefined, options.tailoring as string | undefined, problems));
  }
  // Cross-file checks: records must name units that exist in the registry.
  if (registry) {
    const ids = new Set(registry.units.map((u) => u.id));
    for (const a of activities ?? []) {
      if (!ids.has(a.unitId)) {
        problems.push(
          problem('unknown_unit', { zh: `登记表中没有单位「${a.unitId}」`, en: `no unit "${a.unitId}" in the registry` }, {
            ...(a.source ? { file: a.source.file, row: a.source.row } : { file: activitiesFile ?? '' }),
            column: 'unitId',
          }),
        );
      }
    }
    // An audit of the year lists these as unmatched ("outside-year"); say so now.
    if (options.year !== undefined) {
      for (const a of activities ?? []) {
        if (!a.date.startsWith(`${year}-`)) {
          problems.push(
            problem('outside_year', { zh: `日期 ${a.date} 不在 ${year} 年内：${year} 年的核查会把这条记录列为未匹配`, en: `date ${a.date} is outside ${year}: an audit of ${year} lists this record as unmatched` }, {
              ...(a.source ? { file: a.source.file, row: a.source.row } : { file: activitiesFile ?? '' }),
              column: 'date',
              severity: 'warning',
            }),
          );
        }
      }
    }
    for (const [i, w] of (waivers ?? []).entries()) {
      if (!ids.has(w.unitId)) {
        problems.push(problem('unknown_unit', { zh: `登记表中没有单位「${w.unitId}」`, en: `no unit "${w.unitId}" in the registry` }, { file: waiversFile ?? '', path: [i, 'unitId'] }));
      }
    }
  }
  const errors = problems.filter((p) => p.severity === 'error');
  if (global.json) {
    const counts = { ...(registry ? { units: registry.units.length } : {}), ...(activities ? { activities: activities.length } : {}), ...(waivers ? { waivers: waivers.length } : {}) };
    out.data({ ok: errors.length === 0, ...(errors.length === 0 ? { counts } : { exitCode: EXIT.badInput }), problems });
    return errors.length === 0 ? EXIT.ok : EXIT.badInput;
  }
  for (const warning of problems) if (warning.severity === 'warning') out.warn(formatProblem(warning, global.lang));
  if (errors.length > 0) throw new InputError(errors, { zh: '输入文件有问题', en: 'the input files have problems' });
  const counts = [registry ? `${registry.units.length} ${global.lang === 'zh' ? '个单位' : 'units'}` : '', activities ? `${activities.length} ${global.lang === 'zh' ? '条活动记录' : 'activities'}` : '', waivers ? `${waivers.length} ${global.lang === 'zh' ? '条豁免' : 'waivers'}` : ''].filter(Boolean);
  out.info(`${global.lang === 'zh' ? '检查通过' : 'valid'}: ${counts.join(', ')}`);
  return EXIT.ok;
}
