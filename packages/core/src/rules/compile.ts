/**
 * Compiles json-rules-engine condition objects into plain synchronous functions with the
 * engine's semantics for its built-in operators. Used where the engine's async machinery does not
 * fit (the planner's applies-to checks) and as the fast path for large audits; a differential
 * property test holds it to the engine's results.
 */
import { foldCondition, type Condition, type FactCondition } from '../model/condition';
import { operatorOf } from './operators';

/** Facts by name, as the rules read them. */
export type Facts = Readonly<Record<string, unknown>>;
/** A condition compiled to a plain function of the facts. */
export type CompiledCondition = (facts: Facts) => boolean;

/** Plain property access for condition paths (`$.a.b`): no JSONPath script evaluation. */
export function resolvePath(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.replace(/^\$\.?/, '').split('.').filter(Boolean)) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function testOf(leaf: FactCondition): (fact: unknown, value: unknown) => boolean {
  const op = operatorOf(leaf.operator);
  if (!op) throw new Error(`unknown operator "${leaf.operator}"`);
  return op.test;
}

/**
 * Compiles a json-rules-engine condition to a plain function with the same semantics (held to it by a differential test).
 */
export function compileCondition(condition: Condition, rename: (fact: string) => string = (f) => f): CompiledCondition {
  return foldCondition<CompiledCondition>(condition, {
    all: (parts) => (facts) => parts.every((p) => p(facts)),
    any: (parts) => (facts) => parts.some((p) => p(facts)),
    not: (inner) => (facts) => !inner(facts),
    fact: (leaf) => {
      const test = testOf(leaf);
      const fact = rename(leaf.fact);
      const { value, path } = leaf;
      return path ? (facts) => test(resolvePath(facts[fact], path), value) : (facts) => test(facts[fact], value);
    },
  });
}

/** A condition tree evaluated like json-rules-engine annotates it: every leaf gets `factResult` and `result`. */
export interface TracedCondition {
  all?: TracedCondition[];
  any?: TracedCondition[];
  not?: TracedCondition;
  fact?: string;
  operator?: string;
  value?: unknown;
  path?: string;
  factResult?: unknown;
  result: boolean;
}

/**
 * Evaluates every branch (the engine runs conditions of equal priority together, without
 * short-circuit), so the annotated tree and the reasons built from it match the engine's.
 */
export function traceCondition(condition: Condition, facts: Facts): TracedCondition {
  return foldCondition<TracedCondition>(condition, {
    all: (all) => ({ all, result: all.every((c) => c.result) }),
    any: (any) => ({ any, result: any.some((c) => c.result) }),
    not: (not) => ({ not, result: !not.result }),
    fact: (leaf) => {
      const test = testOf(leaf);
      const factResult = leaf.path ? resolvePath(facts[leaf.fact], leaf.path) : facts[leaf.fact];
      return { fact: leaf.fact, operator: leaf.operator, value: leaf.value, ...(leaf.path ? { path: leaf.path } : {}), factResult, result: test(factResult, leaf.value) };
    },
  });
}
