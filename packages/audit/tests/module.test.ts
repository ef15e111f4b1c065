// The installed exporters of @liujin/audit (`liujin export audit`, `liujin export worklists`): the
// audit module gives the same bytes whether the run's inputs are read whole (`export`) or as
// streams (`exportStreamed`), and the work lists are an exporter of their own.
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExporterOptionsError, QINGPU_2024_CATALOG, buildWorklists, collectArtefacts, isExporterModule, runAudit, type Activity, type AuditResult, type ExportContext, type Unit } from '@liujin/core';
import type { StreamedExportContext } from '@liujin/core/plugin';
import { SMALL_DISTRICT, SMALL_DISTRICT_ACTIVITIES } from '@liujin/core/testing';
import { describe, expect, it } from 'vitest';
import { liujinExporter as auditModule } from '../src/module';
import { liujinExporter as worklistsModule } from '../src/worklists-module';
import { createWorklistExporter } from '../src/worklist';

const NOW = new Date('2026-07-01T00:00:00Z');
const registry = SMALL_DISTRICT;
const activities: Activity[] = [...SMALL_DISTRICT_ACTIVITIES];
const setAside = [{ unitId: registry.units[0]!.id, kind: '跳舞', date: '2026-05-01', file: 'a.jsonl', row: 3 }];

const whole = (extra: Partial<ExportContext> = {}): ExportContext => ({ catalog: QINGPU_2024_CATALOG, registry, year: 2026, region: 'shanghai', asOf: '2026-06-30', now: NOW, lang: 'en', activities: async () => ({ activities, setAside }), waivers: [], ...extra });

async function* one<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

const streamed = (scratch: string, extra: Partial<StreamedExportContext> = {}): StreamedExportContext => ({
  streamed: true,
  catalog: QINGPU_2024_CATALOG,
  registry: { district: registry.district, towns: registry.towns, units: () => one<Unit>(registry.units) },
  activities: one(activities),
  setAside,
  year: 2026,
  region: 'shanghai',
  asOf: '2026-06-30',
  now: NOW,
  lang: 'en',
  waivers: [],
  scratch,
  ...extra,
});

describe('liujin export audit', () => {
  it('is an installed exporter that can stream', () => {
    expect(isExporterModule(auditModule)).toBe(true);
    expect(typeof auditModule.exportStreamed).toBe('function');
  });

  it('gives the same bytes from inputs read as streams as from inputs read whole, spilling only into the scratch folder', async () => {
    const options = { formats: ['json', 'csv', 'xlsx', 'md', 'junit'], failUnder: 50 };
    let wholeAudit: AuditResult | undefined;
    let streamedAudit: AuditResult | undefined;
    const a = await collectArtefacts(auditModule.export(whole({ onAudit: (r) => (wholeAudit = r) }), options));
    const scratch = mkdtempSync(join(tmpdir(), 'liujin-audit-module-'));
    const b = await collectArtefacts(auditModule.exportStreamed!(streamed(scratch, { onAudit: (r) => (streamedAudit = r) }), options));
    expect(b.map((f) => f.path)).toEqual(a.map((f) => f.path));
    for (const [i, file] of a.entries()) expect(Buffer.from(b[i]!.content).equals(Buffer.from(file.content)), file.path).toBe(true);
    // The verdict reads the totals, which both report alike.
    expect(streamedAudit?.overall).toEqual(wholeAudit?.overall);
    expect(streamedAudit?.unmatched.map((u) => u.reason)).toContain('unknown-kind');
    // The spill folder went with the run; nothing was written beside the scratch folder.
    expect(existsSync(scratch) && readdirSync(scratch)).toEqual([]);
  });
});

describe('liujin export worklists', () => {
  it('writes the lists of the run\'s audit, as the work-list exporter renders them', async () => {
    expect(isExporterModule(worklistsModule)).toBe(true);
    const files = await collectArtefacts(worklistsModule.export(whole(), { formats: ['json', 'md'], soonDays: 20 }));
    const audit = await runAudit({ catalog: QINGPU_2024_CATALOG, registry, activities, setAside, year: 2026, asOf: '2026-06-30', region: 'shanghai' });
    const worklists = buildWorklists({ audit, catalog: QINGPU_2024_CATALOG, registry, activities, windows: { soonDays: 20 } });
    const expected = await collectArtefacts(createWorklistExporter({ formats: ['json', 'md'], lang: 'en' }).export({ worklists, now: NOW }));
    expect(files.map((f) => [f.path, f.content])).toEqual(expected.map((f) => [f.path, f.content]));
  });

  it('refuses a town the registry does not hold, and windows out of order, as option problems', async () => {
    const problemsOf = async (options: unknown) => {
      try {
        await collectArtefacts(worklistsModule.export(whole(), options));
      } catch (error) {
        expect(error).toBeInstanceOf(ExporterOptionsError);
        return (error as ExporterOptionsError).problems.map((p) => p.path.join('.'));
      }
      return [];
    };
    expect(await problemsOf({ town: 'atlantis' })).toEqual(['town']);
    expect(await problemsOf({ soonDays: 60, horizonDays: 30 })).toEqual(['horizonDays']);
    expect(await problemsOf({ soonDays: 0 })).toEqual(['soonDays']);
  });
});
