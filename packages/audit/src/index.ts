/**
 * The reports of a coverage audit (JSON, CSV, XLSX, HTML, Markdown, JUnit); the audit itself
 * (AuditResult, runAudit) is computed by @liujin/core. Guide: docs/audit.md.
 * @module @liujin/audit
 */
export { createAuditExporter, auditVerdict, AuditOptions, AuditFormat, AUDIT_PATHS, UNITS_JSONL_PATH, DEFAULT_LARGE_AUDIT_UNITS, type AuditExportInput } from './exporter';
export { auditCsv, auditHeadline, auditJson, auditJunit, auditMarkdown } from './reports';
export { auditHtml } from './html';
export { auditXlsx } from './xlsx';
export { writeWorkbook, type SheetSpec, type SheetLayout, type DataValidation } from './workbook';
export { safeCell } from './text';
export { createStreamedAuditExporter, type StreamedAuditInput, type StreamedAuditSettings } from './stream';
export { defaultThreads } from './parallel';
export { liujinExporter } from './module';
export { createWorklistExporter, worklistHtml, worklistMarkdown, worklistXlsx, WorklistFormat, WorklistOptions, WORKLIST_PATHS, type WorklistExportInput } from './worklist';
export { townSectorRows, TOWN_SECTOR_STATE_LABELS } from './town-sectors';
