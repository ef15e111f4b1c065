/**
 * A chunk of a streamed audit's units judged, on a worker thread or on this one: the same function
 * either way, so one thread and several give the same bytes. What the chunk gives back is what
 * the main thread needs to count its units in registry order (`AuditAccumulator.countUnit`) and to
 * write the reports that grow with the district: numbers in typed arrays and the unit detail
 * already encoded as UTF-8, both moved between threads, not copied (a million result objects cost
 * more to clone than to judge, and encoding a city's detail took a third of the main thread).
 */
import type { Activity, AuditResult, Lang, Unit } from '@liujin/core';
import type { AuditAccumulator, UnitTally } from '@liujin/core/plugin';
import { auditCsvUnit } from './reports';
import { Sink } from './sink';

type Unmatched = AuditResult['unmatched'][number];

/** Which texts of the unit detail a chunk writes. */
export interface ChunkWants {
  /** units.jsonl lines (also what the main thread reads back for a workbook's unit detail). */
  lines: boolean;
  /** audit.csv rows. */
  csv: boolean;
  lang: Lang;
}

/** A judged chunk: each unit's tally as numbers, and its texts. */
export interface ChunkOutcome {
  /** Where each unit's requirements start in `requirements` and `statuses` (units + 1 entries). */
  offsets: Uint32Array;
  requirements: Uint16Array;
  statuses: Uint8Array;
  /** Two per unit: the sectors it counts in, and those it is active in (bits). */
  sectors: Uint8Array;
  /** Two per unit: its records, and how many are unmatched. */
  records: Uint32Array;
  /** JSON of each unit's result, one line each, UTF-8 (none unless wanted); each buffer holds whole lines. */
  lines: Uint8Array[];
  /** audit.csv rows of the chunk, UTF-8 (none unless wanted). */
  csv: Uint8Array[];
  /** The chunk's unmatched records, one JSON line each, in order, UTF-8. */
  unmatchedLines: Uint8Array[];
  /** The first of them as objects (an audit lists a sample of 200). */
  unmatchedFirst: Unmatched[];
}

type AuditUnit = AuditResult['units'][number];

/** Each reason's JSON, by object: units judged alike share their reason objects (the evaluator's reason cache). */
const reasonTexts = new WeakMap<object, string>();
const reasonJson = (reason: AuditUnit['results'][number]['reason']): string => {
  let text = reasonTexts.get(reason);
  if (text === undefined) reasonTexts.set(reason, (text = JSON.stringify(reason)));
  return text;
};

/**
 * A unit's result as JSON, the bytes `JSON.stringify` gives for the objects `judgeUnit` builds
 * (the same keys in the same order; a test holds the two equal on random audits), but each shared
 * reason object encoded once: a city's unit detail repeats the same few thousand reasons millions
 * of times, and re-encoding them was most of the cost of writing units.jsonl.
 */
export function unitJson(unit: AuditUnit): string {
  const str = JSON.stringify;
  let text = `{"unitId":${str(unit.unitId)},"name":${str(unit.name)},"kind":${str(unit.kind)}`;
  if (unit.town !== undefined) text += `,"town":${str(unit.town)}`;
  text += ',"results":[';
  const { results } = unit;
  for (let i = 0; i < results.length; i++) {
    const r = results[i]!;
    text += `${i === 0 ? '' : ','}{"requirementId":${str(r.requirementId)}`;
    if (r.dueDate !== undefined) text += `,"dueDate":${str(r.dueDate)}`;
    text += `,"status":${str(r.status)},"reasonCode":${str(r.reasonCode)},"reason":${reasonJson(r.reason)},"evidence":${str(r.evidence)}`;
    if (r.waiver !== undefined) text += `,"waiver":${str(r.waiver)}`;
    text += '}';
  }
  return `${text}]}`;
}

/** How many unmatched entries a chunk gives back as objects: the sample an audit lists. */
export const UNMATCHED_SAMPLE = 200;

/** Judges `units` (in registry order) with their records. */
export async function judgeChunk(acc: AuditAccumulator, units: readonly Unit[], recordsOf: (unitId: string) => readonly Activity[] | undefined, wants: ChunkWants, titles: ReadonlyMap<string, string>): Promise<ChunkOutcome> {
  const offsets = new Uint32Array(units.length + 1);
  let requirements = new Uint16Array(Math.max(16, units.length * 32));
  let statuses = new Uint8Array(requirements.length);
  const sectors = new Uint8Array(units.length * 2);
  const records = new Uint32Array(units.length * 2);
  const lines = new Sink(undefined);
  const csv = new Sink(undefined);
  const unmatchedLines = new Sink(undefined, 1 << 16);
  const unmatchedFirst: Unmatched[] = [];
  const miss = (entry: Unmatched) => {
    if (unmatchedFirst.length < UNMATCHED_SAMPLE) unmatchedFirst.push(entry);
    unmatchedLines.write(`${JSON.stringify(entry)}\n`);
  };
  let at = 0;
  for (let u = 0; u < units.length; u++) {
    const unit = units[u]!;
    const { result, tally } = await acc.judgeUnit(unit, recordsOf(unit.id) ?? [], miss, { results: wants.lines || wants.csv });
    const n = tally.requirements.length;
    if (at + n > requirements.length) {
      const size = Math.max(requirements.length * 2, at + n);
      const grownReqs = new Uint16Array(size);
      grownReqs.set(requirements);
      requirements = grownReqs;
      const grownStatuses = new Uint8Array(size);
      grownStatuses.set(statuses);
      statuses = grownStatuses;
    }
    for (let i = 0; i < n; i++) {
      requirements[at + i] = tally.requirements[i]!;
      statuses[at + i] = tally.statuses[i]!;
    }
    at += n;
    offsets[u + 1] = at;
    sectors[2 * u] = tally.sectorsCounted;
    sectors[2 * u + 1] = tally.sectorsActive;
    records[2 * u] = tally.records;
    records[2 * u + 1] = tally.unmatched;
    if (wants.lines) lines.write(`${unitJson(result)}\n`);
    if (wants.csv) csv.write(auditCsvUnit(result, titles, wants.lang));
  }
  return { offsets, requirements: requirements.slice(0, at), statuses: statuses.slice(0, at), sectors, records, lines: lines.take(), csv: csv.take(), unmatchedLines: unmatchedLines.take(), unmatchedFirst };
}

/** Unit `u` of a judged chunk as the tally `countUnit` reads. */
export function tallyOf(outcome: ChunkOutcome, u: number): UnitTally {
  const from = outcome.offsets[u]!;
  const to = outcome.offsets[u + 1]!;
  return {
    requirements: outcome.requirements.subarray(from, to),
    statuses: outcome.statuses.subarray(from, to),
    sectorsCounted: outcome.sectors[2 * u]!,
    sectorsActive: outcome.sectors[2 * u + 1]!,
    records: outcome.records[2 * u]!,
    unmatched: outcome.records[2 * u + 1]!,
  };
}

/** The buffers of an outcome, to move rather than copy to another thread. */
export const outcomeTransfer = (o: ChunkOutcome): ArrayBuffer[] => [...new Set([o.offsets, o.requirements, o.statuses, o.sectors, o.records, ...o.lines, ...o.csv, ...o.unmatchedLines].map((a) => a.buffer as ArrayBuffer))];

/** Activity records of a chunk as JSON lines in byte buffers (each holds whole lines), grouped by unit in input order. */
export function recordsFromLines(texts: Iterable<string>): Map<string, Activity[]> {
  const byUnit = new Map<string, Activity[]>();
  for (const text of texts) {
    let start = 0;
    while (start < text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      if (end > start) {
        const a = JSON.parse(text.slice(start, end)) as Activity;
        const list = byUnit.get(a.unitId);
        if (list) list.push(a);
        else byUnit.set(a.unitId, [a]);
      }
      start = end + 1;
    }
  }
  return byUnit;
}
