import { readInputFile } from '../files';
import { problem, type AuditResult, type ExportContext, type LocalizedText, type Registry } from '@liujin/core';
import { auditRegion } from '@liujin/core/plugin';
import { withOutputSet, type OutputSet, type WrittenArtefact } from '../output/index';
import { loadActivitiesForAudit, loadCatalog, loadRegistry, loadTowns, loadWaivers, type SetAsideRow } from '../inputs';
import { InputError, type GlobalOptions, type Output } from '../runtime';
import type { AuditFormat } from '@liujin/audit';
import { dateContextFor, type DateContext } from './date-context';
import { builtinExporter, exportContext, exportInto } from './run-exporter';
import { asOfFor, outputFor, parseNow, parsePercent, parseUnitCount, parseYear } from './common';
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
}

/** The verdict of an audit as identifiers (for --json) and as messages in the output language. */
function outcome(audit: AuditResult, verdict: { exitCode: 0 | 1; reasons: LocalizedText[] }, written: WrittenArtefact[], out: Output): AuditOutcome {
  return {
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
export async function auditInto(sink: OutputSet, context: ExportContext, options: { formats: AuditFormat[]; failUnder?: number; largeAuditUnits?: number; worklists?: boolean }, out: Output): Promise<AuditOutcome> {
  const { auditVerdict } = await import('@liujin/audit');
  let audit: AuditResult | undefined;
  const written = await exportInto(sink, { exporter: await builtinExporter('audit'), context: { ...context, onAudit: (result) => (audit = result) }, options: { formats: options.formats, ...(options.failUnder !== undefined ? { failUnder: options.failUnder } : {}), ...(options.largeAuditUnits !== undefined ? { largeAuditUnits: options.largeAuditUnits } : {}) }, flags: { formats: '--format', failUnder: '--fail-under', largeAuditUnits: '--large-audit' } }, out);
  if (audit === undefined) throw new Error('the audit exporter did not report its audit');
  // The work lists as of the audit's date (docs/worklists.md), in the same set.
  if (options.worklists === true) {
    const { activities } = await context.activities();
    written.push(...(await writeWorklists({ audit, catalog: context.catalog, registry: context.registry, activities, sink, now: context.now }, out)));
  }
  return outcome(audit, auditVerdict(audit, options.failUnder !== undefined ? { failUnder: options.failUnder } : {}), written, out);
}

export async function runAuditCommand(options: Record<string, unknown>, global: GlobalOptions): Promise<number> {
  const out = outputFor(global);
  const now = parseNow(options.now);
  const year = parseYear(options.year, now);
  const formats = await parseFormats(options.format);
  const failUnder = parsePercent('--fail-under', options['failUnder']);
  const largeAuditUnits = parseUnitCount('--large-audit', options['largeAudit']);
  const large = largeAuditUnits !== undefined ? { largeAuditUnits } : {};
  const asOf = asOfFor(year, options['asOf'], now);
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
  // JSON Lines inputs are streamed: a city or a nation need not fit in memory.
  if (registryFile !== undefined && activitiesFile !== undefined && (isJsonLines(registryFile) || isJsonLines(activitiesFile))) {
    const result = await withOutputSet({ outDir, set: 'audit', inputs }, out, (sink) =>
      writeAuditStreaming({ registryFile, activitiesFile, catalogFile: options.catalog as string | undefined, tailoringFile: options.tailoring as string | undefined, settingsFile: options.settings as string | undefined, waiversFile: options.waivers as string | undefined, townsFile: options.towns as string | undefined, previous, year, asOf, dateContext: (registry) => dateContextFor(options, registry), formats, ...(failUnder !== undefined ? { failUnder } : {}), ...large, sink, now }, out),
    );
    report(result, global, out);
    return result.exitCode;
  }
  const { context } = await exportContext(options, out, { now, year, previous, eagerActivities: true });
  const result = await withOutputSet({ outDir, set: 'audit', inputs }, out, (sink) => auditInto(sink, context, { formats, ...(failUnder !== undefined ? { failUnder } : {}), ...large, worklists: true }, out));
  report(result, global, out);
  return result.exitCode;
}

function report(result: AuditOutcome, global: GlobalOptions, out: Output): void {
  if (global.json) out.data({ ...verdictJson(result), files: result.written.map((w) => w.path) });
  else {
    for (const w of result.written) out.info(w.file);
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

const isJsonLines = (file: string) => /\.(jsonl|ndjson)$/i.test(file);

interface StreamingRun {
  previous?: unknown;
  year: number;
  asOf: string;
  formats: AuditFormat[];
  failUnder?: number;
  /** `--large-audit`: units from which the audit is written as a large one (docs/audit.md). */
  largeAuditUnits?: number;
  sink: OutputSet;
  now: Date;
  /** The region and working days, once the registry's district is known. */
  dateContext: (registry: Pick<Registry, 'district'>) => Promise<DateContext>;
  registryFile: string;
  activitiesFile: string;
  catalogFile: string | undefined;
  tailoringFile: string | undefined;
  settingsFile?: string | undefined;
  waiversFile: string | undefined;
  townsFile: string | undefined;
}

/** The audit of JSON Lines inputs, streamed (`createStreamedAuditExporter`); the same reports as `writeAudit`. */
export async function writeAuditStreaming(run: StreamingRun, out: Output): Promise<AuditOutcome> {
  const { createStreamedAuditExporter, auditVerdict } = await import('@liujin/audit');
  const { streamActivities, streamRegistry } = await import('../stream-inputs');
  const catalog = await loadCatalog(run.catalogFile, run.tailoringFile, out, run.settingsFile);
  const waivers = await loadWaivers(run.waiversFile, out, { catalog });
  // A registry in another format is read whole; JSON Lines is streamed.
  const registry = isJsonLines(run.registryFile) ? streamRegistry(run.registryFile, run.townsFile !== undefined ? await loadTowns(run.townsFile, out) : undefined) : await (async () => {
    const whole = await loadRegistry(run.registryFile, out, { towns: run.townsFile });
    return { district: whole.district, ...(whole.districts ? { districts: whole.districts } : {}), towns: whole.towns, units: () => whole.units };
  })();
  const { region, workdays } = await run.dateContext(registry);
  const setAside: SetAsideRow[] = [];
  const activities = isJsonLines(run.activitiesFile) ? streamActivities(run.activitiesFile, setAside) : await (async () => {
    const whole = await loadActivitiesForAudit(run.activitiesFile, run.year, out);
    for (const row of whole.setAside) setAside.push(row);
    return whole.activities;
  })();
  let audit: AuditResult | undefined;
  // Spill files go into the run's staging folder: removed with it, even after a kill.
  const exporter = createStreamedAuditExporter({ formats: run.formats, lang: out.lang, ...(run.failUnder !== undefined ? { failUnder: run.failUnder } : {}), ...(run.largeAuditUnits !== undefined ? { largeAuditUnits: run.largeAuditUnits } : {}) }, { tempDir: run.sink.scratch });
  // The reports are one set: none of an earlier run stays beside them.
  run.sink.claimFolder('audit');
  const written = await run.sink.write(
    exporter.export({
      catalog,
      district: registry.district,
      ...(registry.districts ? { districts: registry.districts } : {}),
      towns: registry.towns,
      units: registry.units,
      activities,
      waivers,
      // Filled while the activities are read; the audit reads it after them.
      setAside,
      year: run.year,
      asOf: run.asOf,
      ...auditRegion(catalog, region, workdays),
      ...(run.previous !== undefined ? { previous: run.previous } : {}),
      now: run.now,
      onAudit: (result) => (audit = result),
    }),
  );
  for (const row of setAside.slice(0, 20)) out.warn(`${row.file ?? ''}${row.row !== undefined ? `:${row.row}` : ''}: ${out.lang === 'zh' ? `未知的活动类型「${row.kind}」，列为未匹配` : `unknown activity kind "${row.kind}", listed as unmatched`}`);
  if (setAside.length > 20) out.warn(out.lang === 'zh' ? `另有 ${setAside.length - 20} 行活动类型未知，见 audit.json` : `${setAside.length - 20} more rows of unknown kind: see audit.json`);
  const verdict = auditVerdict(audit!, run.failUnder !== undefined ? { failUnder: run.failUnder } : {});
  return outcome(audit!, verdict, written, out);
}
