/**
 * The hostile-input corpus, part 2 (issue 14, input classes §2-§4, §6): broken and hostile
 * workbooks, dates as offices save them, mixed encodings, nested JSON, huge problem counts and
 * inputs without end, run through the built CLI. Each case ends with exit 2 and the named
 * problem (file, row, column, the value read) or exit 0 with exact counts; never a stack trace,
 * never exit 3. Files are generated here, in a temporary folder.
 */
import { spawn } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, deflateRawSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { TEST_STYLES as S, excelSerial, rawZip, testWorkbook, workbookParts, zipParts } from '@liujin/core/testing';
import { bin, liujinAsync, tempDir } from './helpers';
import { STACK_LINE, runCorpus, type CorpusCase } from './corpus';
import { systemTool } from '../../../tools/config/system-tools';

const REGISTRY = 'id,name,kind,town\nu1,青浦实验学校,学校,朱家角镇\nu2,夏阳社区,居委,夏阳街道\n';
const REGISTRY_ROWS = [['编号', '名称', '类型', '街镇'], ['u1', '青浦实验学校', '学校', '朱家角镇'], ['u2', '夏阳社区', '居委', '夏阳街道']];
const WAIVER_HEADER = 'unitId,requirementId,justification,expires\n';

/**
 * A zip bomb: a workbook whose sheet part inflates to `copies` MiB (one compressed block of about
 * 1 KB repeated), its header claiming 1,000 bytes.
 */
function zipBomb(copies: number): Uint8Array {
  const parts = workbookParts([{ name: '登记表', rows: REGISTRY_ROWS }]);
  delete parts['xl/worksheets/sheet1.xml'];
  const others = Object.entries(parts).map(([name, text]) => ({ name, data: deflateRawSync(Buffer.from(text as string)) }));
  const head = deflateRawSync(Buffer.from('<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'), { finishFlush: constants.Z_SYNC_FLUSH });
  const block = deflateRawSync(Buffer.alloc(1 << 20, 0x61), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const tail = deflateRawSync(Buffer.from('</t></is></c></row></sheetData></worksheet>'));
  return rawZip([...others, { name: 'xl/worksheets/sheet1.xml', data: Buffer.concat([head, ...Array.from({ length: copies }, () => block), tail]), claimedSize: 1000 }]);
}

function withPart(path: string, xml: string): Uint8Array {
  const parts = workbookParts([{ name: '登记表', rows: REGISTRY_ROWS }]);
  parts[path] = xml;
  return zipParts(parts);
}

const CASES: CorpusCase[] = [
  // §2: a .xlsx that is not one
  { name: 'a CSV renamed to .xlsx', role: 'registry', file: 'renamed.xlsx', content: REGISTRY, expect: { problems: [{ code: 'not_a_workbook', says: '.csv' }] } },
  { name: 'a password-protected workbook (an OLE container)', role: 'registry', file: 'encrypted.xlsx', content: () => Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]), expect: { problems: [{ code: 'workbook_encrypted' }] } },
  { name: 'an empty .xlsx', role: 'registry', file: 'empty.xlsx', content: '', expect: { problems: [{ code: 'empty_file' }] } },
  { name: 'a Word document renamed to .xlsx', role: 'registry', file: 'letter.xlsx', content: () => zipParts({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }), expect: { problems: [{ code: 'not_a_workbook' }] } },
  { name: 'a cut-off workbook', role: 'registry', file: 'cut.xlsx', content: () => testWorkbook([{ name: '登记表', rows: REGISTRY_ROWS }]).subarray(0, 900), expect: { problems: [{ code: 'not_a_workbook' }] } },
  // §2: XML entities
  {
    name: 'billion laughs in the shared strings',
    role: 'registry',
    file: 'laughs.xlsx',
    content: () => withPart('xl/sharedStrings.xml', `<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "哈哈哈哈哈哈哈哈"><!ENTITY b "${'&a;'.repeat(10)}"><!ENTITY c "${'&b;'.repeat(10)}">]><sst><si><t>&c;</t></si></sst>`),
    expect: { problems: [{ code: 'xml_entities' }] },
  },
  {
    name: 'an external entity in a sheet',
    role: 'registry',
    file: 'xxe.xlsx',
    content: () => withPart('xl/worksheets/sheet1.xml', '<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/passwd">]><worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>&x;</t></is></c></row></sheetData></worksheet>'),
    expect: { problems: [{ code: 'xml_entities' }] },
  },
  // §3: sheets
  {
    name: 'a hidden first sheet is skipped; the visible one is read',
    role: 'registry',
    file: 'hidden-first.xlsx',
    content: () => testWorkbook([{ name: '草稿', state: 'hidden', rows: [['编号'], ['bad id with spaces']] }, { name: '登记表', rows: REGISTRY_ROWS }]),
    expect: { counts: { units: 2 } },
  },
  {
    name: 'several visible sheets: the first is read, with a warning naming them',
    role: 'registry',
    file: 'two-visible.xlsx',
    content: () => testWorkbook([{ name: '登记表', rows: REGISTRY_ROWS }, { name: '备注', rows: [['x']] }]),
    expect: { counts: { units: 2 }, warnings: [{ code: 'several_sheets' }] },
  },
  { name: '--sheet names a visible sheet', role: 'registry', file: 'pick.xlsx', args: ['--sheet', '登记表'], content: () => testWorkbook([{ name: '说明', rows: [['x']] }, { name: '登记表', rows: REGISTRY_ROWS }]), expect: { counts: { units: 2 } } },
  { name: '--sheet names a hidden sheet: refused', role: 'registry', file: 'pick-hidden.xlsx', args: ['--sheet', '旧表'], content: () => testWorkbook([{ name: '登记表', rows: REGISTRY_ROWS }, { name: '旧表', state: 'hidden', rows: REGISTRY_ROWS }]), expect: { problems: [{ code: 'sheet_hidden', says: '旧表' }] } },
  // §3: cells without a usable value
  {
    name: 'an error value (#N/A) in a name cell',
    role: 'registry',
    file: 'na.xlsx',
    content: () => testWorkbook([{ name: '登记表', rows: [...REGISTRY_ROWS, ['u3', { t: 'e', v: '#N/A' }, '学校', '朱家角镇']] }]),
    expect: { problems: [{ code: 'error_cell', row: 4, column: '名称', says: '#N/A' }] },
  },
  {
    name: 'a formula whose result was not saved, in a date cell',
    role: 'activities',
    file: 'formula.xlsx',
    content: () => testWorkbook([{ name: '活动记录', rows: [['单位编号', '活动类型', '日期'], ['u1', '疏散演练', { f: 'TODAY()', v: '' }]] }]),
    expect: { problems: [{ code: 'formula_without_value', row: 2, column: '日期', says: 'C2' }] },
  },
  {
    name: 'a JSON object where text belongs (JSON Lines)',
    role: 'registry',
    file: 'object.jsonl',
    content: '{"id":"u1","name":{"zh":"甲"},"kind":"school"}\n{"id":"u2","name":"乙","kind":"school","roles":["education-bureau"]}\n',
    expect: { problems: [{ code: 'not_text', row: 1, column: 'name' }] },
  },
  {
    name: 'a value nested 100,000 deep inside a JSON Lines field',
    role: 'activities',
    file: 'deep-field.jsonl',
    content: () => `{"unitId":"u1","kind":"evacuation-drill","date":"2026-05-12","topics":${'['.repeat(100_000)}${']'.repeat(100_000)}}\n`,
    expect: { problems: [{ code: 'not_text', row: 1, column: 'topics' }] },
  },
  // §3: encodings
  {
    name: 'UTF-8 with some rows in GBK: named, not garbled',
    role: 'registry',
    file: 'mixed.csv',
    content: () => Buffer.concat([Buffer.from('id,name,kind,town\nu1,青浦实验学校,学校,朱家角镇\n'), iconv.encode('u2,夏阳社区,居委,夏阳街道\n', 'gbk'), Buffer.from('u3,练塘镇人民政府,机关,练塘镇\n')]),
    expect: { problems: [{ code: 'mixed_encoding', row: 3, says: '3' }] },
  },
  // §4: dates and times as offices save them
  {
    name: 'date, date-time and time cells and the text forms Excel and WPS users type',
    role: 'activities',
    file: 'dates.xlsx',
    content: () =>
      testWorkbook([
        {
          name: '活动记录',
          rows: [
            ['单位编号', '活动类型', '日期', '时间'],
            ['u1', '疏散演练', { v: String(excelSerial('2026-09-18')), s: S.date }, { v: String(excelSerial('1899-12-30', '09:05:00')), s: S.time }],
            ['u1', '疏散演练', { v: String(excelSerial('2026-09-18', '14:00:00')), s: S.dateTime }, null],
            ['u1', '培训', { v: String(excelSerial('2026-02-25')), s: S.chineseDate }, '9:05'],
            ['u1', '培训', '2026/2/25', '14:00:00'],
            ['u1', '培训', '2026/02/25', null],
            ['u1', '培训', '2026-2-5', null],
            ['u1', '培训', '2026.09.18', null],
            ['u1', '培训', '2026年9月18日', null],
          ],
        },
      ]),
    expect: { counts: { units: 2, activities: 8 } },
  },
  { name: 'an ambiguous date (09/10/2026) is not guessed', role: 'activities', file: 'ambiguous.csv', content: 'unitId,kind,date\nu1,演练,2026-05-12\nu1,演练,09/10/2026\n', expect: { problems: [{ code: 'invalid_date', row: 3, column: 'date', says: '09/10/2026' }] } },
  { name: 'a time that is no time', role: 'activities', file: 'time.csv', content: '单位编号,活动类型,日期,时间\nu1,演练,2026-05-12,25:61\n', expect: { problems: [{ code: 'invalid_time', row: 2, column: '时间', says: '25:61' }] } },
  // §2: very many problems
  {
    name: 'a 150,000-row registry with one systematic mistake: 1,000 listed, the rest counted',
    role: 'registry',
    file: 'systematic.csv',
    content: () => `id,name,kind,town\n${Array.from({ length: 150_000 }, (_, i) => `u${i},单位${i},小学,朱家角镇\n`).join('')}`,
    expect: { problems: [{ code: 'unknown_kind', row: 2, column: 'kind', says: '学校' }, { code: 'more_problems', says: '149000' }], total: 1001 },
  },
  // §3: waivers that would silently do nothing
  {
    name: 'a waiver of a requirement id the catalog does not hold',
    role: 'waivers',
    file: 'waivers.csv',
    content: `${WAIVER_HEADER}u1,qp2024.party-school.corse,停办,2026-12-31\n`,
    expect: { problems: [{ code: 'unknown_requirement', row: 2, column: 'requirementId', says: 'qp2024.party-school.course' }] },
  },
  // #15: every file's problems in one run, columns as headed, suggestions
  {
    name: 'activities naming unknown units are shown although the registry has errors',
    role: 'activities',
    file: 'unknown-units.csv',
    registry: { file: 'bad-registry.csv', content: '编号,名称,类型,街镇\nu1,甲,学校,朱佳角镇\nu2,乙,小学,朱家角镇\n' },
    content: '单位编号,活动类型,日期\nu1,演练,2026-05-12\nu2,演练,2026-05-12\nu9,演练,2026-05-12\n',
    expect: {
      problems: [
        { code: 'unknown_town', row: 2, column: '街镇', says: '朱家角镇' },
        { code: 'unknown_kind', row: 3, column: '类型', says: '学校、企业' },
        { code: 'unknown_unit', row: 4, column: '单位编号', says: 'u9' },
      ],
      total: 3,
    },
  },
  { name: 'a too-long phone number is reported under the phone column', role: 'registry', file: 'phone.csv', content: `编号,名称,类型,联系人,联系电话\nu1,甲,学校,王老师,${'1'.repeat(60)}\n`, expect: { problems: [{ row: 2, column: '联系电话' }] } },
  { name: 'a missing column is named in the language of the file', role: 'registry', file: 'no-kind.csv', content: '编号,名称\nu1,甲\n', expect: { problems: [{ code: 'missing_column', row: 1, column: '类型' }] } },
  { name: 'a date outside the year: a warning under the header the file uses', role: 'activities', file: 'outside.csv', args: ['--year', '2026'], content: '单位编号,活动类型,日期\nu1,演练,2025/5/12\nu1,演练,2026/5/12\n', expect: { counts: { units: 2, activities: 2 }, warnings: [{ code: 'outside_year', row: 2, column: '日期' }] } },
  { name: 'an activity kind misspelt in Chinese gets the nearest kind', role: 'activities', file: 'kind.csv', content: '单位编号,活动类型,日期\nu1,疏散演习,2026-05-12\n', expect: { problems: [{ code: 'unknown_kind', row: 2, column: '活动类型', says: '疏散演练' }] } },
  // §6: limits
  { name: 'a cell longer than 32,767 characters', role: 'activities', file: 'long-cell.csv', content: () => `unitId,kind,date,title\nu1,演练,2026-05-12,${'长'.repeat(40_000)}\n`, expect: { problems: [{ code: 'cell_too_long', row: 2, column: 'title' }] } },
];

runCorpus('the hostile-input corpus, part 2', CASES, { registry: REGISTRY });

/** Runs the CLI under GNU time: exit code, stderr and the peak resident memory in bytes. */
function measured(args: string[]): Promise<{ status: number; stderr: string; peak: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(systemTool('time'), ['-f', 'PEAK_KB=%M', process.execPath, bin, ...args], { env: { ...process.env, NO_COLOR: '1', LANG: 'zh_CN.UTF-8' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.stdout.resume();
    child.on('error', reject);
    child.on('close', (status) => resolve({ status: status ?? -1, stderr, peak: Number(/PEAK_KB=(\d+)/.exec(stderr)?.[1] ?? NaN) * 1024 }));
  });
}

describe('inputs without end stop with exit 2 in bounded memory', () => {
  const dir = tempDir('liujin-bounded-');
  const GB = 1024 ** 3;

  it.concurrent('/dev/zero behind a symlink named .csv: validate and audit', async () => {
    const link = join(dir, 'zero.csv');
    symlinkSync('/dev/zero', link);
    for (const args of [['validate', '--registry', link], ['audit', '--year', '2026', '--registry', link, '--activities', link, '--out', join(dir, 'out')]]) {
      const r = await measured(args);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toContain('64 MiB');
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(r.peak).toBeLessThan(GB);
    }
  });

  it.concurrent('/dev/zero behind a symlink named .jsonl: the streamed audit stops at the line limit', async () => {
    const link = join(dir, 'zero.jsonl');
    symlinkSync('/dev/zero', link);
    const r = await measured(['audit', '--year', '2026', '--registry', link, '--activities', link, '--out', join(dir, 'out2')]);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toContain('1 MiB');
    expect(r.peak).toBeLessThan(GB);
  });

  it.concurrent('a zip bomb (640 MiB from about 700 KB, its header claiming 1,000 bytes) through audit', async () => {
    const bomb = join(dir, 'bomb.xlsx');
    writeFileSync(bomb, zipBomb(640));
    const activities = join(dir, 'a.csv');
    writeFileSync(activities, 'unitId,kind,date\nu1,演练,2026-05-12\n');
    const r = await measured(['audit', '--year', '2026', '--registry', bomb, '--activities', activities, '--out', join(dir, 'out3')]);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toContain('256 MiB');
    expect(r.peak).toBeLessThan(GB);
  });

  it.concurrent('a waiver of an unknown requirement stops the audit too', async () => {
    const waivers = join(dir, 'w.csv');
    writeFileSync(waivers, `${WAIVER_HEADER}u1,qp2024.school.no-such-thing,停办,2026-12-31\n`);
    const reg = join(dir, 'r.csv');
    writeFileSync(reg, REGISTRY);
    const activities = join(dir, 'a2.csv');
    writeFileSync(activities, 'unitId,kind,date\nu1,演练,2026-05-12\n');
    const r = await liujinAsync(['audit', '--year', '2026', '--registry', reg, '--activities', activities, '--waivers', waivers, '--out', join(dir, 'out4')]);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toContain('qp2024.school.no-such-thing');
    expect(r.stderr).toContain('第 2 行');
  });
});
