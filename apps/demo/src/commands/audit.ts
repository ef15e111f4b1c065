import { readInputFile } from '../files';
import { problem, type AuditResult, type ExportContext, type LocalizedText } from '@liujin/core';
import type { StreamedExportContext } from '@liujin/core/plugin';
import { withOutputSet, type OutputSet, type WrittenArtefact } from '../output/index';
import { InputError, type GlobalOptions, type Output } from '../runtime';
import type { AuditFormat } from '@liujin/audit';
import { builtinExporter, exportInto, runContext } from './run-exporter';
import { outputFor, parseNow, parsePercent, parseUnitCount, parseYear } from './common';
import { writeWorklists } from './worklist';

/** `--format`: a comma-separated list of the formats @liujin/audit renders (all of them by default). */
export async function parseFormats(value: unknown): Promise<AuditFormat[]> {
  const known: readonly string[] = (await import('@liujin/audit')).AuditFormat.options;
  const list = value === undefined ? [...known] : String(value).split(',').map((f) => f.trim()).filter(Boolean);
  const unknown = list.filter((f) => !known.includes(f));
  if (unknown.length > 0 || list.length === 0) {
    throw new InputError([
      problem('invalid_option', { zh: `--format：未知格式 ${unknown.join('、')}（可用：${known.join('、')}）`, en: `--format: unknown ${unknown.join(', ')} (use ${known.join(', ')})` }, { path: ['--format'] }),
    ]);
  }
  return [...new Set(list)] as AuditFormat[];
}

/** What an audit run wrote and its verdict (the `--json` shape `Verdict` of json-output.ts, plus the files). */
export interface AuditOutcome {
  written: WrittenArtefact[];
  exitCode: 0 | 1;
  targetsMissed: { requirementId: string; share: number | null; target: number }[];
  overallShare: number | null;
  reasons: string[];
  /** summary.md's "Overall" line, printed after the files (not in `--json`, which has the figures). */
  headline: string;
}

/** The verdict of an audit as identifiers (for --json) and as messages in the output language. */
function outcome(audit: AuditResult, verdict: { exitCode: 0 | 1; reasons: LocalizedText[] }, written: WrittenArtefact[], out: Output, headline: string): AuditOutcome {
  return {
    headline,
    written,
    exitCode: verdict.exitCode,
    targetsMissed: audit.byRequirement.filter((r) => r.targetStatus === 'behind').map((r) => ({ requirementId: r.requirementId, share: r.share, target: r.target! })),
    overallShare: audit.overall.share,
    reasons: verdict.reasons.map((r) => r[out.lang]),
  };
}

/** The audit's verdict as `--json` prints it (docs/schemas/cli/audit.schema.json; `plan` prints the same under `audit`). */
export function verdictJson(result: AuditOutcome): { exitCode: 0 | 1; targetsMissed: AuditOutcome['targetsMissed']; overallShare: number | null; reasons: string[] } {
  return { exitCode: result.exitCode, targetsMissed: result.targetsMissed, overallShare: result.overallShare, reasons: result.reasons };
}

/**
 * The audit through its exporter (`liujin export audit`) into a set that is open, and its verdict:
 * `audit` writes its own set, `plan` and `serve` write it beside their other formats.
 */
export async function auditInto(sink: OutputSet, context: ExportContext | StreamedExportContext, options: { formats: AuditFormat[]; failUnder?: number; largeAuditUnits?: number; worklists?: boolean }, out: Output): Promise<AuditOutcome> {
  const { auditHeadline, auditVerdict } = await import('@liujin/audit');
  let audit: AuditResult | undefined;
  const written = await exportInto(sink, { exporter: await builtinExporter('audit'), context: { ...context, onAudit: (result) => (audit = result) }, options: { formats: options.formats, ...(options.failUnder !== undefined ? { failUnder: options.failUnder } : {}), ...(options.largeAuditUnits !== undefined ? { largeAuditUnits: options.largeAuditUnits } : {}) }, flags: { formats: '--format', failUnder: '--fail-under', largeAuditUnits: '--large-audit' } }, out);
  if (audit === undefined) throw new Error('the audit exporter did not report its audit');
  // The work lists as of the audit's date (docs/worklists.md), in the same set; not of inputs read
  // as streams (the lists are built from the units' results, which a streamed audit does not hold).
  if (options.worklists === true && !('streamed' in context)) {
    const { activities } = await context.activities();
    written.push(...(await writeWorklists({ audit, catalog: context.catalog, registry: context.registry, activities, sink, now: context.now }, out)));
  }
  return outcome(audit, auditVerdict(audit, options.failUnder !== undefined ? { failUnder: options.failUnder } : {}), written, out, auditHeadline(audit, out.lang));
}

export async function runAuditCommand(options: Record<string, unknown>, global: GlobalOptions): Promise<number> {
  const out = outputFor(global);
  const now = parseNow(options.now);
  const year = parseYear(options.year, now);
  const formats = await parseFormats(options.format);
  const failUnder = parsePercent('--fail-under', options['failUnder']);
  const largeAuditUnits = parseUnitCount('--large-audit', options['largeAudit']);
  const large = largeAuditUnits !== undefined ? { largeAuditUnits } : {};
  const registryFile = options.registry as string | undefined;
  const activitiesFile = options.activities as string | undefined;
  if ((registryFile === undefined) !== (activitiesFile === undefined)) {
    throw new InputError([
      problem('invalid_option', { zh: '--registry 与 --activities 须同时给出（都不给则使用示例区）', en: '--registry and --activities go together (give neither for the sample district)' }, { path: ['--activities'] }),
    ]);
  }
  const previous = options.previous !== undefined ? await readPrevious(String(options.previous)) : undefined;
  const outDir = String(options.out);
  const inputs = [registryFile, activitiesFile, options.waivers, options.previous, options.catalog, options.tailoring, options.settings, options.towns, options.holidays, options['regionFile']] as (string | undefined)[];
  // JSON Lines inputs are read as streams (`exportStreamed`): a city or a nation need not fit in memory.
  const { context } = await runContext(await builtinExporter('audit'), options, out, { now, year, previous, eagerActivities: true });
  const result = await withOutputSet({ outDir, set: 'audit', inputs }, out, (sink) => auditInto(sink, context, { formats, ...(failUnder !== undefined ? { failUnder } : {}), ...large, worklists: true }, out));
  report(result, global, out);
  return result.exitCode;
}

function report(result: AuditOutcome, global: GlobalOptions, out: Output): void {
  if (global.json) out.data({ ...verdictJson(result), files: result.written.map((w) => w.path) });
  else {
    for (const w of result.written) out.info(w.file);
    out.info(result.headline);
    for (const reason of result.reasons) out.info(reason);
  }
}

/** Last year's audit.json: read whole and checked against the audit schema, else exit 2 naming the file. */
export async function readPrevious(file: string): Promise<unknown> {
  const bytes = await readInputFile(file);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown;
  } catch (error) {
    throw new InputError([problem('invalid_json', { zh: `无法读取上年审计（不是 JSON）：${(error as Error).message}`, en: `cannot read last year's audit (not JSON): ${(error as Error).message}` }, { file, path: ['--previous'] })]);
  }
  const [{ AuditResult, AUDIT_SCHEMA_VERSION }, { PreviousAudit }] = await Promise.all([import('@liujin/core'), import('@liujin/core/plugin')]);
  // An audit.json of this schema version written before fields were added (townSectors, the
  // gaps' ranks) still carries everything --previous reads.
  const older = PreviousAudit.safeParse(value).success && (value as { schemaVersion?: unknown }).schemaVersion === AUDIT_SCHEMA_VERSION;
  if (!AuditResult.safeParse(value).success && !older) {
    throw new InputError([
      problem(
        'previous_not_audit',
        { zh: `--previous 应为 liujin 写出的 audit.json（结构版本 ${AUDIT_SCHEMA_VERSION}），这个文件不是`, en: `--previous must be an audit.json written by liujin (schema version ${AUDIT_SCHEMA_VERSION}); this file is not one` },
        { file, path: ['--previous'] },
      ),
    ]);
  }
  return value;
}
