/**
 * Audits too large for memory (a city, a nation), as an ordinary exporter: units and activity
 * records are read as streams, records are held in memory up to a budget and the later ones spilled
 * to temporary files in chunks of units; chunk by chunk, each is evaluated with its held and its
 * spilled records (memory: the budget plus one chunk's spilled records). A log grouped by unit in
 * registry order is judged as it is read once the budget is full, and nothing is spilled (a record
 * that comes back to a judged unit makes the audit read the log again and spill). The reports that grow
 * with the district (JSON, CSV, XLSX) are spooled as units come; the artefacts then stream their content
 * from the spool. The result and the bytes are the same as runAudit + createAuditExporter give
 * for the same input (a test and a property hold them to it); only the memory differs.
 */
import { closeSync, existsSync, mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { z } from 'zod';
import type { Activity, Artefact, AuditInput, AuditResult, Exporter, Registry, Unit } from '@liujin/core';
import { AuditAccumulator, resolveExporterOptions, uniqueIds, setAsideEntry, unmatchedEntry } from '@liujin/core/plugin';
import { AuditOptions, AUDIT_MEDIA_TYPES, AUDIT_PATHS, TARGETS_CSV_PATH, UNITS_JSONL_PATH } from './exporter';
import { auditHtml } from './html';
import { Sink } from './sink';
import { judgeChunk, recordsFromLines, tallyOf, UNMATCHED_SAMPLE, type ChunkOutcome } from './judge-chunk';
import { defaultThreads, JudgePool, type JudgeSetup } from './parallel';
import { compactAuditChunks, jsonObjectChunks, largeDetailFile, unitDetailOf } from './json-stream';
import { auditCsvHeader, auditJunit, auditMarkdown } from './reports';
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
  /** Activity records in any order; read once (an array: as often as needed). */
  activities: AsyncIterable<Activity> | Iterable<Activity>;
  /**
   * The same records read again from the start (a file read anew). With it, a log whose records
   * come grouped by unit in registry order is judged as it is read, past the memory budget,
   * without spilling: should a record come back to a unit already judged, the audit starts again
   * from this read and spills as it must. Same reports either way.
   */
  rereadActivities?: () => AsyncIterable<Activity> | Iterable<Activity>;
  now: Date;
  /**
   * Called with the audit once every unit is evaluated, before the first artefact: its unit list
   * is empty and it holds the first 200 unmatched records (all of them are in the reports).
   */
  onAudit?: (audit: AuditResult) => void;
}

/** How a streamed audit spills: chunk size and the folder its temporary files go in. */
export interface StreamedAuditSettings {
  /** Units judged together (default 20,000): once records spill, one chunk's spilled records are read back at a time. */
  chunkUnits?: number;
  /**
   * Activity records held in memory, grouped by unit, before any is spilled to a temporary file
   * (default 1,500,000, about 300 MB): an audit whose records fit is never written out and read
   * back; past the budget every later record goes to its chunk's spill file (on worker threads the
   * held ones too).
   */
  memoryRecords?: number;
  /** Where records and reports are spooled (default: the system's temporary folder); removed afterwards. */
  tempDir?: string;
  /**
   * Worker threads that judge chunks of units (default: {@link defaultThreads}, one per core from 4
   * cores on); 1 judges every unit on this thread. The reports are the same bytes either way.
   * An audit given its own `evaluator` object, or working days not made by `createWorkdayCalendar`,
   * is judged on this thread: functions cannot be passed to another thread.
   */
  threads?: number;
  /** Registries smaller than this are judged on this thread, where starting workers costs more than it saves (default 5,000 units). */
  threadsFromUnits?: number;
  /** Told, once the registry is counted, how the units will be judged: threads (1: this one) and units per chunk. */
  onPlan?: (plan: { threads: number; chunkUnits: number }) => void;
  /**
   * Told how the records were read: chunks judged while the log was still being read, records
   * spilled to temporary files, and (`readAgain`) that a record came back to a unit already judged,
   * so the log is read again from the start.
   */
  onRead?: (read: { judgedWhileReading: number; spilledRecords: number } | { readAgain: true }) => void;
}

/** A record of a chunk judged before the log was read to its end: the audit starts again. */
class OutOfOrder extends Error {
  constructor() {
    super('a record came after its unit was judged');
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

async function* parsedLines(lines: Iterable<string>): AsyncGenerator<unknown> {
  for (const line of lines) yield JSON.parse(line) as unknown;
}

async function* streamedFile(path: string): AsyncGenerator<Uint8Array> {
  yield* fileChunks(path);
}

/** The audit exporter for inputs read as streams: the same artefacts as `createAuditExporter`, content streamed. */
export function createStreamedAuditExporter(options?: z.input<typeof AuditOptions>, settings: StreamedAuditSettings = {}): Exporter<StreamedAuditInput, AuditOptions> {
  const resolved = resolveExporterOptions('audit-streamed', AuditOptions, options);
  const chunkUnits = settings.chunkUnits ?? 20_000;
  const memoryRecords = settings.memoryRecords ?? 1_500_000;
  const threadCount = Math.max(1, Math.floor(settings.threads ?? defaultThreads()));
  const threadsFromUnits = settings.threadsFromUnits ?? 5_000;
  return {
    name: 'audit-streamed',
    description: 'Coverage audit reports of a district read as streams (a city, a nation): the formats of `audit`, in bounded memory',
    optionsSchema: AuditOptions,
    options: resolved,
    async *export(input: StreamedAuditInput): AsyncIterable<Artefact> {
      const { lang, formats } = resolved;
      const want = new Set(formats);
      const dirs: string[] = [];
      const open: Sink[] = [];
      let pool: JudgePool | undefined;
      let planned = false;
      const reread = input.rereadActivities ?? (Array.isArray(input.activities) ? () => input.activities : undefined);

      /**
       * Every unit judged and counted, its reports spooled. `early`: while the records come grouped
       * by unit in registry order and memory is full, the chunks the log has moved past are judged
       * before it ends (nothing spilled); a record of a chunk already judged then throws
       * {@link OutOfOrder}, and the audit starts again with `early` off.
       */
      const judgeAll = async (activities: AsyncIterable<Activity> | Iterable<Activity>, early: boolean) => {
        const acc = new AuditAccumulator(input);
        const spill = mkdtempSync(join(settings.tempDir ?? tmpdir(), 'liujin-audit-'));
        dirs.push(spill);
        const sink = (name: string) => {
          const s = new Sink(join(spill, name));
          open.push(s);
          return s;
        };
        // Pass 1: the registry's ids and their positions.
        const position = new Map<string, number>();
        for await (const unit of input.units()) position.set(unit.id, position.size);
        // A large audit (docs/audit.md): unit detail written once, in units.jsonl (audit.csv without json).
        const large = position.size >= resolved.largeAuditUnits;
        const detailFile = largeDetailFile(formats);
        const csvDetail = want.has('csv') && (!large || detailFile === 'audit.csv');
        const unitDetail = unitDetailOf(position.size);

        // Chunks of units judged together, on worker threads or on this one (judge-chunk.ts): small
        // enough that every thread has several, at most `chunkUnits`.
        // An evaluator object, or working days not made from data, cannot cross to another thread.
        const portable = input.evaluator === undefined && (input.workdays === undefined || input.workdays.options !== undefined);
        const threads = portable && position.size >= threadsFromUnits ? threadCount : 1;
        const chunkSize = threads > 1 ? Math.min(chunkUnits, Math.max(500, Math.ceil(position.size / (threads * 8)))) : chunkUnits;
        if (!planned) settings.onPlan?.({ threads, chunkUnits: chunkSize });
        planned = true;

        // The reports that grow with the district, spooled as chunks are counted (in registry order).
        const units = want.has('json') ? sink('units.jsonl') : undefined;
        const csv = csvDetail ? sink('audit.csv') : undefined;
        const xlsx = want.has('xlsx') ? sink('audit.xlsx') : undefined;
        const titles = new Map(input.catalog.requirements.map((r) => [r.id, r.title[lang]]));
        const book = xlsx ? auditWorkbook((chunk) => xlsx.bytes(chunk), lang, input.now, titles, undefined, { detail: !large, detailFile }) : undefined;
        // A small audit's workbook lists every unit's results: read back from their JSON lines.
        const bookDetail = book !== undefined && !large;
        const wants = { lines: units !== undefined || bookDetail, csv: csv !== undefined, lang };
        csv?.write(auditCsvHeader(lang));
        const utf8 = new TextDecoder();

        // Unmatched records in the order runAudit lists them: those of unknown units (as read),
        // the rows set aside, then those of each unit (registry order). Chunks may be judged while
        // the log is read, so the first and the last are spooled apart.
        const unknown = { lines: sink('unmatched-unknown.jsonl'), sample: [] as AuditResult['unmatched'] };
        const ofUnits = { lines: sink('unmatched-units.jsonl'), sample: [] as AuditResult['unmatched'] };
        const miss = (entry: AuditResult['unmatched'][number]) => {
          if (unknown.sample.length < UNMATCHED_SAMPLE) unknown.sample.push(entry);
          unknown.lines.write(`${JSON.stringify(entry)}\n`);
        };

        const chunks: Sink[] = [];
        const chunkFile = (k: number) => join(spill, `chunk-${k}.jsonl`);
        const count = (chunk: readonly Unit[], k: number, outcome: ChunkOutcome) => {
          rmSync(chunkFile(k), { force: true });
          for (let u = 0; u < chunk.length; u++) acc.countUnit(chunk[u]!, tallyOf(outcome, u));
          for (const bytes of outcome.lines) units?.bytes(bytes);
          for (const bytes of outcome.csv) csv?.bytes(bytes);
          if (bookDetail) for (const bytes of outcome.lines) for (const line of utf8.decode(bytes).split('\n')) if (line !== '') book.unit(JSON.parse(line) as AuditResult['units'][number]);
          for (const entry of outcome.unmatchedFirst) if (ofUnits.sample.length < UNMATCHED_SAMPLE) ofUnits.sample.push(entry);
          for (const bytes of outcome.unmatchedLines) ofUnits.lines.bytes(bytes);
        };
        if (threads > 1) {
          const { catalog, year, asOf, region, waivers, engine, district, districts, towns, workdays } = input;
          const setup: JudgeSetup = { input: { catalog, year, ...(asOf !== undefined ? { asOf } : {}), ...(region !== undefined ? { region } : {}), ...(waivers ? { waivers } : {}), ...(engine ? { engine } : {}), district, ...(districts ? { districts } : {}), towns }, ...(workdays?.options ? { workdays: workdays.options } : {}), wants };
          pool = new JudgePool(threads, setup);
        }

        // Records in memory until the budget is reached; every later record goes to the spill file
        // of its unit's chunk. On this thread the held records stay held (a unit's held records all
        // come before its spilled ones in input order, so a chunk's unit gets its held list and
        // then its spilled one): spilling them too wrote and parsed every record of a large log
        // once more. Worker threads take a chunk's records as lines, so theirs are spilled.
        const held: Map<string, Activity[]> | undefined = threads === 1 ? new Map() : undefined;
        let heldLines: (Sink | undefined)[] | undefined = threads > 1 ? [] : undefined;
        let heldCount = 0;
        const heldIn: number[] = [];
        let spilled = 0;
        const spillRecord = (a: Activity, at: number) => {
          const k = Math.floor(at / chunkSize);
          (chunks[k] ??= sink(`chunk-${k}.jsonl`)).write(`${JSON.stringify(a)}\n`);
          spilled++;
        };

        // Chunk by chunk in registry order (the units read a second time), judged here or on
        // worker threads, counted here in registry order.
        const cursor = (async function* () {
          yield* input.units();
        })();
        const sent: { k: number; chunk: Unit[] }[] = [];
        const takeOldest = async () => {
          const { k, chunk } = sent.shift()!;
          count(chunk, k, await pool!.take(k));
        };
        let k = 0;
        let judgedEarly = 0;
        /** Judges the next chunk; false when every unit is judged. */
        const judge = async (): Promise<boolean> => {
          const chunk: Unit[] = [];
          while (chunk.length < chunkSize) {
            const next = await cursor.next();
            if (next.done) break;
            chunk.push(next.value);
          }
          if (chunk.length === 0) return false;
          chunks[k]?.close();
          heldCount -= heldIn[k] ?? 0;
          if (pool) {
            const lines = heldLines?.[k]?.take();
            pool.submit({ index: k, units: chunk, ...(lines ? { bytes: lines } : existsSync(chunkFile(k)) ? { file: chunkFile(k) } : { bytes: [] }) });
            if (heldLines) heldLines[k] = undefined;
            sent.push({ k, chunk });
            // Enough sent that no thread waits; not so many that their records pile up here.
            if (sent.length > threads * 2) await takeOldest();
          } else {
            const kept = held!;
            const spilledRecords = chunks[k] !== undefined ? recordsFromLines(fileLines(chunkFile(k))) : undefined;
            const recordsOf = (id: string) => {
              const first = kept.get(id);
              const later = spilledRecords?.get(id);
              return first && later ? first.concat(later) : (first ?? later);
            };
            count(chunk, k, await judgeChunk(acc, chunk, recordsOf, wants, titles));
            for (const unit of chunk) kept.delete(unit.id);
          }
          k++;
          return true;
        };

        try {
          // Pass 2: each record held in memory or, past the budget, spilled to its chunk's file, in
          // input order; unknown units listed now. Held for this thread as records by unit; for
          // worker threads as JSON lines in the chunk's buffers, moved to the thread that judges it.
          const unknownIds = uniqueIds();
          // The highest chunk read so far, while every record's chunk is at least the one before.
          let grouped = early;
          let last = 0;
          for await (const a of activities) {
            const at = position.get(a.unitId);
            if (at === undefined) {
              miss(unmatchedEntry(a, unknownIds(a), 'unknown-unit'));
              acc.countUnmatched();
              continue;
            }
            const c = Math.floor(at / chunkSize);
            // Its chunk was judged before the log came back to it: judged too early.
            if (c < k) throw new OutOfOrder();
            if (c < last) grouped = false;
            else last = c;
            // Memory full, records grouped: the chunks the log has moved past are complete.
            if (grouped && heldCount >= memoryRecords)
              while (k < c) {
                await judge();
                judgedEarly++;
              }
            if (heldCount < memoryRecords) {
              heldCount++;
              heldIn[c] = (heldIn[c] ?? 0) + 1;
              if (held !== undefined) {
                const list = held.get(a.unitId);
                if (list) list.push(a);
                else held.set(a.unitId, [a]);
                continue;
              }
              if (heldLines !== undefined) {
                (heldLines[c] ??= new Sink(undefined, 1 << 18)).write(`${JSON.stringify(a)}\n`);
                continue;
              }
            } else if (heldLines !== undefined) {
              heldLines.forEach((lines, j) => {
                if (lines) for (const bytes of lines.take()) (chunks[j] ??= sink(`chunk-${j}.jsonl`)).bytes(bytes);
              });
              heldLines = undefined;
            }
            spillRecord(a, at);
          }
          for (const c of chunks) c?.close();
          for (const row of input.setAside ?? []) {
            miss(setAsideEntry(row));
            acc.countUnmatched();
          }

          // Pass 3: the chunks not judged yet.
          while (await judge());
          while (sent.length > 0) await takeOldest();
        } finally {
          await cursor.return(undefined);
        }
        await pool?.close();
        pool = undefined;
        settings.onRead?.({ judgedWhileReading: judgedEarly, spilledRecords: spilled });
        const sample = [...unknown.sample, ...ofUnits.sample].slice(0, UNMATCHED_SAMPLE);
        const audit = acc.result([], sample);
        if (book) await book.finish(large ? { ...audit, unitDetail } : audit, acc.gapNames);
        for (const s of open) s.close();
        open.length = 0;
        const unmatchedLines = function* () {
          yield* fileLines(join(spill, 'unmatched-unknown.jsonl'));
          yield* fileLines(join(spill, 'unmatched-units.jsonl'));
        };
        return { acc, audit, spill, large, csvDetail, unitDetail, unmatchedLines };
      };

      /** What one attempt left behind, before the next. */
      const discard = async () => {
        await pool?.close();
        pool = undefined;
        for (const s of open) s.abandon();
        open.length = 0;
        for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
      };

      try {
        let judged;
        try {
          judged = await judgeAll(input.activities, reread !== undefined);
        } catch (error) {
          if (!(error instanceof OutOfOrder)) throw error;
          await discard();
          settings.onRead?.({ readAgain: true });
          judged = await judgeAll(reread!(), false);
        }
        const { acc, audit, spill, large, csvDetail, unitDetail, unmatchedLines } = judged;
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
                yield { ...artefact, content: compactAuditChunks(audit, unitDetail, unmatchedLines()) };
                yield { path: UNITS_JSONL_PATH, mediaType: 'application/jsonl', content: streamedFile(join(spill, 'units.jsonl')) };
              } else yield { ...artefact, content: jsonObjectChunks({ ...audit, units: parsedLines(fileLines(join(spill, 'units.jsonl'))), unmatched: parsedLines(unmatchedLines()) }) };
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
        await discard();
      }
    },
  };
}
