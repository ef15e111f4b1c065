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
