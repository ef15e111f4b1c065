import { describe, expect, it } from 'vitest';
import { LiujinValidationError } from '../model/problem';
import type { Activity } from '../model/activity';
import type { Unit } from '../model/unit';
import { parseActivitiesFile } from './activities';
import { eachOf, streamActivityBatches, streamActivityRecords, streamRegistryUnits, type SetAsideRow } from './json-lines';
import { parseRegistryFile } from './registry';

const bytes = (text: string) => new TextEncoder().encode(text);
async function* chunked(data: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}
async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

const units = '\uFEFF{"id":"s1","name":"甲学校","kind":"school","town":"zhujiajiao"}\n\n{"id":"c1","name":"乙居委","kind":"community","town":"zhujiajiao"}\r\n';
const activities = '{"unitId":"s1","kind":"evacuation-drill","date":"2026-09-18"}\n{"unitId":"s1","kind":"跳舞","date":"2026-05-01"}\n{"unitId":"c1","kind":"training","date":"2026-09-12","topics":["cpr"]}';

describe('JSON Lines: streamed and whole files read alike', () => {
  it('gives the units and records of the whole-file reader, whatever the chunk size (multi-byte characters split)', async () => {
    const whole = parseRegistryFile({ file: 'r.jsonl', bytes: bytes(units) });
    const wholeActivities = parseActivitiesFile({ file: 'a.jsonl', bytes: bytes(activities) }, { unknownKinds: 'set-aside' });
    expect(whole.ok && wholeActivities.ok).toBe(true);
    for (const size of [1, 5, 1 << 20]) {
      const registry = streamRegistryUnits(() => chunked(bytes(units), size), 'r.jsonl');
      const streamed: Unit[] = await collect(registry.units());
      expect(streamed).toEqual(whole.ok ? whole.value.units : []);
      const setAside: SetAsideRow[] = [];
      const records: Activity[] = await collect(streamActivityRecords(chunked(bytes(activities), size), 'a.jsonl', setAside));
      expect(records).toEqual(wholeActivities.ok ? wholeActivities.value : []);
      expect(setAside).toEqual([{ unitId: 's1', kind: '跳舞', date: '2026-05-01', file: 'a.jsonl', row: 2 }]);
    }
  });
  it('throws every problem at the end, with line numbers, and rejects bytes that are not UTF-8', async () => {
    const bad = '{"id":"s1","name":"甲","kind":"school"}\nnot json\n{"id":"s1","name":"乙","kind":"school"}\n';
    const error = await collect(streamRegistryUnits(() => chunked(bytes(bad), 3), 'r.jsonl').units()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LiujinValidationError);
    expect((error as LiujinValidationError).problems.map((p) => `${p.code}@${p.row}`)).toEqual(['invalid_json@2', 'duplicate_id@3']);
    const gbk = new Uint8Array([0x7b, 0xc4, 0xe3, 0x7d, 0x0a]);
    const encoding = await collect(streamActivityRecords(chunked(gbk, 2), 'a.jsonl', [])).catch((e: unknown) => e);
    expect((encoding as LiujinValidationError).problems[0]).toMatchObject({ code: 'unknown_encoding', row: 1 });
  });
});

describe('eachOf (one item at a time from batches)', () => {
  it('gives every item in order, across batches and past empty ones', async () => {
    async function* batches() {
      yield [1, 2];
      yield [];
      yield [3];
      yield [4, 5, 6];
    }
    expect(await collect(eachOf(batches()))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await collect(eachOf((async function* () {})()))).toEqual([]);
  });

  it('passes a consumer that stops early on to the batches (their finally runs), and rejects with their error', async () => {
    let closed = false;
    async function* batches() {
      try {
        yield [1, 2, 3];
        yield [4];
      } finally {
        closed = true;
      }
    }
    for await (const n of eachOf(batches())) if (n === 2) break;
    expect(closed).toBe(true);
    async function* failing() {
      yield [1];
      throw new Error('bad bytes');
    }
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const n of eachOf(failing())) seen.push(n);
      })(),
    ).rejects.toThrow('bad bytes');
    expect(seen).toEqual([1]);
  });

  it('gives the records of streamActivityBatches, one by one, as streamActivityRecords does', async () => {
    const log = bytes(Array.from({ length: 25_000 }, (_, i) => JSON.stringify({ unitId: `u${i % 7}`, kind: 'course', date: '2026-03-01', id: `a${i}` })).join('\n'));
    const batches = await collect(streamActivityBatches(chunked(log, 65_536), 'log.jsonl', []));
    expect(batches.length).toBeGreaterThan(1);
    expect(await collect(streamActivityRecords(chunked(log, 65_536), 'log.jsonl', []))).toEqual(batches.flat());
  });
});

