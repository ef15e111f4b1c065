/**
 * Audits too large for memory (a city, a nation), as an ordinary exporter: units and activity
 * records are read as streams, records are held in memory up to a budget and the later ones spilled
 * to temporary files in chunks of units; chunk by chunk, each is evaluated with its held and its
 * spilled records (memory: the budget plus one chunk's spilled records). A log grouped by unit in
 * registry order is judged chunk by chunk as the log leaves each chunk, and nothing is spilled; the
 * judged chunks are counted once the log ends, and one a record comes back to is judged again, its
 * records read anew from the log. The reports that grow
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
  /** The registry's units in order; called again for each pass (ids first, then evaluation), same order each time. */
  units: () => AsyncIterable<Unit> | Iterable<Unit>;
  /** Activity records in any order; read once (an array: as often as needed). */
  activities: AsyncIterable<Activity> | Iterable<Activity>;
  /**
   * The same records read again from the start (a file read anew). With it, a log whose records
   * come grouped by unit in registry order is judged as it is read, chunk by chunk, without
   * spilling; a chunk a record comes back to once it is judged is judged again at the end, its
   * records taken from this read. Same reports either way.
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
  /**
   * Records read in chunk order before the log is taken to be grouped by unit and its chunks are
   * judged as the log leaves them (default 10,000): a log in another order (by date, shuffled)
   * seldom keeps chunk order that long, and chunks judged early that records come back to are
   * judged again, their records read anew.
   */
  groupedAfter?: number;
  /** Told, once the registry is counted, how the units will be judged: threads (1: this one) and units per chunk. */
  onPlan?: (plan: { threads: number; chunkUnits: number }) => void;
  /**
   * Told how the records were read: chunks judged while the log was still being read, those judged
   * again because a record came back to them once they were judged (their records read again from
   * the start of the log), and records spilled to temporary files.
   */
  onRead?: (read: { judgedWhileReading: number; judgedAgain: number; spilledRecords: number }) => void;
}

/**
 * The registry's units chunk by chunk, read once more from the start: `(k)` gives chunk k's units
 * (empty past the end), k never less than the chunk asked for before.
 */
function chunkCursor(units: () => AsyncIterable<Unit> | Iterable<Unit>, size: number) {
  const it = (async function* () {
    yield* units();
  })();
  let at = 0;
  let done = false;
  let asked = -1;
  const get = async (k: number): Promise<Unit[]> => {
    if (k < asked) throw new Error(`chunk ${k} asked for after chunk ${asked}`);
    asked = k;
    const from = k * size;
    const chunk: Unit[] = [];
    while (!done && at < from + size) {
      const next = await it.next();
      if (next.done) done = true;
      else {
        if (at >= from) chunk.push(next.value);
        at++;
      }
    }
    return chunk;
  };
  return Object.assign(get, {
    close: async () => {
      await it.return(undefined);
    },
  });
}

/** A spooled file's bytes, a megabyte at a time: all of them, or those from `start` to `end`. */
function* fileChunks(path: string, start = 0, end = Infinity): Generator<Uint8Array> {
  if (!existsSync(path)) return;
  const fd = openSync(path, 'r');
  try {
    for (let at = start; at < end; ) {
      const buffer = Buffer.allocUnsafe(Math.min(1 << 20, end - at));
      const n = readSync(fd, buffer, 0, buffer.length, at);
      if (n === 0) return;
      at += n;
      yield buffer.subarray(0, n);
    }
  } finally {
    closeSync(fd);
  }
}

/** Bytes of a spool file, from `start` to `end`: a chunk's part of a report. */
interface Piece {
  path: string;
  start: number;
  end: number;
}

/** The pieces' bytes, one after the other. */
function* pieceChunks(pieces: readonly Piece[]): Generator<Uint8Array> {
  for (const p of pieces) if (p.end > p.start) yield* fileChunks(p.path, p.start, p.end);
}

/** Each line of a spooled file. */
function* fileLines(path: string): Generator<string> {
  yield* linesOf(fileChunks(path));
}

/** Each line of UTF-8 bytes. */
function* linesOf(chunks: Iterable<Uint8Array>): Generator<string> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for (const chunk of chunks) {
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

async function* streamedPieces(first: string | undefined, pieces: readonly Piece[]): AsyncGenerator<Uint8Array | string> {
  if (first !== undefined) yield first;
  yield* pieceChunks(pieces);
}

/** The audit exporter for inputs read as streams: the same artefacts as `createAuditExporter`, content streamed. */
export function createStreamedAuditExporter(options?: z.input<typeof AuditOptions>, settings: StreamedAuditSettings = {}): Exporter<StreamedAuditInput, AuditOptions> {
  const resolved = resolveExporterOptions('audit-streamed', AuditOptions, options);
  const chunkUnits = settings.chunkUnits ?? 20_000;
  const memoryRecords = settings.memoryRecords ?? 1_500_000;
  const threadCount = Math.max(1, Math.floor(settings.threads ?? defaultThreads()));
  const threadsFromUnits = settings.threadsFromUnits ?? 5_000;
  const groupedAfter = settings.groupedAfter ?? 10_000;
  return {
    name: 'audit-streamed',
    description: 'Coverage audit reports of a district read as streams (a city, a nation): the formats of `audit`, in bounded memory',
    optionsSchema: AuditOptions,
    options: resolved,
    async *export(input: StreamedAuditInput): AsyncIterable<Artefact> {
      const { lang, formats } = resolved;
      const want = new Set(formats);
      const open: Sink[] = [];
      let pool: JudgePool | undefined;
      const reread = input.rereadActivities ?? (Array.isArray(input.activities) ? () => input.activities : undefined);
      const spill = mkdtempSync(join(settings.tempDir ?? tmpdir(), 'liujin-audit-'));
      const sink = (name: string) => {
        const s = new Sink(join(spill, name));
        open.push(s);
        return s;
      };
      try {
        const acc = new AuditAccumulator(input);
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
        settings.onPlan?.({ threads, chunkUnits: chunkSize });

        // The reports that grow with the district, spooled as chunks are counted (in registry order).
        // Where chunks judged after the log is read spool their parts (those judged while it is read: early-*).
        const later = { lines: sink('lines.jsonl'), csv: sink('rows.csv'), unmatched: sink('unmatched-units.jsonl') };
        const xlsx = want.has('xlsx') ? sink('audit.xlsx') : undefined;
        const titles = new Map(input.catalog.requirements.map((r) => [r.id, r.title[lang]]));
        const book = xlsx ? auditWorkbook((chunk) => xlsx.bytes(chunk), lang, input.now, titles, undefined, { detail: !large, detailFile }) : undefined;
        // A small audit's workbook lists every unit's results: read back from their JSON lines.
        const bookDetail = book !== undefined && !large;
        const wants = { lines: want.has('json') || bookDetail, csv: csvDetail, lang };

        // Unmatched records in the order runAudit lists them: those of unknown units (as read),
        // the rows set aside, then those of each unit (registry order). Chunks are judged while the
        // log is read, so the first are spooled apart.
        const unknown = { lines: sink('unmatched-unknown.jsonl'), sample: [] as AuditResult['unmatched'] };
        const ofUnitsSample: AuditResult['unmatched'] = [];
        const miss = (entry: AuditResult['unmatched'][number]) => {
          if (unknown.sample.length < UNMATCHED_SAMPLE) unknown.sample.push(entry);
          unknown.lines.write(`${JSON.stringify(entry)}\n`);
        };
        // Each chunk's part of units.jsonl, audit.csv and the unmatched list, in registry order:
        // byte ranges of the spool files, so a chunk judged while the log was read is written once,
        // where it was judged, and never copied.
        const pieces = { lines: [] as Piece[], csv: [] as Piece[], unmatched: [] as Piece[] };
        const append = (to: Sink, parts: readonly Uint8Array[]): Piece => {
          const start = to.size;
          for (const bytes of parts) to.bytes(bytes);
          return { path: to.path!, start, end: to.size };
        };
        /** A judged chunk's spooled parts. */
        interface Spooled {
          lines: Piece;
          csv: Piece;
          unmatched: Piece;
        }
        const spoolOf = (outcome: ChunkOutcome, to: { lines: Sink; csv: Sink; unmatched: Sink }): Spooled => ({ lines: append(to.lines, outcome.lines), csv: append(to.csv, outcome.csv), unmatched: append(to.unmatched, outcome.unmatchedLines) });
        const count = (chunk: readonly Unit[], outcome: ChunkOutcome, spooled: Spooled) => {
          for (let u = 0; u < chunk.length; u++) acc.countUnit(chunk[u]!, tallyOf(outcome, u));
          pieces.lines.push(spooled.lines);
          pieces.csv.push(spooled.csv);
          pieces.unmatched.push(spooled.unmatched);
          if (bookDetail) {
            later.lines.flush();
            earlySinks?.lines.flush();
            for (const line of linesOf(fileChunks(spooled.lines.path, spooled.lines.start, spooled.lines.end))) book.unit(JSON.parse(line) as AuditResult['units'][number]);
          }
          for (const entry of outcome.unmatchedFirst) if (ofUnitsSample.length < UNMATCHED_SAMPLE) ofUnitsSample.push(entry);
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
        const chunks: (Sink | undefined)[] = [];
        const chunkFile = (k: number) => join(spill, `chunk-${k}.jsonl`);
        let spilled = 0;
        const keep = (a: Activity, c: number) => {
          if (heldCount < memoryRecords) {
            heldCount++;
            heldIn[c] = (heldIn[c] ?? 0) + 1;
            if (held !== undefined) {
              const list = held.get(a.unitId);
              if (list) list.push(a);
              else held.set(a.unitId, [a]);
              return;
            }
            if (heldLines !== undefined) {
              (heldLines[c] ??= new Sink(undefined, 1 << 18)).write(`${JSON.stringify(a)}\n`);
              return;
            }
          } else if (heldLines !== undefined) {
            heldLines.forEach((lines, j) => {
              if (lines) for (const bytes of lines.take()) (chunks[j] ??= sink(`chunk-${j}.jsonl`)).bytes(bytes);
            });
            heldLines = undefined;
          }
          (chunks[c] ??= sink(`chunk-${c}.jsonl`)).write(`${JSON.stringify(a)}\n`);
          spilled++;
        };
        /** Chunk k's records, held and spilled, let go once it is judged. */
        const release = (k: number, chunk: readonly Unit[]) => {
          if (held) for (const unit of chunk) held.delete(unit.id);
          rmSync(chunkFile(k), { force: true });
        };

        /**
         * Chunk k judged with its records, here or on a worker thread; the records let go. A worker's
         * outcome is awaited by whoever takes it from `pending`.
         */
        const pending = new Map<number, Promise<ChunkOutcome>>();
        const judge = async (k: number, chunk: Unit[]): Promise<void> => {
          // Its records leave the budget now: as lines they move to the worker; the spill file is
          // closed for good (a record that comes back to the chunk is not kept: dirty below).
          const spilledFile = chunks[k] !== undefined;
          chunks[k]?.close();
          chunks[k] = undefined;
          heldCount -= heldIn[k] ?? 0;
          heldIn[k] = 0;
          if (pool) {
            const lines = heldLines?.[k]?.take();
            pool.submit({ index: k, units: chunk, ...(lines ? { bytes: lines } : spilledFile ? { file: chunkFile(k) } : { bytes: [] }) });
            const outcome = pool.take(k);
            pending.set(k, outcome);
            // The spill file is read by the thread: removed once it is done.
            void outcome.then(
              () => release(k, chunk),
              () => undefined,
            );
            if (heldLines) heldLines[k] = undefined;
            return;
          }
          const kept = held!;
          const spilledRecords = spilledFile ? recordsFromLines(fileLines(chunkFile(k))) : undefined;
          const recordsOf = (id: string) => {
            const first = kept.get(id);
            const later = spilledRecords?.get(id);
            return first && later ? first.concat(later) : (first ?? later);
          };
          pending.set(k, Promise.resolve(await judgeChunk(acc, chunk, recordsOf, wants, titles)));
          release(k, chunk);
        };

        // Chunks judged while the log is read: their outcomes kept (the unit detail in files) and
        // counted once it is read to its end, in registry order, unless a record came back to them.
        const early = new Map<number, { outcome: ChunkOutcome; spooled: Spooled }>();
        let earlySinks: { lines: Sink; csv: Sink; unmatched: Sink } | undefined;
        const store = async (k: number) => {
          const outcome = await pending.get(k)!;
          pending.delete(k);
          earlySinks ??= { lines: sink('early-lines.jsonl'), csv: sink('early-rows.csv'), unmatched: sink('early-unmatched.jsonl') };
          early.set(k, { outcome: { ...outcome, lines: [], csv: [], unmatchedLines: [] }, spooled: spoolOf(outcome, earlySinks) });
        };
        const storeOldest = () => store(pending.keys().next().value!);
        /** A chunk's units, for judging while the log is read: chunks in increasing order. */
        const ahead = chunkCursor(input.units, chunkSize);
        const dirty = new Set<number>();
        let judgedEarly = 0;

        // Pass 2: each record held in memory or, past the budget, spilled to its chunk's file, in
        // input order; unknown units listed now. Held for this thread as records by unit; for
        // worker threads as JSON lines in the chunk's buffers, moved to the thread that judges it.
        // While every record's chunk is the same as or after the one before (a log written unit by
        // unit in registry order), each chunk the log leaves is judged at once and its records let
        // go: nothing spilled. A record that comes back to a judged chunk marks it to be judged
        // again at the end, its records read again (`reread`); without a way to read the log
        // again, nothing is judged before the log ends.
        try {
          const unknownIds = uniqueIds();
          let grouped = reread !== undefined;
          let last = -1;
          let read = 0;
          for await (const a of input.activities) {
            read++;
            const at = position.get(a.unitId);
            if (at === undefined) {
              miss(unmatchedEntry(a, unknownIds(a), 'unknown-unit'));
              acc.countUnmatched();
              continue;
            }
            const c = Math.floor(at / chunkSize);
            if (c !== last) {
              if (early.has(c) || pending.has(c)) dirty.add(c);
              if (c < last) grouped = false;
              // Judged early only once the order has held for a while: a log in another order
              // is rarely in chunk order for long, and its early chunks would be judged again.
              else if (grouped && last >= 0 && read > groupedAfter) {
                await judge(last, await ahead(last));
                judgedEarly++;
                // Enough sent that no thread waits; not so many that their outcomes pile up.
                while (pending.size > (pool ? threads * 2 : 0)) await storeOldest();
              }
              if (c > last) last = c;
            }
            // A chunk judged already gets all its records from the second read.
            if (!dirty.has(c)) keep(a, c);
          }
          while (pending.size > 0) await storeOldest();
        } finally {
          await ahead.close();
        }
        for (const row of input.setAside ?? []) {
          miss(setAsideEntry(row));
          acc.countUnmatched();
        }

        // The chunks a record came back to: their judgement dropped, all their records read again
        // from the start of the log (judging let go of the first ones; those that came back were
        // not kept).
        if (dirty.size > 0) {
          for (const k of dirty) early.delete(k);
          for await (const a of reread!()) {
            const at = position.get(a.unitId);
            if (at === undefined) continue;
            const c = Math.floor(at / chunkSize);
            if (dirty.has(c)) keep(a, c);
          }
        }
        for (const c of chunks) c?.close();
        settings.onRead?.({ judgedWhileReading: judgedEarly, judgedAgain: dirty.size, spilledRecords: spilled });

        // Pass 3: chunk by chunk in registry order, judged here or on worker threads (those judged
        // while the log was read, from their files), counted here in registry order; the growing
        // reports spooled.
        const queue: { k: number; chunk: Unit[] }[] = [];
        const countOldest = async () => {
          const { k, chunk } = queue.shift()!;
          const kept = early.get(k);
          if (kept) {
            count(chunk, kept.outcome, kept.spooled);
            early.delete(k);
          } else {
            const outcome = await pending.get(k)!;
            pending.delete(k);
            count(chunk, outcome, spoolOf(outcome, later));
          }
        };
        const inOrder = chunkCursor(input.units, chunkSize);
        try {
          for (let k = 0; ; k++) {
            const chunk = await inOrder(k);
            if (chunk.length === 0) break;
            if (!early.has(k)) await judge(k, chunk);
            queue.push({ k, chunk });
            while (queue.length > (pool ? threads * 2 : 0)) await countOldest();
          }
          while (queue.length > 0) await countOldest();
        } finally {
          await inOrder.close();
        }
        await pool?.close();
        pool = undefined;
        const sample = [...unknown.sample, ...ofUnitsSample].slice(0, UNMATCHED_SAMPLE);
        const audit = acc.result([], sample);
        if (book) await book.finish(large ? { ...audit, unitDetail } : audit, acc.gapNames);
        for (const s of open) s.close();
        open.length = 0;
        const unmatchedLines = function* () {
          yield* fileLines(join(spill, 'unmatched-unknown.jsonl'));
          yield* linesOf(pieceChunks(pieces.unmatched));
        };
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
                yield { path: UNITS_JSONL_PATH, mediaType: 'application/jsonl', content: streamedPieces(undefined, pieces.lines) };
              } else yield { ...artefact, content: jsonObjectChunks({ ...audit, units: parsedLines(linesOf(pieceChunks(pieces.lines))), unmatched: parsedLines(unmatchedLines()) }) };
              break;
            case 'csv':
              if (csvDetail) yield { ...artefact, content: streamedPieces(auditCsvHeader(lang), pieces.csv) };
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
        await pool?.close();
        for (const s of open) s.abandon();
        rmSync(spill, { recursive: true, force: true });
      }
    },
  };
}
