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

/** A condition compiled to {@link traceCondition}'s tree; it also appends the tree's leaves, in order, to `leaves`. */
export type CompiledTrace = (facts: Facts, leaves: TracedCondition[]) => TracedCondition;

/**
 * {@link traceCondition} compiled once per condition: the same tree, built without walking the
 * condition again per unit, and its leaves listed as they are made (the order `conditionLeaves`
 * gives), so the audit's reason cache reads them without a walk. Held to traceCondition by a test.
 */
export function compileTrace(condition: Condition): CompiledTrace {
  return foldCondition<CompiledTrace>(condition, {
    all: (parts) => (facts, leaves) => {
      const all = parts.map((p) => p(facts, leaves));
      return { all, result: all.every((c) => c.result) };
    },
    any: (parts) => (facts, leaves) => {
      const any = parts.map((p) => p(facts, leaves));
      return { any, result: any.some((c) => c.result) };
    },
    not: (inner) => (facts, leaves) => {
      const not = inner(facts, leaves);
      return { not, result: !not.result };
    },
    fact: (leaf) => {
      const test = testOf(leaf);
      const { fact, operator, value, path } = leaf;
      return path
        ? (facts, leaves) => {
            const factResult = resolvePath(facts[fact], path);
            const node: TracedCondition = { fact, operator, value, path, factResult, result: test(factResult, value) };
            leaves.push(node);
            return node;
          }
        : (facts, leaves) => {
            const factResult = facts[fact];
            const node: TracedCondition = { fact, operator, value, factResult, result: test(factResult, value) };
            leaves.push(node);
            return node;
          };
    },
  });
}

/**
 * A condition's result; each leaf's shown value (`factResult`) is appended, in leaf order, to
 * `values`, and after a list or object value also the leaf's result ({@link pushLeaf}).
 */
export type CompiledKey = (facts: Facts, values: unknown[]) => boolean;

/**
 * A leaf's part of the reason cache's path: its value, which decides its result when it is text, a
 * number, a boolean or missing; a list or an object is looked up by its JSON (`[null]` and
 * `[undefined]` read alike there), so its result follows it.
 */
function pushLeaf(values: unknown[], factResult: unknown, result: boolean): void {
  values.push(factResult);
  if (typeof factResult === 'object' && factResult !== null) values.push(result);
}

/**
 * {@link compileTrace} without the tree: the same result, every branch evaluated as there, and each
 * leaf's value appended to `values` (what decides a reason's text), with no object per leaf. The
 * audit looks its reasons up by these values and builds the tree only when a reason is not cached.
 * Held to compileTrace by a test.
 */
export function compileKeyed(condition: Condition): CompiledKey {
  return foldCondition<CompiledKey>(condition, {
    all: (parts) => (facts, values) => {
      let result = true;
      for (const p of parts) if (!p(facts, values)) result = false;
      return result;
    },
    any: (parts) => (facts, values) => {
      let result = false;
      for (const p of parts) if (p(facts, values)) result = true;
      return result;
    },
    not: (inner) => (facts, values) => !inner(facts, values),
    fact: (leaf) => {
      const test = testOf(leaf);
      const { fact, value, path } = leaf;
      return path
        ? (facts, values) => {
            const factResult = resolvePath(facts[fact], path);
            const result = Boolean(test(factResult, value));
            pushLeaf(values, factResult, result);
            return result;
          }
        : (facts, values) => {
            const factResult = facts[fact];
            const result = Boolean(test(factResult, value));
            pushLeaf(values, factResult, result);
            return result;
          };
    },
  });
}
