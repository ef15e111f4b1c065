/**
 * The settings a clerk can change (参数设置, docs/settings.md): every adjustable value of a catalog
 * as one row of a spreadsheet, with the notice's own value where it sets one and otherwise the
 * value labelled "默认，可调整 / default, adjustable". `liujin init` writes them; `--settings` reads
 * them back (settings-read.ts) into a tailoring, the developers' mechanism, applied on top.
 */
import { BUILT_IN_KEY_DATE_RULES } from '../dates/rules';
import type { KeyDateRule } from '../model/key-date';
import { parseCatalog } from './load';
import type { Catalog, Requirement } from '../model/requirement';
import type { LocalizedText } from '../model/text';
import { DEFAULT_LABEL } from '../rules/reasons';
import type { ColumnSpec } from '../io/table';
import { column } from '../io/table';

/** What a setting row adjusts, and so how its value is written and read. */
export type SettingKind = 'requirement' | 'deadline' | 'key-date' | 'days' | 'count' | 'target' | 'alarms' | 'month-day';

/** One row of the settings spreadsheet. */
export interface SettingRow {
  /** `<requirement id>` (the row that keeps or drops it), `<requirement id>.<setting>`, or `calendar.<setting>`. */
  id: string;
  kind: SettingKind;
  requirementId?: string;
  clause?: string;
  title?: LocalizedText;
  /** What the value is, in plain words. */
  label: LocalizedText;
  /** The notice's own value, or undefined when the notice sets none (the value is then a labelled default). */
  notice?: LocalizedText;
  /** The value in use, as written in the spreadsheet. */
  value: string;
  /** How to write a new value. */
  format: LocalizedText;
  /** For requirement rows: whether the notice only encourages the work, so it may be dropped. */
  optional?: boolean;
  /** Where the value lives in the catalog (for applying a change). */
  target?: { field: 'parameter'; name: string } | { field: 'due'; name: 'daysBefore' | 'daysAfter' | 'within' | 'minOccasions' } | { field: 'target' } | { field: 'deadline' } | { field: 'key-date'; rule: KeyDateRule };
}

/** The columns of the settings spreadsheet: Chinese labels, English field names as headers too. */
export const SETTINGS_COLUMNS: readonly ColumnSpec[] = [
  column('id', '编号', 'setting id (do not change)', true, 'qp2024.community.plan-revision.deadline'),
  column('clause', '条款', "the notice's clause", false, '三（五）'),
  column('requirement', '要求', 'the requirement', false, '每年修订完善防空袭方案（100%）'),
  column('setting', '参数', 'what the value is (中文)', false, '截止日期'),
  column('settingEn', '参数（英文）', 'what the value is (English)', false, 'deadline', ['setting (English)']),
  column('notice', '通知规定', "the notice's own value, or 通知未规定 when it sets none", false, '通知未规定'),
  column('current', '当前值', 'the value in use', false, '12-31'),
  column('changeTo', '修改为', 'change to: leave empty to keep the current value', false, '06-30', ['change to', 'changeto']),
  column('canDrop', '可删除', 'whether the requirement may be dropped (the notice only encourages it)', false, '否', ['can drop']),
  column('drop', '删除此要求', 'drop this requirement: 是/否 (yes/no), optional requirements only', false, '否', ['drop']),
  column('format', '填写说明', 'how to write a value', false, '月-日，如 06-30'),
];

const NOT_SET: LocalizedText = { zh: '通知未规定', en: 'not set by the notice' };
const FORMATS = {
  monthDay: { zh: '月-日，如 06-30（也可写 6月30日、6月底）', en: 'month-day, e.g. 06-30 (or 6月30日, 06-end)' },
  days: { zh: '天数（0—366 的整数）', en: 'days (a whole number 0-366)' },
  count: { zh: '整数', en: 'a whole number' },
  percent: { zh: '百分比（0—100），如 100%', en: 'a percentage (0-100), e.g. 100%' },
  alarms: { zh: '截止日前的提醒，如 7d,1d（d 天、h 小时、m 分钟；写“无”则不提醒）', en: 'reminders before deadlines, e.g. 7d,1d (d days, h hours, m minutes; "none" for none)' },
  requirement: { zh: '在“删除此要求”列填 是/否；只有通知鼓励而非要求的事项可删除', en: 'write yes/no in the drop column; only what the notice encourages rather than requires can be dropped' },
} as const satisfies Record<string, LocalizedText>;

/** The default reminders of the calendar feeds (liujin's choice, the notice sets none). */
export const DEFAULT_REMINDERS = { alarms: '7d,1d', yearReminder: '10-01' } as const;

/** `MM-DD` of a fixed or last-day key-date rule (`02-end` for the last day of February); undefined for others. */
function monthDayOfRule(rule: KeyDateRule['rule']): string | undefined {
  const mm = (n: number) => String(n).padStart(2, '0');
  if (rule.type === 'fixed') return `${mm(rule.month)}-${mm(rule.day)}`;
  if (rule.type === 'last-day') return `${mm(rule.month)}-end`;
  return undefined;
}

/** A month-day value in words: `02-end` as 2月底 / end of February. */
export function describeMonthDay(value: string, lang: 'zh' | 'en'): string {
  const [m, d] = value.split('-');
  if (d === 'end') return lang === 'zh' ? `${Number(m)}月底` : `end of month ${Number(m)}`;
  return value;
}

const isReference = (value: unknown) => typeof value === 'string' && /^\{\{[A-Za-z0-9_-]+\}\}$/.test(value);

function requirementRows(req: Requirement, written: Record<string, unknown> | undefined, keyDateRules: ReadonlyMap<string, KeyDateRule>, seenKeyDates: Set<string>): SettingRow[] {
  const base = { requirementId: req.id, clause: req.clause, title: req.title };
  const isDefault = (name: string) => (req.defaults ?? []).includes(name);
  const own = (value: string, name: string): LocalizedText | undefined => (isDefault(name) ? undefined : { zh: value, en: value });
  const rows: SettingRow[] = [
    { ...base, id: req.id, kind: 'requirement', label: { zh: '本要求（保留或删除）', en: 'this requirement (keep or drop)' }, value: '', format: FORMATS.requirement, optional: req.optional === true },
  ];
  const writtenDue = (written?.due ?? {}) as Record<string, unknown>;
  const due = req.due;
  if (due.type === 'by-year-end') {
    // 通知未规定日期: any day of the year counts; an earlier date is the office's own (docs/settings.md).
    rows.push({ ...base, id: `${req.id}.deadline`, kind: 'deadline', label: { zh: '截止日期（本年内）', en: 'deadline (within the year)' }, value: due.deadline ?? '12-31', format: FORMATS.monthDay, target: { field: 'deadline' } });
  }
  if (due.type === 'by-key-date' && due.offsetDays === 0 && !seenKeyDates.has(due.keyDate)) {
    const rule = keyDateRules.get(due.keyDate);
    const value = rule ? monthDayOfRule(rule.rule) : undefined;
    if (rule && value) {
      seenKeyDates.add(due.keyDate);
      const notice = isDefault('deadline') ? undefined : { zh: describeMonthDay(value, 'zh'), en: describeMonthDay(value, 'en') };
      rows.push({ ...base, id: `${req.id}.deadline`, kind: 'key-date', label: { zh: `截止日期（关键日期“${rule.title.zh}”）`, en: `deadline (key date "${rule.title.en}")` }, ...(notice ? { notice } : {}), value, format: FORMATS.monthDay, target: { field: 'key-date', rule } });
    }
  }
  if (due.type === 'window' || due.type === 'each-key-date') {
    for (const name of ['daysBefore', 'daysAfter'] as const) {
      if (isReference(writtenDue[name])) continue;
      const label = name === 'daysBefore' ? { zh: '关键日期前可开展的天数', en: 'days before the key date that count' } : { zh: '关键日期后可开展的天数', en: 'days after the key date that count' };
      rows.push({ ...base, id: `${req.id}.${name === 'daysBefore' ? 'days-before' : 'days-after'}`, kind: 'days', label, ...(own(String(due[name]), name) ? { notice: own(String(due[name]), name)! } : {}), value: String(due[name]), format: FORMATS.days, target: { field: 'due', name } });
    }
  }
  if (due.type === 'each-key-date' && !isReference(writtenDue.minOccasions)) {
    rows.push({ ...base, id: `${req.id}.min-occasions`, kind: 'count', label: { zh: '至少开展的次数', en: 'occasions needed' }, ...(own(String(due.minOccasions), 'minOccasions') ? { notice: own(String(due.minOccasions), 'minOccasions')! } : {}), value: String(due.minOccasions), format: FORMATS.count, target: { field: 'due', name: 'minOccasions' } });
  }
  if (due.type === 'after-each-activity' && !isReference(writtenDue.within)) {
    rows.push({ ...base, id: `${req.id}.within`, kind: 'days', label: { zh: `每次活动后报送的期限（${due.unit === 'workdays' ? '工作日' : '自然日'}）`, en: `days to report after each activity (${due.unit === 'workdays' ? 'working days' : 'days'})` }, ...(own(String(due.within), 'within') ? { notice: own(String(due.within), 'within')! } : {}), value: String(due.within), format: FORMATS.days, target: { field: 'due', name: 'within' } });
  }
  for (const [name, value] of Object.entries(req.parameters ?? {})) {
    // Topic lists stay with the tailoring file (docs/catalog-authoring.md); a parameter no rule uses changes nothing.
    if (typeof value !== 'number' || !JSON.stringify(written ?? {}).includes(`"{{${name}}}"`)) continue;
    const label = PARAMETER_LABELS[name] ?? { zh: `参数 ${name}`, en: `parameter ${name}` };
    rows.push({ ...base, id: `${req.id}.${name}`, kind: name.endsWith('Workdays') || name.endsWith('Days') ? 'days' : 'count', label, ...(own(String(value), name) ? { notice: own(String(value), name)! } : {}), value: String(value), format: name.endsWith('Workdays') || name.endsWith('Days') ? FORMATS.days : FORMATS.count, target: { field: 'parameter', name } });
  }
  if (req.target !== undefined && !isReference(written?.target)) {
    const pct = `${Math.round(req.target * 100)}%`;
    rows.push({ ...base, id: `${req.id}.target`, kind: 'target', label: { zh: '覆盖目标（适用单位的比例）', en: 'coverage target (share of applicable units)' }, notice: { zh: pct, en: pct }, value: pct, format: FORMATS.percent, target: { field: 'target' } });
  }
  return rows;
}

/** Plain words for the Qingpu catalog's parameters; others show their name. */
const PARAMETER_LABELS: Readonly<Record<string, LocalizedText>> = {
  newsReportWorkdays: { zh: '活动结束后报送新闻信息的期限（工作日）', en: 'working days to report news after each activity' },
  minTopics: { zh: '记录须覆盖的训练/展示内容项数', en: 'topics a record must cover' },
  minPosts: { zh: '全民国防教育日前后至少发布的条数', en: 'posts needed around Education Day' },
};

/**
 * Every adjustable value of the catalog as written (`source`, e.g. QINGPU_2024_CATALOG_JSON, or a
 * tailored template), in catalog order, then the calendar's reminders. Values that are parameter
 * references are listed once, as the parameter.
 */
export function settingsRows(source: unknown): SettingRow[] {
  const parsed = parseCatalog(source);
  if (!parsed.ok) throw new Error(`settingsRows: the catalog is invalid: ${parsed.problems.map((p) => p.message.en).join('; ')}`);
  const catalog: Catalog = parsed.value;
  const written = new Map(((source as { requirements?: Record<string, unknown>[] }).requirements ?? []).map((r) => [r.id as string, r]));
  const keyDateRules = new Map<string, KeyDateRule>([...BUILT_IN_KEY_DATE_RULES, ...(catalog.keyDates ?? [])].map((k) => [k.id, k]));
  const seenKeyDates = new Set<string>();
  const rows = catalog.requirements.flatMap((req) => requirementRows(req, written.get(req.id), keyDateRules, seenKeyDates));
  rows.push(
    { id: 'calendar.alarms', kind: 'alarms', label: { zh: '日历提醒：截止日前多久提醒', en: 'calendar reminders before each deadline' }, value: DEFAULT_REMINDERS.alarms, format: FORMATS.alarms },
    { id: 'calendar.year-reminder', kind: 'month-day', label: { zh: '日历提醒：全年性任务的年内提醒日（遇休息日顺延）', en: 'calendar reminder day for year-long tasks (moved to the next working day)' }, value: DEFAULT_REMINDERS.yearReminder, format: { zh: '月-日，如 10-01', en: 'month-day, e.g. 10-01' } },
  );
  return rows;
}

/** The spreadsheet rows (header first): Chinese headers, descriptions in both languages. */
export function settingsTable(source: unknown): string[][] {
  const rows = settingsRows(source);
  const header = SETTINGS_COLUMNS.map((c) => c.zh);
  return [
    header,
    ...rows.map((r) => {
      const isRequirement = r.kind === 'requirement';
      const notice = isRequirement ? '' : r.notice ? r.notice.zh : NOT_SET.zh;
      const shown = r.kind === 'key-date' ? describeMonthDay(r.value, 'zh') : r.value;
      const current = isRequirement ? '' : r.notice ? shown : `${shown}（${DEFAULT_LABEL.zh}）`;
      return [
        r.id,
        r.clause ?? '',
        r.title?.zh ?? '',
        r.label.zh + (!isRequirement && !r.notice ? `（${DEFAULT_LABEL.zh}）` : ''),
        r.label.en + (!isRequirement && !r.notice ? ` (${DEFAULT_LABEL.en})` : ''),
        notice,
        current,
        '',
        isRequirement ? (r.optional ? '是' : '否') : '',
        isRequirement ? '否' : '',
        r.format.zh,
      ];
    }),
  ];
}
