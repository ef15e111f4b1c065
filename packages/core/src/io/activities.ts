/** Activity records (evidence of work done) and waivers, from CSV, JSON, JSON Lines or spreadsheet rows. */
import { ACTIVITY_KIND_LABELS, ACTIVITY_KIND_SHORT_LABELS, Activity, ActivityKind } from '../model/activity';
import { Waiver } from '../model/evaluation';
import type { Catalog } from '../model/requirement';
import type { Unit } from '../model/unit';
import { outsideYearVerdict } from '../rules/earlier';
import { problem, type ParseResult, type Problem } from '../model/problem';
import { parseCsvRows, parseJsonLines, parseJsonText } from './csv';
import type { LocalizedText } from '../model/text';
import { formatFromName, inputText, jsonLinesAsRows, memo, renumber, rowProblems, type FileInput } from './registry';
import { INPUT_LIMITS, tooManyRows } from './limits';
import { readDateText, readTimeText } from './date-text';
import { looksChinese, nearest } from './suggest';
import { column, intCell, listCell, readTable, type ColumnSpec, type TableRecord } from './table';

const c = column;

/**
 * The columns of an activity log (CSV/XLSX): field, Chinese header, description, whether required, example (docs/input-formats.md).
 */
export const ACTIVITY_COLUMNS: readonly ColumnSpec[] = [
  c('unitId', '单位编号', 'Id of the unit that did it (as in the registry)', true, 'sch-zjj-001', ['unit']),
  c('kind', '活动类型', 'Kind of activity: English id or Chinese label (see the list)', true, '疏散演练'),
  c('date', '日期', 'Date, YYYY-MM-DD', true, '2026-09-19'),
  c('time', '时间', 'Time, HH:MM', false, '11:35'),
  c('title', '标题', 'Title', false, '防空警报试鸣日疏散演练'),
  c('place', '地点', 'Place', false, '学校操场'),
  c('participants', '参加人数', 'Number of participants', false, '820'),
  c('reference', '佐证材料', 'Evidence: document number, photo, news link', false, 'https://example.org/news/1'),
  c('topics', '内容要点', 'Topics, separated by ";" (e.g. cpr; bandaging; escape-knots; gas-masks; extinguishers; siren-listening)', false, 'cpr; bandaging'),
  c('id', '记录编号', 'Optional record id (derived from the content when empty)', false, ''),
];

/** The columns of a waivers file (CSV/XLSX). */
export const WAIVER_COLUMNS: readonly ColumnSpec[] = [
  c('unitId', '单位编号', 'Unit id', true, 'sch-zjj-001'),
  c('requirementId', '要求编号', 'Requirement id', true, 'qp2024.school.evacuation-drill'),
  c('justification', '理由', 'Why the district office waives it', true, '校舍改造，停课一学期'),
  c('expires', '有效期至', 'Last day the waiver holds, YYYY-MM-DD', true, '2026-12-31'),
  c('grantedBy', '批准人', 'Who granted it', false, '区国动办'),
];

const KIND_BY_LABEL = new Map<string, ActivityKind>();
for (const kind of ActivityKind.options) {
  KIND_BY_LABEL.set(kind, kind);
  KIND_BY_LABEL.set(ACTIVITY_KIND_LABELS[kind].zh, kind);
  // The long label without its parenthesised examples, and the short label (docs/input-formats.md).
  KIND_BY_LABEL.set(ACTIVITY_KIND_LABELS[kind].zh.replace(/（.*）$/, ''), kind);
  KIND_BY_LABEL.set(ACTIVITY_KIND_SHORT_LABELS[kind], kind);
}
for (const [label, kind] of Object.entries({ 演练: 'evacuation-drill', 疏散演练: 'evacuation-drill', 培训: 'training', 课程: 'course', 集中宣传: 'concentrated-publicity', 参观: 'education-base-visit', 参观人防科普教育基地: 'education-base-visit', 参观人防工程: 'shelter-visit', 共建协议: 'cobuilding-agreement', 网络宣传: 'online-publicity', 展示: 'display', 信息报送: 'activity-news-reported', 新闻报送: 'activity-news-reported', 计划报送: 'annual-plan-submitted', 编制方案: 'evacuation-plan-compiled', 修订方案: 'evacuation-plan-revised' } as const)) {
  KIND_BY_LABEL.set(label, kind);
}

/**
 * The activity kind named by `text`: its id or its Chinese or English label; undefined when none matches.
 */
export function resolveActivityKind(text: string): ActivityKind | undefined {
  return KIND_BY_LABEL.get(text.trim());
}

/** Options of {@link parseActivitiesFile}. */
export interface ActivityParseOptions {
  /**
   * `error` (default): an unknown activity kind is an error. `set-aside`: a row whose only problem
   * is its kind becomes a warning `unknown_kind` carrying the row's unit, kind and date in `data`,
   * so an audit can list it as unmatched instead of stopping.
   */
  unknownKinds?: 'error' | 'set-aside';
  /** Ids of the registry's units: a record naming another unit is an error at its row (cross-file check). */
  unitIds?: ReadonlySet<string>;
  /** The year to be audited: a record dated outside it gets an `outside_year` warning (an audit of the year lists it as unmatched). */
  year?: number;
  /**
   * With `year`: the catalog and the registry's units, so the one rule for other years is applied
   * here (docs/catalog.md): a row an earlier year still counts for (work done once) gets no warning,
   * and an earlier row that does not count says why.
   */
  outsideYear?: { catalog: Catalog; units: ReadonlyMap<string, Unit> };
}

/** The `outside_year` warning of a record dated outside `year`, or none when the audit of the year will use it. */
function outsideYearWarning(a: Activity, year: number, judge: ActivityParseOptions['outsideYear'], at: { file: string; row: number; column: string }): Problem | undefined {
  if (a.date.startsWith(`${year}-`)) return undefined;
  const where = { ...at, severity: 'warning' as const };
  if (judge) {
    if ((outsideYearVerdict(judge.catalog, judge.units.get(a.unitId), a, year)?.usedBy.length ?? 0) > 0) return undefined;
    if (a.date < `${year}-01-01`) {
      return problem(
        'outside_year',
        {
          zh: `日期 ${a.date} 早于 ${year} 年，且该类记录只计入当年（仅一次性要求接受往年记录）：${year} 年的核查会把这条记录列为未匹配`,
          en: `date ${a.date} is before ${year} and this kind counts only in its own year (earlier years count only for work done once): an audit of ${year} lists this record as unmatched`,
        },
        where,
      );
    }
  }
  return problem('outside_year', { zh: `日期 ${a.date} 不在 ${year} 年内：${year} 年的核查会把这条记录列为未匹配`, en: `date ${a.date} is outside ${year}: an audit of ${year} lists this record as unmatched` }, where);
}

/** Unit ids compared for a suggestion only in registries up to this size (the search is quadratic). */
const SUGGEST_AMONG = 20_000;

/** The message for an unknown unit id, with the nearest id of the registry as a suggestion. */
function unknownUnitMessage(unitId: string, unitIds: ReadonlySet<string>): LocalizedText {
  const guess = unitIds.size <= SUGGEST_AMONG ? nearest(unitId, unitIds) : undefined;
  return { zh: `登记表中没有单位「${unitId}」${guess ? `，是否应为「${guess}」？` : ''}`, en: `no unit "${unitId}" in the registry${guess ? `; did you mean "${guess}"?` : ''}` };
}

/** A record naming a unit the registry does not hold, with the nearest id as a suggestion. */
function unknownUnitProblem(unitId: string, unitIds: ReadonlySet<string>, where: { file: string; row?: number; column: string }): Problem {
  return problem('unknown_unit', unknownUnitMessage(unitId, unitIds), where);
}

/**
 * A date cell read as Excel and WPS save it (date-text.ts), or a problem at its row and column
 * showing the value read. Returns the normalised date and any time that came with it.
 */
function dateCell(record: TableRecord, field: string, file: string, problems: Problem[]): { date?: string; time?: string } {
  const text = record.values[field];
  if (text === undefined) return {};
  const read = readDateText(text);
  if (read.ok) return { date: read.date, ...(read.time ? { time: read.time } : {}) };
  problems.push(problem('invalid_date', read.message, { file, row: record.row, column: record.header[field] ?? field }));
  return {};
}

function timeCell(record: TableRecord, field: string, file: string, problems: Problem[]): string | undefined {
  const text = record.values[field];
  if (text === undefined) return undefined;
  const read = readTimeText(text);
  if (read.ok) return read.time;
  problems.push(problem('invalid_time', read.message, { file, row: record.row, column: record.header[field] ?? field }));
  return undefined;
}

function unknownActivityKind(text: string): LocalizedText {
  const chinese = looksChinese(text);
  const guess = nearest(text, chinese ? [...KIND_BY_LABEL.keys()].filter(looksChinese) : ActivityKind.options);
  const list = chinese ? ActivityKind.options.map((k) => ACTIVITY_KIND_LABELS[k].zh).join('、') : ActivityKind.options.join(', ');
  return { zh: `未知的活动类型「${text}」${guess ? `，是否应为「${guess}」？` : '。'}可用：${list}`, en: `unknown activity kind "${text}"${guess ? `; did you mean "${guess}"?` : '.'} Valid kinds: ${list}` };
}

function parseActivityTable(rows: readonly (readonly unknown[])[], file: string, options: ActivityParseOptions = {}): ParseResult<Activity[]> {
  const { records, problems } = readTable(rows, ACTIVITY_COLUMNS, file);
  const activities: Activity[] = [];
  const kindMessage = memo(unknownActivityKind);
  // Suggestions for the first 100 distinct unknown ids only: each compares with every registry id.
  let suggested = 0;
  const unitMessage = memo((unitId) => unknownUnitMessage(unitId, suggested++ < 100 ? (options.unitIds ?? new Set()) : new Set()));
  for (const record of records) {
    const v = record.values;
    const before = problems.length;
    const kind = v.kind === undefined ? undefined : resolveActivityKind(v.kind);
    const unknownKind = v.kind !== undefined && !kind;
    if (unknownKind) problems.push(problem('unknown_kind', kindMessage(v.kind!), { file, row: record.row, column: record.header.kind ?? 'kind' }));
    const participants = intCell(record, 'participants', file, problems);
    const when = dateCell(record, 'date', file, problems);
    const time = timeCell(record, 'time', file, problems) ?? when.time;
    const unitId = v.unitId?.trim();
    const candidate = {
      ...(v.id ? { id: v.id.trim() } : {}),
      unitId,
      kind: kind ?? v.kind,
      date: when.date ?? (v.date === undefined ? undefined : ''),
      ...(time ? { time } : {}),
      ...(v.title ? { title: v.title } : {}),
      ...(v.place ? { place: v.place } : {}),
      ...(participants !== undefined ? { participants } : {}),
      ...(v.reference ? { reference: v.reference } : {}),
      ...(v.topics ? { topics: listCell(v.topics) } : {}),
      source: { file, row: record.row },
    };
    const result = Activity.safeParse(candidate);
    if (options.unitIds && unitId && !options.unitIds.has(unitId)) problems.push(problem('unknown_unit', unitMessage(unitId), { file, row: record.row, column: record.header.unitId ?? 'unitId' }));
    const reported = new Set([...problems.slice(before).map((p) => p.column), ...(record.bad ?? [])]);
    const others = result.success ? [] : rowProblems(result.error, record, file).filter((p) => !reported.has(p.column));
    if (unknownKind && options.unknownKinds === 'set-aside' && others.length === 0 && problems.length === before + 1) {
      // Only the kind is unknown: set the row aside, with what an audit needs to list it.
      const p = problems.pop()!;
      problems.push({ ...p, severity: 'warning', data: { unitId: v.unitId?.trim() ?? '', kind: v.kind ?? '', date: v.date?.trim() ?? '', ...(v.id?.trim() ? { id: v.id.trim() } : {}) } });
      continue;
    }
    if (!result.success) for (const p of others) problems.push(p);
    else if (problems.length === before) {
      activities.push(result.data);
      const outside = options.year !== undefined ? outsideYearWarning(result.data, options.year, options.outsideYear, { file, row: record.row, column: record.header.date ?? 'date' }) : undefined;
      if (outside) problems.push(outside);
    }
  }
  return problems.some((p) => p.severity === 'error') ? { ok: false, problems, partial: activities } : { ok: true, value: activities, problems };
}

/** Activity rows (header first), e.g. from a spreadsheet read by the caller. */
export function parseActivityRows(rows: readonly (readonly unknown[])[], options: { file: string } & ActivityParseOptions): ParseResult<Activity[]> {
  return parseActivityTable(rows, options.file, options);
}

/** A JSON array of objects as table rows, so JSON gets the same column checks and messages. */
function jsonArrayRows(text: string, file: string): ParseResult<{ rows: unknown[][]; rowNumbers: number[] }> {
  const json = parseJsonText(text, file);
  if (!json.ok) return { ok: false, problems: json.problems };
  if (!Array.isArray(json.value)) return { ok: false, problems: [problem('not_an_array', { zh: 'JSON 应为对象数组', en: 'the JSON must be an array of objects' }, { file })] };
  if (json.value.length > INPUT_LIMITS.rows) return { ok: false, problems: [tooManyRows(file)] };
  return jsonLinesAsRows(json.value.map((value, i) => ({ line: i + 1, value })), file);
}

function parseWithTable<T>(
  input: FileInput,
  table: (rows: readonly (readonly unknown[])[], file: string) => ParseResult<T[]>,
  relocate: (item: T, rowNumbers: readonly number[]) => T = (item) => item,
): ParseResult<T[]> {
  const text = inputText(input);
  if (!text.ok) return { ok: false, problems: text.problems };
  const format = input.format ?? formatFromName(input.file) ?? 'csv';
  if (format === 'csv') {
    const rows = parseCsvRows(text.value, input.file);
    return rows.ok ? table(rows.value, input.file) : { ok: false, problems: rows.problems };
  }
  const lines = format === 'json' ? jsonArrayRows(text.value, input.file) : (() => {
    const l = parseJsonLines(text.value, input.file);
    return l.ok ? jsonLinesAsRows(l.value, input.file) : { ok: false as const, problems: l.problems };
  })();
  if (!lines.ok) return { ok: false, problems: lines.problems };
  const result = table(lines.value.rows, input.file);
  // JSON: rows are array positions (1-based); JSON Lines: line numbers.
  const renumbered = renumber(result.problems, lines.value.rowNumbers);
  if (!result.ok) return { ok: false, problems: renumbered, ...(result.partial ? { partial: result.partial.map((item) => relocate(item, lines.value.rowNumbers)) } : {}) };
  return { ok: true, value: result.value.map((item) => relocate(item, lines.value.rowNumbers)), problems: renumbered };
}

/**
 * Parses an activity log (CSV, JSON or JSON Lines bytes or text); every problem with file, row and column, all at once.
 */
export function parseActivitiesFile(input: FileInput, options: ActivityParseOptions = {}): ParseResult<Activity[]> {
  return parseWithTable(input, (rows, file) => parseActivityTable(rows, file, options), (activity, rowNumbers) =>
    activity.source ? { ...activity, source: { ...activity.source, row: rowNumbers[activity.source.row - 2] ?? activity.source.row } } : activity,
  );
}

/** Options of {@link parseWaiversFile}: the catalog's requirement ids and the registry's unit ids to check waivers against. */
export interface WaiverParseOptions {
  /** Requirement ids of the catalog in use: a waiver of another id would silently do nothing, so it is an error. */
  requirementIds?: ReadonlySet<string>;
  /** Ids of the registry's units. */
  unitIds?: ReadonlySet<string>;
}

function parseWaiverTable(rows: readonly (readonly unknown[])[], file: string, options: WaiverParseOptions = {}): ParseResult<Waiver[]> {
  const { records, problems } = readTable(rows, WAIVER_COLUMNS, file);
  const waivers: Waiver[] = [];
  for (const record of records) {
    const v = record.values;
    const before = problems.length;
    const expires = dateCell(record, 'expires', file, problems);
    const requirementId = v.requirementId?.trim();
    const unitId = v.unitId?.trim();
    if (options.requirementIds && requirementId && !options.requirementIds.has(requirementId)) {
      const guess = nearest(requirementId, options.requirementIds);
      problems.push(
        problem(
          'unknown_requirement',
          { zh: `目录中没有要求「${requirementId}」，这条豁免不会起作用${guess ? `；是否应为「${guess}」？` : ''}`, en: `no requirement "${requirementId}" in the catalog, so this waiver would do nothing${guess ? `; did you mean "${guess}"?` : ''}` },
          { file, row: record.row, column: record.header.requirementId ?? 'requirementId' },
        ),
      );
    }
    if (options.unitIds && unitId && !options.unitIds.has(unitId)) problems.push(unknownUnitProblem(unitId, options.unitIds, { file, row: record.row, column: record.header.unitId ?? 'unitId' }));
    const result = Waiver.safeParse({ unitId, requirementId, justification: v.justification, expires: expires.date ?? (v.expires === undefined ? undefined : ''), ...(v.grantedBy ? { grantedBy: v.grantedBy } : {}) });
    const reported = new Set([...problems.slice(before).map((p) => p.column), ...(record.bad ?? [])]);
    if (!result.success) {
      for (const p of rowProblems(result.error, record, file)) if (!reported.has(p.column)) problems.push(p);
    } else if (problems.length === before) waivers.push(result.data);
  }
  return problems.some((p: Problem) => p.severity === 'error') ? { ok: false, problems, partial: waivers } : { ok: true, value: waivers, problems };
}

/** Parses a waivers file (CSV, JSON or JSON Lines); every problem with file, row and column. */
export function parseWaiversFile(input: FileInput, options: WaiverParseOptions = {}): ParseResult<Waiver[]> {
  return parseWithTable(input, (rows, file) => parseWaiverTable(rows, file, options));
}

/** Waiver rows (header first), e.g. from a spreadsheet. */
export function parseWaiverRows(rows: readonly (readonly unknown[])[], options: { file: string } & WaiverParseOptions): ParseResult<Waiver[]> {
  return parseWaiverTable(rows, options.file, options);
}
