/** @liujin/audit: the reports of a coverage audit (JSON, CSV, XLSX, HTML, Markdown, JUnit). */
/** The audit itself (AuditResult, runAudit, AuditAccumulator) is computed by @liujin/core. */
export { createAuditExporter, auditVerdict, AuditOptions, AuditFormat, AUDIT_PATHS, type AuditExportInput } from './exporter';
export { auditCsv, auditJson, auditJunit, auditMarkdown } from './reports';
export { auditHtml } from './html';
export { auditXlsx } from './xlsx';
export { writeWorkbook, type SheetSpec } from './workbook';
export { safeCell } from './text';
export { createStreamedAuditExporter, type StreamedAuditInput, type StreamedAuditSettings } from './stream';
export { liujinExporter } from './module';
