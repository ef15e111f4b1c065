/**
 * Issue 20, "settings a clerk can change" (docs/settings.md), as a clerk meets it: `liujin init`
 * writes 参数设置.xlsx; the clerk moves the community plan-revision deadline to 06-30 and drops the
 * optional local brand (edited with openpyxl, as a spreadsheet program would); the plan, the feeds
 * and the audit then change together. Outputs are read by independent tools: openpyxl for XLSX,
 * python3-icalendar for .ics. The spreadsheet as written gives the outputs of no --settings.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { liujinAsync, liujin, tempDir } from './helpers';
import { pythonFor } from '../../../tools/config/system-tools';

const dir = tempDir('liujin-settings-');
const PLAN_REVISION = 'qp2024.community.plan-revision';
const BRAND = 'qp2024.general.local-brand';

function python(script: string, ...args: string[]): string {
  const py = spawnSync(pythonFor(script), ['-c', script, ...args], { encoding: 'utf8' });
  if (py.status !== 0) throw new Error(py.stderr);
  return py.stdout;
}

interface PlanJson {
  catalog: { version: string };
  tasks: { requirementId: string; unitId: string; due: { type: string; date?: string } }[];
  adjustments?: { id: string; default: string; value: string }[];
}
interface AuditJson {
  catalog: { version: string };
  adjustments?: { id: string; default: string; value: string }[];
  byRequirement: { requirementId: string }[];
  units: { unitId: string; kind: string; results: { requirementId: string; status: string; dueDate?: string; reason: { zh: string } }[] }[];
}

/** Every VEVENT of a feed as python3-icalendar reads it: uid, start date, alarm descriptions. */
function icsEvents(file: string): { uid: string; start: string; alarms: string[] }[] {
  const script = [
    'import sys, json, icalendar',
    'cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())',
    'out = []',
    'for e in cal.walk("VEVENT"):',
    '    out.append({"uid": str(e.get("uid")), "start": str(e.decoded("dtstart")), "alarms": [str(a.get("description")) for a in e.walk("VALARM")]})',
    'print(json.dumps(out))',
  ].join('\n');
  return JSON.parse(python(script, file)) as { uid: string; start: string; alarms: string[] }[];
}

describe('the settings spreadsheet changes plan, feeds and audit consistently', () => {
  const init = liujin(['init', '--out', join(dir, 'input')]);
  const written = join(dir, 'input', '参数设置.xlsx');
  const changed = join(dir, 'changed.xlsx');
  // The clerk's edit: a cell in "修改为" and "是" in "删除此要求", nothing else touched.
  const edited = init.status === 0
    ? python(
        [
          'import sys, openpyxl',
          'wb = openpyxl.load_workbook(sys.argv[1]); ws = wb.active',
          'head = [c.value for c in ws[1]]',
          'col = lambda name: head.index(name) + 1',
          'for row in ws.iter_rows(min_row=2):',
          '    if row[0].value == sys.argv[3] + ".deadline": ws.cell(row=row[0].row, column=col("修改为"), value="06-30")',
          '    if row[0].value == sys.argv[4]: ws.cell(row=row[0].row, column=col("删除此要求"), value="是")',
          'wb.save(sys.argv[2]); print("ok")',
        ].join('\n'),
        written, changed, PLAN_REVISION, BRAND,
      )
    : '';
  // init's starter registry (two communities) and activities, with one plan revision before 06-30.
  const activities = join(dir, 'activities.csv');
  if (init.status === 0) writeFileSync(activities, `${readFileSync(join(dir, 'input', 'activities.csv'), 'utf8')}res-xy-001,evacuation-plan-revised,2026-03-01,,防空袭方案修订,,,修订稿,,\r\n`);
  const common = ['plan', '--year', '2026', '--as-of', '2026-07-15', '--registry', join(dir, 'input', 'registry.xlsx'), '--activities', activities];
  const runs = Promise.all([
    liujinAsync([...common, '--out', join(dir, 'none')]),
    liujinAsync([...common, '--settings', written, '--out', join(dir, 'same')]),
    liujinAsync([...common, '--settings', changed, '--out', join(dir, 'changed')]),
  ]);

  it('writes a spreadsheet a clerk can fill in and print (openpyxl)', async () => {
    expect(init.status, init.stderr).toBe(0);
    const report = JSON.parse(
      python(
        [
          'import sys, json, openpyxl',
          'wb = openpyxl.load_workbook(sys.argv[1]); ws = wb.active',
          'dv = [(d.type, d.formula1, str(d.sqref), d.prompt) for d in ws.data_validations.dataValidation]',
          'rows = [[c.value for c in r] for r in ws.iter_rows()]',
          'print(json.dumps({"freeze": ws.freeze_panes, "orientation": ws.page_setup.orientation, "paper": ws.page_setup.paperSize, "fitWidth": ws.page_setup.fitToWidth, "titles": str(ws.print_title_rows), "dv": dv, "rows": rows, "format": ws.column_dimensions["H"].number_format if "H" in ws.column_dimensions else None}, ensure_ascii=False, default=str))',
        ].join('\n'),
        written,
      ),
    ) as { freeze: string; orientation: string; paper: number | string; fitWidth: number; titles: string; dv: [string | null, string | null, string, string | null][]; rows: (string | null)[][] };
    expect(report.freeze).toBe('A2');
    expect(report.orientation).toBe('landscape');
    expect(String(report.paper)).toBe('9');
    expect(report.titles).toContain('$1:$1');
    const header = report.rows[0]!;
    expect(header).toEqual(expect.arrayContaining(['编号', '通知规定', '当前值', '修改为', '删除此要求']));
    const row = (id: string) => report.rows.find((r) => r[0] === id)!;
    expect(row(`${PLAN_REVISION}.deadline`)[header.indexOf('通知规定')]).toBe('通知未规定');
    expect(row(`${PLAN_REVISION}.deadline`)[header.indexOf('当前值')]).toBe('12-31（默认，可调整）');
    expect(row('calendar.alarms')[header.indexOf('当前值')]).toBe('7d,1d（默认，可调整）');
    // A yes/no list where the local brand may be dropped, only "否" where the notice requires the work.
    const brandRow = report.rows.findIndex((r) => r[0] === BRAND) + 1;
    const schoolRow = report.rows.findIndex((r) => r[0] === 'qp2024.school.evacuation-plan') + 1;
    expect(report.dv).toContainEqual(['list', '"是,否"', `J${brandRow}`, expect.any(String)]);
    expect(report.dv).toContainEqual(['list', '"否"', `J${schoolRow}`, null]);
    expect(report.dv.some(([type, , range, prompt]) => type === null && range.startsWith('H') && (prompt ?? '').includes('06-30'))).toBe(true);
    expect(edited.trim()).toBe('ok');
  });

  it('gives the same outputs as no --settings for the spreadsheet as written', { timeout: 600_000 }, async () => {
    const [none, same] = await runs;
    expect(none.status, none.stderr).toBe(0);
    expect(same.status, same.stderr).toBe(0);
    for (const file of ['plan.json', 'plan.md', 'audit/audit.json', 'audit/summary.md', 'audit/report.html', 'calendars/district.ics', 'calendars/sectors/community.ics', 'calendars/sectors/general.ics', 'calendars/units/res-xy-001.ics']) {
      expect(readFileSync(join(dir, 'same', file), 'utf8'), file).toBe(readFileSync(join(dir, 'none', file), 'utf8'));
    }
  });

  it('moves the deadline and drops the brand in the plan, the feeds and the audit alike', { timeout: 600_000 }, async () => {
    const [none, , after] = await runs;
    expect(after.status, after.stderr).toBe(0);
    expect(none.status).toBe(0);
    const plan = JSON.parse(readFileSync(join(dir, 'changed', 'plan.json'), 'utf8')) as PlanJson;
    const before = JSON.parse(readFileSync(join(dir, 'none', 'plan.json'), 'utf8')) as PlanJson;
    const expected = [
      [`${PLAN_REVISION}.deadline`, '12-31', '06-30'],
      [BRAND, '保留 / kept', '删除 / dropped'],
    ];
    // Plan: the tasks move, the brand's are gone, and the plan says what was changed.
    const revisions = plan.tasks.filter((t) => t.requirementId === PLAN_REVISION);
    expect(revisions.length).toBe(before.tasks.filter((t) => t.requirementId === PLAN_REVISION).length);
    expect(new Set(revisions.map((t) => t.due.date))).toEqual(new Set(['2026-06-30']));
    expect(before.tasks.some((t) => t.requirementId === BRAND)).toBe(true);
    expect(plan.tasks.some((t) => t.requirementId === BRAND)).toBe(false);
    expect(plan.adjustments?.map((a) => [a.id, a.default, a.value])).toEqual(expected);
    expect(plan.catalog.version).toBe('2024.2+settings');
    const planMd = readFileSync(join(dir, 'changed', 'plan.md'), 'utf8');
    expect(planMd).toContain('## 参数调整');
    expect(planMd).toContain('06-30 前（本区参数设置');

    // Feeds (python3-icalendar): each community's feed has the revision on 06-30, no feed has the brand.
    const communities = [...new Set(revisions.map((t) => t.unitId))];
    for (const unit of communities.slice(0, 5)) {
      const events = icsEvents(join(dir, 'changed', 'calendars', 'units', `${unit}.ics`));
      const revision = events.find((e) => e.uid.startsWith(`${PLAN_REVISION}/${unit}/`));
      expect(revision?.start, unit).toBe('2026-06-30');
      // Its reminders are the defaults, and say so.
      expect(revision!.alarms.length).toBeGreaterThan(0);
      for (const alarm of revision!.alarms) expect(alarm).toContain('提前 7 天、1 天提醒：默认，可调整');
      const beforeEvents = icsEvents(join(dir, 'none', 'calendars', 'units', `${unit}.ics`));
      expect(beforeEvents.find((e) => e.uid.startsWith(`${PLAN_REVISION}/${unit}/`))?.start).toBe('2026-12-31'); // the year's end without settings
    }
    const general = icsEvents(join(dir, 'changed', 'calendars', 'sectors', 'general.ics'));
    expect(general.some((e) => e.uid.includes(BRAND))).toBe(false);

    // Audit (JSON, and the XLSX through openpyxl): the same adjustments, statuses judged on 06-30.
    const audit = JSON.parse(readFileSync(join(dir, 'changed', 'audit', 'audit.json'), 'utf8')) as AuditJson;
    const auditBefore = JSON.parse(readFileSync(join(dir, 'none', 'audit', 'audit.json'), 'utf8')) as AuditJson;
    expect(audit.adjustments?.map((a) => [a.id, a.default, a.value])).toEqual(expected);
    expect(auditBefore.adjustments).toBeUndefined();
    expect(audit.byRequirement.some((r) => r.requirementId === BRAND)).toBe(false);
    let compared = 0;
    for (const unit of audit.units) {
      const now = unit.results.find((r) => r.requirementId === PLAN_REVISION);
      if (!now) continue;
      const then = auditBefore.units.find((u) => u.unitId === unit.unitId)!.results.find((r) => r.requirementId === PLAN_REVISION)!;
      expect(now.dueDate).toBe('2026-06-30');
      // Done counts the same; not done by 07-15 is overdue on the district's date, pending on the notice's.
      if (then.status === 'met') expect(now.status).toBe('met');
      else {
        expect(then.status).toBe('pending');
        expect(now.status).toBe('not-met');
        expect(now.reason.zh).toContain('截止日 06-30 为本区参数设置');
      }
      compared++;
    }
    expect(compared).toBe(communities.length);
    expect(compared).toBe(2); // res-xy-001 revised in March (met either way), vil-jz-001 not yet
    const sheet = JSON.parse(python('import sys, json, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\nprint(json.dumps([[c.value for c in r] for r in wb["参数调整"].iter_rows()], ensure_ascii=False))', join(dir, 'changed', 'audit', 'audit.xlsx'))) as string[][];
    expect(sheet.slice(1).map((r) => [r[0], r[2], r[3]])).toEqual(expected);
    const html = readFileSync(join(dir, 'changed', 'audit', 'report.html'), 'utf8');
    expect(html).toContain('id="adjustments"');
    expect(readFileSync(join(dir, 'changed', 'audit', 'summary.md'), 'utf8')).toContain('## 参数调整');

    // Work lists (plan writes them as of 1 January): the revision falls due on 06-30 for the same units, the brand is gone.
    type Item = { requirementId: string; dueDate: string | null; units: { unitId: string }[] };
    type Lists = { lists: Record<'overdue' | 'dueSoon' | 'dueLater' | 'laterThisYear', Item[]>[] };
    const items = (run: string) => {
      const set = JSON.parse(readFileSync(join(dir, run, 'worklists', 'worklists.json'), 'utf8')) as Lists;
      return set.lists.flatMap((l) => [...l.overdue, ...l.dueSoon, ...l.dueLater, ...l.laterThisYear]);
    };
    const revisionItems = (run: string) => items(run).filter((i) => i.requirementId === PLAN_REVISION);
    expect(new Set(revisionItems('changed').map((i) => i.dueDate))).toEqual(new Set(['2026-06-30']));
    expect(new Set(revisionItems('none').map((i) => i.dueDate))).toEqual(new Set(['2026-12-31']));
    const unitsOf = (list: Item[]) => list.flatMap((i) => i.units.map((u) => u.unitId)).sort();
    expect(unitsOf(revisionItems('changed'))).toEqual(unitsOf(revisionItems('none')));
    expect(unitsOf(revisionItems('changed'))).toEqual([...communities].sort());
    expect(items('none').some((i) => i.requirementId === BRAND)).toBe(true);
    expect(items('changed').some((i) => i.requirementId === BRAND)).toBe(false);
  });
});

describe('--settings problems', () => {
  it('lists every bad cell at once with file, row, column and the value read (exit 2)', async () => {
    const csv = join(dir, 'input', 'settings.csv');
    const lines = readFileSync(csv, 'utf8').split('\r\n');
    const at = (id: string) => lines.findIndex((l) => l.startsWith(`${id},`));
    const bad = [...lines];
    bad[at('qp2024.school.evacuation-plan')] = bad[at('qp2024.school.evacuation-plan')]!.replace(/,否,否,/, ',否,是,');
    bad[at('calendar.alarms')] = bad[at('calendar.alarms')]!.replace('（默认，可调整）",,', '（默认，可调整）",soon,');
    const file = join(dir, 'bad.csv');
    writeFileSync(file, bad.join('\r\n'));
    const run = await liujinAsync(['--lang', 'en', 'calendar', '--year', '2026', '--settings', file, '--out', join(dir, 'bad')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`row ${at('qp2024.school.evacuation-plan') + 1}, column "删除此要求"`);
    expect(run.stderr).toContain(`row ${at('calendar.alarms') + 1}, column "修改为"`);
    expect(run.stderr).toContain('soon');
  });
});
