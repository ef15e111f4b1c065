/**
 * Coverage audits a district office can act on, and their reports (JSON, CSV, XLSX, HTML,
 * Markdown, JUnit). Guide: docs/audit.md.
 * @module @liujin/audit
 */
import { z } from 'zod';
import { AuditResult } from './schema';

export { runAudit, PreviousAuditError, type AuditInput } from './run-audit';
export { AuditResult, Coverage, AUDIT_SCHEMA_VERSION, UnmatchedReason } from './schema';
export { createAuditExporter, auditVerdict, AuditOptions, AuditFormat, type AuditExportInput } from './exporter';
export { auditCsv, auditJson, auditJunit, auditMarkdown } from './reports';
export { auditHtml } from './html';
export { auditXlsx } from './xlsx';
export { readWorkbookRows, writeWorkbook, type SheetSpec } from './workbook';
export { safeCell } from './text';

/** The JSON Schema of audit.json (also published as schema/audit.v1.json). */
export const AUDIT_JSON_SCHEMA = z.toJSONSchema(AuditResult, { target: 'draft-2020-12' });
export { writeAuditStreamed, type StreamedAuditInput, type StreamedAuditOptions, type StreamedAuditResult } from './stream';
export { AuditAccumulator } from './run-audit';
