/**
 * issue #20, done when: for the sample district as of 2026-06-30, the Zhujiajiao work list names
 * each overdue unit and each unit due before 09-30, and agrees with the audit's statuses unit by
 * unit. The work list is read from the XLSX by openpyxl, the statuses from the audit's JSON; the
 * CLI runs in process (cheaper than a subprocess per run).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditResult, WorklistSet } from '@liujin/core';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli';
import { tempDir } from './helpers';
import { systemTool } from '../../../tools/config/system-tools';

async function run(args: string[]): Promise<{ code: number; stderr: string }> {
  const errors: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (errors.push(String(chunk)), true));
  try {
    return { code: await main(args), stderr: errors.join('') };
  } finally {
    vi.restoreAllMocks();
  }
}
afterEach(() => vi.restoreAllMocks());

const common = ['--year', '2026', '--as-of', '2026-06-30', '--now', '2026-07-01T09:00:00+08:00'];
const auditOut = tempDir('liujin-wl-audit-');
const townOut = tempDir('liujin-wl-town-');
let audit: AuditResult;
beforeAll(async () => {
  expect((await run(['audit', ...common, '--format', 'json', '--out', auditOut])).code).toBe(1);
  const r = await run(['worklist', ...common, '--town', 'zhujiajiao', '--out', townOut]);
  expect(r.code, r.stderr).toBe(0);
  audit = JSON.parse(readFileSync(join(auditOut, 'audit/audit.json'), 'utf8')) as AuditResult;
}, 180_000);

describe('the Zhujiajiao work list as of 2026-06-30 (XLSX read by openpyxl) and the audit (audit.json)', () => {
  /** Rows of the town's sheet: section, requirement text, due, the unit names. */
  const rows = () => {
    const script = `
import json, sys
from openpyxl import load_workbook
ws = load_workbook(sys.argv[1])['朱家角镇']
print(json.dumps([[c.value for c in row] for row in ws.iter_rows(min_row=2)], ensure_ascii=False))`;
    return JSON.parse(execFileSync(systemTool('python3'), ['-c', script, join(townOut, 'worklists/worklists.xlsx')], { encoding: 'utf8' })) as (string | null)[][];
  };

  it('names every overdue unit and every unit due before 09-30, and no unit the audit does not say so of', async () => {
    const sheet = rows();
    const titles = new Map(audit.byRequirement.map((r) => [`${r.clause} ${r.title.zh}`, r.requirementId]));
    const names = new Map(audit.units.map((u) => [u.name, u.unitId]));
    // What the sheet says: unit|requirement -> section.
    const listed = new Map<string, string>();
    for (const [section, requirement, , units] of sheet) {
      if (section === null || section === undefined || requirement === null || requirement === undefined || units === null || units === undefined || section.startsWith('近 ')) continue;
      const id = titles.get(requirement);
      expect(id, requirement).toBeDefined();
      for (const name of units.split('、')) {
        expect(names.has(name), name).toBe(true);
        listed.set(`${names.get(name)}|${id}`, section);
      }
    }
    const zhujiajiao = audit.units.filter((u) => u.town === 'zhujiajiao');
    let overdue = 0;
    let dueBefore = 0;
    let onOccasion = 0;
    const occasionBefore = new Set(['qp2024.school.evacuation-drill', 'qp2024.school.education-day-activities', 'qp2024.community.training-and-drill', 'qp2024.enterprise.drills', 'qp2024.enterprise.education-day-publicity', 'qp2024.network.education-day-intensity']);
    for (const u of zhujiajiao) {
      for (const r of u.results) {
        const key = `${u.unitId}|${r.requirementId}`;
        if (r.status === 'not-met') {
          overdue++;
          expect(listed.get(key), key).toBe('逾期未完成');
        } else if (r.status === 'pending') {
          expect(listed.get(key), key).toBeDefined();
          expect(listed.get(key), key).not.toBe('逾期未完成');
          // Due before 09-30 (or news of an activity held: due within 5 working days): in the 30- or 90-day sections.
          if (r.dueDate === undefined || r.dueDate < '2026-09-30') {
            dueBefore++;
            expect(['30 天内到期', '31–90 天内到期'], key).toContain(listed.get(key));
          } else if (occasionBefore.has(r.requirementId)) {
            // Due by 31 December (the notice sets no date) with an occasion it names on 2026-09-19.
            onOccasion++;
            expect(listed.get(key), key).toBe('90 天内有首选时机（通知未规定日期，期限为年底，不强制）');
          }
        } else expect(listed.has(key), `${key} is ${r.status}`).toBe(false);
      }
    }
    expect(overdue).toBeGreaterThan(0);
    // The sample's open news reports of Zhujiajiao are all late by 06-30: nothing else falls due before 09-30.
    expect(dueBefore).toBe(zhujiajiao.reduce((n, u) => n + u.results.filter((r) => r.status === 'pending' && (r.dueDate === undefined || r.dueDate < '2026-09-30')).length, 0));
    expect(onOccasion).toBeGreaterThan(0);
    // Nothing listed that the audit does not hold as open for that unit.
    expect(listed.size).toBe(zhujiajiao.reduce((n, u) => n + u.results.filter((r) => r.status === 'not-met' || r.status === 'pending').length, 0));
  });

  it('the audit wrote the same list into worklists/ of its --out, as of its date', async () => {
    const fromAudit = JSON.parse(readFileSync(join(auditOut, 'worklists/worklists.json'), 'utf8')) as WorklistSet;
    const alone = JSON.parse(readFileSync(join(townOut, 'worklists/worklists.json'), 'utf8')) as WorklistSet;
    expect(fromAudit.asOf).toBe('2026-06-30');
    expect(fromAudit.lists.find((l) => l.id === 'zhujiajiao')).toEqual(alone.lists[0]);
    for (const f of ['worklists.xlsx', 'worklists.md', 'worklists.html']) expect(existsSync(join(auditOut, 'worklists', f)), f).toBe(true);
  });
});

describe('liujin worklist', () => {
  it('one unit: only its list', async () => {
    const out = tempDir('liujin-wl-unit-');
    expect((await run(['worklist', ...common, '--unit', 'school-zhujiajiao-1', '--format', 'json,md', '--out', out])).code).toBe(0);
    const set = JSON.parse(readFileSync(join(out, 'worklists/worklists.json'), 'utf8')) as WorklistSet;
    expect(set.lists.map((l) => [l.scope, l.id, l.units])).toEqual([['unit', 'school-zhujiajiao-1', 1]]);
    expect(readFileSync(join(out, 'worklists/worklists.md'), 'utf8')).toContain('朱家角镇示例学校1 单位工作清单');
  });

  it('a town by its name in the registry gives the same list as by its id', async () => {
    const [byName, byId] = [tempDir('liujin-wl-name-'), tempDir('liujin-wl-id-')];
    expect((await run(['worklist', ...common, '--town', '朱家角镇', '--format', 'json', '--out', byName])).code).toBe(0);
    expect((await run(['worklist', ...common, '--town', 'zhujiajiao', '--format', 'json', '--out', byId])).code).toBe(0);
    const [a, b] = [byName, byId].map((dir) => readFileSync(join(dir, 'worklists/worklists.json'), 'utf8'));
    expect(a).toBe(b);
    expect((JSON.parse(a!) as WorklistSet).lists.map((l) => [l.scope, l.id])).toEqual([['town', 'zhujiajiao']]);
  });

  it('an unknown town is exit 2 naming the option, the value and the towns there are', async () => {
    const r = await run(['worklist', ...common, '--town', 'zhujiajao', '--out', tempDir()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('zhujiajao');
    expect(r.stderr).toContain('zhujiajiao');
  });
});
