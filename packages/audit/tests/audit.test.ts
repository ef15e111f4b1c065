import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { chromium } from 'playwright-core';
import { AuditResult, QINGPU_2024_CATALOG, collectArtefacts, runAudit, type Activity, type Registry } from '@liujin/core';
import { SMALL_DISTRICT, SMALL_DISTRICT_ACTIVITIES, arbitraryActivities, arbitraryNow, arbitraryRegistry, testExporterConformance } from '@liujin/core/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCsv, auditVerdict, auditXlsx, createAuditExporter, createStreamedAuditExporter } from '../src/index';
import { systemTool } from '../../../tools/config/system-tools';

/** A small district whose coverage is worked out by hand below (@liujin/core/testing). */
const registry = SMALL_DISTRICT;
const activities: Activity[] = [...SMALL_DISTRICT_ACTIVITIES];
const NOW = new Date('2026-12-31T08:00:00Z');
let audit: AuditResult;
beforeAll(async () => {
  audit = await runAudit({ catalog: QINGPU_2024_CATALOG, registry, activities, year: 2026, asOf: '2026-12-31' });
});

describe('verdict', () => {
  it('gives exit code 1 when a target or the threshold is missed', () => {
    expect(auditVerdict(audit).exitCode).toBe(1);
    const onlyPlan = { ...audit, byRequirement: audit.byRequirement.map((r) => ({ ...r, targetStatus: null, targetMet: null })) };
    expect(auditVerdict(onlyPlan).exitCode).toBe(0);
    expect(auditVerdict(onlyPlan, { failUnder: 99 }).exitCode).toBe(1);
  });
});

describe('reports', () => {
  let files: Map<string, string | Uint8Array>;
  let dir: string;
  beforeAll(async () => {
    files = new Map((await collectArtefacts(createAuditExporter({ failUnder: 50 }).export({ audit, now: NOW }))).map((f) => [f.path, f.content]));
    dir = mkdtempSync(join(tmpdir(), 'liujin-audit-'));
    for (const [path, content] of files) writeFileSync(join(dir, path.replace('/', '-')), content);
  });

  it('JSON validates against the schema of AuditResult', () => {
    const json = JSON.parse(files.get('audit/audit.json') as string) as unknown;
    expect(AuditResult.safeParse(json).success).toBe(true);
  });

  it('CSV has a BOM, parses, and neutralises formulas', () => {
    const csv = files.get('audit/audit.csv') as string;
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parse(csv, { bom: true }) as string[][];
    expect(rows[0]).toEqual(['单位编号', '单位名称', '类型', '街镇', '要求编号', '要求', '状态', '原因', '期限', '佐证数']);
    const names = new Set(rows.slice(1).map((r) => r[1]));
    expect(names.has('\'=HYPERLINK("http://evil","点我")')).toBe(true);
    expect(rows.slice(1).every((r) => !/^[=+\-@]/.test(r[1]!))).toBe(true);
  });

  it('XLSX read back by openpyxl: the sheets, the numbers, and no formulas', () => {
    const book = JSON.parse(execFileSync(systemTool('python3-openpyxl'), [new URL('./read_xlsx.py', import.meta.url).pathname, join(dir, 'audit-audit.xlsx')], { encoding: 'utf8' })) as Record<string, { v: unknown; t: string }[][]>;
    expect(Object.keys(book)).toEqual(['汇总', '按街镇', '全覆盖', '按要求', '优先催办', '单位明细']);
    const byReq = book['按要求']!.find((row) => row[0]!.v === 'qp2024.school.evacuation-plan')!;
    expect(byReq.slice(5, 9).map((c) => c.v)).toEqual(['✘ 落后（有逾期未完成）', 2, 3, '66.6%']);
    const cells = Object.values(book).flat(2);
    expect(cells.some((c) => c.t === 'f')).toBe(false);
    expect(cells.some((c) => c.v === '=HYPERLINK("http://evil","点我")' && c.t === 's')).toBe(true);
  });

  it('continues the unit detail on further sheets past the row limit', async () => {
    const path = join(dir, 'small-limit.xlsx');
    writeFileSync(path, await auditXlsx(audit, 'zh', NOW, 5));
    const book = JSON.parse(execFileSync(systemTool('python3-openpyxl'), [new URL('./read_xlsx.py', import.meta.url).pathname, path], { encoding: 'utf8' })) as Record<string, { v: unknown }[][]>;
    const detail = Object.keys(book).filter((name) => name.startsWith('单位明细'));
    expect(detail.length).toBeGreaterThan(1);
    expect(detail.every((name) => book[name]!.length <= 5 && book[name]![0]![0]!.v === '单位编号')).toBe(true);
    const rows = detail.reduce((n, name) => n + book[name]!.length - 1, 0);
    expect(rows).toBe(audit.units.reduce((n, u) => n + u.results.length, 0));
  });

  it('JUnit XML fails the missed targets', () => {
    const xml = files.get('audit/junit.xml') as string;
    expect(xml).toMatch(/<testsuites [^>]*failures="[1-9]/);
    expect(xml).toContain('qp2024.school.evacuation-plan');
  });

  it('Markdown summary escapes names', () => {
    expect(files.get('audit/summary.md')).not.toContain('<script>');
  });

  describe('HTML report in headless Chromium', () => {
    const browserPromise = chromium.launch({ executablePath: systemTool('chromium'), args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
    afterAll(async () => (await browserPromise).close());

    it('renders with no console errors, no requests, no script, and the numbers of the JSON', async () => {
      const browser = await browserPromise;
      const page = await browser.newPage();
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('request', (r) => !r.url().startsWith('file:') && requests.push(r.url()));
      await page.goto(`file://${join(dir, 'audit-report.html')}`);
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
      expect(await page.locator('script').count()).toBe(0);
      expect(await page.locator('#overall-share').textContent()).toBe(`${(Math.floor(audit.overall.share! * 1000) / 10).toFixed(1)}%`);
      expect(Number(await page.locator('#overall-met').textContent())).toBe(audit.overall.met);
      expect(Number(await page.locator('[data-status="not-met"]').textContent())).toBe(audit.overall.notMet);
      expect(await page.locator('#town-chart text').allTextContents()).toEqual(expect.arrayContaining(['甲镇', '乙街道']));
      expect(await page.content()).toContain('&lt;script&gt;alert(1)&lt;/script&gt;学校');
      await page.close();
    }, 60_000);
  });
});

testExporterConformance('audit', {
  create: createAuditExporter,
  input: async () => ({ audit: await runAudit({ catalog: QINGPU_2024_CATALOG, registry, activities, year: 2026, asOf: '2026-12-31' }), now: NOW }),
  invalidOptions: [{ formats: ['pdf'] }, { formats: [] }, { failUnder: 120 }, { lang: 'fr' }, { extra: 1 }],
  arbitraryInput: arbitraryRegistry({ maxUnits: 6 })
    .chain((reg) => fc.tuple(fc.constant(reg), arbitraryActivities(reg, 2026, { maxRows: 20 }), arbitraryNow))
    .map(([reg, acts, now]) => async () => ({ audit: await runAudit({ catalog: QINGPU_2024_CATALOG, registry: reg, activities: acts, year: 2026, asOf: '2026-12-31' }), now })),
  numRuns: 8,
});

async function* stream<T>(items: readonly T[]) {
  yield* items;
}
// The records may be read again: the suite renders one input twice.
const streamedInput = (reg: Registry, acts: Activity[], now: Date) => ({ catalog: QINGPU_2024_CATALOG, year: 2026, asOf: '2026-12-31', district: reg.district, towns: reg.towns, units: () => stream(reg.units), activities: { [Symbol.asyncIterator]: () => stream(acts) }, now });

// Its content streams: the suite reads it through collectArtefacts like any other.
testExporterConformance('audit-streamed', {
  create: (options) => createStreamedAuditExporter(options, { chunkUnits: 2 }),
  input: () => streamedInput(registry, activities, NOW),
  invalidOptions: [{ formats: ['pdf'] }, { failUnder: -1 }, { extra: 1 }],
  arbitraryInput: arbitraryRegistry({ maxUnits: 6 })
    .chain((reg) => fc.tuple(fc.constant(reg), arbitraryActivities(reg, 2026, { maxRows: 20 }), arbitraryNow))
    .map(([reg, acts, now]) => () => streamedInput(reg, acts, now)),
  numRuns: 8,
});

describe('the streamed audit exporter (audits larger than memory)', () => {
  const formats = ['json', 'csv', 'xlsx', 'html', 'md', 'junit'] as const;
  async function both(reg: Registry, acts: Activity[], chunkUnits: number, extra: { previous?: unknown; setAside?: { unitId: string; kind: string; date: string; file?: string; row?: number }[] } = {}, options: { largeAuditUnits?: number } = {}, memoryRecords?: number, threads = 1, reread = false) {
    const input = { catalog: QINGPU_2024_CATALOG, year: 2026, asOf: '2026-10-01', ...extra };
    const audit = await runAudit({ ...input, registry: reg, activities: acts });
    const memory = await collectArtefacts(createAuditExporter({ formats: [...formats], ...options }).export({ audit, now: NOW }));
    let summary: AuditResult | undefined;
    let plan: { threads: number; chunkUnits: number } | undefined;
    const reads: unknown[] = [];
    const streamed = await collectArtefacts(
      createStreamedAuditExporter({ formats: [...formats], ...options }, { chunkUnits, threads, threadsFromUnits: 0, groupedAfter: 0, onPlan: (p) => (plan = p), onRead: (r) => reads.push(r), ...(memoryRecords !== undefined ? { memoryRecords } : {}) }).export({ ...input, district: reg.district, towns: reg.towns, units: () => stream(reg.units), activities: stream(acts), ...(reread ? { rereadActivities: () => stream(acts) } : {}), now: NOW, onAudit: (a) => (summary = a) }),
    );
    // Judged as asked: on worker threads when asked for them.
    expect(plan).toEqual({ threads, chunkUnits: threads > 1 ? Math.min(chunkUnits, 500) : chunkUnits });
    return { audit, memory, streamed, summary: summary!, reads };
  }
  const same = (a: string | Uint8Array, b: string | Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

  it('gives the same artefacts, byte for byte, as runAudit + the exporter, in chunks of any size', async () => {
    // Records all in memory (the default budget), all spilled (0), or spilled part way (3).
    for (const [chunkUnits, memoryRecords] of [[1, 0], [2, 0], [50_000, 0], [2, 3], [1, undefined], [50_000, undefined]] as const) {
      const { memory, streamed } = await both(registry, activities, chunkUnits, { previous: await runAudit({ catalog: QINGPU_2024_CATALOG, registry, activities, year: 2026 }), setAside: [{ unitId: 's3', kind: '跳舞', date: '2026-05-01', file: 'a.csv', row: 9 }] }, {}, memoryRecords);
      expect(streamed.map((a) => [a.path, a.mediaType])).toEqual(memory.map((a) => [a.path, a.mediaType]));
      for (const [i, artefact] of memory.entries()) expect(same(streamed[i]!.content, artefact.content), `${artefact.path} with chunks of ${chunkUnits}, ${memoryRecords ?? 'default'} records in memory`).toBe(true);
    }
  });

  it('writes a large audit alike on both paths: a compact summary, units.jsonl, a workbook without the unit detail', async () => {
    for (const chunkUnits of [1, 3]) {
      const { audit: full, memory, streamed } = await both(registry, activities, chunkUnits, {}, { largeAuditUnits: 4 });
      expect(streamed.map((a) => a.path)).toEqual(memory.map((a) => a.path));
      for (const [i, artefact] of memory.entries()) expect(same(streamed[i]!.content, artefact.content), `${artefact.path} with chunks of ${chunkUnits}`).toBe(true);
      const text = (path: string) => Buffer.from(memory.find((a) => a.path === path)!.content).toString('utf8');
      const json = text('audit/audit.json');
      expect(json.split('\n')).toHaveLength(2);
      const summary = AuditResult.parse(JSON.parse(json));
      expect(summary.units).toEqual([]);
      expect(summary.unitDetail).toEqual({ path: 'units.jsonl', units: 4 });
      expect({ ...summary, units: full.units, unitDetail: undefined }).toEqual(JSON.parse(JSON.stringify(full)));
      expect(text('audit/units.jsonl').trimEnd().split('\n').map((l) => JSON.parse(l) as unknown)).toEqual(JSON.parse(JSON.stringify(full.units)));
      // The unit detail is written once: units.jsonl, no audit.csv beside it (targets.csv stays).
      expect(memory.map((a) => a.path)).not.toContain('audit/audit.csv');
      expect(memory.map((a) => a.path)).toContain('audit/targets.csv');
    }
    // Without json, audit.csv carries the unit detail (and there is no units.jsonl), on both paths alike.
    const input = { catalog: QINGPU_2024_CATALOG, year: 2026, asOf: '2026-10-01' };
    const full = await runAudit({ ...input, registry, activities });
    const csvOnly = await collectArtefacts(createAuditExporter({ formats: ['csv', 'xlsx'], largeAuditUnits: 4 }).export({ audit: full, now: NOW }));
    const csvStreamed = await collectArtefacts(createStreamedAuditExporter({ formats: ['csv', 'xlsx'], largeAuditUnits: 4 }, { chunkUnits: 2, memoryRecords: 3 }).export({ ...input, district: registry.district, towns: registry.towns, units: () => stream(registry.units), activities: stream(activities), now: NOW }));
    expect(csvOnly.map((a) => a.path)).toEqual(['audit/audit.csv', 'audit/targets.csv', 'audit/audit.xlsx']);
    expect(csvStreamed.map((a) => a.path)).toEqual(csvOnly.map((a) => a.path));
    for (const [i, artefact] of csvOnly.entries()) expect(same(csvStreamed[i]!.content, artefact.content), artefact.path).toBe(true);
    expect(Buffer.from(csvOnly[0]!.content).toString('utf8')).toBe(auditCsv(full, 'zh'));
    const dir = mkdtempSync(join(tmpdir(), 'liujin-large-'));
    const { memory } = await both(registry, activities, 2, {}, { largeAuditUnits: 4 });
    writeFileSync(join(dir, 'large.xlsx'), memory.find((a) => a.path.endsWith('.xlsx'))!.content);
    const book = JSON.parse(execFileSync(systemTool('python3-openpyxl'), [new URL('./read_xlsx.py', import.meta.url).pathname, join(dir, 'large.xlsx')], { encoding: 'utf8' })) as Record<string, { v: unknown }[][]>;
    expect(Object.keys(book)).toEqual(['汇总', '按街镇', '全覆盖', '按要求', '优先催办']);
    expect(book['汇总']!.map((row) => row.map((c) => c.v))).toContainEqual(['单位明细', '大型审计（4 个单位）：单位明细见 units.jsonl']);
    // Below the threshold nothing changes.
    const small = await both(registry, activities, 2, {}, { largeAuditUnits: 5 });
    const usual = await both(registry, activities, 2);
    expect(small.memory.map((a) => a.path)).toEqual(usual.memory.map((a) => a.path));
    for (const [i, artefact] of usual.memory.entries()) expect(same(small.memory[i]!.content, artefact.content), artefact.path).toBe(true);
  });

  it('judges chunks on worker threads with the same bytes as one thread, records in memory or spilled', async () => {
    const previous = await runAudit({ catalog: QINGPU_2024_CATALOG, registry, activities, year: 2026 });
    const setAside = [{ unitId: 's3', kind: '跳舞', date: '2026-05-01', file: 'a.csv', row: 9 }];
    for (const [chunkUnits, memoryRecords, largeAuditUnits] of [[1, undefined, undefined], [2, 0, 4], [50_000, 3, undefined]] as const) {
      const { memory, streamed } = await both(registry, activities, chunkUnits, { previous, setAside }, largeAuditUnits ? { largeAuditUnits } : {}, memoryRecords, 2);
      expect(streamed.map((a) => [a.path, a.mediaType])).toEqual(memory.map((a) => [a.path, a.mediaType]));
      for (const [i, artefact] of memory.entries()) expect(same(streamed[i]!.content, artefact.content), `${artefact.path} on 2 threads, chunks of ${chunkUnits}, ${memoryRecords ?? 'default'} records in memory`).toBe(true);
    }
  }, 60_000);

  /** The records grouped by unit in registry order (unknown units where they fall), as many logs are written. */
  const grouped = (reg: Registry, acts: readonly Activity[]) => {
    const at = new Map(reg.units.map((u, i) => [u.id, i]));
    return acts.map((a, i) => ({ a, i, u: at.get(a.unitId) ?? -1 })).sort((x, y) => (x.u < 0 || y.u < 0 ? x.i - y.i : x.u - y.u || x.i - y.i)).map((x) => x.a);
  };
  /** Grouped, but the first record of the registry's first unit comes last. */
  const oneLate = (reg: Registry, acts: readonly Activity[]) => {
    const list = grouped(reg, acts);
    const first = list.findIndex((a) => a.unitId === reg.units[0]!.id);
    return first < 0 ? list : [...list.slice(0, first), ...list.slice(first + 1), list[first]!];
  };

  it('judges each chunk of a log grouped by unit as the log leaves it, nothing spilled; judges again, read anew, a chunk a record comes back to', async () => {
    const setAside = [{ unitId: 's3', kind: '跳舞', date: '2026-05-01', file: 'a.csv', row: 9 }];
    const previous = await runAudit({ catalog: QINGPU_2024_CATALOG, registry, activities, year: 2026 });
    const chunksWithRecords = (chunkUnits: number, acts: readonly Activity[]) => new Set(acts.map((a) => registry.units.findIndex((u) => u.id === a.unitId)).filter((i) => i >= 0).map((i) => Math.floor(i / chunkUnits))).size;
    for (const [threads, chunkUnits, memoryRecords] of [[1, 1, 1], [1, 1, 3], [1, 2, 3], [1, 50_000, 3], [1, 1, undefined], [2, 2, 3]] as const) {
      const label = `${threads} thread(s), chunks of ${chunkUnits}, ${memoryRecords ?? 'default'} records in memory`;
      const inOrder = await both(registry, grouped(registry, activities), chunkUnits, { previous, setAside }, {}, memoryRecords, threads, true);
      for (const [i, artefact] of inOrder.memory.entries()) expect(same(inOrder.streamed[i]!.content, artefact.content), `${artefact.path}, grouped, ${label}`).toBe(true);
      // Every chunk with records but the last judged as the log left it; none judged again; with
      // one-unit chunks nothing spilled (no unit has more records than the budget).
      expect(inOrder.reads, label).toEqual([{ judgedWhileReading: chunksWithRecords(chunkUnits, activities) - 1, judgedAgain: 0, spilledRecords: expect.any(Number) as number }]);
      if (chunkUnits === 1 && memoryRecords !== 1) expect(inOrder.reads[0], label).toMatchObject({ spilledRecords: 0 });
      const late = await both(registry, oneLate(registry, activities), chunkUnits, { previous, setAside }, {}, memoryRecords, threads, true);
      for (const [i, artefact] of late.memory.entries()) expect(same(late.streamed[i]!.content, artefact.content), `${artefact.path}, one record late, ${label}`).toBe(true);
      // The first unit's chunk, judged when the log left it, judged again at the end.
      expect(late.reads[0], label).toMatchObject({ judgedAgain: chunkUnits < 50_000 ? 1 : 0 });
    }
    // By default only a log that has kept chunk order for 10,000 records is taken to be grouped:
    // a short run in chunk order at the top of a log in another order judges nothing early.
    const reads: unknown[] = [];
    const log = grouped(registry, activities);
    await collectArtefacts(createStreamedAuditExporter({ formats: ['md'] }, { chunkUnits: 1, onRead: (r) => reads.push(r) }).export({ catalog: QINGPU_2024_CATALOG, year: 2026, asOf: '2026-10-01', district: registry.district, towns: registry.towns, units: () => stream(registry.units), activities: stream(log), rereadActivities: () => stream(log), now: NOW }));
    expect(reads).toEqual([{ judgedWhileReading: 0, judgedAgain: 0, spilledRecords: 0 }]);
    // Without a way to read the log again, nothing is judged early: records held, then spilled.
    const once = await both(registry, grouped(registry, activities), 1, {}, {}, 1);
    expect(once.reads).toEqual([{ judgedWhileReading: 0, judgedAgain: 0, spilledRecords: activities.filter((a) => registry.units.some((u) => u.id === a.unitId)).length - 1 }]);
  }, 60_000);

  it('on worker threads, a record that comes back to a chunk still on its worker is left to the second read (never written to the closed spill), and a chunk sent to its worker leaves the memory budget', async () => {
    // Memory 0: every record spilled, each chunk sent to a worker as its file; the first unit's
    // records come back while its chunk is still being judged.
    const units = registry.units.slice(0, 4);
    const reg = { ...registry, units };
    const rec = (u: number, i: number, extra: Partial<Activity> = {}): Activity => ({ unitId: units[u]!.id, kind: 'evacuation-drill', date: `2026-0${1 + (i % 9)}-1${i % 10}`, reference: `r${i}`, ...extra });
    const acts = [rec(0, 1), rec(0, 2), rec(1, 3), rec(0, 4, { title: 'x'.repeat(400_000) }), rec(2, 5), rec(0, 6), rec(3, 7), rec(1, 8)];
    const { memory, streamed, reads } = await both(reg, acts, 1, {}, {}, 0, 2, true);
    for (const [i, artefact] of memory.entries()) expect(same(streamed[i]!.content, artefact.content), artefact.path).toBe(true);
    expect(reads).toEqual([{ judgedWhileReading: 1, judgedAgain: 1, spilledRecords: 10 }]);
    // A chunk's records leave the budget when it is sent to its worker: a grouped log of 40 units
    // with 5 records each fits a budget of 12 records, nothing spilled.
    const many = { ...registry, units: Array.from({ length: 40 }, (_, i) => ({ ...registry.units[0]!, id: `m${i}`, name: `单位${i}` })) };
    const log = many.units.flatMap((u, i) => Array.from({ length: 5 }, (_, j): Activity => ({ unitId: u.id, kind: 'evacuation-drill', date: `2026-0${1 + ((i + j) % 9)}-1${j}`, reference: `r${i}-${j}` })));
    const fits = await both(many, log, 1, {}, {}, 12, 2, true);
    for (const [i, artefact] of fits.memory.entries()) expect(same(fits.streamed[i]!.content, artefact.content), artefact.path).toBe(true);
    expect(fits.reads).toEqual([{ judgedWhileReading: 39, judgedAgain: 0, spilledRecords: 0 }]);
  }, 60_000);

  it('removes only its own spill folder from the temporary folder it is given, whatever else is there, after a run that spills and reads again and after one that fails', async () => {
    const temp = mkdtempSync(join(tmpdir(), 'liujin-others-'));
    const elsewhere = mkdtempSync(join(tmpdir(), 'liujin-elsewhere-'));
    writeFileSync(join(elsewhere, 'linked.txt'), 'theirs');
    writeFileSync(join(temp, 'theirs.txt'), 'theirs');
    // A folder named like liujin's spill folders, and a link to a folder elsewhere.
    mkdirSync(join(temp, 'liujin-audit-AAAAAA'));
    writeFileSync(join(temp, 'liujin-audit-AAAAAA', 'chunk-0.jsonl'), 'theirs');
    symlinkSync(elsewhere, join(temp, 'link'));
    const before = readdirSync(temp).sort();
    const log = oneLate(registry, activities);
    const run = (records: AsyncIterable<Activity>) => collectArtefacts(createStreamedAuditExporter({ formats: ['json', 'csv', 'md'] }, { chunkUnits: 1, memoryRecords: 0, groupedAfter: 0, tempDir: temp }).export({ catalog: QINGPU_2024_CATALOG, year: 2026, asOf: '2026-10-01', district: registry.district, towns: registry.towns, units: () => stream(registry.units), activities: records, rereadActivities: () => stream(log), now: NOW }));
    expect((await run(stream(log))).length).toBeGreaterThan(0);
    async function* failing() {
      yield* log.slice(0, 4);
      throw new Error('the reader found problems');
    }
    await expect(run(failing())).rejects.toThrow('the reader found problems');
    expect(readdirSync(temp).sort()).toEqual(before);
    expect(readFileSync(join(temp, 'theirs.txt'), 'utf8')).toBe('theirs');
    expect(readFileSync(join(temp, 'liujin-audit-AAAAAA', 'chunk-0.jsonl'), 'utf8')).toBe('theirs');
    expect(readFileSync(join(elsewhere, 'linked.txt'), 'utf8')).toBe('theirs');
  });

  it('on random districts too (property)', async () => {
    const orders = { asGiven: (_: Registry, acts: Activity[]) => acts, grouped, oneLate };
    await fc.assert(
      fc.asyncProperty(arbitraryRegistry({ maxUnits: 10 }).chain((reg) => fc.tuple(fc.constant(reg), arbitraryActivities(reg, 2026, { maxRows: 40 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 45 }), fc.constantFrom(1, 1, 1, 1, 1, 1, 1, 2), fc.constantFrom<keyof typeof orders>('asGiven', 'grouped', 'oneLate'), fc.boolean())), async ([reg, given, chunkUnits, largeAuditUnits, memoryRecords, threads, order, reread]) => {
        const acts = orders[order](reg, given);
        const { memory, streamed, summary } = await both(reg, acts, chunkUnits, {}, { largeAuditUnits }, memoryRecords, threads, reread);
        expect(summary.activities).toEqual((JSON.parse(Buffer.from(memory.find((a) => a.path.endsWith('.json'))!.content).toString('utf8')) as AuditResult).activities);
        expect(streamed.map((a) => a.path)).toEqual(memory.map((a) => a.path));
        for (const [i, artefact] of memory.entries()) expect(same(streamed[i]!.content, artefact.content), artefact.path).toBe(true);
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
