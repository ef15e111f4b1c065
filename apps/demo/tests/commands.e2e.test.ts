import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, liujin, tempDir, liujinAsync } from './helpers';

describe('liujin plan (what npm start runs)', () => {
  const out = tempDir();
  const r = liujin(['plan', '--year', '2026', '--out', out]);

  it('writes key dates, the plan and the calendars, and says where', async () => {
    expect(r.status, r.stderr).toBe(0);
    for (const file of ['key-dates.json', 'key-dates.md', 'plan.json', 'plan.md', 'calendars/district.ics', 'calendars/towns/zhujiajiao.ics', 'calendars/sectors/school.ics', 'templates/school-blank.pdf', 'templates/community-blank.pdf', 'templates/enterprise-blank.pdf', 'audit/report.html', 'audit/audit.json']) {
      expect(existsSync(join(out, file)), file).toBe(true);
      expect(r.stdout).toContain(file.split('/')[0]!);
    }
    expect(r.stdout).toContain('示例');
    const plan = JSON.parse(readFileSync(join(out, 'plan.json'), 'utf8')) as { year: number; tasks: unknown[]; district: { synthetic: boolean } };
    expect(plan.year).toBe(2026);
    expect(plan.tasks.length).toBeGreaterThan(1000);
    expect(plan.district.synthetic).toBe(true);
    expect(readFileSync(join(out, 'plan.md'), 'utf8')).toContain('示例数据');
  });

  it('leaves no temporary files, and a second run replaces every file with the same bytes (same input and SOURCE_DATE_EPOCH)', () => {
    // What a user sees (links followed), without liujin's own bookkeeping (.liujin-*: manifest, staging).
    const walk = (dir: string): string[] => readdirSync(dir).filter((name) => !name.startsWith('.liujin')).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)).map((f) => `${name}/${f}`) : [name]));
    const digest = () => new Map(walk(out).map((file) => [file, createHash('sha256').update(readFileSync(join(out, file))).digest('hex')]));
    const before = digest();
    expect(before.size).toBeGreaterThan(300);
    const again = liujin(['plan', '--year', '2026', '--out', out]);
    expect(again.status, again.stderr).toBe(0);
    const after = digest();
    const everything = readdirSync(out, { recursive: true, encoding: 'utf8' });
    expect(everything.filter((f) => f.endsWith('.tmp') || f.includes('.liujin-stage-'))).toEqual([]);
    expect(after).toEqual(before);
  });
});

describe('liujin init, validate and plan on the starter files', () => {
  const dir = tempDir();
  const init = liujin(['init', '--dir', dir]);

  it('writes the starter files', async () => {
    expect(init.status, init.stderr).toBe(0);
    for (const f of ['registry.xlsx', 'registry.csv', 'activities.xlsx', 'activities.csv', 'waivers.csv', '参数设置.xlsx', 'settings.csv', 'README.md', 'tailoring.example.json']) expect(existsSync(join(dir, f)), f).toBe(true);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toContain('headCount');
    expect((await liujinAsync(['init', '--dir', dir])).status).toBe(2); // never overwrites without --force
  });

  it('validates the XLSX and CSV starter files', async () => {
    for (const ext of ['xlsx', 'csv']) {
      const r = await liujinAsync(['validate', '--registry', join(dir, `registry.${ext}`), '--activities', join(dir, `activities.${ext}`), '--lang', 'en']);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toContain('valid: 5 units, 5 activities');
    }
  });

  it('plans a district from them, with a tailoring file', async () => {
    const out = join(dir, 'out');
    const r = await liujinAsync(['plan', '--registry', join(dir, 'registry.xlsx'), '--activities', join(dir, 'activities.csv'), '--tailoring', join(dir, 'tailoring.example.json'), '--out', out, '--year', '2026']);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(join(out, 'calendars/units')).sort()).toEqual(['ent-xj-001.ics', 'res-xy-001.ics', 'sch-zjj-001.ics', 'town-zjj.ics', 'vil-jz-001.ics']);
    const plan = JSON.parse(readFileSync(join(out, 'plan.json'), 'utf8')) as { catalog: { version: string } };
    expect(plan.catalog.version).toContain('tailored');
  });
});

describe('bad input', () => {
  it('lists every problem with file, row and column, and exits 2', async () => {
    const dir = tempDir();
    const file = join(dir, 'registry.csv');
    writeFileSync(file, '编号,名称,类型,街镇\na,甲,学校,朱家角镇\na,乙,飞船,火星镇\n');
    const r = await liujinAsync(['validate', '--registry', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('第 3 行');
    expect(r.stderr).toContain('类型');
    expect(r.stderr).toContain('街镇');
    expect(r.stderr).toContain('编号');
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
    const json = await liujinAsync(['validate', '--registry', file, '--json']);
    expect(json.status).toBe(2);
    expect((JSON.parse(json.stdout) as { problems: unknown[] }).problems).toHaveLength(3);
  });

  it('names a missing file and an unsupported type', async () => {
    expect((await liujinAsync(['validate', '--registry', '/nonexistent/registry.csv', '--lang', 'en'])).stderr).toContain('file not found');
    expect((await liujinAsync(['validate', '--registry', 'registry.txt', '--lang', 'en'])).stderr).toContain('unsupported file type');
  });

  it('reports activities that name units missing from the registry', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'r.csv'), 'id,name,kind\nu1,甲,学校\n');
    writeFileSync(join(dir, 'a.csv'), 'unitId,kind,date\nu1,training,2026-05-01\nu9,training,2026-05-01\n');
    const r = await liujinAsync(['validate', '--registry', join(dir, 'r.csv'), '--activities', join(dir, 'a.csv'), '--lang', 'en']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('row 3');
    expect(r.stderr).toContain('no unit "u9"');
  });
});

describe('liujin serve', () => {
  it('answers on loopback with a valid calendar, refuses traversal, and stops cleanly', async () => {
    const out = tempDir();
    const registry = join(out, 'registry.csv');
    writeFileSync(registry, 'id,name,kind,town\nsch-a,甲学校,学校,朱家角镇\nres-b,乙居委,居委,夏阳街道\n');
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--out', join(out, 'site'), '--year', '2026', '--registry', registry], { env: { ...process.env, NO_COLOR: '1' } });
    const url = await new Promise<string>((resolve, reject) => {
      let text = '';
      child.stdout.on('data', (d: Buffer) => {
        text += d.toString();
        const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(text);
        if (m) resolve(m[1]!);
      });
      child.on('exit', (code) => reject(new Error(`serve exited ${code}`)));
      setTimeout(() => reject(new Error('serve did not start')), 120_000);
    });
    const index = await fetch(url);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy') ?? (await index.clone().text())).toContain("default-src 'none'");
    expect(await index.text()).toContain('webcal://');
    const feed = await fetch(`${url}calendars/district.ics`);
    expect(feed.headers.get('content-type')).toContain('text/calendar');
    expect(await feed.text()).toMatch(/^BEGIN:VCALENDAR/);
    for (const path of ['../package.json', '%2e%2e/%2e%2e/package.json', 'calendars/../../x', '..%2fpackage.json']) {
      expect((await fetch(`${url}${path}`)).status, path).toBe(404);
    }
    expect((await fetch(url, { method: 'POST' })).status).toBe(405);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});

describe('liujin audit', () => {
  it('writes every report of the sample and exits 1 when a target is missed', async () => {
    const out = tempDir();
    const r = await liujinAsync(['audit', '--year', '2026', '--as-of', '2026-12-31', '--out', out, '--lang', 'en']);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toContain('behind target');
    for (const f of ['audit.json', 'audit.csv', 'targets.csv', 'audit.xlsx', 'report.html', 'summary.md', 'junit.xml']) expect(existsSync(join(out, 'audit', f)), f).toBe(true);
  });

  it('exits 0 when every target is met, and 2 on a bad --format', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'r.csv'), 'id,name,kind\nsch,示例学校,学校\n');
    writeFileSync(join(dir, 'a.csv'), 'unitId,kind,date,reference\nsch,evacuation-plan-compiled,2026-03-01,plan\nsch,evacuation-drill,2026-09-18,photos\n');
    const ok = await liujinAsync(['audit', '--year', '2026', '--as-of', '2026-12-31', '--registry', join(dir, 'r.csv'), '--activities', join(dir, 'a.csv'), '--format', 'json', '--out', dir]);
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);
    expect((await liujinAsync(['audit', '--format', 'pdf', '--out', dir])).status).toBe(2);
  });
});

describe('liujin templates', () => {
  it('writes a blank template, or one unit’s pre-filled plan, and names a wrong unit', async () => {
    const out = tempDir();
    expect((await liujinAsync(['templates', '--kind', 'school', '--blank', '--out', out])).status).toBe(0);
    expect(existsSync(join(out, 'templates/school-blank.pdf'))).toBe(true);
    const one = await liujinAsync(['templates', '--kind', 'community', '--unit', 'res-xiayang-1', '--year', '2026', '--out', out]);
    expect(one.status, one.stderr).toBe(0);
    expect(readdirSync(join(out, 'templates/community'))).toEqual([expect.stringMatching(/^res-xiayang-1 .*\.pdf$/)]);
    const wrong = await liujinAsync(['templates', '--kind', 'school', '--unit', 'res-xiayang-1', '--out', out, '--lang', 'en']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('no unit "res-xiayang-1" of kind school');
  });

  it('warns about characters no font has (unit, field, character), lists them, and --strict exits 1', async () => {
    const dir = tempDir();
    const registry = join(dir, 'registry.json');
    writeFileSync(registry, JSON.stringify({ district: { id: 'qp', name: '青浦区' }, towns: [], units: [{ id: 'sch-1', name: '示例学校', kind: 'school', address: '示例路𠀀号' }] }));
    const args = ['templates', '--kind', 'school', '--registry', registry, '--all', '--year', '2026', '--out', join(dir, 'out'), '--lang', 'en'];
    const lax = await liujinAsync(args);
    expect(lax.status, lax.stderr).toBe(0);
    expect(lax.stderr).toContain('sch-1');
    expect(lax.stderr).toContain('地址: no font has "𠀀" (U+20000)');
    expect(lax.stderr).toContain('1 characters printed as 〓 (𠀀)');
    expect((await liujinAsync([...args, '--strict'])).status).toBe(1);
  });
});

describe('liujin serve regenerates', () => {
  it('publishes a new unit’s feed after the registry file changes', async () => {
    const dir = tempDir();
    const registry = join(dir, 'registry.csv');
    const activities = join(dir, 'activities.csv');
    writeFileSync(registry, 'id,name,kind,town\nsch-a,甲学校,学校,朱家角镇\n');
    writeFileSync(activities, 'unitId,kind,date\nsch-a,course,2026-03-01\n');
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--out', join(dir, 'out'), '--year', '2026', '--registry', registry, '--activities', activities], { env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const until = async (pred: () => boolean, ms = 30_000) => {
      const end = Date.now() + ms;
      while (!pred()) {
        if (Date.now() > end) throw new Error(`timed out; output: ${stdout}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    await until(() => /http:\/\/127\.0\.0\.1:\d+\//.test(stdout));
    const url = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout)![1]!;
    expect(await (await fetch(url)).text()).toContain('calendars/units/sch-a.ics');
    const before = (stdout.match(/已生成|generated/g) ?? []).length;
    writeFileSync(registry, 'id,name,kind,town\nsch-a,甲学校,学校,朱家角镇\nsch-b,乙学校,学校,金泽镇\n');
    await until(() => (stdout.match(/已生成|generated/g) ?? []).length > before);
    const index = await (await fetch(url)).text();
    expect(index).toContain('calendars/units/sch-b.ics');
    expect((await fetch(`${url}calendars/units/sch-b.ics`)).status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });
});

describe('each command on the files written by init', () => {
  it('calendar, templates and audit run on the starter XLSX and CSV files', async () => {
    const dir = tempDir();
    expect((await liujinAsync(['init', '--dir', dir])).status).toBe(0);
    const registry = join(dir, 'registry.xlsx');
    const activities = join(dir, 'activities.csv');
    const out = join(dir, 'out');
    const calendar = await liujinAsync(['calendar', '--years', '2026-2027', '--registry', registry, '--out', out]);
    expect(calendar.status, calendar.stderr).toBe(0);
    expect(readdirSync(join(out, 'calendars/units')).sort()).toEqual(['ent-xj-001.ics', 'res-xy-001.ics', 'sch-zjj-001.ics', 'town-zjj.ics', 'vil-jz-001.ics']);
    const templates = await liujinAsync(['templates', '--kind', 'school', '--registry', registry, '--all', '--year', '2026', '--out', out]);
    expect(templates.status, templates.stderr).toBe(0);
    expect(readdirSync(join(out, 'templates/school')).sort()).toEqual(['index.json', expect.stringMatching(/^sch-zjj-001 /)]);
    const audit = await liujinAsync(['audit', '--year', '2026', '--as-of', '2026-12-31', '--registry', registry, '--activities', activities, '--out', out, '--format', 'json,html']);
    expect([0, 1]).toContain(audit.status);
    const json = JSON.parse(readFileSync(join(out, 'audit/audit.json'), 'utf8')) as { units: unknown[]; activities: { total: number } };
    expect(json.units).toHaveLength(5);
    expect(json.activities.total).toBe(5);
  });
});

describe('liujin audit accounts for every row', () => {
  it('lists a row with an unknown activity kind as unmatched, with its file and row', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'r.csv'), 'id,name,kind\nsch,示例学校,学校\n');
    writeFileSync(join(dir, 'a.csv'), 'unitId,kind,date\nsch,evacuation-drill,2026-09-18\nsch,烧烤,2026-05-01\n');
    const r = await liujinAsync(['audit', '--year', '2026', '--as-of', '2026-12-31', '--registry', join(dir, 'r.csv'), '--activities', join(dir, 'a.csv'), '--format', 'json', '--out', dir, '--lang', 'en']);
    expect([0, 1]).toContain(r.status);
    expect(r.stderr).toContain('unknown activity kind "烧烤"');
    const audit = JSON.parse(readFileSync(join(dir, 'audit/audit.json'), 'utf8')) as { unmatched: { row: number; reason: string; file: string }[]; activities: { total: number } };
    expect(audit.activities.total).toBe(2);
    expect(audit.unmatched).toContainEqual(expect.objectContaining({ row: 3, reason: 'unknown-kind', file: join(dir, 'a.csv') }));
    // validate still treats it as an error.
    expect((await liujinAsync(['validate', '--registry', join(dir, 'r.csv'), '--activities', join(dir, 'a.csv')])).status).toBe(2);
  });
});

describe('liujin audit on JSON Lines (streamed, for cities and nations)', () => {
  it('gives the results of the same rows in CSV, lists every row, and stops on bad lines before writing anything', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'r.csv'), 'id,name,kind,town\nsch,示例学校,学校,朱家角镇\nres,示例居委,居委,夏阳街道\n');
    writeFileSync(join(dir, 'r.jsonl'), '{"id":"sch","name":"示例学校","kind":"学校","town":"朱家角镇"}\n{"id":"res","name":"示例居委","kind":"居委","town":"夏阳街道"}\n');
    writeFileSync(join(dir, 'a.csv'), 'unitId,kind,date\nsch,evacuation-drill,2026-09-18\nsch,烧烤,2026-05-01\nghost,training,2026-05-01\nres,training,2026-03-01\n');
    writeFileSync(join(dir, 'a.jsonl'), ['{"unitId":"sch","kind":"evacuation-drill","date":"2026-09-18"}', '{"unitId":"sch","kind":"烧烤","date":"2026-05-01"}', '{"unitId":"ghost","kind":"training","date":"2026-05-01"}', '{"unitId":"res","kind":"training","date":"2026-03-01"}', ''].join('\n'));
    const run = (registry: string, activities: string, out: string) => liujinAsync(['audit', '--year', '2026', '--as-of', '2026-12-31', '--registry', join(dir, registry), '--activities', join(dir, activities), '--out', join(dir, out), '--lang', 'en']);
    const csv = await run('r.csv', 'a.csv', 'csv');
    const jsonl = await run('r.jsonl', 'a.jsonl', 'jsonl');
    expect(jsonl.status, jsonl.stderr).toBe(csv.status);
    expect(jsonl.stderr).toContain('unknown activity kind "烧烤"');
    type Audit = { units: unknown[]; overall: unknown; byRequirement: unknown[]; gaps: unknown[]; activities: unknown; unmatched: { row: number; reason: string }[] };
    const read = (out: string) => JSON.parse(readFileSync(join(dir, out, 'audit/audit.json'), 'utf8')) as Audit;
    const [a, b] = [read('csv'), read('jsonl')];
    expect(b.units).toEqual(a.units);
    expect(b.overall).toEqual(a.overall);
    expect(b.byRequirement).toEqual(a.byRequirement);
    expect(b.gaps).toEqual(a.gaps);
    expect(b.activities).toEqual({ total: 4, used: expect.any(Number), unmatched: expect.any(Number) });
    // JSON Lines rows are line numbers; CSV rows count the header.
    expect(b.unmatched.map((u) => [u.row, u.reason])).toEqual(a.unmatched.map((u) => [u.row - 1, u.reason]));
    for (const f of ['audit.csv', 'audit.xlsx', 'report.html', 'summary.md', 'junit.xml']) expect(existsSync(join(dir, 'jsonl/audit', f)), f).toBe(true);

    writeFileSync(join(dir, 'bad.jsonl'), ['{"unitId":"sch","kind":"evacuation-drill","date":"2026-09-18"}', '{"unitId":"sch","kind":"evacuation-drill","date":"2026-02-30"}', 'not json', ''].join('\n'));
    const bad = await run('r.jsonl', 'bad.jsonl', 'bad');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/bad\.jsonl.*row 2.*date/);
    expect(bad.stderr).toMatch(/bad\.jsonl.*row 3/);
    expect(existsSync(join(dir, 'bad/audit'))).toBe(false);

    // --large-audit: from that many units on, the unit detail goes to units.jsonl (streamed and in memory alike).
    const large = (registry: string, activities: string, out: string, value: string) => liujinAsync(['audit', '--year', '2026', '--as-of', '2026-12-31', '--registry', join(dir, registry), '--activities', join(dir, activities), '--out', join(dir, out), '--large-audit', value, '--json']);
    for (const [registry, activities, out] of [['r.jsonl', 'a.jsonl', 'large-jsonl'], ['r.csv', 'a.csv', 'large-csv']] as const) {
      const r = await large(registry, activities, out, '2');
      expect(r.status, r.stderr).toBe(csv.status);
      expect((JSON.parse(r.stdout) as { files: string[] }).files).toContain('audit/units.jsonl');
      const summary = JSON.parse(readFileSync(join(dir, out, 'audit/audit.json'), 'utf8')) as Audit & { unitDetail: unknown };
      expect(summary.units).toEqual([]);
      expect(summary.unitDetail).toEqual({ path: 'units.jsonl', units: 2 });
      expect(readFileSync(join(dir, out, 'audit/units.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as unknown)).toEqual(a.units.map((u) => expect.objectContaining({ unitId: (u as { unitId: string }).unitId })));
    }
    const zero = await large('r.jsonl', 'a.jsonl', 'zero', '0');
    expect(zero.status).toBe(2);
    expect(zero.stderr).toContain('--large-audit');
  });
});

describe('liujin export (any installed exporter by name)', () => {
  it('lists the installed exporters, runs one with its options, and rejects bad options with exit 2', async () => {
    const list = await liujinAsync(['export', '--json']);
    expect(list.status).toBe(0);
    expect((JSON.parse(list.stdout) as { name: string }[]).map((e) => e.name)).toEqual(['audit', 'calendar', 'oscal', 'templates', 'worklists']);
    const out = tempDir();
    const run = await liujinAsync(['export', 'audit', '--year', '2026', '--as-of', '2026-12-31', '--options', '{"formats":["md","json"]}', '--out', out, '--json', '--now', '2026-12-31T00:00:00Z']);
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as { path: string }[]).map((f) => f.path)).toEqual(['audit/summary.md', 'audit/audit.json']);
    const bad = await liujinAsync(['export', 'audit', '--options', '{"formats":["pdf"]}', '--out', out, '--lang', 'en']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--options');
    expect((await liujinAsync(['export', 'nope', '--out', out])).status).toBe(2);
  });
});
