/**
 * Loading and checking catalogs: the built-in one and any other office's, the same way.
 * A catalog is plain JSON; conditions are json-rules-engine condition objects. Values written
 * as "{{name}}" take the requirement's parameter `name`, so a tailoring file can change a
 * threshold (e.g. the news-report delay) without rewriting conditions.
 */
import { z } from 'zod';
import { resolveKeyDates } from '../dates/key-dates';
import { KEY_DATE_IDS, KeyDateRule } from '../model/key-date';
import { problem, problemsFromZod, type ParseResult, type Problem } from '../model/problem';
import { walkCondition } from '../model/condition';
import { Catalog, Requirement } from '../model/requirement';
import { Role, UnitKind } from '../model/unit';
import { Id } from '../model/text';
import { FACT_NAMES } from '../rules/facts';
import { OPERATORS } from '../rules/operators';
import { neverMetProblems } from './never-met';

/** Plain property paths only: no filters or script, so an untrusted catalog cannot run code. */
const SAFE_PATH = /^\$(\.[A-Za-z0-9_-]+){1,8}$/;
const KNOWN_KEY_DATES: ReadonlySet<string> = new Set(Object.values(KEY_DATE_IDS));
const MAX_BYTES = 2_000_000;
const MAX_DEPTH = 16;
const PARAMETER_REFERENCE = /^\{\{([A-Za-z0-9_-]+)\}\}$/;

function substitute(value: unknown, params: Record<string, unknown>, path: (string | number)[], problems: Problem[], file?: string): unknown {
  if (typeof value === 'string') {
    const m = PARAMETER_REFERENCE.exec(value);
    if (!m) return value;
    if (!(m[1]! in params)) {
      problems.push(problem('unknown_parameter', { zh: `参数「${m[1]}」未定义`, en: `parameter "${m[1]}" is not defined` }, { path, ...(file ? { file } : {}) }));
      return value;
    }
    return params[m[1]!];
  }
  if (Array.isArray(value)) return value.map((v, i) => substitute(v, params, [...path, i], problems, file));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'parameters' ? v : substitute(v, params, [...path, k], problems, file)]));
  }
  return value;
}

/** The values unit facts can take (model/unit.ts): a condition naming another can never be met. */
const UNIT_FACT_VALUES: Readonly<Record<string, readonly string[]>> = { kind: UnitKind.options, roles: Role.options, communityType: ['residential', 'village'] };

/** Problems of one catalog condition (facts, operators, paths, values, depth), every node visited by the one condition walker. */
function checkCondition(condition: unknown, path: (string | number)[], problems: Problem[], file?: string): void {
  walkCondition(condition, (c, nodePath, depth) => {
    const at = { path: [...path, ...nodePath], ...(file ? { file } : {}) };
    if (depth > MAX_DEPTH) {
      problems.push(problem('condition_too_deep', { zh: `条件嵌套超过 ${MAX_DEPTH} 层`, en: `condition nested deeper than ${MAX_DEPTH}` }, at));
      return false;
    }
    checkNode(c, at, problems);
  });
}

function checkNode(c: Readonly<Record<string, unknown>>, at: { path: (string | number)[]; file?: string }, problems: Problem[]): void {
  const path = at.path;
  if (typeof c.condition === 'string') {
    problems.push(problem('shared_condition', { zh: '不支持引用共享条件（condition）', en: 'shared condition references are not supported' }, at));
  }
  if (typeof c.fact === 'string') {
    if (!FACT_NAMES.has(c.fact)) problems.push(problem('unknown_fact', { zh: `未知事实「${c.fact}」`, en: `unknown fact "${c.fact}"` }, { ...at, path: [...path, 'fact'] }));
    if (typeof c.operator === 'string' && !OPERATORS.has(c.operator)) {
      problems.push(problem('unknown_operator', { zh: `未知运算符「${c.operator}」`, en: `unknown operator "${c.operator}"` }, { ...at, path: [...path, 'operator'] }));
    }
    if (c.path !== undefined && (typeof c.path !== 'string' || !SAFE_PATH.test(c.path))) {
      problems.push(problem('unsafe_path', { zh: '路径只能是 $.a.b 形式的属性访问', en: 'paths may only be plain property access like $.a.b' }, { ...at, path: [...path, 'path'] }));
    }
    if ((c.operator === 'in' || c.operator === 'notIn') && !Array.isArray(c.value)) {
      problems.push(problem('value_not_a_list', { zh: 'in / notIn 的值应为列表', en: 'in / notIn need a list as value' }, { ...at, path: [...path, 'value'] }));
    }
    // A value the unit fact can never take makes a rule that never applies (or never complies):
    // `kind` = "schools" instead of "school" would silently drop every school from the audit.
    const vocabulary = UNIT_FACT_VALUES[c.fact];
    if (vocabulary && (typeof c.value === 'string' || Array.isArray(c.value))) {
      const values = (Array.isArray(c.value) ? c.value : [c.value]).filter((v): v is string => typeof v === 'string');
      for (const v of values.filter((v) => !vocabulary.includes(v))) {
        problems.push(problem('unknown_fact_value', { zh: `事实「${c.fact}」不会取值「${v}」（可用：${vocabulary.join('、')}），该条件永远不会满足`, en: `fact "${c.fact}" never has the value "${v}" (known: ${vocabulary.join(', ')}): the condition can never be met` }, { ...at, path: [...path, 'value'] }));
      }
    }
    if (typeof c.value === 'object' && c.value !== null && !Array.isArray(c.value)) {
      problems.push(problem('fact_reference_value', { zh: '条件的值不能引用其他事实', en: 'condition values may not refer to other facts' }, { ...at, path: [...path, 'value'] }));
    }
  }
}

function semanticProblems(catalog: Catalog, file?: string): Problem[] {
  const problems: Problem[] = [];
  const ownKeyDates = new Set((catalog.keyDates ?? []).map((k) => k.id));
  // The catalog's own rules must resolve (references, cycles) in a sample year, so a typo in an
  // offset's `from` is caught when the catalog is read, not when a plan is made.
  if (catalog.keyDates && catalog.keyDates.length > 0) {
    const resolved = resolveKeyDates(2026, { extraRules: catalog.keyDates });
    if (!resolved.ok) for (const p of resolved.problems) problems.push({ ...p, path: ['keyDates', ...p.path], ...(file ? { file } : {}) });
  }
  catalog.requirements.forEach((req, i) => {
    const base = ['requirements', i];
    checkCondition(req.appliesTo, [...base, 'appliesTo'], problems, file);
    checkCondition(req.compliance, [...base, 'compliance'], problems, file);
    problems.push(...neverMetProblems(req, base, file));
    const due = req.due;
    const keyDates = due.type === 'by-key-date' || due.type === 'window' ? [due.keyDate] : due.type === 'each-key-date' ? due.keyDates : [];
    for (const id of keyDates) {
      if (!KNOWN_KEY_DATES.has(id) && !ownKeyDates.has(id)) problems.push(problem('unknown_key_date', { zh: `未知关键日期「${id}」`, en: `unknown key date "${id}"` }, { path: [...base, 'due'], ...(file ? { file } : {}) }));
    }
  });
  return problems;
}

/** Validates a catalog (schema, facts, operators, paths, key dates, size) and resolves parameters. */
export function parseCatalog(json: unknown, options: { file?: string } = {}): ParseResult<Catalog> {
  const { file } = options;
  const where = file ? { file } : {};
  if (JSON.stringify(json ?? null).length > MAX_BYTES) {
    return { ok: false, problems: [problem('catalog_too_large', { zh: '目录超过 2 MB', en: 'the catalog is larger than 2 MB' }, where)] };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, problems: [problem('not_an_object', { zh: '目录应为 JSON 对象', en: 'a catalog must be a JSON object' }, where)] };
  }
  const raw = json as { parameters?: Record<string, unknown>; requirements?: unknown };
  const problems: Problem[] = [];
  const requirements = Array.isArray(raw.requirements)
    ? raw.requirements.map((req, i) => {
        const params = { ...(raw.parameters ?? {}), ...((req as { parameters?: Record<string, unknown> })?.parameters ?? {}) };
        return substitute(req, params, ['requirements', i], problems, file);
      })
    : raw.requirements;
  const result = Catalog.safeParse({ ...raw, requirements });
  if (!result.success) problems.push(...problemsFromZod(result.error, where));
  else problems.push(...semanticProblems(result.data, file));
  if (problems.length > 0 || !result.success) return { ok: false, problems };
  return { ok: true, value: result.data, problems: [] };
}

/** Like parseCatalog, throwing for a broken built-in catalog (a programmer error). */
export function loadCatalogOrThrow(json: unknown, name: string): Catalog {
  const result = parseCatalog(json, { file: name });
  if (!result.ok) throw new Error(`${name}: ${result.problems.map((p) => `${p.path.join('.')}: ${p.message.en}`).join('; ')}`);
  return result.value;
}

/** How an office adapts a base catalog (like an OSCAL profile): select, drop, override, set parameters. */
export const Tailoring = z
  .object({
    /** The base catalog's id this tailoring was written for. */
    base: Id,
    id: Id.optional(),
    version: z.string().min(1).optional(),
    /** Keep only these requirements. */
    select: z.array(Id).optional(),
    drop: z.array(Id).optional(),
    /** Parameter values by requirement id, e.g. `{ "qp2024.general.news-report": { "newsReportWorkdays": 3 } }`. */
    parameters: z.record(Id, z.record(z.string(), z.union([z.number(), z.string(), z.boolean()]))).optional(),
    /** Fields to replace, by requirement id (not `id`). */
    overrides: z.record(Id, Requirement.omit({ id: true }).partial().strict()).optional(),
    /** Key dates to add to the catalog's own, or to replace by id (a built-in one too, e.g. `annual-plan-deadline`). */
    keyDates: z.array(KeyDateRule).optional(),
  })
  .strict();
export type Tailoring = z.infer<typeof Tailoring>;

/**
 * Tailors a catalog. `source` is the catalog as written (`QINGPU_2024_CATALOG_JSON`, or a custom
 * catalog's JSON), with its `{{parameter}}` references: tailoring re-applies parameters to it, so
 * it is an explicit input, never recovered from a parsed catalog. A parameter that the
 * requirement does not reference is a problem (a parsed catalog passed as source has none left).
 */
export function tailorCatalog(source: unknown, tailoring: unknown, options: { file?: string } = {}): ParseResult<Catalog> {
  const json = tailorCatalogJson(source, tailoring, options);
  return json.ok ? parseCatalog(json.value, options) : { ok: false, problems: json.problems };
}

/**
 * The tailored catalog as written (its `{{parameter}}` references kept, the tailoring's values
 * set as the requirements' parameters), for a catalog built by tailoring another (the example
 * catalogs) that may itself be tailored again.
 */
export function tailorCatalogJson(source: unknown, tailoring: unknown, options: { file?: string } = {}): ParseResult<Record<string, unknown>> {
  const where = options.file ? { file: options.file } : {};
  const parsedBase = parseCatalog(source);
  if (!parsedBase.ok) return { ok: false, problems: parsedBase.problems };
  const base = parsedBase.value;
  const parsed = Tailoring.safeParse(tailoring);
  if (!parsed.success) return { ok: false, problems: problemsFromZod(parsed.error, where) };
  const t = parsed.data;
  const problems: Problem[] = [];
  if (t.base !== base.id) problems.push(problem('wrong_base', { zh: `裁剪文件针对目录「${t.base}」，而不是「${base.id}」`, en: `the tailoring is for catalog "${t.base}", not "${base.id}"` }, { ...where, path: ['base'] }));
  const ids = new Set(base.requirements.map((r) => r.id));
  const check = (list: readonly string[], key: string) => list.forEach((id, i) => !ids.has(id) && problems.push(problem('unknown_requirement', { zh: `未知要求「${id}」`, en: `unknown requirement "${id}"` }, { ...where, path: [key, i] })));
  check(t.select ?? [], 'select');
  check(t.drop ?? [], 'drop');
  check(Object.keys(t.parameters ?? {}), 'parameters');
  check(Object.keys(t.overrides ?? {}), 'overrides');
  if (problems.length > 0) return { ok: false, problems };

  const template = source as { requirements: Record<string, unknown>[] } & Record<string, unknown>;
  for (const [id, values] of Object.entries(t.parameters ?? {})) {
    const written = JSON.stringify(template.requirements.find((r) => r.id === id));
    for (const name of Object.keys(values)) {
      if (!written.includes(`"{{${name}}}"`)) {
        problems.push(problem('unused_parameter', { zh: `要求「${id}」没有引用参数「${name}」（须传入目录原文，如 QINGPU_2024_CATALOG_JSON）`, en: `requirement "${id}" does not use parameter "${name}" (pass the catalog as written, e.g. QINGPU_2024_CATALOG_JSON)` }, { ...where, path: ['parameters', id, name] }));
      }
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const selected = new Set(t.select ?? ids);
  const dropped = new Set(t.drop ?? []);
  const requirements = template.requirements
    .filter((r) => selected.has(r.id as string) && !dropped.has(r.id as string))
    .map((r) => {
      const id = r.id as string;
      const parameters = { ...((r.parameters as object | undefined) ?? {}), ...(t.parameters?.[id] ?? {}) };
      return { ...r, ...(t.overrides?.[id] ?? {}), ...(Object.keys(parameters).length > 0 ? { parameters } : {}) };
    });
  const replaced = new Set((t.keyDates ?? []).map((k) => k.id));
  const keyDates = t.keyDates ? { keyDates: [...((template.keyDates as { id: string }[] | undefined) ?? []).filter((k) => !replaced.has(k.id)), ...t.keyDates] } : {};
  const tailored = { ...template, id: t.id ?? template.id, version: t.version ?? `${String(template.version)}+tailored`, requirements, ...keyDates };
  // Checked here too: a caller of the JSON gets the same problems as tailorCatalog.
  const checked = parseCatalog(tailored, options);
  return checked.ok ? { ok: true, value: tailored, problems: [] } : { ok: false, problems: checked.problems };
}
