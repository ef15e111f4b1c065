/**
 * Issue 17: no report shows a target as met while an applicable unit is pending or not met. The
 * issue's case: 64 schools, 50 with an evacuation plan, 14 still open. Every format is read the way
 * its user reads it: JSON and CSV parsed, Markdown and JUnit as text, XLSX with openpyxl, HTML in
 * headless Chromium.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { chromium } from 'playwright-core';
import { QINGPU_2024_CATALOG, collectArtefacts, runAudit, type Activity, type AuditResult, type Registry } from '@liujin/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAuditExporter } from '../src/index';
import { systemTool } from '../../../tools/config/system-tools';

const PLAN = 'qp2024.school.evacuation-plan';
const schools = Array.from({ length: 64 }, (_, i) => ({ id: `s${i + 1}`, name: `第${i + 1}学校`, kind: 'school' as const, town: 't1' }));
const registry: Registry = { district: { id: 'd', name: '测试区', region: 'shanghai' }, towns: [{ id: 't1', name: '甲镇', type: 'town' }], units: schools };
const planned: Activity[] = schools.slice(0, 50).map((s) => ({ unitId: s.id, kind: 'evacuation-plan-compiled', date: '2019-03-01', reference: 'r' }));

async function reports(audit: AuditResult) {
  const files = await collectArtefacts(createAuditExporter({ lang: 'zh' }).export({ audit, now: new Date('2026-07-01T00:00:00Z') }));
  const dir = mkdtempSync(join(tmpdir(), 'liujin-targets-'));
  for (const f of files) writeFileSync(join(dir, f.path.replace('/', '-')), f.content);
  return { files: new Map(files.map((f) => [f.path, f.content])), dir };
}

/** The state each format shows for the school-plan target. */
async function shown(audit: AuditResult) {
  const { files, dir } = await reports(audit);
  const json = JSON.parse(files.get('audit/audit.json') as string) as AuditResult;
  const jsonRow = json.byRequirement.find((r) => r.requirementId === PLAN)!;
  const csv = parse(files.get('audit/targets.csv') as string, { bom: true }) as string[][];
  const csvRow = csv.find((r) => r[0] === PLAN)!;
  const md = (files.get('audit/summary.md') as string).split('\n').find((l) => l.includes('编制学校人民防空紧急疏散行动方案'))!;
  const junit = (files.get('audit/junit.xml') as string).split('\n').find((l) => l.includes(PLAN))!;
  const book = JSON.parse(execFileSync(systemTool('python3-openpyxl'), [new URL('./read_xlsx.py', import.meta.url).pathname, join(dir, 'audit-audit.xlsx')], { encoding: 'utf8' })) as Record<string, { v: unknown }[][]>;
  const xlsxRow = book['按要求']!.find((row) => row[0]!.v === PLAN)!.map((c) => c.v);
  const browser = await chromium.launch({ executablePath: systemTool('chromium'), args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.goto(`file://${join(dir, 'audit-report.html')}`);
    // The row of the requirement as the reader sees it: located by its id text, its state cell read.
    const row = page.locator('tr', { has: page.locator('.requirement-id', { hasText: PLAN }) });
    const html = { state: await row.locator('.target-state').getAttribute('data-state'), text: (await row.textContent()) ?? '' };
    return { jsonRow, csvRow, md, junit, xlsxRow, html };
  } finally {
    await browser.close();
  }
}

describe('a target is never shown met while an applicable unit is open', () => {
  let open: Awaited<ReturnType<typeof shown>>;
  let done: Awaited<ReturnType<typeof shown>>;
  let late: Awaited<ReturnType<typeof shown>>;
  beforeAll(async () => {
    // As of 30 June: 50 of 64 schools have a plan (2019, accepted: made once), 14 pending.
    open = await shown(await runAudit({ catalog: QINGPU_2024_CATALOG, registry, activities: planned, year: 2026, asOf: '2026-06-30' }));
    // Year end: the 14 are overdue.
    late = await shown(await runAudit({ catalog: QINGPU_2024_CATALOG, registry, activities: planned, year: 2026, asOf: '2026-12-31' }));
    // Every school has one.
    const all = schools.map((s) => ({ unitId: s.id, kind: 'evacuation-plan-compiled' as const, date: '2026-03-01', reference: 'r' }));
    done = await shown(await runAudit({ catalog: QINGPU_2024_CATALOG, registry, activities: all, year: 2026, asOf: '2026-06-30' }));
  }, 60_000);

  it('50 met, 14 pending: on track in every format, 50/64 beside the due-work share 100% (50/50)', () => {
    expect(open.jsonRow).toMatchObject({ met: 50, pending: 14, all: 64, denominator: 50, share: 1, targetStatus: 'on-track', targetMet: false });
    expect(open.csvRow.slice(3, 13)).toEqual(['50', '64', '78.1%', '14', '0', '0', '0', '进行中（无逾期）', '100.0%', '50']);
    expect(open.md).toContain('50/64 (78.1%) | 14 | 0 | 0 | 0 | … 进行中（无逾期） | 100.0% (50/50)');
    expect(open.md).not.toContain('✔');
    expect(open.junit).toContain('<skipped');
    expect(open.xlsxRow.slice(5, 9)).toEqual(['… 进行中（无逾期）', 50, 64, '78.1%']);
    expect(open.html.state).toBe('on-track');
    expect(open.html.text).toContain('50/64');
    expect(open.html.text).not.toContain('✔');
  });

  it('at year end the 14 are overdue: behind, a failure in JUnit', () => {
    expect(late.jsonRow).toMatchObject({ met: 50, notMet: 14, targetStatus: 'behind', targetMet: false });
    expect(late.csvRow[10]).toBe('落后（有逾期未完成）');
    expect(late.md).toContain('✘ 落后');
    expect(late.junit).toContain('<failure');
    expect(late.xlsxRow[5]).toBe('✘ 落后（有逾期未完成）');
    expect(late.html.state).toBe('behind');
  });

  it('64 of 64: met, and only then a tick', () => {
    expect(done.jsonRow).toMatchObject({ met: 64, all: 64, targetStatus: 'met', targetMet: true });
    expect(done.csvRow[10]).toBe('已达标');
    expect(done.md).toContain('64/64 (100.0%)');
    expect(done.md).toContain('✔ 已达标');
    expect(done.junit).not.toMatch(/<failure|<skipped/);
    expect(done.xlsxRow[5]).toBe('✔ 已达标');
    expect(done.html.state).toBe('met');
  });
});

describe('--previous: the year-on-year change in the HTML and Markdown reports', () => {
  it('shows both figures, then and now, and the change in points', async () => {
    const before = await runAudit({ catalog: QINGPU_2024_CATALOG, registry, activities: planned, year: 2025, asOf: '2025-12-31' });
    const all = schools.map((s) => ({ unitId: s.id, kind: 'evacuation-plan-compiled' as const, date: '2026-03-01', reference: 'r' }));
    const now = await runAudit({ catalog: QINGPU_2024_CATALOG, registry, activities: all, year: 2026, asOf: '2026-06-30', previous: JSON.parse(JSON.stringify(before)) });
    const { files, dir } = await reports(now);
    const md = files.get('audit/summary.md') as string;
    expect(md).toContain('## 与上次核查相比（2025 年，评估日 2025-12-31）');
    expect(md).toMatch(/\| 三（三） 编制学校人民防空紧急疏散行动方案（100%） \| 100\.0% \| 78\.1% \| \+21\.9 \| 100\.0% \| 78\.1% \|/);
    const browser = await chromium.launch({ executablePath: systemTool('chromium'), args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage();
      await page.goto(`file://${join(dir, 'audit-report.html')}`);
      expect(await page.locator('#change').textContent()).toBe('与上次核查相比（2025 年，评估日 2025-12-31）');
      const row = page.locator('#change + table tr', { hasText: '编制学校人民防空紧急疏散行动方案' });
      expect(await row.locator('td').allTextContents()).toEqual(['三（三） 编制学校人民防空紧急疏散行动方案（100%）', '100.0%', '78.1%', '+21.9', '100.0%', '78.1%']);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
