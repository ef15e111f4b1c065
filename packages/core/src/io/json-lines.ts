/**
 * JSON Lines read as streams. Every line goes through `parseJsonLine` (csv.ts), as in whole files,
 * so a whole `.jsonl` file and one read as a stream (a city's registry, a nation's activity log)
 * give the same records and the same problems. Streams are chunks of bytes the caller reads (core
 * touches no file system); records are validated in batches with the table rules of registry.ts
 * and activities.ts, every problem is collected, and the stream throws them all
 * (`LiujinValidationError`) once read to the end, so nothing is written from a bad input.
 */
import type { Activity } from '../model/activity';
import { LiujinValidationError, problem, type Problem } from '../model/problem';
import type { Registry, Unit } from '../model/unit';
import { parseActivityRows } from './activities';
import { parseJsonLine } from './csv';
import { INPUT_LIMITS, capProblems } from './limits';
import { QINGPU_DISTRICT, QINGPU_TOWNS } from './qingpu';
import { jsonLinesAsRows, parseUnitsTable, renumber } from './registry';
import { plainActivities, plainUnits, townLookup } from './json-lines-fast';

/** Problems listed in full; beyond this many only counted (a nation's broken file would flood the terminal). */
export const MAX_LISTED_PROBLEMS = INPUT_LIMITS.problems;

/** Lines of a UTF-8 byte stream, parsed, in batches, with their line numbers; line problems go to `problems`. */
async function* jsonLineBatches(chunks: AsyncIterable<Uint8Array>, file: string, problems: Problem[], size = 10_000, firstLine = 1): AsyncGenerator<{ line: number; value: unknown }[]> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let rest = '';
  let lineNumber = firstLine - 1;
  let batch: { line: number; value: unknown }[] = [];
  const take = (text: string) => {
    lineNumber++;
    const parsed = parseJsonLine(lineNumber === 1 ? text.replace(/^\uFEFF/, '') : text, lineNumber, file);
    if (parsed === undefined) return;
    if ('value' in parsed) batch.push(parsed);
    else problems.push(parsed);
  };
  const decode = (bytes: Uint8Array | undefined) => {
    try {
      return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
    } catch {
      throw new LiujinValidationError([problem('unknown_encoding', { zh: 'JSON Lines 文件须为 UTF-8 编码', en: 'a JSON Lines file must be UTF-8' }, { file, row: lineNumber + 1 })], file);
    }
  };
  for await (const chunk of chunks) {
    const lines = (rest + decode(chunk)).split('\n');
    rest = lines.pop()!;
    // A line without end (a device such as /dev/zero, a binary file) must not grow without bound.
    if (rest.length > INPUT_LIMITS.lineBytes) {
      const limit = `${INPUT_LIMITS.lineBytes / 1024 / 1024} MiB`;
      throw new LiujinValidationError([problem('line_too_long', { zh: `一行超过 ${limit} 的上限（不是 JSON Lines 文件？）`, en: `a line longer than the ${limit} limit (not a JSON Lines file?)` }, { file, row: lineNumber + lines.length + 1 })], file);
    }
    for (const line of lines) take(line);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  rest += decode(undefined);
  if (rest !== '') take(rest);
  if (batch.length > 0) yield batch;
}

/**
 * Batches of lines: as records when every line of the batch passes the compiled check
 * (json-lines-fast.ts), else as table rows (header first) with their line numbers for the full
 * readers; problems collected.
 */
async function* tableBatches<T>(
  chunks: AsyncIterable<Uint8Array>,
  file: string,
  problems: Problem[],
  plain: (batch: { line: number; value: unknown }[]) => T[] | undefined,
  firstLine = 1,
): AsyncGenerator<{ records: T[]; rowNumbers: number[]; lines: number } | { rows: unknown[][]; rowNumbers: number[]; lines: number }> {
  for await (const batch of jsonLineBatches(chunks, file, problems, 10_000, firstLine)) {
    const records = plain(batch);
    if (records) {
      yield { records, rowNumbers: batch.map((l) => l.line), lines: batch.length };
      continue;
    }
    const table = jsonLinesAsRows(batch, file);
    if (table.ok) yield { ...table.value, lines: batch.length };
    else problems.push(...table.problems);
  }
}

/** Throws every error collected (the first MAX_LISTED_PROBLEMS listed, the rest counted), or an empty file. */
function finish(problems: readonly Problem[], file: string, records: number): void {
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length === 0) {
    if (records === 0) throw new LiujinValidationError([problem('empty_file', { zh: '文件为空', en: 'the file is empty' }, { file })], file);
    return;
  }
  throw new LiujinValidationError(capProblems(errors, file, MAX_LISTED_PROBLEMS), file);
}

/** A row set aside while reading activities: its only problem is an unknown kind (the audit lists it as unmatched). */
export interface SetAsideRow {
  unitId: string;
  kind: string;
  date: string;
  file?: string;
  row?: number;
  /** The row's own 记录编号, kept in the unmatched list. */
  id?: string;
}

/** The set-aside row a problem stands for (`unknownKinds: 'set-aside'`), if it is one. */
export function setAsideRowOf(p: Problem): SetAsideRow | undefined {
  if (p.severity !== 'warning' || p.code !== 'unknown_kind' || !p.data) return undefined;
  return { unitId: p.data.unitId ?? '', kind: p.data.kind ?? '', date: p.data.date ?? '', ...(p.data.id ? { id: p.data.id } : {}), ...(p.file ? { file: p.file } : {}), ...(p.row !== undefined ? { row: p.row } : {}) };
}

/**
 * A JSON Lines registry (one unit per line) read as a stream: `units()` opens the bytes again
 * each time it is iterated, giving the same units; duplicate ids are checked on the first pass.
 * The district is Qingpu's, as for a units table.
 */
export function streamRegistryUnits(
  open: () => AsyncIterable<Uint8Array>,
  file: string,
  /** The registry's own district and towns (a towns table, issue 19); default Qingpu's. */
  geography?: Pick<Registry, 'district' | 'towns' | 'districts'>,
): {
  district: Registry['district'];
  /** Every district, when the towns table holds several (a city office). */
  districts?: Registry['districts'];
  towns: Registry['towns'];
  /** The units in file order; each call reads the stream again. */
  units: () => AsyncGenerator<Unit>;
} {
  let checked = false;
  const district = geography?.district ?? QINGPU_DISTRICT;
  const towns = geography ? [...geography.towns] : [...QINGPU_TOWNS];
  const districts = geography?.districts;
  return {
    district,
    ...(districts ? { districts } : {}),
    towns,
    // A batch at a time inside, one unit at a time out (eachOf: no suspended generator per unit).
    units: () => eachOf(unitBatches()),
  };

  async function* unitBatches(): AsyncGenerator<readonly Unit[]> {
    const problems: Problem[] = [];
    const seen = new Map<string, number>();
    let count = 0;
    const townId = townLookup(towns);
    for await (const table of tableBatches(open(), file, problems, // Several districts: the full reader assigns and checks each unit's district.
      (batch) => (districts ? undefined : plainUnits(batch, townId)))) {
      const { rowNumbers } = table;
      let units: readonly Unit[];
      if ('records' in table) units = table.records;
      else {
        const parsed = parseUnitsTable(table.rows, { file, ...(geography ? { district, towns } : {}), ...(districts ? { districts } : {}) });
        problems.push(...renumber(parsed.problems, rowNumbers));
        if (!parsed.ok) continue;
        units = parsed.value.units;
      }
      const out: Unit[] = [];
      for (const [i, unit] of units.entries()) {
        if (!checked) {
          const first = seen.get(unit.id);
          const row = rowNumbers[i] ?? 0;
          if (first !== undefined) problems.push(problem('duplicate_id', { zh: `编号「${unit.id}」与第 ${first} 行重复`, en: `id "${unit.id}" repeats row ${first}` }, { file, row, column: 'id' }));
          else seen.set(unit.id, row);
        }
        count++;
        if (problems.length === 0) out.push(unit);
      }
      if (out.length > 0) yield out;
    }
    checked = true;
    finish(problems, file, count);
  }
}

/**
 * A JSON Lines activity log read once as a stream, in batches of records in file order (up to
 * 10,000 lines each; see {@link streamActivityRecords} for one record at a time). Rows whose only
 * problem is an unknown kind go to `setAside` (the audit lists them as unmatched), as with whole
 * files. Once a problem is found no further batch is given; every problem is thrown at the end.
 *
 * `part`: the bytes are one part of a log, whole lines from line `firstLine` on (a reader that
 * splits a large log between threads): problems are thrown all, uncapped, and an empty part is no
 * problem; the reader of the whole log caps them and checks that it is not empty.
 */
export async function* streamActivityBatches(chunks: AsyncIterable<Uint8Array>, file: string, setAside: SetAsideRow[], part?: { firstLine: number }): AsyncGenerator<readonly Activity[]> {
  const problems: Problem[] = [];
  let count = 0;
  for await (const table of tableBatches(chunks, file, problems, (batch) => plainActivities(batch, file), part?.firstLine)) {
    count += table.lines;
    if ('records' in table) {
      // Already in place: the source row is the line number.
      if (problems.length === 0 && table.records.length > 0) yield table.records;
      continue;
    }
    const { rowNumbers } = table;
    const parsed = parseActivityRows(table.rows, { file, unknownKinds: 'set-aside' });
    for (const p of renumber(parsed.problems, rowNumbers)) {
      const row = setAsideRowOf(p);
      if (row) setAside.push({ ...row, file });
      else problems.push(p);
    }
    if (!parsed.ok || problems.length > 0 || parsed.value.length === 0) continue;
    yield parsed.value.map((a) => (a.source ? { ...a, source: { file, row: rowNumbers[a.source.row - 2] ?? a.source.row } } : a));
  }
  if (part) {
    const errors = problems.filter((p) => p.severity === 'error');
    if (errors.length > 0) throw new LiujinValidationError(errors, file);
    return;
  }
  finish(problems, file, count);
}

/**
 * The same log as {@link streamActivityBatches}, one record at a time: the same records, the
 * same problems.
 */
export function streamActivityRecords(chunks: AsyncIterable<Uint8Array>, file: string, setAside: SetAsideRow[], part?: { firstLine: number }): AsyncGenerator<Activity> {
  return eachOf(streamActivityBatches(chunks, file, setAside, part));
}

/**
 * The items of batches, one at a time, in order. Not an async generator function: it steps
 * through each batch without one suspended generator per item (a nation's log holds ten
 * million records; in a micro-benchmark on this project's machine two async generators' `yield*`
 * over the batches cost 1.1 s per 1.1 million items, this 0.25 s). `return` and `throw` reach the
 * batches' iterator, as `yield*` would pass them on.
 */
export function eachOf<T>(batches: AsyncIterable<readonly T[]>): AsyncGenerator<T> {
  return new BatchItems(batches[Symbol.asyncIterator]());
}

class BatchItems<T> implements AsyncGenerator<T> {
  private batch: readonly T[] = [];
  private next_ = 0;
  private done = false;

  constructor(private readonly source: AsyncIterator<readonly T[]>) {}

  [Symbol.asyncIterator](): AsyncGenerator<T> {
    return this;
  }

  next(): Promise<IteratorResult<T>> {
    if (this.next_ < this.batch.length) return Promise.resolve({ value: this.batch[this.next_++]!, done: false });
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return this.source.next().then((r): IteratorResult<T> | Promise<IteratorResult<T>> => {
      if (r.done) {
        this.done = true;
        return { value: undefined, done: true };
      }
      this.batch = r.value;
      this.next_ = 0;
      return this.next();
    });
  }

  async return(value?: unknown): Promise<IteratorResult<T>> {
    this.finish();
    await this.source.return?.();
    return { value: value as T, done: true };
  }

  async throw(error?: unknown): Promise<IteratorResult<T>> {
    this.finish();
    if (this.source.throw) await this.source.throw(error);
    throw error;
  }

  private finish(): void {
    this.done = true;
    this.batch = [];
    this.next_ = 0;
  }
}
