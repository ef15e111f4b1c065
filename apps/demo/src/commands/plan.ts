import { planYear, problem, renderKeyDatesMarkdown, renderPlanMarkdown } from '@liujin/core';
import { auditOfContext } from '@liujin/core/plugin';
import { withOutputSet, type OutputSet, type WrittenArtefact } from '../output/index';
import { loadActivities } from '../inputs';
import { EXIT, InputError, type GlobalOptions } from '../runtime';
import { auditInto, parseFormats, verdictJson, type AuditOutcome } from './audit';
import { builtinExporter, exportContext, exportInto } from './run-exporter';
import { writeWorklists } from './worklist';
import { outputFor, parseNow, parseYear } from './common';

/**
 * `liujin plan`: everything for a year into one folder — key dates, the plan (JSON and
 * Markdown), calendars, templates (a blank of each kind and the pre-filled plans), the audit.
 */
export async function runPlan(options: Record<string, unknown>, global: GlobalOptions): Promise<number> {
  const out = outputFor(global);
  const now = parseNow(options.now);
  const year = parseYear(options.year, now);
  const outDir = String(options.out);
  const registryFile = options.registry as string | undefined;
  const activitiesFile = options.activities as string | undefined;
  if (registryFile === undefined && activitiesFile !== undefined) {
    throw new InputError([problem('invalid_option', { zh: '给出 --activities 时也须给出 --registry', en: '--activities needs --registry' }, { path: ['--registry'] })]);
  }
  const { context, inputs, dates: dateContext } = await exportContext(options, out, { now, year });
  const { catalog, registry, region, workdays } = context;
  // `plan` reads the activities whole, unknown kinds included (no row is set aside in a planning run).
  const activities = registryFile === undefined || activitiesFile !== undefined ? await loadActivities(activitiesFile, year, out, { sheet: options.sheet as string | undefined }) : undefined;
  if (activities !== undefined) context.activities = () => Promise.resolve({ activities, setAside: [] });

  const plan = planYear({ catalog, registry, year, region, workdays });
  const zh = out.lang === 'zh';
  // `id` is the key of `--json` output (stable across --lang); `label` is for people.
  type Section = { id: 'plan' | 'calendars' | 'templates' | 'audit' | 'worklists'; label: string; written: WrittenArtefact[] };
  // One set: the key dates, plan, calendars, templates and audit of this run switch in together.
  const { sections, verdict } = await withOutputSet({ outDir, set: 'plan', inputs }, out, (sink) => writeEverything(sink));
  // `plan` shows the audit's verdict but does not fail on it: it is a planning run.
  for (const reason of verdict?.reasons ?? []) out.info(out.color.dim(reason));
  if (activities === undefined) out.warn(zh ? '未给出 --activities，跳过审计' : 'no --activities given: audit skipped');

  async function writeEverything(sink: OutputSet): Promise<{ sections: Section[]; verdict?: AuditOutcome }> {
    const keyDates = plan.keyDates;
    const sections: Section[] = [];
    sections.push({
      id: 'plan',
      label: zh ? '关键日期与计划' : 'Key dates and plan',
      written: await sink.write([
        { path: 'key-dates.json', content: `${JSON.stringify(keyDates, null, 2)}\n` },
        { path: 'key-dates.md', content: renderKeyDatesMarkdown(keyDates, { year, region: dateContext.regionId }, out.lang) },
        { path: 'plan.json', content: `${JSON.stringify(plan, null, 2)}\n` },
        { path: 'plan.md', content: renderPlanMarkdown(plan, out.lang) },
      ]),
    });
    // The calendars and templates of `liujin export` (every feed, every kind: blank and pre-filled, with indexes).
    sections.push({ id: 'calendars', label: zh ? '日历订阅' : 'Calendars', written: await exportInto(sink, { exporter: await builtinExporter('calendar'), context, options: {} }, out) });
    sections.push({ id: 'templates', label: zh ? '疏散方案模板' : 'Plan templates', written: await exportInto(sink, { exporter: await builtinExporter('templates'), context, options: { index: true } }, out) });
    if (activities === undefined) return { sections };
    const audit = await auditInto(sink, context, { formats: await parseFormats(undefined) }, out);
    sections.push({ id: 'audit', label: zh ? '覆盖率审计' : 'Coverage audit', written: audit.written });
    // The year's work lists as of 1 January (docs/worklists.md): what every town has ahead of it.
    const start = await auditOfContext({ ...context, asOf: `${year}-01-01`, onAudit: undefined }, { previous: false });
    sections.push({ id: 'worklists', label: zh ? '工作清单（1月1日）' : 'Work lists (1 January)', written: await writeWorklists({ audit: start, catalog, registry, activities, sink, now }, out) });
    return { sections, verdict: audit };
  }

  if (global.json) {
    // docs/schemas/cli/plan.schema.json: stable keys; the audit's verdict with its target-missed reasons.
    const files = (id: (typeof sections)[number]['id']) => sections.find((s) => s.id === id)?.written.map((w) => w.path) ?? [];
    out.data({ year, out: outDir, files: { plan: files('plan'), calendars: files('calendars'), templates: files('templates'), audit: files('audit'), worklists: files('worklists') }, audit: verdict ? verdictJson(verdict) : null });
    return EXIT.ok;
  }
  if (registry.district.synthetic) out.info(out.color.yellow(zh ? '注意：示例区为虚构数据，仅供演示。' : 'Note: the sample district is synthetic data, for demonstration only.'));
  out.info(out.color.bold(zh ? `${year} 年成果已写入 ${outDir}/：` : `Everything for ${year} is in ${outDir}/:`));
  for (const section of sections) {
    out.info(`  ${section.label}: ${section.written.length} ${zh ? '个文件' : 'files'}`);
    const shown = section.written.filter((w) => !w.path.includes('/units/') && w.path.split('/').length <= 3).slice(0, 8);
    for (const w of shown) out.info(`    ${out.color.dim(`${outDir}/${w.path}`)}`);
    if (section.written.length > shown.length) out.info(`    ${out.color.dim(zh ? `…… 另 ${section.written.length - shown.length} 个` : `… and ${section.written.length - shown.length} more`)}`);
  }
  return EXIT.ok;
}
