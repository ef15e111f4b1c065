/**
 * The condition operators a catalog may use: json-rules-engine's built-in ones, each with its
 * semantics (as the engine implements them; a differential property test holds the compiled path
 * to the engine) and its symbol in the reasons. One table: the catalog loader, the compiler and
 * the reasons all read it.
 */
import type { LocalizedText } from '../model/text';

/** The engine's number check: `Number.parseFloat(value).toString() !== 'NaN'`. */
const isNumeric = (v: unknown) => Number.parseFloat(v as string).toString() !== 'NaN';

export interface OperatorSpec {
  /** fact value, condition value → passes. */
  readonly test: (fact: unknown, value: unknown) => boolean;
  /** How a reason writes it: `已满足：… （要求 ≥ 1）`. */
  readonly symbol: LocalizedText;
}

const OPERATOR_TABLE: Readonly<Record<string, OperatorSpec>> = {
  equal: { test: (a, b) => a === b, symbol: { zh: '=', en: '=' } },
  notEqual: { test: (a, b) => a !== b, symbol: { zh: '≠', en: '≠' } },
  lessThan: { test: (a, b) => isNumeric(a) && (a as number) < (b as number), symbol: { zh: '<', en: '<' } },
  lessThanInclusive: { test: (a, b) => isNumeric(a) && (a as number) <= (b as number), symbol: { zh: '≤', en: '≤' } },
  greaterThan: { test: (a, b) => isNumeric(a) && (a as number) > (b as number), symbol: { zh: '>', en: '>' } },
  greaterThanInclusive: { test: (a, b) => isNumeric(a) && (a as number) >= (b as number), symbol: { zh: '≥', en: '≥' } },
  // As the engine: `indexOf` on the value (an array, or a string's substrings); anything else throws.
  in: { test: (a, b) => (b as unknown[]).indexOf(a) > -1, symbol: { zh: '属于', en: 'in' } },
  notIn: { test: (a, b) => (b as unknown[]).indexOf(a) === -1, symbol: { zh: '不属于', en: 'not in' } },
  contains: { test: (a, b) => Array.isArray(a) && a.indexOf(b) > -1, symbol: { zh: '包含', en: 'contains' } },
  doesNotContain: { test: (a, b) => Array.isArray(a) && a.indexOf(b) === -1, symbol: { zh: '不包含', en: 'does not contain' } },
};

/** The operator names a catalog may use. */
export const OPERATORS: ReadonlySet<string> = new Set(Object.keys(OPERATOR_TABLE));

/** The operator of a name, or undefined for one the engine does not know. */
export function operatorOf(name: string): OperatorSpec | undefined {
  return Object.hasOwn(OPERATOR_TABLE, name) ? OPERATOR_TABLE[name] : undefined;
}
