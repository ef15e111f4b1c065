import fc from 'fast-check';
import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { conditionLeaves, type Condition } from '../model/condition';
import { compileCondition, compileKeyed, compileTrace, traceCondition, type TracedCondition } from './compile';
import { ValueTrie } from './value-trie';

const FACTS = ['a', 'b', 'c', 'list'];
const values = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom('x', 'y', '2', ''), fc.constant(undefined), fc.array(fc.constantFrom('x', 'y', 1, 2), { maxLength: 3 }));
const leaf = fc.record({
  fact: fc.constantFrom(...FACTS),
  operator: fc.constantFrom('equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'in', 'notIn', 'contains', 'doesNotContain'),
  value: fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom('x', 'y'), fc.array(fc.oneof(fc.constantFrom('x', 'y'), fc.integer({ min: -2, max: 2 })), { maxLength: 3 })),
});
const condition: fc.Arbitrary<Condition> = fc.letrec<{ node: Condition }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf as fc.Arbitrary<Condition>,
    fc.record({ all: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ not: tie('node') }),
  ),
})).node;

describe('compiled conditions agree with json-rules-engine', () => {
  it('on random conditions and facts', async () => {
    await fc.assert(
      fc.asyncProperty(condition, fc.record({ a: values, b: values, c: values, list: values }), async (cond, facts) => {
        const top = 'all' in cond || 'any' in cond || 'not' in cond ? cond : { all: [cond] };
        const engine = new Engine([{ conditions: top as never, event: { type: 'x' } }], { allowUndefinedFacts: true });
        let expected: boolean | 'throws';
        try {
          expected = (await engine.run({ ...facts })).events.length === 1;
        } catch {
          expected = 'throws';
        }
        let actual: boolean | 'throws';
        try {
          actual = compileCondition(top)(facts);
        } catch {
          actual = 'throws';
        }
        // The engine evaluates every branch (no short-circuit) so it may throw where we return early;
        // catalogs are validated so that neither ever throws (in/notIn take arrays).
        if (expected !== 'throws') expect(actual).toBe(expected);
      }),
      { numRuns: 400 },
    );
  });
});

describe('compiled traces', () => {
  it('build the same tree as traceCondition and list its leaves in conditionLeaves order', () => {
    const withPaths = fc.record({ fact: fc.constant('attrs'), operator: fc.constantFrom('equal', 'notEqual'), value: fc.constantFrom('x', 1), path: fc.constantFrom('$.k', '$.missing') });
    fc.assert(
      fc.property(fc.oneof(condition, withPaths as fc.Arbitrary<Condition>), fc.record({ a: values, b: values, c: values, list: values, attrs: fc.constant({ k: 'x' }) }), (cond, facts) => {
        let expected: TracedCondition | 'throws';
        try {
          expected = traceCondition(cond, facts);
        } catch {
          expected = 'throws';
        }
        const leaves: TracedCondition[] = [];
        let actual: TracedCondition | 'throws';
        try {
          actual = compileTrace(cond)(facts, leaves);
        } catch {
          actual = 'throws';
        }
        expect(actual).toStrictEqual(expected);
        if (actual !== 'throws') {
          expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
          expect(leaves).toEqual(conditionLeaves(actual));
          for (const [i, leaf] of conditionLeaves<TracedCondition>(actual).entries()) expect(leaves[i]).toBe(leaf);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('keyed conditions (the reason cache without the tree)', () => {
  it('give the traced result and the traced leaves\' values in order (a list\'s or object\'s result after it), and throw where the trace throws', () => {
    const withPaths = fc.record({ fact: fc.constant('attrs'), operator: fc.constantFrom('equal', 'notEqual', 'contains'), value: fc.constantFrom('x', 1), path: fc.constantFrom('$.k', '$.missing') });
    fc.assert(
      fc.property(fc.oneof(condition, withPaths as fc.Arbitrary<Condition>), fc.record({ a: values, b: values, c: values, list: values, attrs: fc.constant({ k: 'x' }) }), (cond, facts) => {
        let expected: { result: boolean; values: unknown[] } | 'throws';
        try {
          const leaves: TracedCondition[] = [];
          const traced = compileTrace(cond)(facts, leaves);
          expected = { result: traced.result, values: leaves.flatMap((l) => (typeof l.factResult === 'object' && l.factResult !== null ? [l.factResult, l.result] : [l.factResult])) };
        } catch {
          expected = 'throws';
        }
        let actual: { result: boolean; values: unknown[] } | 'throws';
        try {
          const got: unknown[] = [];
          actual = { result: compileKeyed(cond)(facts, got), values: got };
        } catch {
          actual = 'throws';
        }
        expect(actual).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('where the values read alike in the cache, the traced leaves (what a reason shows) are equal', () => {
    fc.assert(
      fc.property(condition, fc.record({ a: values, b: values, c: values, list: values }), fc.record({ a: values, b: values, c: values, list: values }), (cond, one, two) => {
        const trie = new ValueTrie<number>(10);
        const first: unknown[] = [];
        const second: unknown[] = [];
        try {
          compileKeyed(cond)(one, first);
          compileKeyed(cond)(two, second);
        } catch {
          return;
        }
        trie.set(first, 1);
        if (trie.get(second) !== 1) return;
        const leaves = (facts: typeof one) => {
          const list: TracedCondition[] = [];
          compileTrace(cond)(facts, list);
          return list.map((l) => ({ result: l.result, value: l.factResult }));
        };
        expect(leaves(two)).toEqual(leaves(one));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('the value trie', () => {
  it('tells values apart as a reason shows them: text from numbers, lists and objects from any text, missing from empty', () => {
    const trie = new ValueTrie<string>(100);
    const paths: unknown[][] = [[1], ['1'], [[1]], ['[1]'], ['\u0002[1]'], [undefined], [''], [null], [1, 2], [[1, 2]], [true], ['true'], [{ a: 1 }], ['{"a":1}']];
    paths.forEach((path, i) => trie.set(path, String(i)));
    expect(paths.map((path) => trie.get(path))).toEqual(paths.map((_, i) => String(i)));
    expect(trie.get([2])).toBeUndefined();
    expect(trie.get([1, 2, 3])).toBeUndefined();
    expect(trie.get([[1]].map((v) => [...v]))).toBe('2');
    expect(trie.size).toBe(paths.length);
  });

  it('holds at most its limit and keeps the entries it has', () => {
    const trie = new ValueTrie<number>(3);
    for (let i = 0; i < 10; i++) expect(trie.set([i, 'x'], i)).toBe(i);
    expect(trie.size).toBe(3);
    expect([0, 1, 2, 3].map((i) => trie.get([i, 'x']))).toEqual([0, 1, 2, undefined]);
    trie.set([1, 'x'], 9);
    expect(trie.get([1, 'x']), 'full: nothing changes').toBe(1);
  });
});
