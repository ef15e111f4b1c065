/** The audit exporter (the Exporter contract of @liujin/core) and the verdict for exit codes. */
import { z } from 'zod';
import { Lang, type Artefact, type AuditResult, type Exporter, type LocalizedText } from '@liujin/core';
import { resolveExporterOptions } from '@liujin/core/plugin';
import { auditHtml } from './html';
import { auditCsv, auditJson, auditJunit, auditMarkdown } from './reports';
import { compactAuditChunks, largeDetailFile, unitDetailOf } from './json-stream';
import { Sink } from './sink';
import { targetsCsv } from './targets';

/** The targets table written beside audit.csv. */
export const TARGETS_CSV_PATH = 'audit/targets.csv';

/** A large audit's per-unit detail (JSON Lines, one unit a line), written with `json` beside the summary audit.json. */
export const UNITS_JSONL_PATH = 'audit/units.jsonl';

/**
 * From this many units on, an audit is large (docs/audit.md, "Large audits"): audit.json is the
 * compact summary, the unit detail is written once, to units.jsonl (with `json`; audit.csv only
 * without it), and the workbook carries the summary sheets only. A project default (默认，可调整), not a figure of the notice:
 * `largeAuditUnits` / `liujin audit --large-audit <units>`.
 */
export const DEFAULT_LARGE_AUDIT_UNITS = 100_000;
import { percent } from './text';
import { auditXlsx } from './xlsx';

/** The report formats the audit exporter writes: JSON, CSV, XLSX, HTML, Markdown and JUnit XML. */
export const AuditFormat = z.enum(['json', 'csv', 'xlsx', 'html', 'md', 'junit']);
/** One report format of {@link AuditFormat}. */
export type AuditFormat = z.infer<typeof AuditFormat>;

/** Where each report goes in the output folder. */
export const AUDIT_PATHS: Readonly<Record<AuditFormat, string>> = {
  json: 'audit/audit.json',
  csv: 'audit/audit.csv',
  xlsx: 'audit/audit.xlsx',
  html: 'audit/report.html',
  md: 'audit/summary.md',
  junit: 'audit/junit.xml',
};

/** The media type of each report. */
export const AUDIT_MEDIA_TYPES: Readonly<Record<AuditFormat, string>> = {
  json: 'application/json',
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html',
  md: 'text/markdown',
  junit: 'application/xml',
};

/**
 * Options of the audit exporter (zod schema; defaults: every format, Chinese, no fail-under threshold).
 */
export const AuditOptions = z
  .object({
    formats: z.array(AuditFormat).min(1).default(['json', 'csv', 'xlsx', 'html', 'md', 'junit']),
    lang: Lang.default('zh'),
    /** Overall coverage (percent) under which the verdict fails; also a JUnit test case. */
    failUnder: z.number().min(0).max(100).optional(),
    /** Units from which the audit is written as a large one (default 100,000, 默认，可调整; docs/audit.md). */
    largeAuditUnits: z.number().int().positive().default(DEFAULT_LARGE_AUDIT_UNITS),
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
    optionsSchema: AuditOptions,
    options: resolved,
    async *export({ audit, now }: AuditExportInput): AsyncIterable<Artefact> {
      const { lang } = resolved;
      // A large audit: its unit detail written once, in units.jsonl (audit.csv without json), docs/audit.md.
      const large = audit.units.length >= resolved.largeAuditUnits;
      const detailFile = largeDetailFile(resolved.formats);
      const render: Record<AuditFormat, () => Promise<string | Uint8Array> | string | AsyncIterable<string>> = {
        json: () => (large ? compactAuditChunks(audit, unitDetailOf(audit.units.length), audit.unmatched) : auditJson(audit)),
        csv: () => auditCsv(audit, lang),
        xlsx: () => auditXlsx(audit, lang, now, undefined, { detail: !large, detailFile }),
        html: () => auditHtml(audit, lang, now.toISOString().slice(0, 10)),
        md: () => auditMarkdown(audit, lang),
        junit: () => auditJunit(audit, resolved.failUnder),
      };
      for (const format of resolved.formats) {
        if (format !== 'csv' || !large || detailFile === 'audit.csv') yield { path: AUDIT_PATHS[format], mediaType: AUDIT_MEDIA_TYPES[format], content: await render[format]() };
        if (format === 'json' && large) yield { path: UNITS_JSONL_PATH, mediaType: 'application/jsonl', content: unitLines(audit.units) };
        // The targets table (met / all applicable, open work beside it) comes with the CSV.
        if (format === 'csv') yield { path: TARGETS_CSV_PATH, mediaType: 'text/csv', content: targetsCsv(audit, lang) };
      }
    },
  };
}

/** 0 when no target is behind (and the share of the work already due is not under `failUnder`), 1 otherwise. */
export function auditVerdict(audit: AuditResult, options: { failUnder?: number } = {}): { exitCode: 0 | 1; reasons: LocalizedText[] } {
  const reasons: LocalizedText[] = [];
  for (const r of audit.byRequirement) {
    // Behind (work overdue) fails the verdict; on track (only pending or unassessed left) does not.
    if (r.targetStatus === 'behind') {
      reasons.push({ zh: `落后于目标：${r.title.zh} 已完成 ${r.met}/${r.all}（${percent(r.shareOfAll)}），未完成 ${r.notMet}，目标 ${percent(r.target)}`, en: `behind target: ${r.title.en} ${r.met}/${r.all} met (${percent(r.shareOfAll)}), ${r.notMet} not met, target ${percent(r.target)}` });
    }
  }
  if (options.failUnder !== undefined && (audit.overall.share ?? 1) * 100 < options.failUnder) {
    reasons.push({ zh: `已到期工作完成率 ${percent(audit.overall.share)} 低于 ${options.failUnder}%（--fail-under）`, en: `share of the work already due ${percent(audit.overall.share)} is under ${options.failUnder}% (--fail-under)` });
  }
  return { exitCode: reasons.length > 0 ? 1 : 0, reasons };
}

/** Each unit's result as one line of compact JSON (exported for its test, not from the package). */
export async function* unitLines(units: AuditResult['units']): AsyncGenerator<Uint8Array> {
  // Each line is encoded straight into a 1 MiB buffer (sink.ts): joining lines into one string and
  // encoding that took three times as long (a 100,000-unit city: 5.3 s of 15 s in a CPU profile).
  const sink = new Sink(undefined);
  for (const u of units) {
    sink.write(`${JSON.stringify(u)}\n`);
    yield* sink.full();
  }
  yield* sink.take();
}
