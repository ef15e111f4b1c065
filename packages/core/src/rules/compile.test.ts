import fc from 'fast-check';
import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { conditionLeaves, type Condition } from '../model/condition';
import { compileCondition, compileKeyed, compileTrace, leafKeyPart, traceCondition, type TracedCondition } from './compile';

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
  it('give the traced result and the key of the traced leaves, and throw where the trace throws', () => {
    const withPaths = fc.record({ fact: fc.constant('attrs'), operator: fc.constantFrom('equal', 'notEqual', 'contains'), value: fc.constantFrom('x', 1), path: fc.constantFrom('$.k', '$.missing') });
    fc.assert(
      fc.property(fc.oneof(condition, withPaths as fc.Arbitrary<Condition>), fc.record({ a: values, b: values, c: values, list: values, attrs: fc.constant({ k: 'x' }) }), (cond, facts) => {
        let expected: { result: boolean; key: string } | 'throws';
        try {
          const leaves: TracedCondition[] = [];
          const traced = compileTrace(cond)(facts, leaves);
          expected = { result: traced.result, key: leaves.map((l) => leafKeyPart(l.result, l.factResult)).join('') };
        } catch {
          expected = 'throws';
        }
        let actual: { result: boolean; key: string } | 'throws';
        try {
          actual = compileKeyed(cond)(facts);
        } catch {
          actual = 'throws';
        }
        expect(actual).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('tell leaves apart by result and by value, text from numbers', () => {
    const cond: Condition = { all: [{ fact: 'a', operator: 'equal', value: 1 }, { fact: 'b', operator: 'equal', value: 'x' }] };
    const keys = [{ a: 1, b: 'x' }, { a: '1', b: 'x' }, { a: 2, b: 'x' }, { a: 1, b: 'y' }, { a: 1, b: undefined }].map((facts) => compileKeyed(cond)(facts));
    expect(keys.map((k) => k.result)).toEqual([true, false, false, false, false]);
    expect(new Set(keys.map((k) => k.key)).size).toBe(5);
  });
});

