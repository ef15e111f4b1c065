/**
 * Evacuation-plan templates (school, enterprise/park, community) as PDF, blank or pre-filled.
 * Guide: docs/templates.md.
 * @module @liujin/pdf
 */
export { createPlanTemplateExporter, PlanTemplateOptions, type PlanTemplateInput } from './exporter';
export { SECTIONS, TEMPLATE_TITLES, type TemplateKind } from './content';
export { MissingGlyphError, PAGE } from './layout';
export { fonts, missingCharacters, FALLBACK_CHARACTER } from './fonts';
