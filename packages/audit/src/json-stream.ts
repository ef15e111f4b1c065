/**
 * `JSON.stringify(value, null, 2)` of an object, followed by a newline, written in pieces: a
 * field whose value is an async iterable is written as an array, item by item, so a nation's unit
 * list never sits in memory. Same bytes as the whole-value form (a test holds them to it).
 */
import type { AuditResult } from '@liujin/core';

const indent = (json: string, by: string) => json.replace(/\n/g, `\n${by}`);

const isStream = (value: unknown): value is AsyncIterable<unknown> => typeof value === 'object' && value !== null && Symbol.asyncIterator in value;

export async function* jsonObjectChunks(fields: Readonly<Record<string, unknown>>): AsyncGenerator<string> {
  let first = true;
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    yield `${first ? '{\n' : ',\n'}  ${JSON.stringify(key)}: `;
    first = false;
    if (!isStream(value)) {
      yield indent(JSON.stringify(value, null, 2), '  ');
      continue;
    }
    let empty = true;
    for await (const item of value) {
      yield `${empty ? '[\n    ' : ',\n    '}${indent(JSON.stringify(item, null, 2), '    ')}`;
      empty = false;
    }
    yield empty ? '[]' : '\n  ]';
  }
  yield first ? '{}\n' : '\n}\n';
}

/** What a large audit's summary says of its unit detail: the `unitDetail` field of audit.json. */
export function unitDetailOf(units: number): NonNullable<AuditResult['unitDetail']> {
  return { path: 'units.jsonl', units };
}

/**
 * Where a large audit's unit detail is written, once (docs/audit.md, "Large audits"): units.jsonl
 * when the formats include `json`, else audit.csv (with `csv`); never both.
 */
export function largeDetailFile(formats: readonly string[]): 'units.jsonl' | 'audit.csv' {
  return formats.includes('json') || !formats.includes('csv') ? 'units.jsonl' : 'audit.csv';
}

/**
 * A large audit's audit.json: `JSON.stringify` of the summary (compact, one line and a newline),
 * its unit list empty with `unitDetail` after it. `unmatched` is the list itself, or its items as
 * lines of JSON already written (a streamed audit's spool); both give the same bytes.
 */
export async function* compactAuditChunks(audit: AuditResult, unitDetail: NonNullable<AuditResult['unitDetail']>, unmatched: readonly unknown[] | Iterable<string>): AsyncGenerator<string> {
  let out = '{';
  let first = true;
  for (const [key, value] of Object.entries(audit)) {
    if (value === undefined || key === 'unitDetail') continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    if (key === 'units') out += `[],"unitDetail":${JSON.stringify(unitDetail)}`;
    else if (key !== 'unmatched') out += JSON.stringify(value);
    else if (Array.isArray(unmatched)) out += JSON.stringify(unmatched);
    else {
      let sep = '[';
      for (const line of unmatched as Iterable<string>) {
        out += sep + line;
        sep = ',';
        if (out.length > 1 << 20) {
          yield out;
          out = '';
        }
      }
      out += sep === '[' ? '[]' : ']';
    }
  }
  yield `${out}}\n`;
}
