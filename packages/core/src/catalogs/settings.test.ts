// The settings spreadsheet (docs/settings.md): every adjustable value listed with the notice's own
// value or the default label, read back into a tailoring, bad values named by row and column.
import { describe, expect, it } from 'vitest';
import { createEvaluator } from '../rules/evaluate';
import { planYear } from '../plan/plan-year';
import { sampleRegistry } from '../sample/index';
import { QINGPU_2024_CATALOG, QINGPU_2024_CATALOG_JSON } from './qingpu-2024';
import { applySettings, parseSettingsRows, readMonthDay, reminderSettings } from './settings-read';
import { SETTINGS_COLUMNS, settingsRows, settingsTable } from './settings';
import { tailorCatalogJson } from './load';
import type { Activity } from '../model/activity';

const source = QINGPU_2024_CATALOG_JSON;
const table = () => settingsTable(source).map((r) => [...r]);
const col = (field: string) => SETTINGS_COLUMNS.findIndex((c) => c.field === field);
const rowOf = (rows: string[][], id: string) => rows.findIndex((r) => r[0] === id);
function edit(rows: string[][], id: string, field: string, value: string): string[][] {
  const i = rowOf(rows, id);
  if (i < 0) throw new Error(`no row ${id}`);
  rows[i]![col(field)] = value;
  return rows;
}

describe('settingsRows', () => {
  const rows = settingsRows(source);
  it('lists every requirement, each deadline, numeric parameter and target, and the reminders', () => {
    for (const req of QINGPU_2024_CATALOG.requirements) expect(rows.some((r) => r.id === req.id && r.kind === 'requirement')).toBe(true);
    expect(rows.find((r) => r.id === 'qp2024.community.plan-revision.deadline')).toMatchObject({ kind: 'deadline', value: '12-31' });
    expect(rows.find((r) => r.id === 'qp2024.community.plan-revision.deadline')!.notice).toBeUndefined();
    // 四（一）: the notice's own end of February.
    expect(rows.find((r) => r.id === 'qp2024.general.annual-plan.deadline')).toMatchObject({ kind: 'key-date', value: '02-end', notice: { zh: '2月底' } });
    expect(rows.find((r) => r.id === 'qp2024.general.news-report.newsReportWorkdays')).toMatchObject({ value: '5' });
    expect(rows.find((r) => r.id === 'qp2024.general.news-report.newsReportWorkdays')!.notice).toBeUndefined();
    // The notice's 书上架、图上墙、片进屏: three, its own number.
    expect(rows.find((r) => r.id === 'qp2024.party-school.display.minTopics')).toMatchObject({ value: '3', notice: { zh: '3' } });
    expect(rows.find((r) => r.id === 'qp2024.school.evacuation-plan.target')).toMatchObject({ value: '100%', notice: { zh: '100%' } });
    expect(rows.filter((r) => r.id.startsWith('calendar.')).map((r) => [r.id, r.value])).toEqual([['calendar.alarms', '7d,1d'], ['calendar.year-reminder', '10-01']]);
    // Only the local brand is an ask the notice encourages rather than requires (四（二） 积极创建).
    expect(rows.filter((r) => r.optional).map((r) => r.id)).toEqual(['qp2024.general.local-brand']);
  });
  it('labels each value the notice does not set as a default, adjustable', () => {
    const t = settingsTable(source);
    const line = t[rowOf(t, 'qp2024.community.plan-revision.deadline')]!;
    expect(line[col('notice')]).toBe('通知未规定');
    expect(line[col('current')]).toBe('12-31（默认，可调整）');
    expect(t[rowOf(t, 'calendar.alarms')]![col('current')]).toBe('7d,1d（默认，可调整）');
    expect(t[rowOf(t, 'qp2024.general.annual-plan.deadline')]![col('current')]).toBe('2月底');
  });
});

describe('parseSettingsRows and applySettings', () => {
  it('reads the table as written into the very same catalog, with nothing adjusted', () => {
    const read = parseSettingsRows(table(), source, { file: 'settings.csv' });
    expect(read.ok && read.value.adjustments).toEqual([]);
    const applied = read.ok ? applySettings(source, read.value) : undefined;
    expect(applied?.ok && applied.value).toEqual(QINGPU_2024_CATALOG);
  });

  it('with a tailoring that removes a requirement, skips the unchanged rows init wrote for it (a warning) and refuses a change to them', () => {
    const tailored = tailorCatalogJson(source, { base: 'qingpu-2024', version: 't', drop: ['qp2024.general.local-brand'] });
    expect(tailored.ok).toBe(true);
    if (!tailored.ok) return;
    const unchanged = parseSettingsRows(table(), tailored.value, { file: 'settings.csv', untailored: source });
    expect(unchanged.ok, JSON.stringify(unchanged.problems)).toBe(true);
    expect(unchanged.problems.map((p) => [p.code, p.severity])).toEqual([['settings_of_removed_requirements', 'warning']]);
    expect(unchanged.problems[0]!.message.zh).toContain('qp2024.general.local-brand.deadline');
    // Without the catalog before the tailoring, the rows are unknown ids, as before.
    expect(parseSettingsRows(table(), tailored.value, { file: 'settings.csv' }).ok).toBe(false);
    const changed = parseSettingsRows(edit(table(), 'qp2024.general.local-brand.deadline', 'changeTo', '10-31'), tailored.value, { file: 'settings.csv', untailored: source });
    expect(changed.ok).toBe(false);
    expect(changed.problems.filter((p) => p.severity === 'error').map((p) => [p.code, p.row, p.column])).toEqual([['setting_of_removed_requirement', rowOf(table(), 'qp2024.general.local-brand.deadline') + 1, '编号']]);
  });

  it('changes a deadline, drops the optional brand, and records both (English headers too)', () => {
    const rows = edit(edit(table(), 'qp2024.community.plan-revision.deadline', 'changeTo', '6月30日'), 'qp2024.general.local-brand', 'drop', 'yes');
    rows[0] = SETTINGS_COLUMNS.map((c) => c.field);
    const read = parseSettingsRows(rows, source, { file: 'settings.csv' });
    expect(read.ok, JSON.stringify(read.problems)).toBe(true);
    if (!read.ok) return;
    expect(read.value.adjustments.map((a) => [a.id, a.default, a.value])).toEqual([
      ['qp2024.community.plan-revision.deadline', '12-31', '06-30'],
      ['qp2024.general.local-brand', '保留 / kept', '删除 / dropped'],
    ]);
    const applied = applySettings(source, read.value);
    expect(applied.ok).toBe(true);
    if (!applied.ok) return;
    const catalog = applied.value;
    expect(catalog.version).toBe('2024.2+settings');
    expect(catalog.requirements.some((r) => r.id === 'qp2024.general.local-brand')).toBe(false);
    expect(catalog.requirements.find((r) => r.id === 'qp2024.community.plan-revision')!.due).toEqual({ type: 'by-year-end', deadline: '06-30' });
    const plan = planYear({ catalog, registry: sampleRegistry(), year: 2026 });
    const tasks = plan.tasks.filter((t) => t.requirementId === 'qp2024.community.plan-revision');
    expect(tasks.length).toBeGreaterThan(0);
    for (const t of tasks) expect(t).toMatchObject({ due: { type: 'deadline', date: '2026-06-30' }, occasion: 'set-deadline', flags: expect.arrayContaining(['set-deadline']) as unknown });
    expect(plan.adjustments).toEqual(read.value.adjustments);
  });

  it('keeps counting work done after the district deadline, as the notice accepts it, and names the deadline when it is missed', async () => {
    const rows = edit(table(), 'qp2024.community.plan-revision.deadline', 'changeTo', '06-30');
    const read = parseSettingsRows(rows, source);
    const applied = read.ok ? applySettings(source, read.value) : undefined;
    if (!applied?.ok) throw new Error('settings did not apply');
    const evaluator = createEvaluator(applied.value);
    const unit = sampleRegistry().units.find((u) => u.kind === 'community')!;
    const late: Activity = { unitId: unit.id, kind: 'evacuation-plan-revised', date: '2026-08-15' };
    const status = async (activities: Activity[], asOf: string) => (await evaluator.evaluateUnit({ unit, activities, year: 2026, asOf })).find((r) => r.requirementId === 'qp2024.community.plan-revision')!;
    expect((await status([], '2026-06-01')).status).toBe('pending');
    const overdue = await status([], '2026-07-15');
    expect(overdue.status).toBe('not-met');
    expect(overdue.dueDate).toBe('2026-06-30');
    expect(overdue.reason.zh).toContain('截止日 06-30 为本区参数设置');
    expect((await status([late], '2026-12-31')).status).toBe('met');
  });

  it('moves the annual plan deadline as a key date, and the reminders', () => {
    let rows = edit(table(), 'qp2024.general.annual-plan.deadline', 'changeTo', '3月15日');
    rows = edit(rows, 'calendar.alarms', 'changeTo', '3d');
    const read = parseSettingsRows(rows, source);
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const applied = applySettings(source, read.value);
    if (!applied.ok) throw new Error(JSON.stringify(applied.problems));
    const plan = planYear({ catalog: applied.value, registry: sampleRegistry(), year: 2026 });
    expect(plan.keyDates.find((k) => k.id === 'annual-plan-deadline')!.date).toBe('2026-03-15');
    expect(reminderSettings(applied.value)).toEqual({ alarms: '3d', yearReminder: '10-01', adjusted: true });
    expect(reminderSettings(QINGPU_2024_CATALOG)).toEqual({ alarms: '7d,1d', yearReminder: '10-01', adjusted: false });
  });

  it('stops labelling a value the office set as a default', () => {
    const read = parseSettingsRows(edit(table(), 'qp2024.general.news-report.newsReportWorkdays', 'changeTo', '3'), source);
    const applied = read.ok ? applySettings(source, read.value) : undefined;
    if (!applied?.ok) throw new Error('settings did not apply');
    const news = applied.value.requirements.find((r) => r.id === 'qp2024.general.news-report')!;
    expect(news.due).toMatchObject({ type: 'after-each-activity', within: 3 });
    expect(news.defaults ?? []).not.toContain('newsReportWorkdays');
    const titles = planYear({ catalog: applied.value, registry: sampleRegistry(), year: 2026 }).milestones.filter((m) => m.kind === 'report').map((m) => m.title.zh);
    expect(titles.length).toBeGreaterThan(0);
    for (const t of titles) expect(t).toContain('3 个工作日，本区参数设置');
  });

  it('names file, row, column and the value read for every bad cell at once', () => {
    let rows = edit(table(), 'qp2024.community.plan-revision.deadline', 'changeTo', '6月32日');
    rows = edit(rows, 'qp2024.school.evacuation-plan', 'drop', '是');
    rows = edit(rows, 'qp2024.general.news-report.newsReportWorkdays', 'changeTo', '五');
    rows = edit(rows, 'calendar.alarms', 'changeTo', '-1d');
    rows.push(['qp2024.no-such.deadline', '', '', '', '', '', '', '06-30', '', '', '']);
    const read = parseSettingsRows(rows, source, { file: '参数设置.xlsx' });
    expect(read.ok).toBe(false);
    const at = (id: string) => rowOf(rows, id) + 1;
    const seen = read.problems.map((p) => [p.code, p.file, p.row, p.column]);
    expect(seen).toEqual([
      ['required_requirement', '参数设置.xlsx', at('qp2024.school.evacuation-plan'), '删除此要求'],
      ['invalid_value', '参数设置.xlsx', at('qp2024.community.plan-revision.deadline'), '修改为'],
      ['invalid_value', '参数设置.xlsx', at('qp2024.general.news-report.newsReportWorkdays'), '修改为'],
      ['invalid_value', '参数设置.xlsx', at('calendar.alarms'), '修改为'],
      ['unknown_setting', '参数设置.xlsx', rows.length, '编号'],
    ].sort((a, b) => Number(a[2]) - Number(b[2])));
    expect(read.problems.map((p) => p.message.zh).join('\n')).toMatch(/6月32日[\s\S]*五[\s\S]*-1d/);
  });

  it('reads month-days as clerks write them', () => {
    expect(['06-30', '6-30', '6/30', '6月30日', '6月30号', '2026-06-30'].map(readMonthDay)).toEqual(Array(6).fill('06-30'));
    expect([readMonthDay('2月底'), readMonthDay('02-end'), readMonthDay('年底')]).toEqual(['02-end', '02-end', '12-31']);
    expect([readMonthDay('02-30'), readMonthDay('13-01'), readMonthDay('soon')]).toEqual([undefined, undefined, undefined]);
  });
});
