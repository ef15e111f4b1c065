/**
 * Compiles json-rules-engine condition objects into plain synchronous functions with the
 * engine's semantics for its built-in operators. Used where the engine's async machinery does not
 * fit (the planner's applies-to checks) and as the fast path for large audits; a differential
 * property test holds it to the engine's results.
 */
import type { Condition } from '../model/condition';

/** Facts by name, as the rules read them. */
export type Facts = Readonly<Record<string, unknown>>;
/** A condition compiled to a plain function of the facts. */
export type CompiledCondition = (facts: Facts) => boolean;

/** The engine's number check: `Number.parseFloat(value).toString() !== 'NaN'`. */
const isNumeric = (v: unknown) => Number.parseFloat(v as string).toString() !== 'NaN';

const OPERATORS: Record<string, (fact: unknown, value: unknown) => boolean> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  // As the engine: `indexOf` on the value (an array, or a string's substrings); anything else throws.
  in: (a, b) => (b as unknown[]).indexOf(a) > -1,
  notIn: (a, b) => (b as unknown[]).indexOf(a) === -1,
  contains: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  doesNotContain: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
  lessThan: (a, b) => isNumeric(a) && (a as number) < (b as number),
  lessThanInclusive: (a, b) => isNumeric(a) && (a as number) <= (b as number),
  greaterThan: (a, b) => isNumeric(a) && (a as number) > (b as number),
  greaterThanInclusive: (a, b) => isNumeric(a) && (a as number) >= (b as number),
};

/** Plain property access for condition paths (`$.a.b`): no JSONPath script evaluation. */
export function resolvePath(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.replace(/^\$\.?/, '').split('.').filter(Boolean)) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/**
 * Compiles a json-rules-engine condition to a plain function with the same semantics (held to it by a differential test).
 */
export function compileCondition(condition: Condition, rename: (fact: string) => string = (f) => f): CompiledCondition {
  if ('all' in condition) {
    const parts = condition.all.map((c) => compileCondition(c, rename));
    return (facts) => parts.every((p) => p(facts));
  }
  if ('any' in condition) {
    const parts = condition.any.map((c) => compileCondition(c, rename));
    return (facts) => parts.some((p) => p(facts));
  }
  if ('not' in condition) {
    const inner = compileCondition(condition.not, rename);
    return (facts) => !inner(facts);
  }
  if ('condition' in condition) throw new Error('shared conditions are not supported');
  const op = OPERATORS[condition.operator];
  if (!op) throw new Error(`unknown operator "${condition.operator}"`);
  const fact = rename(condition.fact);
  const { value, path } = condition;
  return path ? (facts) => op(resolvePath(facts[fact], path), value) : (facts) => op(facts[fact], value);
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
  if ('all' in condition) {
    const all = condition.all.map((c) => traceCondition(c, facts));
    return { all, result: all.every((c) => c.result) };
  }
  if ('any' in condition) {
    const any = condition.any.map((c) => traceCondition(c, facts));
    return { any, result: any.some((c) => c.result) };
  }
  if ('not' in condition) {
    const not = traceCondition(condition.not, facts);
    return { not, result: !not.result };
  }
  if ('condition' in condition) throw new Error('shared conditions are not supported');
  const op = OPERATORS[condition.operator];
  if (!op) throw new Error(`unknown operator "${condition.operator}"`);
  const factResult = condition.path ? resolvePath(facts[condition.fact], condition.path) : facts[condition.fact];
  return { fact: condition.fact, operator: condition.operator, value: condition.value, ...(condition.path ? { path: condition.path } : {}), factResult, result: op(factResult, condition.value) };
}
