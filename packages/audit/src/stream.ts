/**
 * Audits too large for memory (a city, a nation), as an ordinary exporter: units and activity
 * records are read as streams, records are held in memory up to a budget and past it spilled to
 * temporary files in chunks of units, each chunk then evaluated with only its own records in memory, and the reports that grow with the
 * district (JSON, CSV, XLSX) are spooled as units come; the artefacts then stream their content
 * from the spool. The result and the bytes are the same as runAudit + createAuditExporter give
 * for the same input (a test and a property hold them to it); only the memory differs.
 */
import { closeSync, existsSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { z } from 'zod';
import type { Activity, Artefact, AuditInput, AuditResult, Exporter, Registry, Unit } from '@liujin/core';
import { AuditAccumulator, resolveExporterOptions, uniqueIds, setAsideEntry, unmatchedEntry } from '@liujin/core/plugin';
import { AuditOptions, AUDIT_MEDIA_TYPES, AUDIT_PATHS, TARGETS_CSV_PATH, UNITS_JSONL_PATH } from './exporter';
import { auditHtml } from './html';
import { compactAuditChunks, jsonObjectChunks, largeDetailFile, unitDetailOf } from './json-stream';
import { auditCsvHeader, auditCsvUnit, auditJunit, auditMarkdown } from './reports';
import { targetsCsv } from './targets';
import { auditWorkbook } from './xlsx';

/**
 * Input of a streamed audit: like {@link AuditInput}, with units and activities as (async) iterables, so a registry too large for memory can be audited.
 */
export interface StreamedAuditInput extends Omit<AuditInput, 'registry' | 'activities'> {
  district: Registry['district'];
  /** Every district of a city office's registry (two or more): coverage per district too. */
  districts?: Registry['districts'];
  towns: Registry['towns'];
  /** The registry's units in order; called twice (ids first, then evaluation), same order each time. */
  units: () => AsyncIterable<Unit> | Iterable<Unit>;
  /** Activity records in any order; read once. */
  activities: AsyncIterable<Activity> | Iterable<Activity>;
  now: Date;
  /**
   * Called with the audit once every unit is evaluated, before the first artefact: its unit list
   * is empty and it holds the first 200 unmatched records (all of them are in the reports).
   */
  onAudit?: (audit: AuditResult) => void;
}

/** How a streamed audit spills: chunk size and the folder its temporary files go in. */
export interface StreamedAuditSettings {
  /** Units whose records are held in memory at once once records spill (default 20,000). */
  chunkUnits?: number;
  /**
   * Activity records held in memory, grouped by unit, before any is spilled to a temporary file
   * (default 1,500,000, about 300 MB): an audit whose records fit is never written out and read
   * back; past the budget every record goes to its chunk's spill file.
   */
  memoryRecords?: number;
  /** Where records and reports are spooled (default: the system's temporary folder); removed afterwards. */
  tempDir?: string;
}

/**
 * Buffered appends to a file: text is encoded straight into a 1 MB buffer and written when it is
 * full, one write call per megabyte, not per line (joining the lines into one string first
 * and writing that costs several times more: the string is flattened, then encoded anew).
 */
class Sink {
  private readonly buffer = Buffer.allocUnsafe(1 << 20);
  private used = 0;
  readonly fd: number;
  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
  }
  write(text: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    if (this.used + text.length * 3 > this.buffer.length) {
      this.flush();
      if (text.length * 3 > this.buffer.length) {
        writeSync(this.fd, text);
        return;
      }
    }
    this.used += this.buffer.write(text, this.used);
  }
  bytes(data: Uint8Array): void {
    this.flush();
    writeSync(this.fd, data);
  }
  flush(): void {
    if (this.used === 0) return;
    let at = 0;
    while (at < this.used) at += writeSync(this.fd, this.buffer, at, this.used - at);
    this.used = 0;
  }
  private closed = false;
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.flush();
    closeSync(this.fd);
  }
  /** Closes without writing what is buffered (the run failed). */
  abandon(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }
}

/** A spooled file's bytes, a megabyte at a time. */
function* fileChunks(path: string): Generator<Uint8Array> {
  if (!existsSync(path)) return;
  const fd = openSync(path, 'r');
  try {
    for (;;) {
      const buffer = Buffer.allocUnsafe(1 << 20);
      const n = readSync(fd, buffer);
      if (n === 0) return;
      yield buffer.subarray(0, n);
    }
  } finally {
    closeSync(fd);
  }
}

/** Each line of a spooled file. */
function* fileLines(path: string): Generator<string> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for (const chunk of fileChunks(path)) {
    const lines = (rest + decoder.write(Buffer.from(chunk))).split('\n');
    rest = lines.pop()!;
    for (const line of lines) if (line !== '') yield line;
  }
  rest += decoder.end();
  if (rest !== '') yield rest;
}

async function* parsedLines(path: string): AsyncGenerator<unknown> {
  for (const line of fileLines(path)) yield JSON.parse(line) as unknown;
}

async function* streamedFile(path: string): AsyncGenerator<Uint8Array> {
  yield* fileChunks(path);
}

/** The audit exporter for inputs read as streams: the same artefacts as `createAuditExporter`, content streamed. */
export function createStreamedAuditExporter(options?: z.input<typeof AuditOptions>, settings: StreamedAuditSettings = {}): Exporter<StreamedAuditInput, AuditOptions> {
  const resolved = resolveExporterOptions('audit-streamed', AuditOptions, options);
  const chunkUnits = settings.chunkUnits ?? 20_000;
  const memoryRecords = settings.memoryRecords ?? 1_500_000;
  return {
    name: 'audit-streamed',
    description: 'Coverage audit reports of a district read as streams (a city, a nation): the formats of `audit`, in bounded memory',
    optionsSchema: AuditOptions,
    options: resolved,
    async *export(input: StreamedAuditInput): AsyncIterable<Artefact> {
      const { lang, formats } = resolved;
      const want = new Set(formats);
      const acc = new AuditAccumulator(input);
      const spill = mkdtempSync(join(settings.tempDir ?? tmpdir(), 'liujin-audit-'));
      const open: Sink[] = [];
      const sink = (name: string) => {
        const s = new Sink(join(spill, name));
        open.push(s);
        return s;
      };
      try {
        // Pass 1: the registry's ids and their positions.
        const position = new Map<string, number>();
        for await (const unit of input.units()) position.set(unit.id, position.size);
        // A large audit (docs/audit.md): unit detail written once, in units.jsonl (audit.csv without json).
        const large = position.size >= resolved.largeAuditUnits;
        const detailFile = largeDetailFile(formats);
        const csvDetail = want.has('csv') && (!large || detailFile === 'audit.csv');
        const unitDetail = unitDetailOf(position.size);

        // Pass 2: each record held in memory or, past the budget, spilled to its chunk's file, in
        // input order; unknown units listed now.
        const unmatchedSpill = sink('unmatched.jsonl');
        const sample: AuditResult['unmatched'] = [];
        const miss = (entry: AuditResult['unmatched'][number]) => {
          if (sample.length < 200) sample.push(entry);
          unmatchedSpill.write(`${JSON.stringify(entry)}\n`);
        };
        const chunks: Sink[] = [];
        // Records in memory, by unit in input order, until the budget is reached; then all of
        // them, and every later record, go to the spill file of their unit's chunk.
        let held: Map<string, Activity[]> | undefined = new Map();
        let heldCount = 0;
        const spillRecord = (a: Activity, at: number) => {
          const k = Math.floor(at / chunkUnits);
          (chunks[k] ??= sink(`chunk-${k}.jsonl`)).write(`${JSON.stringify(a)}\n`);
        };
        const unknownIds = uniqueIds();
        for await (const a of input.activities) {
          const at = position.get(a.unitId);
          if (at === undefined) {
            miss(unmatchedEntry(a, unknownIds(a), 'unknown-unit'));
            acc.countUnmatched();
            continue;
          }
          if (held !== undefined) {
            if (heldCount < memoryRecords) {
              const list = held.get(a.unitId);
              if (list) list.push(a);
              else held.set(a.unitId, [a]);
              heldCount++;
              continue;
            }
            for (const [unitId, list] of held) for (const r of list) spillRecord(r, position.get(unitId)!);
            held = undefined;
          }
          spillRecord(a, at);
        }
        for (const c of chunks) c?.close();
        for (const row of input.setAside ?? []) {
          miss(setAsideEntry(row));
          acc.countUnmatched();
        }

        // Pass 3: chunk by chunk, unit by unit, in registry order; the growing reports spooled.
        const units = want.has('json') ? sink('units.jsonl') : undefined;
        const csv = csvDetail ? sink('audit.csv') : undefined;
        const xlsx = want.has('xlsx') ? sink('audit.xlsx') : undefined;
        const titles = new Map(input.catalog.requirements.map((r) => [r.id, r.title[lang]]));
        const book = xlsx ? auditWorkbook((chunk) => xlsx.bytes(chunk), lang, input.now, titles, undefined, { detail: !large, detailFile }) : undefined;
        csv?.write(auditCsvHeader(lang));
        let index = 0;
        let chunk = -1;
        let records = new Map<string, Activity[]>();
        for await (const unit of input.units()) {
          const k = Math.floor(index++ / chunkUnits);
          if (held === undefined && k !== chunk) {
            chunk = k;
            records = new Map();
            for (const line of fileLines(join(spill, `chunk-${k}.jsonl`))) {
              const a = JSON.parse(line) as Activity;
              const list = records.get(a.unitId);
              if (list) list.push(a);
              else records.set(a.unitId, [a]);
            }
            rmSync(join(spill, `chunk-${k}.jsonl`), { force: true });
          }
          const own = held !== undefined ? held.get(unit.id) : records.get(unit.id);
          if (held !== undefined) held.delete(unit.id);
          const result = await acc.addUnit(unit, own ?? [], miss);
          units?.write(`${JSON.stringify(result)}\n`);
          csv?.write(auditCsvUnit(result, titles, lang));
          book?.unit(result);
        }
        const audit = acc.result([], sample);
        if (book) await book.finish(large ? { ...audit, unitDetail } : audit, acc.gapNames);
        for (const s of open) s.close();
        open.length = 0;
        input.onAudit?.(audit);

        // The summaries read only the totals, the gaps and the names of the units they list
        // (kind and results are not read).
        const named: AuditResult = { ...audit, units: [...acc.gapNames].map(([unitId, name]) => ({ unitId, name, kind: 'school', results: [] })) };
        for (const format of formats) {
          const artefact = { path: AUDIT_PATHS[format], mediaType: AUDIT_MEDIA_TYPES[format] };
          switch (format) {
            case 'json':
              if (large) {
                // The spooled lines are the entries' JSON already: copied, never parsed again.
                yield { ...artefact, content: compactAuditChunks(audit, unitDetail, fileLines(join(spill, 'unmatched.jsonl'))) };
                yield { path: UNITS_JSONL_PATH, mediaType: 'application/jsonl', content: streamedFile(join(spill, 'units.jsonl')) };
              } else yield { ...artefact, content: jsonObjectChunks({ ...audit, units: parsedLines(join(spill, 'units.jsonl')), unmatched: parsedLines(join(spill, 'unmatched.jsonl')) }) };
              break;
            case 'csv':
              if (csvDetail) yield { ...artefact, content: streamedFile(join(spill, 'audit.csv')) };
              yield { path: TARGETS_CSV_PATH, mediaType: 'text/csv', content: targetsCsv(audit, lang) };
              break;
            case 'xlsx':
              yield { ...artefact, content: streamedFile(join(spill, 'audit.xlsx')) };
              break;
            case 'html':
              yield { ...artefact, content: auditHtml(named, lang, input.now.toISOString().slice(0, 10)) };
              break;
            case 'md':
              yield { ...artefact, content: auditMarkdown(named, lang) };
              break;
            case 'junit':
              yield { ...artefact, content: auditJunit(audit, resolved.failUnder) };
              break;
          }
        }
      } finally {
        for (const s of open) s.abandon();
        rmSync(spill, { recursive: true, force: true });
      }
    },
  };
}
