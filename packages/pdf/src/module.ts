/** `liujin export templates`: a blank template of each kind and one pre-filled for each unit it serves. */
import { keyDatesFor, type ExporterModule } from '@liujin/core';
import { PlanTemplateOptions, createPlanTemplateExporter } from './exporter';
import { TEMPLATE_KINDS, unitsForTemplate } from './kinds';

export const liujinExporter: ExporterModule<PlanTemplateOptions> = {
  name: 'templates',
  description: 'Evacuation-plan templates as PDF (school, enterprise/park, community): blank and pre-filled per unit',
  optionsSchema: PlanTemplateOptions,
  async *export(context, options) {
    const exporter = createPlanTemplateExporter({ lang: context.lang, ...(options as object) });
    const keyDates = keyDatesFor(context.year, { region: context.region });
    const district = { name: context.registry.district.name, ...(context.registry.district.synthetic !== undefined ? { synthetic: context.registry.district.synthetic } : {}) };
    const base = { year: context.year, keyDates, district, now: context.now };
    for (const kind of TEMPLATE_KINDS) {
      yield* exporter.export({ ...base, kind, mode: 'blank' });
      const units = unitsForTemplate(kind, context.registry.units);
      if (units.length > 0) yield* exporter.export({ ...base, kind, mode: 'prefilled', units });
    }
  },
};
