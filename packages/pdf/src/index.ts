/** @liujin/pdf: evacuation-plan templates (school, enterprise/park, community), blank or pre-filled. */
export { createPlanTemplateExporter, PlanTemplateOptions, type PlanTemplateInput } from './exporter';
export { SECTIONS, TEMPLATE_TITLES, type TemplateKind } from './content';
export { KINDS_OF_TEMPLATE, TEMPLATE_KINDS, unitsForTemplate } from './kinds';
export { MissingGlyphError, PAGE } from './layout';
export { fonts, missingCharacters, FALLBACK_CHARACTER } from './fonts';
export { liujinExporter } from './module';
