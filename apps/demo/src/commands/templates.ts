import { keyDatesFor, problem, type RegionProfile, type Registry, type Unit, type UnitKind, type WorkdayCalendar } from '@liujin/core';
import { writeArtefacts, type WrittenArtefact } from '../files';
import { loadRegistry } from '../inputs';
import { EXIT, InputError, type GlobalOptions, type Output } from '../runtime';
import { dateContextFor } from './date-context';
import { outputFor, parseNow, parseYear } from './common';

export type TemplateKind = 'school' | 'enterprise' | 'community';

/** Unit kinds each template serves: the enterprise plan is for enterprises and parks (三（四）). */
export const KINDS_OF_TEMPLATE: Readonly<Record<TemplateKind, readonly UnitKind[]>> = {
  school: ['school'],
  enterprise: ['enterprise', 'park'],
  community: ['community'],
};

export interface TemplatesRun {
  kind: TemplateKind;
  blank: boolean;
  units: Unit[];
  registry: Registry;
  year: number;
  region: string | RegionProfile;
  workdays?: WorkdayCalendar;
  outDir: string;
  now: Date;
}

export async function writeTemplates(run: TemplatesRun, out: Output): Promise<WrittenArtefact[]> {
  const { createPlanTemplateExporter } = await import('@liujin/pdf');
  const exporter = createPlanTemplateExporter({ lang: out.lang });
  const keyDates = keyDatesFor(run.year, { region: run.region, ...(run.workdays ? { workdays: run.workdays } : {}) });
  const district = { name: run.registry.district.name, synthetic: run.registry.district.synthetic };
  const written: WrittenArtefact[] = [];
  if (run.blank) {
    written.push(...(await writeArtefacts(run.outDir, exporter.export({ kind: run.kind, mode: 'blank', year: run.year, keyDates, district, now: run.now }))));
  }
  if (run.units.length > 0) {
    const progress = out.progress(out.lang === 'zh' ? `预案（${run.kind}）` : `plans (${run.kind})`, run.units.length);
    written.push(
      ...(await writeArtefacts(
        run.outDir,
        exporter.export({ kind: run.kind, mode: 'prefilled', units: run.units, year: run.year, keyDates, district, now: run.now }),
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
  const ofKind = registry.units.filter((u) => KINDS_OF_TEMPLATE[kind].includes(u.kind));
  let units: Unit[] = [];
  if (options.unit !== undefined) {
    const unit = registry.units.find((u) => u.id === options.unit);
    if (!unit || !KINDS_OF_TEMPLATE[kind].includes(unit.kind)) {
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
  const written = await writeTemplates({ kind, blank, units, registry, year, region, workdays, outDir: String(options.out), now }, out);
  if (global.json) out.data(written.map((w) => ({ path: w.path, bytes: w.bytes })));
  else for (const w of written) out.info(w.file);
  return EXIT.ok;
}
