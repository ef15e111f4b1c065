import { keyDatesFor, problem, type RegionProfile, type Registry, type Unit, type WorkdayCalendar } from '@liujin/core';
import type { GlyphSubstitution, TemplateKind } from '@liujin/pdf';
import { withOutputSet, type OutputSet, type WrittenArtefact } from '../output/index';
import { loadRegistry } from '../inputs';
import { EXIT, InputError, type GlobalOptions, type Output } from '../runtime';
import { dateContextFor } from './date-context';
import { outputFor, parseNow, parseYear } from './common';

export interface TemplatesRun {
  kind: TemplateKind;
  blank: boolean;
  units: Unit[];
  registry: Registry;
  year: number;
  region: string | RegionProfile;
  workdays?: WorkdayCalendar;
  /** Write templates/<kind>/index.json (a run over all the kind's units). */
  index: boolean;
  sink: OutputSet;
  now: Date;
}

/**
 * Characters no bundled font has are printed as 〓: each is warned about on stderr (unit, field,
 * character) as it happens and counted in the run's summary (issue #21), never silently.
 */
export async function writeTemplates(run: TemplatesRun, out: Output, substitutions: GlyphSubstitution[] = []): Promise<WrittenArtefact[]> {
  const { createPlanTemplateExporter } = await import('@liujin/pdf');
  const exporter = createPlanTemplateExporter({ lang: out.lang, index: run.index });
  const keyDates = keyDatesFor(run.year, { region: run.region, ...(run.workdays ? { workdays: run.workdays } : {}) });
  const onSubstitution = (s: GlyphSubstitution) => {
    substitutions.push(s);
    const unit = s.unitId ? `${s.unitId}（${s.unitName ?? ''}）` : out.lang === 'zh' ? '空白模板' : 'blank template';
    out.warn(out.lang === 'zh' ? `${unit} ${s.field}：字体缺少字符“${s.character}”（${s.codePoint}），已印为〓` : `${unit} ${s.field}: no font has "${s.character}" (${s.codePoint}); printed as 〓`);
  };
  const district = { name: run.registry.district.name, synthetic: run.registry.district.synthetic };
  const written: WrittenArtefact[] = [];
  if (run.blank) {
    written.push(...(await run.sink.write(exporter.export({ kind: run.kind, mode: 'blank', year: run.year, keyDates, district, now: run.now, onSubstitution }))));
  }
  if (run.units.length > 0) {
    const progress = out.progress(out.lang === 'zh' ? `预案（${run.kind}）` : `plans (${run.kind})`, run.units.length);
    written.push(
      ...(await run.sink.write(
        exporter.export({ kind: run.kind, mode: 'prefilled', units: run.units, year: run.year, keyDates, district, now: run.now, onSubstitution }),
        () => progress.tick(),
      )),
    );
    progress.done();
  }
  return written;
}

export async function runTemplates(options: Record<string, unknown>, global: GlobalOptions): Promise<number> {
  const out = outputFor(global);
  const now = parseNow(options.now);
  const year = parseYear(options.year, now);
  const kind = options.kind as TemplateKind;
  const registry = await loadRegistry(options.registry as string | undefined, out, { sheet: options.sheet as string | undefined, towns: options.towns as string | undefined });
  const { region, workdays } = await dateContextFor(options, registry);
  const { unitsForTemplate } = await import('@liujin/pdf');
  const ofKind = unitsForTemplate(kind, registry.units);
  let units: Unit[] = [];
  if (options.unit !== undefined) {
    const unit = ofKind.find((u) => u.id === options.unit);
    if (!unit) {
      throw new InputError([
        problem(
          'unknown_unit',
          { zh: `登记表中没有类型为 ${kind} 的单位「${String(options.unit)}」`, en: `no unit "${String(options.unit)}" of kind ${kind} in the registry` },
          { path: ['--unit'] },
        ),
      ]);
    }
    units = [unit];
  } else if (options.all) {
    units = ofKind;
  }
  // Without --unit or --all, a blank template is what the user asked for.
  const blank = Boolean(options.blank) || units.length === 0;
  const substitutions: GlyphSubstitution[] = [];
  // The set a run owns: a later run of another mode (one unit, all, blank) never removes this one's files.
  const set = `templates:${kind}:${options.unit !== undefined ? `unit:${String(options.unit)}` : options.all ? 'all' : 'blank'}${blank && units.length > 0 ? '+blank' : ''}`;
  const written = await withOutputSet({ outDir: String(options.out), set, inputs: [options.registry as string | undefined, options.towns as string | undefined, options.holidays as string | undefined, options['regionFile'] as string | undefined] }, out, (sink) =>
    writeTemplates({ kind, blank, units, registry, year, region, workdays, index: Boolean(options.all), sink, now }, out, substitutions),
  );
  if (global.json) out.data({ files: written.map((w) => ({ path: w.path, bytes: w.bytes })), substitutions });
  else for (const w of written) out.info(w.file);
  if (substitutions.length > 0) {
    const chars = [...new Set(substitutions.map((s) => s.character))].join('');
    out.warn(out.lang === 'zh' ? `共 ${substitutions.length} 处字符印为〓（${chars}）${options.strict ? '；--strict：退出码 1' : ''}` : `${substitutions.length} characters printed as 〓 (${chars})${options.strict ? '; --strict: exit code 1' : ''}`);
    if (options.strict) return EXIT.targetNotMet;
  }
  return EXIT.ok;
}
