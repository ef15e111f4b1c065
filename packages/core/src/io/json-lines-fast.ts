/**
 * A compiled check for JSON Lines rows in the plain form liujin's own writers and most exports
 * produce: English field names, ids and dates as the schema writes them, numbers as numbers. A
 * batch whose every row passes becomes records directly, with the same values in the same key
 * order as the table readers give (zod stays the schema: `Activity` and `Unit` output their
 * shape's order, which this follows). Any other batch (Chinese headers, dates as 2026/9/19, a
 * missing field, anything the readers would warn about or refuse) returns undefined and goes
 * through `readTable` and zod, which build the messages. A differential test holds both paths to
 * the same records (json-lines-fast.test.ts).
 */
import type { Activity } from '../model/activity';
import type { Town, Unit } from '../model/unit';
import { resolveActivityKind } from './activities';
import { resolveUnitKind } from './registry';

/** The `Id` schema's pattern and length (model/text.ts). */
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const isId = (v: unknown): v is string => typeof v === 'string' && v.length <= 200 && ID.test(v);
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** YYYY-MM-DD naming a real calendar day (as `LocalDate` and `readDateText` accept it unchanged). */
function isPlainDate(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  // The same few thousand dates recur through a whole log: each is checked once.
  const known = checkedDates.get(v);
  if (known !== undefined) return known;
  const m = DATE.exec(v);
  const ok = m !== null && realDay(Number(m[1]), Number(m[2]), Number(m[3]));
  if (checkedDates.size >= 100_000) checkedDates.clear();
  checkedDates.set(v, ok);
  return ok;
}
const checkedDates = new Map<string, boolean>();
const realDay = (year: number, month: number, day: number) => month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Text the readers keep as written after trimming: not blank, within `max` characters as written. */
const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max && v.trim() !== '';
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
/** A topics list that `listCell` would split back into the same items: no separators, no blanks. */
const isTopics = (v: unknown): v is string[] => Array.isArray(v) && v.length > 0 && v.every((t) => typeof t === 'string' && t.length <= 100 && t !== '' && t === t.trim() && !/[;；、]/.test(t));

const ACTIVITY_FIELDS = new Set(['id', 'unitId', 'kind', 'date', 'time', 'title', 'place', 'participants', 'reference', 'topics']);

/** One row as an Activity, or undefined when only the full readers can judge it. */
function plainActivity(value: unknown, file: string, line: number): Activity | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  for (const key in v) if (!ACTIVITY_FIELDS.has(key) || v[key] === null) return undefined;
  if ((v.id !== undefined && !isId(v.id)) || !isId(v.unitId) || typeof v.kind !== 'string' || !isPlainDate(v.date)) return undefined;
  const kind = resolveActivityKind(v.kind);
  if (!kind) return undefined;
  if (v.time !== undefined && !(typeof v.time === 'string' && TIME.test(v.time))) return undefined;
  if ((v.title !== undefined && !isText(v.title, 500)) || (v.place !== undefined && !isText(v.place, 500)) || (v.reference !== undefined && !isText(v.reference, 2000))) return undefined;
  if ((v.participants !== undefined && !isCount(v.participants)) || (v.topics !== undefined && !isTopics(v.topics))) return undefined;
  // The key order of the `Activity` schema.
  // Built as a literal, not by spreading: millions of records, one object shape.
  const a: Activity = v.id !== undefined ? { id: v.id as string, unitId: v.unitId, kind, date: v.date } : { unitId: v.unitId, kind, date: v.date };
  if (v.time !== undefined) a.time = v.time as string;
  if (v.title !== undefined) a.title = (v.title as string).trim();
  if (v.place !== undefined) a.place = (v.place as string).trim();
  if (v.participants !== undefined) a.participants = (v.participants as number) || 0;
  if (v.reference !== undefined) a.reference = (v.reference as string).trim();
  if (v.topics !== undefined) a.topics = [...(v.topics as string[])];
  a.source = { file, row: line };
  return a;
}

/** Every line of the batch as an Activity, or undefined when any needs the full readers. */
export function plainActivities(batch: readonly { line: number; value: unknown }[], file: string): Activity[] | undefined {
  const out: Activity[] = new Array(batch.length);
  for (let i = 0; i < batch.length; i++) {
    const a = plainActivity(batch[i]!.value, file, batch[i]!.line);
    if (!a) return undefined;
    out[i] = a;
  }
  return out;
}

const UNIT_FIELDS = new Set(['id', 'name', 'kind', 'town', 'headCount']);

/** Town ids by id, name and English name, as `parseUnitsTable` looks them up. */
export function townLookup(towns: readonly Town[]): Map<string, string> {
  const byKey = new Map<string, string>();
  for (const t of towns) for (const key of [t.id, t.name, t.nameEn ?? t.id]) byKey.set(key, t.id);
  return byKey;
}

/** Every line of the batch as a Unit (ids unique within the batch), or undefined when any needs the full readers. */
export function plainUnits(batch: readonly { line: number; value: unknown }[], townId: ReadonlyMap<string, string>): Unit[] | undefined {
  const out: Unit[] = new Array(batch.length);
  const ids = new Set<string>();
  for (let i = 0; i < batch.length; i++) {
    const value = batch[i]!.value;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    const v = value as Record<string, unknown>;
    for (const key in v) if (!UNIT_FIELDS.has(key) || v[key] === null) return undefined;
    if (!isId(v.id) || ids.has(v.id) || !isText(v.name, 200) || typeof v.kind !== 'string') return undefined;
    const kind = resolveUnitKind(v.kind);
    if (!kind) return undefined;
    let town: string | undefined;
    if (v.town !== undefined) {
      town = typeof v.town === 'string' ? townId.get(v.town.trim()) : undefined;
      if (town === undefined || !isId(town)) return undefined;
    }
    if (v.headCount !== undefined && !isCount(v.headCount)) return undefined;
    ids.add(v.id);
    // The key order of the `Unit` schema.
    const unit: Unit = { id: v.id, name: (v.name as string).trim(), kind: kind.kind };
    if (town) unit.town = town;
    if (kind.communityType) unit.communityType = kind.communityType;
    if (v.headCount !== undefined) unit.headCount = (v.headCount as number) || 0;
    out[i] = unit;
  }
  return out;
}
