/** `liujin export templates` (and its shortcut `liujin templates`): blank templates and plans pre-filled for the units each kind serves. */
import { z } from 'zod';
import { ExporterOptionsError, keyDatesFor, problem, type ExporterModule, type Problem, type Unit } from '@liujin/core';
import { resolveExporterOptions, withDefaults } from '@liujin/core/plugin';
import type { TemplateKind } from './content';
import { PlanTemplateOptions, createPlanTemplateExporter, type GlyphSubstitution } from './exporter';
import { TEMPLATE_KINDS, unitsForTemplate } from './kinds';

/**
 * The template exporter's options plus what to write: the kinds (default all), a blank template
 * of each, and the units to pre-fill for (`all` of each kind, `none`, or unit ids).
 */
export const PlanTemplateModuleOptions = PlanTemplateOptions.extend({
  kinds: z.array(z.enum(TEMPLATE_KINDS as [TemplateKind, ...TemplateKind[]])).min(1).optional(),
  blank: z.boolean().default(true),
  units: z.union([z.enum(['all', 'none']), z.array(z.string().min(1)).min(1)]).default('all'),
});
/** The options of `liujin export templates`, defaults filled in. */
export type PlanTemplateModuleOptions = z.output<typeof PlanTemplateModuleOptions>;

/** A substitution as the user reads it: which unit (or the blank template), which field, which character. */
function substitutionWarning(s: GlyphSubstitution) {
  const unit = { zh: s.unitId ? `${s.unitId}（${s.unitName ?? ''}）` : '空白模板', en: s.unitId ? `${s.unitId}（${s.unitName ?? ''}）` : 'blank template' };
  return {
    code: 'glyph_substituted',
    message: { zh: `${unit.zh} ${s.field}：字体缺少字符“${s.character}”（${s.codePoint}），已印为〓`, en: `${unit.en} ${s.field}: no font has "${s.character}" (${s.codePoint}); printed as 〓` },
    detail: { ...s },
  };
}

/** The units of each kind to pre-fill; ids no unit of the kinds has are the user's to fix. */
function unitsByKind(kinds: readonly TemplateKind[], wanted: PlanTemplateModuleOptions['units'], units: readonly Unit[]): Map<TemplateKind, Unit[]> {
  const byKind = new Map(kinds.map((kind) => [kind, wanted === 'none' ? [] : unitsForTemplate(kind, units)] as const));
  if (!Array.isArray(wanted)) return byKind;
  const ids = new Set(wanted);
  const problems: Problem[] = wanted.flatMap((id, i) =>
    [...byKind.values()].some((list) => list.some((u) => u.id === id)) ? [] : [problem('unknown_unit', { zh: `登记表中没有类型为 ${kinds.join('、')} 的单位「${id}」`, en: `no unit "${id}" of kind ${kinds.join(', ')} in the registry` }, { path: ['units', i] })],
  );
  if (problems.length > 0) throw new ExporterOptionsError('templates', problems);
  for (const [kind, list] of byKind) byKind.set(kind, list.filter((u) => ids.has(u.id)));
  return byKind;
}

/** The plan templates as an installed exporter: `liujin export templates`. */
export const liujinExporter: ExporterModule<PlanTemplateModuleOptions> = {
  name: 'templates',
  description: 'Evacuation-plan templates as PDF (school, enterprise/park, community): blank and pre-filled per unit',
  optionsSchema: PlanTemplateModuleOptions,
  async *export(context, options) {
    const given = withDefaults({ lang: context.lang }, options);
    const { kinds = TEMPLATE_KINDS, blank, units, ...templateOptions } = resolveExporterOptions('templates', PlanTemplateModuleOptions, given);
    const byKind = unitsByKind(kinds, units, context.registry.units);
    const exporter = createPlanTemplateExporter(templateOptions);
    const keyDates = keyDatesFor(context.year, { region: context.region, ...(context.workdays ? { workdays: context.workdays } : {}) });
    const district = { name: context.registry.district.name, ...(context.registry.district.synthetic !== undefined ? { synthetic: context.registry.district.synthetic } : {}) };
    // Characters no bundled font has are printed as 〓 and told as they happen (issue #21), never silently.
    const onSubstitution = (s: GlyphSubstitution) => context.onWarning?.(substitutionWarning(s));
    const base = { year: context.year, keyDates, district, now: context.now, onSubstitution };
    for (const kind of kinds) {
      if (blank) yield* exporter.export({ ...base, kind, mode: 'blank' });
      const forKind = byKind.get(kind) ?? [];
      if (forKind.length > 0) yield* exporter.export({ ...base, kind, mode: 'prefilled', units: forKind });
    }
  },
};
