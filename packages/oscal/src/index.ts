/**
 * @liujin/oscal: the requirement catalog and coverage audits as OSCAL 1.0.6 documents (NIST's Open
 * Security Controls Assessment Language), for tools that read compliance data in a standard form.
 * Imports only @liujin/core (ARCHITECTURE.md).
 */
export { createOscalExporter, serializeOscal, OscalOptions, OscalDocument, OSCAL_PATHS, type OscalExportInput } from './exporter';
export { catalogToOscal, type OscalDocumentOptions } from './catalog';
export { auditToOscal, OscalInputError, type AssessmentResultsOptions } from './assessment-results';
export { DEFAULT_PROPERTY_NAMESPACE } from './ids';
export { OSCAL_VERSION, type OscalAssessmentResults, type OscalCatalog, type OscalControl, type OscalFinding, type OscalGroup, type OscalLink, type OscalMetadata, type OscalObservation, type OscalParameter, type OscalPart, type OscalParty, type OscalProperty, type OscalResource, type OscalResult, type OscalRole } from './oscal-types';
export { liujinExporter } from './module';
