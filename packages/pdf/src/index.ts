/**
 * Evacuation-plan templates (school, enterprise/park, community) as PDF, blank or pre-filled.
 * Guide: docs/templates.md.
 * @module @liujin/pdf
 */
export { createPlanTemplateExporter, PlanTemplateOptions, type GlyphSubstitution, type PlanTemplateInput } from './exporter';
export { ANNEX, SECTIONS, TEMPLATE_TITLES, schoolDrillDay, type TemplateKind } from './content';
export { MissingGlyphError, PAGE } from './layout';
export { fonts, resolveFontPaths, missingCharacters, FontsNotFoundError, FALLBACK_CHARACTER, FONT_DIR_ENV, FONT_FILES, type FontSource } from './fonts';
export { KINDS_OF_TEMPLATE, TEMPLATE_KINDS, unitsForTemplate } from './kinds';
export { liujinExporter, PlanTemplateModuleOptions } from './module';
