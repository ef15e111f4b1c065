/**
 * Whether a plan or an audit falls where the catalog's source applies. 青国动〔2024〕10号 took
 * effect on 2024-05-13 (its date) and is written for the 十四五 period (开头 "扎实推进“十四五”期间…"),
 * i.e. to 2025: outside that, liujin still plans and audits, and says so.
 */
import type { Catalog } from '../model/requirement';
import type { LocalizedText } from '../model/text';

export function effectivePeriodWarnings(catalog: Pick<Catalog, 'source' | 'effective'>, year: number, asOf?: string): LocalizedText[] {
  const effective = catalog.effective;
  if (!effective) return [];
  const doc = catalog.source.document;
  const warnings: LocalizedText[] = [];
  const start = `${year}-01-01`;
  if (start < effective.from) {
    const before = `${year}-12-31` < effective.from ? { zh: `${year} 年整年早于施行日期`, en: `all of ${year} is before it` } : asOf !== undefined && asOf < effective.from ? { zh: `评估日 ${asOf} 早于施行日期`, en: `the as-of date ${asOf} is before it` } : { zh: `${year} 年 ${effective.from} 之前的部分不受其约束`, en: `the part of ${year} before that date is not bound by it` };
    warnings.push({
      zh: `${doc}自 ${effective.from} 起施行：${before.zh}，结果仅供参考`,
      en: `${doc} took effect on ${effective.from}: ${before.en}; treat the results as indicative`,
    });
  }
  if (effective.throughYear !== undefined && year > effective.throughYear) {
    const period = effective.period ?? { zh: `${effective.throughYear} 年以前`, en: `the years to ${effective.throughYear}` };
    warnings.push({
      zh: `${doc}是为${period.zh}制定的：${year} 年是否仍按此执行，请以区国动办的最新通知为准`,
      en: `${doc} was written for ${period.en}: check with the district office whether it still applies in ${year}`,
    });
  }
  return warnings;
}
