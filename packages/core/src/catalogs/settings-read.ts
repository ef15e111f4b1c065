/**
 * Reading the settings spreadsheet back (`--settings`, docs/settings.md): each row's value (the
 * "修改为 / change to" cell, else the current value) checked, every problem at once with file, row,
 * column and the value read; the changes become a tailoring applied on top of the catalog in use,
 * and the list of what differs from the catalog's values (参数调整) travels with the catalog.
 */
import type { KeyDateRule } from '../model/key-date';
import { problem, type ParseResult, type Problem } from '../model/problem';
import type { Adjustment, Catalog } from '../model/requirement';
import { readTable } from '../io/table';
import { parseCatalog, tailorCatalogJson, type Tailoring } from './load';
import { DEFAULT_REMINDERS, SETTINGS_COLUMNS, describeMonthDay, settingsRows, type SettingRow } from './settings';

/** An office's settings: the tailoring they amount to and what they change. */
export interface Settings {
  tailoring: Tailoring;
  /** Each value that differs from the catalog's (or liujin's) own, in spreadsheet order. */
  adjustments: Adjustment[];
}

const DEFAULT_SUFFIX = /\s*[（(]\s*(默认[，,]\s*可调整|default,\s*adjustable)\s*[)）]\s*$/i;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const pad = (n: number) => String(n).padStart(2, '0');

/** A month-day as `MM-DD` or `MM-end`; undefined when it cannot be read or does not exist. */
export function readMonthDay(text: string): string | undefined {
  const t = text.trim();
  if (/^(年底|年末|end of year|year end)$/i.test(t)) return '12-31';
  let m = /^(\d{1,2})\s*月底$/.exec(t) ?? /^(\d{1,2})\s*[-/]\s*end$/i.exec(t);
  if (m) return Number(m[1]) >= 1 && Number(m[1]) <= 12 ? `${pad(Number(m[1]))}-end` : undefined;
  m = /^(?:\d{4}\s*[-/年]\s*)?(\d{1,2})\s*[-/月]\s*(\d{1,2})\s*[日号]?$/.exec(t);
  if (!m) return undefined;
  const month = Number(m[1]);
  const day = Number(m[2]);
  if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]!) return undefined;
  return `${pad(month)}-${pad(day)}`;
}

const YES = /^(是|y|yes|true|1|删除|drop)$/i;
const NO = /^(否|n|no|false|0|保留|keep)$/i;
const ALARM = /^\d{1,3}[dhm]$/;

type Value = { shown: string; raw: unknown } | { error: { zh: string; en: string } };

/** A cell's value for a row's kind, normalised (`shown`) and as the tailoring needs it (`raw`). */
function readValue(row: SettingRow, text: string): Value {
  const t = text.replace(DEFAULT_SUFFIX, '').trim();
  switch (row.kind) {
    case 'deadline':
    case 'month-day': {
      const md = readMonthDay(t);
      if (md === undefined) return { error: { zh: '应为月-日，如 06-30、6月30日或 6月底', en: 'expected a month and day, e.g. 06-30, 6月30日 or 06-end' } };
      if (row.kind === 'month-day' && md.endsWith('-end')) return { error: { zh: '应为具体的月-日，如 10-01', en: 'expected a month and day, e.g. 10-01' } };
      // The last day of a month as a deadline: its day number (February's 29 falls on the 28th in other years).
      const value = md.endsWith('-end') ? `${md.slice(0, 2)}-${DAYS_IN_MONTH[Number(md.slice(0, 2)) - 1]}` : md;
      return { shown: value, raw: value };
    }
    case 'key-date': {
      const md = readMonthDay(t);
      if (md === undefined) return { error: { zh: '应为月-日，如 03-15、3月15日或 2月底', en: 'expected a month and day, e.g. 03-15, 3月15日 or 02-end' } };
      const month = Number(md.slice(0, 2));
      const rule: KeyDateRule['rule'] = md.endsWith('-end') ? { type: 'last-day', month } : { type: 'fixed', month, day: Number(md.slice(3)) };
      return { shown: md, raw: rule };
    }
    case 'days':
    case 'count': {
      const n = Number(t);
      const max = row.kind === 'days' ? 366 : 1000;
      if (!/^\d+$/.test(t) || n > max) return { error: { zh: `应为 0—${max} 的整数`, en: `expected a whole number from 0 to ${max}` } };
      return { shown: String(n), raw: n };
    }
    case 'target': {
      const m = /^(\d{1,3}(?:\.\d+)?)\s*%?$/.exec(t);
      const pct = m ? Number(m[1]) : NaN;
      if (!(pct >= 0 && pct <= 100)) return { error: { zh: '应为 0—100 的百分比，如 100%', en: 'expected a percentage from 0 to 100, e.g. 100%' } };
      return { shown: `${pct}%`, raw: pct / 100 };
    }
    case 'alarms': {
      if (/^(无|不提醒|none|no)$/i.test(t)) return { shown: 'none', raw: '' };
      const items = t.split(/[,，、;；\s]+/).filter(Boolean);
      const bad = items.filter((i) => !ALARM.test(i));
      if (items.length === 0 || bad.length > 0) return { error: { zh: '提醒写作 天数d、小时数h 或 分钟数m，以逗号分隔，如 7d,1d；不提醒写“无”', en: 'write reminders as days, hours or minutes, comma-separated, e.g. 7d,1d; "none" for none' } };
      return { shown: items.join(','), raw: items.join(',') };
    }
    case 'requirement':
      return { shown: '', raw: undefined };
  }
}

/**
 * Reads the rows of a settings spreadsheet (XLSX rows or CSV rows, header first, zh or en
 * headers) against the catalog as written (`source`: the built-in JSON or a tailored template).
 */
export function parseSettingsRows(rows: readonly (readonly unknown[])[], source: unknown, options: { file?: string; untailored?: unknown } = {}): ParseResult<Settings> {
  const file = options.file ?? 'settings';
  const table = readTable(rows, SETTINGS_COLUMNS, file);
  const problems: Problem[] = [...table.problems];
  const known = settingsRows(source);
  const byId = new Map(known.map((r) => [r.id, r]));
  // With a tailoring (`options.untailored`: the catalog before it), the spreadsheet init wrote still
  // lists the requirements the tailoring removed: their rows are skipped when they change nothing.
  const removed = new Set(options.untailored === undefined ? [] : settingsRows(options.untailored).map((r) => r.id).filter((id) => !byId.has(id)));
  const skipped: string[] = [];
  const seen = new Map<string, number>();
  const catalogId = (source as { id?: unknown }).id;
  const tailoring: Tailoring & { parameters: NonNullable<Tailoring['parameters']>; overrides: NonNullable<Tailoring['overrides']>; drop: string[]; keyDates: KeyDateRule[] } = { base: String(catalogId), version: `${String((source as { version?: unknown }).version)}+settings`, parameters: {}, overrides: {}, drop: [], keyDates: [] };
  const parsed = parseCatalog(source);
  const requirements = new Map(parsed.ok ? parsed.value.requirements.map((r) => [r.id, r]) : []);
  const changed: { row: SettingRow; shown: string; raw: unknown; dropped?: boolean }[] = [];
  for (const record of table.records) {
    const at = (field: string) => ({ file, row: record.row, column: record.header[field] ?? field });
    const id = record.values.id?.trim();
    if (!id) {
      problems.push(problem('missing_value', { zh: '缺少编号', en: 'the id is missing' }, at('id')));
      continue;
    }
    const row = byId.get(id);
    if (!row && removed.has(id)) {
      const change = record.values.changeTo?.trim();
      const drop = record.values.drop?.trim();
      if ((change === undefined || change === '') && (drop === undefined || !YES.test(drop))) skipped.push(id);
      else problems.push(problem('setting_of_removed_requirement', { zh: `「${id}」所属的要求已被裁剪文件删除，此行的修改无法生效（请清空此行的修改，或不在裁剪文件中删除该要求）`, en: `the requirement of "${id}" is removed by the tailoring, so this row's change cannot apply (clear the change, or keep the requirement in the tailoring)` }, at('id')));
      continue;
    }
    if (!row) {
      problems.push(problem('unknown_setting', { zh: `没有编号为「${id}」的参数（编号列请勿修改；可重新运行 liujin init 取得最新的参数表）`, en: `no setting has the id "${id}" (do not edit the id column; liujin init writes the current spreadsheet)` }, at('id')));
      continue;
    }
    if (seen.has(id)) {
      problems.push(problem('duplicate_setting', { zh: `编号「${id}」与第 ${seen.get(id)} 行重复`, en: `the id "${id}" repeats row ${seen.get(id)}` }, at('id')));
      continue;
    }
    seen.set(id, record.row);
    const drop = record.values.drop?.trim();
    if (drop !== undefined && !YES.test(drop) && !NO.test(drop)) {
      problems.push(problem('invalid_value', { zh: `应为 是 或 否：${drop}`, en: `expected yes or no: ${drop}` }, at('drop')));
    } else if (drop !== undefined && YES.test(drop)) {
      if (row.kind !== 'requirement') problems.push(problem('invalid_value', { zh: `删除要求请在该要求所在的行（编号 ${row.requirementId}）填写：${drop}`, en: `drop a requirement on its own row (id ${row.requirementId}): ${drop}` }, at('drop')));
      else if (!row.optional) problems.push(problem('required_requirement', { zh: `「${row.title?.zh ?? id}」是通知的要求，不能删除（只有通知鼓励而非要求的事项可删除）：${drop}`, en: `"${row.title?.en ?? id}" is required by the notice and cannot be dropped (only what the notice encourages can): ${drop}` }, at('drop')));
      else changed.push({ row, shown: '', raw: undefined, dropped: true });
    }
    if (row.kind === 'requirement') {
      const stray = record.values.changeTo ?? record.values.current;
      if (stray !== undefined) problems.push(problem('invalid_value', { zh: `此行没有可修改的值（保留或删除请填“删除此要求”列）：${stray}`, en: `this row has no value to change (use the drop column to keep or drop): ${stray}` }, at(record.values.changeTo !== undefined ? 'changeTo' : 'current')));
      continue;
    }
    const field = record.values.changeTo !== undefined ? 'changeTo' : record.values.current !== undefined ? 'current' : undefined;
    if (field === undefined) continue;
    const text = record.values[field]!;
    const value = readValue(row, text);
    if ('error' in value) {
      problems.push(problem('invalid_value', { zh: `${value.error.zh}：${text}`, en: `${value.error.en}: ${text}` }, at(field)));
      continue;
    }
    const base = readValue(row, row.value);
    if ('error' in base || JSON.stringify(base.raw) === JSON.stringify(value.raw)) continue;
    changed.push({ row, shown: value.shown, raw: value.raw });
  }
  if (problems.some((p) => p.severity === 'error')) return { ok: false, problems };

  const adjustments: Adjustment[] = [];
  for (const { row, shown, raw, dropped } of changed) {
    const reqId = row.requirementId;
    const label = row.title ? { zh: `${row.title.zh}：${row.label.zh}`, en: `${row.title.en}: ${row.label.en}` } : row.label;
    if (dropped) {
      tailoring.drop.push(reqId!);
      adjustments.push({ id: row.id, requirementId: reqId!, label: row.title ? { zh: `${row.title.zh}（可选要求）`, en: `${row.title.en} (optional)` } : row.label, default: '保留 / kept', value: '删除 / dropped' });
      continue;
    }
    const shownDefault = row.kind === 'key-date' ? describeMonthDay(row.value, 'zh') : row.value;
    adjustments.push({ id: row.id, ...(reqId ? { requirementId: reqId } : {}), label, default: shownDefault, value: row.kind === 'key-date' ? describeMonthDay(shown, 'zh') : shown });
    const target = row.target;
    if (!reqId || !target) continue; // calendar reminders: read by the calendar from the adjustments
    const req = requirements.get(reqId)!;
    const override = (tailoring.overrides[reqId] ??= {});
    if (target.field === 'parameter') {
      (tailoring.parameters[reqId] ??= {})[target.name] = raw as number;
      // The office's value is no longer liujin's default: reasons stop labelling it "默认，可调整".
      if (req.defaults?.includes(target.name)) override.defaults = (override.defaults ?? req.defaults).filter((n) => n !== target.name);
    }
    else if (target.field === 'target') override.target = raw as number;
    else if (target.field === 'deadline') {
      const { deadline: _old, ...due } = { ...(override.due ?? req.due) } as { type: 'by-year-end'; deadline?: string };
      override.due = raw === '12-31' ? due : { ...due, deadline: raw as string };
    } else if (target.field === 'due') override.due = { ...(override.due ?? req.due), [target.name]: raw } as typeof req.due;
    else tailoring.keyDates.push({ ...target.rule, rule: raw as KeyDateRule['rule'], source: `${target.rule.source}；本区参数设置（${file}）` });
  }
  for (const [id, o] of Object.entries(tailoring.overrides)) if (Object.keys(o).length === 0) delete tailoring.overrides[id];
  if (skipped.length > 0) {
    const list = skipped.length > 5 ? `${skipped.slice(0, 5).join('、')} 等 ${skipped.length} 行` : skipped.join('、');
    const listEn = skipped.length > 5 ? `${skipped.slice(0, 5).join(', ')} and ${skipped.length - 5} more` : skipped.join(', ');
    problems.push(problem('settings_of_removed_requirements', { zh: `已跳过裁剪文件删除的要求的参数行（未作修改）：${list}`, en: `skipped the unchanged rows of requirements the tailoring removed: ${listEn}` }, { file, severity: 'warning' }));
  }
  return { ok: true, value: { tailoring, adjustments }, problems };
}

/** The catalog with the settings applied on top of `source` (the catalog as written), carrying the adjustments. */
export function applySettings(source: unknown, settings: Settings, options: { file?: string } = {}): ParseResult<Catalog> {
  // Nothing changed: the catalog exactly as without settings (same id and version, same outputs).
  if (settings.adjustments.length === 0) return parseCatalog(source, options);
  const template = tailorCatalogJson(source, settings.tailoring, options);
  if (!template.ok) return { ok: false, problems: template.problems };
  const result = parseCatalog(template.value, options);
  if (!result.ok) return result;
  return { ok: true, value: { ...result.value, adjustments: settings.adjustments }, problems: [] };
}

/** The calendar reminders an office set (`calendar.alarms`, `calendar.year-reminder`), else liujin's defaults. */
export function reminderSettings(catalog: Pick<Catalog, 'adjustments'>): { alarms: string; yearReminder: string; adjusted: boolean } {
  const find = (id: string) => catalog.adjustments?.find((a) => a.id === id)?.value;
  const alarms = find('calendar.alarms');
  const yearReminder = find('calendar.year-reminder');
  return { alarms: alarms === undefined ? DEFAULT_REMINDERS.alarms : alarms === 'none' ? '' : alarms, yearReminder: yearReminder ?? DEFAULT_REMINDERS.yearReminder, adjusted: alarms !== undefined || yearReminder !== undefined };
}
