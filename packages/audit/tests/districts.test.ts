/**
 * Issue 19: a city office audits several districts at once. Coverage per district (a unit in its
 * own district, else its town's), the HTML drill-down from district to towns (<details>, no
 * script: checked in headless Chromium), the XLSX 按区 sheet (read by openpyxl), and the streamed
 * audit giving the same bytes as the audit in memory. One district's reports have none of it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { AuditResult, QINGPU_2024_CATALOG, collectArtefacts, runAudit, type Activity, type Registry } from '@liujin/core';
import { afterAll, describe, expect, it } from 'vitest';
import { createAuditExporter, createStreamedAuditExporter } from '../src/index';
import { systemTool } from '../../../tools/config/system-tools';

const city: Registry = {
  district: { id: 'songjiang', name: '松江区', region: 'shanghai', code: '310117' },
  districts: [
    { id: 'songjiang', name: '松江区', region: 'shanghai', code: '310117' },
    { id: 'qingpu', name: '青浦区', region: 'shanghai', code: '310118' },
  ],
  towns: [
    { id: 'yueyang', name: '岳阳街道', type: 'subdistrict', district: 'songjiang' },
    { id: 'sijing', name: '泗泾镇', type: 'town', district: 'songjiang' },
    { id: 'xiayang', name: '夏阳街道', type: 'subdistrict', district: 'qingpu' },
  ],
  units: [
    { id: 'sj-office', name: '松江区国动办', kind: 'district-office', district: 'songjiang' },
    { id: 'sj-s1', name: '岳阳示例小学', kind: 'school', town: 'yueyang' },
    { id: 'sj-c1', name: '泗泾示例居委', kind: 'community', communityType: 'residential', town: 'sijing' },
    { id: 'qp-s1', name: '夏阳示例小学', kind: 'school', town: 'xiayang' },
    { id: 'qp-e1', name: '夏阳示例企业', kind: 'enterprise', town: 'xiayang' },
  ],
};
const activities: Activity[] = [
  { unitId: 'sj-s1', kind: 'evacuation-drill', date: '2026-09-18', reference: 'r' },
  { unitId: 'qp-s1', kind: 'evacuation-drill', date: '2026-09-18', reference: 'r' },
  { unitId: 'qp-s1', kind: 'evacuation-plan-compiled', date: '2026-03-01', reference: 'r' },
];
const NOW = new Date('2026-12-31T08:00:00Z');
const input = { catalog: QINGPU_2024_CATALOG, year: 2026, asOf: '2026-10-01' };

async function* stream<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}

describe('an audit of two districts', () => {
  it('counts each district, each unit once: a district office in its district, the others in their town’s', async () => {
    const audit = await runAudit({ ...input, registry: city, activities });
    expect(audit.district).toEqual({ id: 'songjiang+qingpu', name: '松江区、青浦区', synthetic: false });
    expect(audit.byDistrict?.map((d) => [d.district, d.name, d.code])).toEqual([['songjiang', '松江区', '310117'], ['qingpu', '青浦区', '310118']]);
    expect(audit.byTown.map((t) => [t.town, t.district])).toEqual([['yueyang', 'songjiang'], ['sijing', 'songjiang'], ['xiayang', 'qingpu']]);
    const applicable = (ids: string[]) => audit.units.filter((u) => ids.includes(u.unitId)).reduce((n, u) => n + u.results.length, 0);
    const met = (ids: string[]) => audit.units.filter((u) => ids.includes(u.unitId)).reduce((n, u) => n + u.results.filter((r) => r.status === 'met').length, 0);
    const [sj, qp] = audit.byDistrict!;
    expect(sj!.applicable).toBe(applicable(['sj-office', 'sj-s1', 'sj-c1']));
    expect(qp!.applicable).toBe(applicable(['qp-s1', 'qp-e1']));
    expect([sj!.met, qp!.met]).toEqual([met(['sj-office', 'sj-s1', 'sj-c1']), met(['qp-s1', 'qp-e1'])]);
    expect(sj!.applicable + qp!.applicable).toBe(audit.overall.applicable);
    // The district office has no town: its district's row counts it, no town's row does.
    expect(audit.byTown.filter((t) => t.district === 'songjiang').reduce((n, t) => n + t.applicable, 0)).toBe(applicable(['sj-s1', 'sj-c1']));
    // byDistrict is optional and additive: the audit still parses as the published schema.
    expect(AuditResult.safeParse(JSON.parse(JSON.stringify(audit))).success).toBe(true);
  });

  it('one district has no byDistrict, no district field on its towns, and no district section in any report', async () => {
    const one: Registry = { district: city.district, towns: city.towns.map(({ district: _d, ...t }) => t), units: city.units.filter((u) => u.district === undefined) };
    const audit = await runAudit({ ...input, registry: one, activities });
    expect('byDistrict' in audit).toBe(false);
    expect(audit.byTown.some((t) => 'district' in t)).toBe(false);
    const artefacts = await collectArtefacts(createAuditExporter({ formats: ['html', 'md'] }).export({ audit, now: NOW }));
    for (const a of artefacts) expect(String(a.content)).not.toMatch(/按区|district-/);
  });

  it('the streamed audit gives the same bytes, in chunks of any size', async () => {
    const formats = ['json', 'csv', 'xlsx', 'html', 'md', 'junit'] as const;
    const audit = await runAudit({ ...input, registry: city, activities });
    const memory = await collectArtefacts(createAuditExporter({ formats: [...formats] }).export({ audit, now: NOW }));
    for (const chunkUnits of [1, 2, 100]) {
      const streamed = await collectArtefacts(
        createStreamedAuditExporter({ formats: [...formats] }, { chunkUnits }).export({ ...input, district: city.district, districts: city.districts!, towns: city.towns, units: () => stream(city.units), activities: stream(activities), now: NOW }),
      );
      expect(streamed.map((a) => a.path)).toEqual(memory.map((a) => a.path));
      for (const [i, a] of memory.entries()) expect(Buffer.from(streamed[i]!.content as string | Uint8Array).equals(Buffer.from(a.content as string | Uint8Array)), `${a.path}, chunks of ${chunkUnits}`).toBe(true);
    }
  });

  describe('the reports', () => {
    const dir = mkdtempSync(join(tmpdir(), 'liujin-districts-'));
    const browserPromise = chromium.launch({ executablePath: systemTool('chromium'), args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
    afterAll(async () => (await browserPromise).close());
    let audit: AuditResult;
    const written = (async () => {
      audit = await runAudit({ ...input, registry: city, activities });
      for (const a of await collectArtefacts(createAuditExporter({ formats: ['html', 'xlsx', 'md'] }).export({ audit, now: NOW }))) writeFileSync(join(dir, a.path.replace(/\//g, '-')), a.content as string | Uint8Array);
    })();

    it('HTML: a district row opens, without script, onto its towns (headless Chromium)', async () => {
      await written;
      const page = await (await browserPromise).newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`file://${join(dir, 'audit-report.html')}`);
      expect(await page.locator('script').count()).toBe(0);
      expect(await page.locator('details.district > summary b').allTextContents()).toEqual(['松江区', '青浦区']);
      const qingpu = page.locator('#district-qingpu');
      expect(await qingpu.locator('table').isVisible()).toBe(false);
      await qingpu.locator('summary').click();
      expect(await qingpu.locator('table').isVisible()).toBe(true);
      expect(await qingpu.locator('tbody td:first-child').allTextContents()).toEqual(['夏阳街道']);
      expect(await page.locator('#district-songjiang table').isVisible()).toBe(false);
      const share = audit.byDistrict![1]!.shareOfAll!;
      expect(await qingpu.locator('.district-share').textContent()).toBe(`${(Math.floor(share * 1000) / 10).toFixed(1)}%`);
      expect(errors).toEqual([]);
      await page.close();
    }, 60_000);

    it('XLSX: a 按区 sheet, each district’s row then its towns (openpyxl)', async () => {
      await written;
      const book = JSON.parse(execFileSync(systemTool('python3-openpyxl'), [new URL('./read_xlsx.py', import.meta.url).pathname, join(dir, 'audit-audit.xlsx')], { encoding: 'utf8' })) as Record<string, { v: unknown }[][]>;
      expect(Object.keys(book)).toEqual(['汇总', '按区', '按街镇', '全覆盖', '按要求', '优先催办', '单位明细']);
      const rows = book['按区']!.map((r) => r.slice(0, 5).map((c) => c.v));
      const [sj, qp] = audit.byDistrict!;
      const townRow = (id: string) => audit.byTown.find((t) => t.town === id)!;
      expect(rows).toEqual([
        ['区', '区划代码', '街镇', '已完成', '全部适用单位'],
        ['松江区', '310117', '（全区）', sj!.met, sj!.all],
        ['松江区', '310117', '岳阳街道', townRow('yueyang').met, townRow('yueyang').all],
        ['松江区', '310117', '泗泾镇', townRow('sijing').met, townRow('sijing').all],
        ['青浦区', '310118', '（全区）', qp!.met, qp!.all],
        ['青浦区', '310118', '夏阳街道', townRow('xiayang').met, townRow('xiayang').all],
      ]);
    });
  });
});
