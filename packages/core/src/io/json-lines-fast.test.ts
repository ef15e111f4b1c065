import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseActivitiesFile } from './activities';
import { plainActivities, plainUnits, townLookup } from './json-lines-fast';
import { streamActivityRecords, streamRegistryUnits, type SetAsideRow } from './json-lines';
import { QINGPU_TOWNS } from './qingpu';
import { parseRegistryFile } from './registry';

// Values as files hold them: mostly the plain form, sometimes a variant only the full readers judge.
const v = (plain: unknown[], odd: unknown[]) => fc.oneof({ arbitrary: fc.constantFrom(...plain), weight: 12 }, { arbitrary: fc.constantFrom(...odd), weight: 1 });
const text = v(['r', '带空格 ', 'https://example.org/1'], ['', '   ', 'x'.repeat(501), 42, null]);
const rare = (value: unknown) => fc.oneof({ arbitrary: fc.constant(undefined), weight: 30 }, { arbitrary: fc.constant(value), weight: 1 });
const activityRow = fc
  .record(
    {
      id: v(['a-1', 'A.2_x'], [' a-2 ', 'bad id', '', 7]),
      unitId: v(['u1', 'u2'], [' u1', 'ü', 3]),
      kind: v(['training', 'evacuation-drill', '疏散演练', '演练'], [' training ', '跳舞', 5]),
      date: v(['2026-09-18', '2024-02-29'], ['2026-02-30', '2026/9/18', '2026-09-18 10:00', ' 2026-09-18', '２０２６-09-18', 20260918]),
      time: v(['09:30', '23:59'], ['9:30', '下午3点', '24:00', '']),
      title: text,
      place: text,
      participants: v([0, 820, -0], [-1, 1.5, '1,200', '820']),
      reference: text,
      topics: v([['cpr'], ['cpr', 'bandaging']], [[' cpr'], ['a;b'], [], 'cpr;bandaging', [1], [['x']]]),
      extra: rare('x'),
      单位编号: rare('u1'),
    },
    { requiredKeys: ['unitId', 'kind', 'date'] },
  )
  .map((r) => JSON.parse(JSON.stringify(r)) as Record<string, unknown>);
const unitRow = fc
  .record(
    {
      id: v(['u1', 'u2', 'u3'], [' u4 ', 'bad id', 9]),
      name: v(['甲学校', ' 乙居委 '], ['', 'x'.repeat(201), 12]),
      kind: v(['school', '学校', '居委', '村委', 'community'], ['spaceport', ' school']),
      town: v(['zhujiajiao', '朱家角镇', 'Zhujiajiao Town', ' 夏阳街道 '], ['atlantis', '']),
      headCount: v([0, 860, -0], [-3, 2.5, '860']),
      roles: rare('education-bureau'),
    },
    { requiredKeys: ['id', 'name', 'kind'] },
  )
  .map((r) => JSON.parse(JSON.stringify(r)) as Record<string, unknown>);
const lines = <T>(rows: T[]) => rows.map((r, i) => ({ line: i + 1, value: r as unknown }));
const jsonl = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join('\n');
async function* once(data: string): AsyncGenerator<Uint8Array> {
  yield new TextEncoder().encode(data);
}
async function collect<T>(items: AsyncIterable<T>): Promise<T[] | { error: unknown }> {
  const out: T[] = [];
  try {
    for await (const item of items) out.push(item);
  } catch (error) {
    return { error: (error as { problems?: unknown }).problems ?? error };
  }
  return out;
}

describe('the compiled JSON Lines row check', () => {
  it('gives the records of the full readers, in the same key order, whenever it takes a batch (property)', () => {
    let taken = 0;
    fc.assert(
      fc.property(fc.array(activityRow, { minLength: 1, maxLength: 4 }), (rows) => {
        const fast = plainActivities(lines(rows), 'a.jsonl');
        if (!fast) return;
        taken++;
        const full = parseActivitiesFile({ file: 'a.jsonl', text: jsonl(rows) }, { unknownKinds: 'set-aside' });
        expect(full.ok && full.problems).toEqual([]);
        expect(JSON.stringify(fast)).toBe(JSON.stringify(full.ok ? full.value : null));
      }),
      { numRuns: 600 },
    );
    // The check is not vacuous: plain batches do occur among the random ones.
    expect(taken).toBeGreaterThan(100);
  });

  it('gives the units of the full readers whenever it takes a batch (property)', () => {
    const townId = townLookup(QINGPU_TOWNS);
    let taken = 0;
    fc.assert(
      fc.property(fc.array(unitRow, { minLength: 1, maxLength: 3 }), (rows) => {
        const fast = plainUnits(lines(rows), townId);
        if (!fast) return;
        taken++;
        const full = parseRegistryFile({ file: 'r.jsonl', text: jsonl(rows) });
        expect(full.ok && full.problems).toEqual([]);
        expect(JSON.stringify(fast)).toBe(JSON.stringify(full.ok ? full.value.units : null));
      }),
      { numRuns: 600 },
    );
    expect(taken).toBeGreaterThan(100);
  });

  it('leaves every other batch to the readers: streamed files give the records and problems of whole files (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(activityRow, { minLength: 1, maxLength: 5 }), fc.array(unitRow, { minLength: 1, maxLength: 4 }), async (acts, units) => {
        const setAside: SetAsideRow[] = [];
        const streamed = await collect(streamActivityRecords(once(jsonl(acts)), 'a.jsonl', setAside));
        const whole = parseActivitiesFile({ file: 'a.jsonl', text: jsonl(acts) }, { unknownKinds: 'set-aside' });
        const errors = whole.problems.filter((p) => p.severity === 'error');
        if (errors.length === 0) expect(JSON.stringify(streamed)).toBe(JSON.stringify(whole.ok ? whole.value : null));
        else expect((streamed as { error: { code: string; row?: number }[] }).error.map((p) => `${p.code}@${p.row}`)).toEqual(errors.map((p) => `${p.code}@${p.row}`));
        const registry = await collect(streamRegistryUnits(() => once(jsonl(units)), 'r.jsonl').units());
        const wholeRegistry = parseRegistryFile({ file: 'r.jsonl', text: jsonl(units) });
        if (wholeRegistry.ok) expect(JSON.stringify(registry)).toBe(JSON.stringify(wholeRegistry.value.units));
        else expect('error' in registry).toBe(true);
      }),
      { numRuns: 80 },
    );
  });
});
