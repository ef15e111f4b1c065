/**
 * Work lists as their users meet them: the HTML page in headless Chromium (and printed to A4 PDF,
 * read back by pdftotext), the workbook with openpyxl; the exporter contract on random districts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { QINGPU_2024_CATALOG, buildWorklists, collectArtefacts, runAudit, type WorklistSet } from '@liujin/core';
import { sampleActivities, sampleRegistry } from '@liujin/core/sample';
import { arbitraryActivities, arbitraryNow, arbitraryRegistry, testExporterConformance } from '@liujin/core/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorklistExporter, worklistHtml } from '../src/index';
import { systemTool } from '../../../tools/config/system-tools';

const NOW = new Date('2026-07-01T01:00:00Z');
const registry = sampleRegistry();
const activities = sampleActivities(2026);
let set: WorklistSet;
let dir: string;
beforeAll(async () => {
  const audit = await runAudit({ catalog: QINGPU_2024_CATALOG, registry, activities, year: 2026, asOf: '2026-06-30' });
  set = buildWorklists({ audit, catalog: QINGPU_2024_CATALOG, registry, activities });
  dir = mkdtempSync(join(tmpdir(), 'liujin-worklists-'));
  for (const f of await collectArtefacts(createWorklistExporter().export({ worklists: set, now: NOW }))) writeFileSync(join(dir, f.path.replace('worklists/', '')), f.content);
});

describe('the XLSX with openpyxl', () => {
  it('one sheet per list, each printable: A4, landscape, fitted to one page wide, header row on every page, wrapped cells', () => {
    const script = `
import json, sys
from openpyxl import load_workbook
wb = load_workbook(sys.argv[1])
out = []
for ws in wb.worksheets:
    ps = ws.page_setup
    out.append({'name': ws.title, 'paper': ps.paperSize, 'orientation': ps.orientation, 'fitToWidth': ps.fitToWidth, 'fitToHeight': ps.fitToHeight,
                'fitToPage': ws.sheet_properties.pageSetUpPr.fitToPage, 'titles': ws.print_title_rows, 'header': ws.oddHeader.center.text,
                'wrap': ws['B2'].alignment.wrap_text if ws.max_row > 1 else None, 'rows': ws.max_row, 'head': [c.value for c in ws[1]]})
print(json.dumps(out, ensure_ascii=False))`;
    const sheets = JSON.parse(execFileSync(systemTool('python3'), ['-c', script, join(dir, 'worklists.xlsx')], { encoding: 'utf8' })) as { name: string; paper: number; orientation: string; fitToWidth: number; fitToHeight: number; fitToPage: boolean; titles: string; header: string; wrap: boolean; rows: number; head: string[] }[];
    expect(sheets.map((s) => s.name)).toEqual(set.lists.map((l) => l.name));
    for (const [i, s] of sheets.entries()) {
      expect(s).toMatchObject({ paper: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, fitToPage: true, titles: '$1:$1', wrap: true });
      expect(s.head).toEqual(['类别', '要求（条款）', '期限', '单位', '所需佐证', '排序依据', '完成日期']);
      const list = set.lists[i]!;
      expect(s.header).toContain(list.name);
      expect(s.rows).toBe(1 + list.overdue.length + list.dueSoon.length + list.dueLater.length + list.occasionSoon.length + list.laterThisYear.length + list.recent.length);
    }
  });
});

describe('the HTML page in headless Chromium', () => {
  const browserPromise = chromium.launch({ executablePath: systemTool('chromium'), args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  afterAll(async () => (await browserPromise).close());

  it('no console errors, no requests, no script; each list names the units of the JSON, section by section', async () => {
    const page = await (await browserPromise).newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => !r.url().startsWith('file:') && requests.push(r.url()));
    await page.goto(`file://${join(dir, 'worklists.html')}`);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('article.list').count()).toBe(set.lists.length);
    const zhujiajiao = set.lists.find((l) => l.id === 'zhujiajiao')!;
    for (const section of ['overdue', 'dueSoon', 'occasionSoon'] as const) {
      const shown = await page.locator(`article[data-id="zhujiajiao"] [data-section="${section}"] [data-unit]`).evaluateAll((els) => els.map((e) => e.getAttribute('data-unit')));
      expect(shown).toEqual(zhujiajiao[section].flatMap((i) => i.units.map((u) => u.unitId)));
    }
    // Printed on A4, every list starts a page: the PDF's text holds each list's heading at a page top
    // (three lists, to keep the test cheap).
    const three = { ...set, lists: set.lists.slice(0, 3) };
    writeFileSync(join(dir, 'three.html'), worklistHtml(three, 'zh', '2026-07-01'));
    await page.goto(`file://${join(dir, 'three.html')}`);
    const pdf = join(dir, 'worklists.pdf');
    await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true });
    const info = execFileSync(systemTool('pdfinfo'), [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+59\d(\.\d+)? x 84\d(\.\d+)? pts \(A4\)/);
    const pages = execFileSync(systemTool('pdftotext'), ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f');
    const flat = pages.map((p) => p.replace(/\s+/g, ''));
    // The first list follows the page title; every other one opens a page.
    expect(flat[0]).toContain(`仅供演示。${three.lists[0]!.name}工作清单`);
    for (const list of three.lists.slice(1)) expect(flat.some((p) => p.startsWith(`${list.name}工作清单`)), list.name).toBe(true);
    await page.close();
  }, 120_000);
});

testExporterConformance('worklists', {
  create: createWorklistExporter,
  input: () => ({ worklists: set, now: NOW }),
  invalidOptions: [{ formats: ['pdf'] }, { formats: [] }, { lang: 'fr' }, { extra: 1 }],
  arbitraryInput: arbitraryRegistry({ maxUnits: 6 })
    .chain((reg) => fc.tuple(fc.constant(reg), arbitraryActivities(reg, 2026, { maxRows: 20 }), arbitraryNow))
    .map(([reg, acts, now]) => async () => {
      const audit = await runAudit({ catalog: QINGPU_2024_CATALOG, registry: reg, activities: acts, year: 2026, asOf: '2026-06-30' });
      return { worklists: buildWorklists({ audit, catalog: QINGPU_2024_CATALOG, registry: reg, activities: acts }), now };
    }),
  numRuns: 8,
});
