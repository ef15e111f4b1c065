/**
 * The hostile-input corpus (issue 9): broken and hostile files, one case per row, run through the
 * built CLI as a user would. Every case either gets a clear error naming the file, row and column,
 * or is accepted with every record counted; none ends with a stack trace or an internal error.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { neutraliseControls } from '@liujin/core/text';
import { describe, expect, it } from 'vitest';
import { liujinAsync, tempDir } from './helpers';
import { STACK_LINE, runCorpus, type CorpusCase } from './corpus';
import { systemTool } from '../../../tools/config/system-tools';

const REGISTRY = 'id,name,kind,town\nu1,青浦实验学校,学校,朱家角镇\nu2,夏阳社区,居委,夏阳街道\n';
const HEADER = 'id,name,kind,town\n';
const ACTIVITY_HEADER = 'unitId,kind,date\n';
const builtInCatalog = async () => (await import('@liujin/core')).QINGPU_2024_CATALOG_JSON as unknown as { requirements: Record<string, unknown>[] } & Record<string, unknown>;
const catalogWith = async (change: (c: { requirements: Record<string, unknown>[] } & Record<string, unknown>) => unknown) => {
  const catalog = structuredClone(await builtInCatalog());
  return JSON.stringify(change(catalog) ?? catalog);
};

const CASES: CorpusCase[] = [
  // Files
  { name: 'an empty file', role: 'registry', file: 'empty.csv', content: '', expect: { problems: [{ code: 'empty_file' }] } },
  { name: 'a header and no rows', role: 'registry', file: 'header.csv', content: HEADER, expect: { counts: { units: 0 }, warnings: [{ code: 'no_rows', row: 1 }] } },
  { name: 'UTF-8 with a BOM', role: 'registry', file: 'bom.csv', content: `\ufeff${REGISTRY}`, expect: { counts: { units: 2 } } },
  { name: 'GBK (Excel on Chinese Windows)', role: 'registry', file: 'gbk.csv', content: () => iconv.encode(REGISTRY, 'gbk'), expect: { counts: { units: 2 } } },
  { name: 'UTF-16 tab-separated (Excel "Unicode text")', role: 'registry', file: 'unicode.csv', content: () => iconv.encode(`\ufeff${REGISTRY.replaceAll(',', '\t')}`, 'utf16le'), expect: { counts: { units: 2 } } },
  { name: 'bytes in no known encoding', role: 'registry', file: 'binary.csv', content: () => Buffer.from([0x69, 0x64, 0x0a, 0xff, 0xfe, 0xfd, 0x80, 0x81, 0xc0]), expect: { problems: [{ code: 'unknown_encoding' }] } },
  { name: 'unbalanced quotes', role: 'registry', file: 'quotes.csv', content: `${HEADER}u1,"青浦实验学校,学校,朱家角镇\n`, expect: { problems: [{ code: 'invalid_csv' }] } },
  { name: 'an extra column', role: 'registry', file: 'extra.csv', content: 'id,name,kind,town,colour\nu1,甲,学校,朱家角镇,red\n', expect: { problems: [{ code: 'unknown_column', row: 1, column: 'colour' }] } },
  { name: 'a missing required column', role: 'registry', file: 'missing.csv', content: 'id,name\nu1,甲\n', expect: { problems: [{ code: 'missing_column', column: 'kind' }] } },
  { name: 'duplicate ids', role: 'registry', file: 'dupes.csv', content: `${HEADER}u1,甲,学校,朱家角镇\nu1,乙,学校,朱家角镇\n`, expect: { problems: [{ code: 'duplicate_id', row: 3, column: 'id' }] } },
  { name: 'an unknown kind and an unknown town, both reported', role: 'registry', file: 'unknown.csv', content: `${HEADER}u1,甲,火星基地,朱家角镇\nu2,乙,学校,不存在镇\n`, expect: { problems: [{ code: 'unknown_kind', row: 2, column: 'kind' }, { code: 'unknown_town', row: 3, column: 'town' }] } },
  { name: 'a 10,000-character name', role: 'registry', file: 'long.csv', content: `${HEADER}u1,${'名'.repeat(10_000)},学校,朱家角镇\n`, expect: { problems: [{ code: 'too_big', row: 2, column: 'name' }] } },
  { name: 'an id that is a path', role: 'registry', file: 'path-id.csv', content: `${HEADER}../../etc/passwd,甲,学校,朱家角镇\n/abs,乙,学校,朱家角镇\n`, expect: { problems: [{ row: 2, column: 'id' }, { row: 3, column: 'id' }] } },
  { name: 'JSON that is not an object', role: 'registry', file: 'number.json', content: '42', expect: { problems: [{ code: 'not_an_object' }] } },
  { name: 'JSON that does not parse', role: 'registry', file: 'broken.json', content: '{"units": [', expect: { problems: [{ code: 'invalid_json' }] } },
  { name: 'deeply nested JSON', role: 'registry', file: 'deep.json', content: () => `${'['.repeat(100_000)}${']'.repeat(100_000)}`, expect: { problems: [{ code: 'too_deep' }] } },
  { name: 'a JSON Lines file with a broken line', role: 'registry', file: 'lines.jsonl', content: '{"id":"u1","name":"甲","kind":"school"}\n{"id":"u2",\n', expect: { problems: [{ code: 'invalid_json', row: 2 }] } },
  {
    name: 'a very large file (100,000 units, every one counted)',
    role: 'registry',
    file: 'large.csv',
    content: () => HEADER + Array.from({ length: 100_000 }, (_, i) => `u${i},单位${i},学校,朱家角镇\n`).join(''),
    expect: { counts: { units: 100_000 } },
  },
  // Activity records, against a good registry
  { name: 'an impossible date (2026-02-30)', role: 'activities', file: 'feb30.csv', content: `${ACTIVITY_HEADER}u1,演练,2026-02-30\n`, expect: { problems: [{ code: 'invalid_date', row: 2, column: 'date' }] } },
  { name: 'a date that is no date', role: 'activities', file: 'nodate.csv', content: `${ACTIVITY_HEADER}u1,演练,next tuesday\n`, expect: { problems: [{ row: 2, column: 'date' }] } },
  { name: 'a date outside the year (kept, with a warning)', role: 'activities', file: 'lastyear.csv', content: `${ACTIVITY_HEADER}u1,演练,2025-05-12\nu1,演练,2026-05-12\n`, expect: { counts: { units: 2, activities: 2 }, warnings: [{ code: 'outside_year', row: 2, column: 'date' }] } },
  // One rule for earlier years (docs/catalog.md): a school's plan, made once, counts from 2019 (no warning); a recurring drill from 2025 and any row after the year do not.
  { name: 'earlier-year rows: once-made work counts, recurring work and later rows warn', role: 'activities', file: 'years.csv', content: `${ACTIVITY_HEADER}u1,编制方案,2019-03-01\nu1,演练,2025-09-19\nu1,展示宣传,2027-01-05\n`, expect: { counts: { units: 2, activities: 3 }, warnings: [{ code: 'outside_year', row: 3, column: 'date' }, { code: 'outside_year', row: 4, column: 'date' }] } },
  {
    name: 'an unknown unit and an unknown kind beside a bad date: all three reported',
    role: 'activities',
    file: 'mixed.csv',
    content: `${ACTIVITY_HEADER}u1,演练,2026-02-30\nu9,演练,2026-05-12\nu1,跳舞,2026-05-12\n`,
    expect: { problems: [{ row: 2, column: 'date' }, { code: 'unknown_unit', row: 3, column: 'unitId' }, { code: 'unknown_kind', row: 4, column: 'kind' }] },
  },
  { name: 'a JSON array of numbers', role: 'activities', file: 'numbers.json', content: '[1, 2]', expect: { problems: [{ row: 1 }, { row: 2 }] } },
  { name: 'a JSON object where an array belongs', role: 'activities', file: 'object.json', content: '{"unitId":"u1"}', expect: { problems: [{}] } },
  {
    name: 'a very large log (200,000 rows, every one counted)',
    role: 'activities',
    file: 'large-log.csv',
    content: () => ACTIVITY_HEADER + Array.from({ length: 200_000 }, (_, i) => `u${1 + (i % 2)},演练,2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}\n`).join(''),
    expect: { counts: { units: 2, activities: 200_000 } },
  },
  // Waivers
  { name: 'a waiver for an unknown unit with an impossible expiry', role: 'waivers', file: 'waivers.csv', content: 'unitId,requirementId,justification,expires\nu9,school-evacuation-plan,停办,2026-13-01\n', expect: { problems: [{ row: 2, column: 'expires' }] } },
  // Catalogs
  { name: 'a catalog that is not an object', role: 'catalog', file: 'array.json', content: '[]', expect: { problems: [{ code: 'not_an_object' }] } },
  { name: 'a catalog with an unknown field', role: 'catalog', file: 'fields.json', content: () => catalogWith((c) => void (c.requirements[0]!.colour = 'red')), expect: { problems: [{ code: 'unrecognized_keys' }] } },
  {
    name: 'a catalog with an unknown operator, a fact that does not exist and a JSONPath script',
    role: 'catalog',
    file: 'ops.json',
    content: () =>
      catalogWith((c) => {
        c.requirements[0]!.compliance = { all: [{ fact: 'evidenceCount', operator: 'regex', value: 1 }, { fact: 'nope', operator: 'equal', value: 1 }, { fact: 'attributes', path: '$..[?(@.constructor)]', operator: 'equal', value: 1 }] };
      }),
    expect: { problems: [{ code: 'unknown_operator' }, { code: 'unknown_fact' }, { code: 'unsafe_path' }] },
  },
  {
    name: 'a catalog with a deeply nested condition',
    role: 'catalog',
    file: 'nested.json',
    content: () =>
      catalogWith((c) => {
        let deep: unknown = { fact: 'evidenceCount', operator: 'greaterThanInclusive', value: 1 };
        for (let i = 0; i < 40; i++) deep = { not: deep };
        c.requirements[0]!.compliance = deep;
      }),
    expect: { problems: [{ code: 'condition_too_deep' }] },
  },
  { name: 'a huge catalog', role: 'catalog', file: 'huge.json', content: () => catalogWith((c) => void (c.requirements[0]!.basis = 'x'.repeat(3_000_000))), expect: { problems: [{ code: 'catalog_too_large' }] } },
];

runCorpus('the hostile-input corpus', CASES, { registry: REGISTRY, args: ['--year', '2026'] });

describe('the hostile-input corpus in words', () => {
  const dir = tempDir('liujin-corpus-');

  it('says it in words too, without --json, in either language', async () => {
    const file = join(dir, 'words.csv');
    writeFileSync(file, `${HEADER}u1,甲,火星基地,朱家角镇\n`);
    const zh = await liujinAsync(['validate', '--registry', file]);
    expect(zh.status).toBe(2);
    expect(zh.stderr).toContain('words.csv，第 2 行，列「kind」');
    const en = await liujinAsync(['validate', '--registry', file, '--lang', 'en']);
    expect(en.stderr).toMatch(/words\.csv.*row 2.*kind/);
    expect(en.stderr).not.toMatch(STACK_LINE);
  });
});

/** Names as spreadsheets deliver them; each becomes a school in one registry run through every output. */
const HOSTILE_NAMES: readonly string[] = [
  '第一\n第二行',
  '分号;逗号,反斜杠\\结尾',
  '=HYPERLINK("http://evil.example","点我")',
  '+1+1',
  '-2+3',
  '@SUM(A1:A9)',
  '<script>alert("x")</script>\'学校\'',
  '../../etc/passwd',
  '/etc/shadow',
  'C:\\Windows\\system32',
  '\u202Egpj.exe学校',
  '学校🏫😀',
  '𪚥𠀀学校',
  '名'.repeat(200),
];
const FORMULA_START = /^[=+\-@\t\r]/;

function csvText(rows: string[][]): string {
  return rows.map((row) => row.map((cell) => (/[",\n\r]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join(',')).join('\n') + '\n';
}

describe('hostile strings are kept and rendered safely in every output', () => {
  const dir = tempDir('liujin-strings-');
  const registry = join(dir, 'registry.csv');
  const ids = HOSTILE_NAMES.map((_, i) => `h${i}`);
  writeFileSync(registry, csvText([['id', 'name', 'kind', 'town', 'address'], ...HOSTILE_NAMES.map((name, i) => [ids[i]!, name, '学校', '朱家角镇', name])]));
  const activities = join(dir, 'activities.csv');
  writeFileSync(activities, csvText([['unitId', 'kind', 'date', 'title'], ...HOSTILE_NAMES.map((name, i) => [ids[i]!, '演练', '2026-05-12', name])]));
  const out = join(dir, 'out');

  it('audit: every unit and name unchanged in JSON; CSV and XLSX cells never formulas; HTML escaped; JUnit well-formed', async () => {
    const r = await liujinAsync(['audit', '--year', '2026', '--as-of', '2026-12-31', '--registry', registry, '--activities', activities, '--out', out]);
    expect([0, 1], r.stderr).toContain(r.status);
    expect(r.stderr).not.toMatch(STACK_LINE);
    const audit = JSON.parse(readFileSync(join(out, 'audit/audit.json'), 'utf8')) as { units: { unitId: string; name: string }[]; activities: { total: number; used: number; unmatched: number } };
    expect(new Map(audit.units.map((u) => [u.unitId, u.name]))).toEqual(new Map(ids.map((id, i) => [id, HOSTILE_NAMES[i]!])));
    expect(audit.activities.total).toBe(HOSTILE_NAMES.length);
    expect(audit.activities.used + audit.activities.unmatched).toBe(audit.activities.total);

    const csvFiles = readdirSync(join(out, 'audit')).filter((f) => f.endsWith('.csv'));
    expect(csvFiles.length).toBeGreaterThan(0);
    const cells = csvFiles.flatMap((f) => (parse(readFileSync(join(out, 'audit', f)), { bom: true, relax_column_count: true }) as string[][]).flat());
    expect(cells.filter((cell) => FORMULA_START.test(cell) && !/^-?\d/.test(cell))).toEqual([]);
    // Control and bidi characters show as \uXXXX in spreadsheet cells (issue 14 §5).
    for (const name of HOSTILE_NAMES.map((n) => neutraliseControls(n))) expect(cells, name).toContain(FORMULA_START.test(name) ? `'${name}` : name);

    const xlsx = JSON.parse(python('python3-openpyxl', join(fileURLToPath(new URL('../../../packages/audit/tests/read_xlsx.py', import.meta.url))), join(out, 'audit/audit.xlsx'))) as Record<string, { v: unknown; t: string }[][]>;
    const xlsxCells = Object.values(xlsx).flat(2);
    expect(xlsxCells.filter((c) => c.t === 'f')).toEqual([]);
    for (const name of HOSTILE_NAMES.map((n) => neutraliseControls(n))) expect(xlsxCells.some((c) => c.v === name && c.t === 's'), name).toBe(true);

    const html = readFileSync(join(out, 'audit/report.html'), 'utf8');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toMatch(/Content-Security-Policy" content="default-src 'none'/);

    python('python3', '-c', 'import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])', join(out, 'audit/junit.xml'));
  });

  it('calendar: each unit feed parses in python3-icalendar without errors and carries the name exactly', async () => {
    const r = await liujinAsync(['calendar', '--year', '2026', '--registry', registry, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const files = ids.map((id) => join(out, 'calendars/units', `${id}.ics`));
    const report = JSON.parse(python('python3-icalendar', fileURLToPath(new URL('../../../packages/calendar/tests/check_ics.py', import.meta.url)), ...files)) as { errors: string[]; events: unknown[] }[];
    for (const feed of report) {
      expect(feed.errors).toEqual([]);
      expect(feed.events.length).toBeGreaterThan(0);
    }
    const names = JSON.parse(python('python3-icalendar', '-c', NAME_SCRIPT, ...files)) as string[];
    // A calendar name is one line: line breaks become spaces; nothing else changes.
    expect(names.map((n, i) => n.includes(HOSTILE_NAMES[i]!.replace(/\s+/g, ' ')))).toEqual(HOSTILE_NAMES.map(() => true));
  });

  it('templates: every plan passes qpdf, prints the name (bidi overrides dropped, missing glyphs as 〓), in its own file inside the folder', async () => {
    const r = await liujinAsync(['templates', '--kind', 'school', '--registry', registry, '--all', '--year', '2026', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const folder = join(out, 'templates/school');
    const files = readdirSync(folder).filter((f) => f.endsWith('.pdf'));
    expect(files.length).toBe(HOSTILE_NAMES.length);
    for (const [i, name] of HOSTILE_NAMES.entries()) {
      const file = files.find((f) => f.startsWith(`${ids[i]} `));
      expect(file, ids[i]).toBeDefined();
      expect(file).not.toMatch(/[/\\]|\.\./);
      expect(spawnSync(systemTool('qpdf'), ['--check', join(folder, file!)]).status).toBe(0);
      const text = spawnSync(systemTool('pdftotext'), [join(folder, file!), '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
      const printable = [...name.replace(/\s+/g, '').replace(/\u202E/g, '')];
      // Characters the fonts lack are printed as 〓, never dropped: each is itself or 〓.
      const pattern = new RegExp(printable.map((ch) => `(?:${ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}|〓)`).join(''), 'u');
      expect(pattern.test(text), `${ids[i]} ${name.slice(0, 20)}`).toBe(true);
      if (/\p{Extended_Pictographic}/u.test(name)) expect(text).toContain('〓');
    }
  });
});

const NAME_SCRIPT = `
import json, sys
from icalendar import Calendar
print(json.dumps([str(Calendar.from_ical(open(p, 'rb').read()).get('X-WR-CALNAME')) for p in sys.argv[1:]], ensure_ascii=False))
`;

/** Debian's python3 with the module a check needs (a missing one fails with its install command). */
function python(module: 'python3' | 'python3-icalendar' | 'python3-openpyxl', ...args: string[]): string {
  const r = spawnSync(systemTool(module), args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`python3 ${args[0]} failed: ${r.stderr}`);
  return r.stdout;
}
