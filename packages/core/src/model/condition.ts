import { z } from 'zod';

/**
 * A json-rules-engine condition object, so a catalog is plain JSON an office can edit without code.
 * Validated structurally here; operators and facts are checked against the engine when a catalog loads.
 */
export interface FactCondition {
  fact: string;
  operator: string;
  value: unknown;
  path?: string;
  params?: Record<string, unknown>;
  name?: string;
}
/**
 * A json-rules-engine condition: `all`, `any`, `not` or a fact comparison; catalogs hold conditions as plain JSON.
 */
export type Condition =
  | { all: Condition[]; name?: string }
  | { any: Condition[]; name?: string }
  | { not: Condition; name?: string }
  | { condition: string; name?: string }
  | FactCondition;

const FactConditionSchema = z.object({
  fact: z.string().min(1).max(200),
  operator: z.string().min(1).max(100),
  value: z.unknown(),
  path: z.string().max(500).optional(),
  params: z.record(z.string(), z.unknown()).optional(),
  name: z.string().max(200).optional(),
});

/** Checks a {@link Condition} (zod schema, recursive). */
export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(Condition).max(200), name: z.string().max(200).optional() }).strict(),
    z.object({ any: z.array(Condition).max(200), name: z.string().max(200).optional() }).strict(),
    z.object({ not: Condition, name: z.string().max(200).optional() }).strict(),
    z.object({ condition: z.string().min(1), name: z.string().max(200).optional() }).strict(),
    FactConditionSchema.strict(),
  ]),
);

/**
 * The one walker of condition trees: folds a tree bottom-up, keeping each node's own fields (its
 * `name`). Shared condition references are refused (the catalog loader rejects them too).
 */
export function foldCondition<T>(
  condition: Condition,
  fold: { all: (parts: T[], node: Condition) => T; any: (parts: T[], node: Condition) => T; not: (inner: T, node: Condition) => T; fact: (leaf: FactCondition) => T },
): T {
  if ('all' in condition) return fold.all(condition.all.map((c) => foldCondition(c, fold)), condition);
  if ('any' in condition) return fold.any(condition.any.map((c) => foldCondition(c, fold)), condition);
  if ('not' in condition) return fold.not(foldCondition(condition.not, fold), condition);
  if ('condition' in condition) throw new Error('shared conditions are not supported');
  return fold.fact(condition);
}

/**
 * The one walker of condition trees as JSON (a catalog being checked, a tree the engine annotated):
 * visits each node before its `all`, `any` and `not` children, with its path and depth; returning
 * `false` from `visit` skips the node's children.
 */
export function walkCondition(node: unknown, visit: (node: Readonly<Record<string, unknown>>, path: readonly (string | number)[], depth: number) => boolean | void, path: readonly (string | number)[] = [], depth = 0): void {
  if (typeof node !== 'object' || node === null) return;
  const n = node as Readonly<Record<string, unknown>>;
  if (visit(n, path, depth) === false) return;
  for (const key of ['all', 'any'] as const) {
    const children = n[key];
    if (Array.isArray(children)) children.forEach((child, i) => walkCondition(child, visit, [...path, key, i], depth + 1));
  }
  if (n.not !== undefined) walkCondition(n.not, visit, [...path, 'not'], depth + 1);
}

const isFactNode = (n: Readonly<Record<string, unknown>>) => typeof n.fact === 'string' && !Array.isArray(n.all) && !Array.isArray(n.any) && n.not === undefined;

/** The leaves of a condition tree, or of a tree the engine annotated (same shape), in order. */
export function conditionLeaves<L extends { fact?: string }>(node: object): L[] {
  const leaves: L[] = [];
  walkCondition(node, (n) => {
    if (isFactNode(n)) leaves.push(n as L);
  });
  return leaves;
}

/** The tree with each fact condition replaced by `map(leaf)`. */
export function mapFactConditions(condition: Condition, map: (leaf: FactCondition) => Condition): Condition {
  return foldCondition<Condition>(condition, {
    all: (all, node) => ({ ...node, all }) as Condition,
    any: (any, node) => ({ ...node, any }) as Condition,
    not: (not, node) => ({ ...node, not }) as Condition,
    fact: map,
  });
}
