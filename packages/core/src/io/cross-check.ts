/**
 * Checks across input files (docs/input-formats.md): activity records and waivers must name units
 * of the registry; with a year, records dated outside it are flagged (an audit of the year lists
 * them as unmatched, "outside-year"), as a warning.
 */
import type { Activity } from '../model/activity';
import type { Waiver } from '../model/evaluation';
import { problem, type Problem } from '../model/problem';
import type { Registry } from '../model/unit';

export interface CrossCheckInput {
  registry: Pick<Registry, 'units'>;
  activities?: readonly Activity[];
  waivers?: readonly Waiver[];
  /** The year an audit would judge; omit to skip the outside-year warning. */
  year?: number;
  /** File names for problems of records that carry no source of their own. */
  files?: { activities?: string; waivers?: string };
}

export function crossCheckInputs(input: CrossCheckInput): Problem[] {
  const problems: Problem[] = [];
  const ids = new Set(input.registry.units.map((u) => u.id));
  const where = (a: Activity) => (a.source ? { file: a.source.file, row: a.source.row } : { file: input.files?.activities ?? '' });
  for (const a of input.activities ?? []) {
    if (!ids.has(a.unitId)) {
      problems.push(problem('unknown_unit', { zh: `登记表中没有单位「${a.unitId}」`, en: `no unit "${a.unitId}" in the registry` }, { ...where(a), column: 'unitId' }));
    }
  }
  const { year } = input;
  if (year !== undefined) {
    for (const a of input.activities ?? []) {
      if (!a.date.startsWith(`${year}-`)) {
        problems.push(
          problem('outside_year', { zh: `日期 ${a.date} 不在 ${year} 年内：${year} 年的核查会把这条记录列为未匹配`, en: `date ${a.date} is outside ${year}: an audit of ${year} lists this record as unmatched` }, { ...where(a), column: 'date', severity: 'warning' }),
        );
      }
    }
  }
  for (const [i, w] of (input.waivers ?? []).entries()) {
    if (!ids.has(w.unitId)) {
      problems.push(problem('unknown_unit', { zh: `登记表中没有单位「${w.unitId}」`, en: `no unit "${w.unitId}" in the registry` }, { file: input.files?.waivers ?? '', path: [i, 'unitId'] }));
    }
  }
  return problems;
}
