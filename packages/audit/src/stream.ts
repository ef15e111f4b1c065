/**
 * Audits too large for memory (a city, a nation): units and activity records are read as
 * streams, activity records are spilled to temporary files in chunks of units, each chunk is
 * evaluated with only its own records in memory, and every report is written as it goes. The
 * result and the report bytes are the same as runAudit + createAuditExporter give for the same
 * input (a test holds them to it); only the memory differs.
 */
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { AuditAccumulator, activityId, setAsideEntry, unmatchedEntry, type Activity, type AuditInput, type AuditResult, type Lang, type Registry, type Unit } from '@liujin/core';
import type { AuditFormat } from './exporter';
import { auditHtml } from './html';
import { auditCsvHeader, auditCsvUnit, auditJunit, auditMarkdown } from './reports';
import { auditWorkbook } from './xlsx';

/**
 * Input of a streamed audit: like {@link AuditInput}, with units and activities as (async) iterables, so a registry too large for memory can be audited.
 */
export interface StreamedAuditInput extends Omit<AuditInput, 'registry' | 'activities'> {
  district: Registry['district'];
  towns: Registry['towns'];
  /** The registry's units in order; called twice (ids first, then evaluation), same order each time. */
  units: () => AsyncIterable<Unit> | Iterable<Unit>;
  /** Activity records in any order; read once. */
  activities: AsyncIterable<Activity> | Iterable<Activity>;
}

/** Where and how a streamed audit writes its reports. */
export interface StreamedAuditOptions {
  /** Output folder: reports go to `<dir>/audit/`. */
  dir: string;
  formats: readonly AuditFormat[];
  lang: Lang;
  now: Date;
  failUnder?: number;
  /** Units whose records are held in memory at once (default 20,000). */
  chunkUnits?: number;
  /** Where records are spilled (default: the system's temporary folder); removed afterwards. */
  tempDir?: string;
}

/** What a streamed audit returns once its reports are written. */
export interface StreamedAuditResult {
  /** The audit with an empty unit list and the first 200 unmatched records (all of them are in the files). */
  audit: AuditResult;
  /** The files written, relative to `dir`. */
  files: string[];
}

/** Buffered appends to a file descriptor: one write call per megabyte, not per line. */
class Sink {
  private parts: string[] = [];
  private size = 0;
  constructor(readonly fd: number) {}
  write(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size > 1 << 20) this.flush();
  }
  bytes(data: Uint8Array): void {
    this.flush();
    writeSync(this.fd, data);
  }
  flush(): void {
    if (this.parts.length === 0) return;
    writeSync(this.fd, this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/** A report file written under a temporary name and renamed when complete. */
class AtomicFile {
  readonly sink: Sink;
  private readonly temp: string;
  constructor(readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.temp = `${path}.${process.pid}.tmp`;
    this.sink = new Sink(openSync(this.temp, 'w'));
  }
  commit(): void {
    this.sink.close();
    renameSync(this.temp, this.path);
  }
  abandon(): void {
    try {
      closeSync(this.sink.fd);
    } catch {
      // already closed
    }
    rmSync(this.temp, { force: true });
  }
}

const indent = (json: string, by: string) => json.replace(/\n/g, `\n${by}`);

/** Calls `fn` with each line of a file, reading a megabyte at a time. */
function forEachLine(path: string, fn: (line: string) => void): void {
  if (!existsSync(path)) return;
  const fd = openSync(path, 'r');
  const buffer = Buffer.alloc(1 << 20);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  try {
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) {
      const text = rest + decoder.write(buffer.subarray(0, n));
      const lines = text.split('\n');
      rest = lines.pop()!;
      for (const line of lines) if (line !== '') fn(line);
    }
    rest += decoder.end();
    if (rest !== '') fn(rest);
  } finally {
    closeSync(fd);
  }
}

/**
 * Audits units and activities read as streams and writes the reports to `<dir>/audit/`, holding only `chunkUnits` units' records in memory at once (records are spilled to a temporary folder, removed afterwards). The reports are the same as {@link createAuditExporter}'s for the same data.
 */
export async function writeAuditStreamed(input: StreamedAuditInput, options: StreamedAuditOptions): Promise<StreamedAuditResult> {
  const chunkUnits = options.chunkUnits ?? 20_000;
  const acc = new AuditAccumulator(input);
  const spill = mkdtempSync(join(options.tempDir ?? tmpdir(), 'liujin-audit-'));
  const open: AtomicFile[] = [];
  try {
    // Pass 1: the registry's ids and their positions.
    const position = new Map<string, number>();
    for await (const unit of input.units()) position.set(unit.id, position.size);

    // Pass 2: each record to its chunk's spill file, in input order; unknown units listed now.
    const unmatchedSpill = new Sink(openSync(join(spill, 'unmatched.jsonl'), 'w'));
    const sample: AuditResult['unmatched'] = [];
    const miss = (entry: AuditResult['unmatched'][number]) => {
      if (sample.length < 200) sample.push(entry);
      unmatchedSpill.write(`${JSON.stringify(entry)}\n`);
    };
    const chunks: Sink[] = [];
    for await (const a of input.activities) {
      const at = position.get(a.unitId);
      if (at === undefined) {
        miss(unmatchedEntry(a, activityId(a), 'unknown-unit'));
        acc.countUnmatched();
        continue;
      }
      const k = Math.floor(at / chunkUnits);
      (chunks[k] ??= new Sink(openSync(join(spill, `chunk-${k}.jsonl`), 'w'))).write(`${JSON.stringify(a)}\n`);
    }
    for (const sink of chunks) sink?.close();
    for (const row of input.setAside ?? []) {
      miss(setAsideEntry(row));
      acc.countUnmatched();
    }

    // The reports that grow with the district, written as units come.
    const base = join(options.dir, 'audit');
    const want = new Set(options.formats);
    const json = want.has('json') ? new AtomicFile(join(base, 'audit.json')) : undefined;
    const csv = want.has('csv') ? new AtomicFile(join(base, 'audit.csv')) : undefined;
    const xlsx = want.has('xlsx') ? new AtomicFile(join(base, 'audit.xlsx')) : undefined;
    for (const f of [json, csv, xlsx]) if (f) open.push(f);
    const titles = new Map(input.catalog.requirements.map((r) => [r.id, r.title[options.lang]]));
    const book = xlsx ? auditWorkbook((chunk) => xlsx.sink.bytes(chunk), options.lang, options.now, titles) : undefined;
    csv?.sink.write(auditCsvHeader(options.lang));
    // The JSON is JSON.stringify(audit, null, 2) written in pieces: the fields before `units`
    // need only the input, the ones after it come at the end.
    const opening = JSON.stringify(acc.header(), null, 2);
    json?.sink.write(`${opening.slice(0, -2)},\n  "units": [`);
    let firstUnit = true;

    // Pass 3: chunk by chunk, unit by unit, in registry order.
    let index = 0;
    let chunk = -1;
    let records = new Map<string, Activity[]>();
    for await (const unit of input.units()) {
      const k = Math.floor(index++ / chunkUnits);
      if (k !== chunk) {
        chunk = k;
        const byUnit = new Map<string, Activity[]>();
        forEachLine(join(spill, `chunk-${k}.jsonl`), (line) => {
          const a = JSON.parse(line) as Activity;
          const list = byUnit.get(a.unitId);
          if (list) list.push(a);
          else byUnit.set(a.unitId, [a]);
        });
        records = byUnit;
        rmSync(join(spill, `chunk-${k}.jsonl`), { force: true });
      }
      const result = await acc.addUnit(unit, records.get(unit.id) ?? [], miss);
      json?.sink.write(`${firstUnit ? '\n    ' : ',\n    '}${indent(JSON.stringify(result, null, 2), '    ')}`);
      firstUnit = false;
      csv?.sink.write(auditCsvUnit(result, titles, options.lang));
      book?.unit(result);
    }
    unmatchedSpill.close();

    const audit = acc.result([], sample);
    if (json) {
      const { schemaVersion: _s, year: _y, asOf: _a, region: _r, catalog: _c, district: _d, units: _u, unmatched: _m, change, ...middle } = audit;
      const rest = JSON.stringify(middle, null, 2);
      json.sink.write(`${firstUnit ? ']' : '\n  ]'},\n${rest.slice(2, -2)},\n  "unmatched": [`);
      let firstMiss = true;
      forEachLine(join(spill, 'unmatched.jsonl'), (line) => {
        json.sink.write(`${firstMiss ? '\n    ' : ',\n    '}${indent(JSON.stringify(JSON.parse(line), null, 2), '    ')}`);
        firstMiss = false;
      });
      json.sink.write(firstMiss ? ']' : '\n  ]');
      if (change) json.sink.write(`,\n  "change": ${indent(JSON.stringify(change, null, 2), '  ')}`);
      json.sink.write('\n}\n');
    }
    // The summaries read only the totals, the gaps and the names of the units they list (kind
    // and results are not read).
    const named: AuditResult = { ...audit, units: [...acc.gapNames].map(([unitId, name]) => ({ unitId, name, kind: 'school', results: [] })) };
    if (book) await book.finish(audit, acc.gapNames);
    for (const f of open) f.commit();
    open.length = 0;
    const files = [json && 'audit/audit.json', csv && 'audit/audit.csv', xlsx && 'audit/audit.xlsx'].filter((f): f is string => Boolean(f));
    const small: [AuditFormat, string, () => string][] = [
      ['html', 'report.html', () => auditHtml(named, options.lang, options.now.toISOString().slice(0, 10))],
      ['md', 'summary.md', () => auditMarkdown(named, options.lang)],
      ['junit', 'junit.xml', () => auditJunit(audit, options.failUnder)],
    ];
    for (const [format, name, render] of small) {
      if (!want.has(format)) continue;
      const file = new AtomicFile(join(base, name));
      file.sink.write(render());
      file.commit();
      files.push(`audit/${name}`);
    }
    return { audit, files };
  } finally {
    for (const f of open) f.abandon();
    rmSync(spill, { recursive: true, force: true });
  }
}
