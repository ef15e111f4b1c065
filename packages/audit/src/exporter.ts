/** The audit exporter (the Exporter contract of @liujin/core) and the verdict for exit codes. */
import { z } from 'zod';
import { Lang, resolveExporterOptions, type Artefact, type AuditResult, type Exporter, type LocalizedText } from '@liujin/core';
import { auditHtml } from './html';
import { auditCsv, auditJson, auditJunit, auditMarkdown } from './reports';
import { percent } from './text';
import { auditXlsx } from './xlsx';

/** The report formats the audit exporter writes: JSON, CSV, XLSX, HTML, Markdown and JUnit XML. */
export const AuditFormat = z.enum(['json', 'csv', 'xlsx', 'html', 'md', 'junit']);
/** One report format of {@link AuditFormat}. */
export type AuditFormat = z.infer<typeof AuditFormat>;

/**
 * Options of the audit exporter (zod schema; defaults: every format, Chinese, no fail-under threshold).
 */
export const AuditOptions = z
  .object({
    formats: z.array(AuditFormat).min(1).default(['json', 'csv', 'xlsx', 'html', 'md', 'junit']),
    lang: Lang.default('zh'),
    /** Overall coverage (percent) under which the verdict fails; also a JUnit test case. */
    failUnder: z.number().min(0).max(100).optional(),
  })
  .strict();
/** The audit exporter's options with defaults filled in. */
export type AuditOptions = z.output<typeof AuditOptions>;

/**
 * What the audit exporter renders: an audit result and the generation time (`now`, so the same input gives the same bytes).
 */
export interface AuditExportInput {
  audit: AuditResult;
  now: Date;
}

/**
 * Creates the audit exporter: renders an {@link AuditResult} as reports (`audit/audit.json`, `.csv`, `.xlsx`, `.html`, `.md`, `junit.xml`).
 * @throws ExporterOptionsError when `options` do not match {@link AuditOptions}.
 */
export function createAuditExporter(options?: z.input<typeof AuditOptions>): Exporter<AuditExportInput, AuditOptions> {
  const resolved = resolveExporterOptions('audit', AuditOptions, options);
  return {
    name: 'audit',
    description: 'Coverage audit reports: JSON, CSV, XLSX, self-contained HTML, Markdown and JUnit XML',
    optionsSchema: AuditOptions as never,
    options: resolved,
    async *export({ audit, now }: AuditExportInput): AsyncIterable<Artefact> {
      const { lang } = resolved;
      for (const format of resolved.formats) {
        switch (format) {
          case 'json':
            yield { path: 'audit/audit.json', mediaType: 'application/json', content: auditJson(audit) };
            break;
          case 'csv':
            yield { path: 'audit/audit.csv', mediaType: 'text/csv', content: auditCsv(audit, lang) };
            break;
          case 'xlsx':
            yield { path: 'audit/audit.xlsx', mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content: await auditXlsx(audit, lang, now) };
            break;
          case 'html':
            yield { path: 'audit/report.html', mediaType: 'text/html', content: auditHtml(audit, lang, now.toISOString().slice(0, 10)) };
            break;
          case 'md':
            yield { path: 'audit/summary.md', mediaType: 'text/markdown', content: auditMarkdown(audit, lang) };
            break;
          case 'junit':
            yield { path: 'audit/junit.xml', mediaType: 'application/xml', content: auditJunit(audit, resolved.failUnder) };
            break;
        }
      }
    },
  };
}

/** 0 when every target is met (and overall coverage is not under `failUnder`), 1 otherwise. */
export function auditVerdict(audit: AuditResult, options: { failUnder?: number } = {}): { exitCode: 0 | 1; reasons: LocalizedText[] } {
  const reasons: LocalizedText[] = [];
  for (const r of audit.byRequirement) {
    if (r.targetMet === false) {
      reasons.push({ zh: `未达标：${r.title.zh} 覆盖率 ${percent(r.share)}，目标 ${percent(r.target)}`, en: `target missed: ${r.title.en} at ${percent(r.share)}, target ${percent(r.target)}` });
    }
  }
  if (options.failUnder !== undefined && (audit.overall.share ?? 1) * 100 < options.failUnder) {
    reasons.push({ zh: `总体覆盖率 ${percent(audit.overall.share)} 低于 ${options.failUnder}%`, en: `overall coverage ${percent(audit.overall.share)} is under ${options.failUnder}%` });
  }
  return { exitCode: reasons.length > 0 ? 1 : 0, reasons };
}
