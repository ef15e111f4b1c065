import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ActivityKind } from '../model/activity';
import { decodeText } from './decode';
import { parseActivitiesFile, parseWaiversFile, resolveActivityKind } from './activities';
import { parseRegistryFile, parseRegistryJson, parseUnitsTable } from './registry';

const enc = (s: string) => new TextEncoder().encode(s);
/** "编号,名称,类型,街镇\n" and one row, in GBK, as Excel on Chinese Windows saves it. */
const GBK = Uint8Array.from([
  ...[0xb1, 0xe0, 0xba, 0xc5], 0x2c, ...[0xc3, 0xfb, 0xb3, 0xc6], 0x2c, ...[0xc0, 0xe0, 0xd0, 0xcd], 0x2c, ...[0xbd, 0xd6, 0xd5, 0xf2], 0x0a,
  ...enc('s1,'), ...[0xc7, 0xe0, 0xc6, 0xd6], 0x2c, ...[0xd1, 0xa7, 0xd0, 0xa3], 0x2c, ...enc('zhujiajiao'), 0x0a,
]);

describe('decodeText', () => {
  it('reads UTF-8, UTF-8 with BOM and GBK', () => {
    expect(decodeText(enc('青浦'))).toEqual({ text: '青浦', encoding: 'utf-8' });
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...enc('青浦')]))).toEqual({ text: '青浦', encoding: 'utf-8-bom' });
    // Excel's "Unicode text" is UTF-16LE with a BOM; big-endian too.
    const le = Buffer.from('\ufeffid\t青浦', 'utf16le');
    expect(decodeText(le)).toEqual({ text: 'id\t青浦', encoding: 'utf-16le' });
    expect(decodeText(Buffer.from(le).swap16())).toEqual({ text: 'id\t青浦', encoding: 'utf-16be' });
    expect(decodeText(Uint8Array.from([0xff, 0xfe, 0x00, 0xd8]), 'x.csv')).toMatchObject({ problem: { code: 'unknown_encoding', file: 'x.csv' } });
    expect(decodeText(GBK)).toMatchObject({ encoding: 'gb18030', text: '编号,名称,类型,街镇\ns1,青浦,学校,zhujiajiao\n' });
  });
});

describe('parseRegistryFile (units table)', () => {
  it('accepts Chinese headers, kind labels and town names, from GBK bytes', () => {
    const r = parseRegistryFile({ file: 'r.csv', bytes: GBK });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.units).toEqual([{ id: 's1', name: '青浦', kind: 'school', town: 'zhujiajiao' }]);
  });

  it('accepts English headers, 村委 as a village community, nested columns', () => {
    const csv = 'id,name,kind,town,headCount,shelterName,shelterDistance,contactName,contactPhone,routes\n' + 'c1,示例村,村委,金泽镇,1200,村口人防工程,300,张三,021-1,"1号楼/1层: 东门 > 村委广场; 2号楼: 西门 > 村委广场"\n';
    const r = parseRegistryFile({ file: 'r.csv', text: csv });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.units[0]).toMatchObject({ kind: 'community', communityType: 'village', town: 'jinze', headCount: 1200, civilDefenseWorks: [{ name: '村口人防工程', distanceMeters: 300 }], contacts: [{ name: '张三', phone: '021-1' }] });
    expect(r.value.units[0]!.routes).toEqual([
      { building: '1号楼', floor: '1层', route: '东门', assemblyPoint: '村委广场' },
      { building: '2号楼', route: '西门', assemblyPoint: '村委广场' },
    ]);
  });

  it('names the column a nested value came from: a too-long phone is 联系电话, not 联系人', () => {
    const csv = `编号,名称,类型,联系人,联系人职务,联系电话,shelterName,人防工程地址\ns1,示例学校,学校,王老师,${'职'.repeat(501)},${'1'.repeat(51)},示例工程,${'址'.repeat(501)}\n`;
    const r = parseRegistryFile({ file: 'r.csv', text: csv });
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.column).sort()).toEqual(['人防工程地址', '联系人职务', '联系电话']);
  });

  it('reports every problem with file, spreadsheet row and column', () => {
    const csv = ['编号,名称,类型,街镇,人数,备注栏', 'a,甲,学校,朱家角镇,12,x', 'a,乙,学校,朱家角镇,3,', 'b,,飞船,火星镇,-1,', ',丙,学校,,,'].join('\n');
    const r = parseRegistryFile({ file: 'reg.csv', text: csv });
    expect(r.ok).toBe(false);
    const found = r.problems.map((p) => `${p.code}@${p.row}:${p.column}`);
    expect(found).toEqual(
      expect.arrayContaining(['unknown_column@1:备注栏', 'duplicate_id@3:编号', 'unknown_kind@4:类型', 'unknown_town@4:街镇', 'invalid_number@4:人数', 'invalid_type@4:名称', 'invalid_type@5:编号']),
    );
    expect(r.problems.every((p) => p.file === 'reg.csv' && p.message.zh && p.message.en)).toBe(true);
  });

  it('keeps formula-like text as data', () => {
    const r = parseRegistryFile({ file: 'r.csv', text: 'id,name,kind\nx,=1+1,学校\n' });
    expect(r.ok && r.value.units[0]!.name).toBe('=1+1');
  });

  it('says what is wrong with empty, header-only and broken files', () => {
    expect(parseRegistryFile({ file: 'e.csv', text: '' }).problems[0]!.code).toBe('empty_file');
    const header = parseRegistryFile({ file: 'h.csv', text: 'id,name,kind\n' });
    expect(header.ok).toBe(true);
    expect(header.problems[0]).toMatchObject({ code: 'no_rows', severity: 'warning' });
    expect(parseRegistryFile({ file: 'q.csv', text: 'id,name,kind\n"x,a,学校\n' }).problems[0]!.code).toBe('invalid_csv');
    expect(parseRegistryFile({ file: 'm.csv', text: 'name\n甲\n' }).problems.map((p) => p.code)).toEqual(expect.arrayContaining(['missing_column']));
    expect(parseUnitsTable([], { file: 'x.xlsx' }).problems[0]!.code).toBe('empty_file');
  });

  it('reads JSON Lines with line numbers, and a Registry JSON object', () => {
    const r = parseRegistryFile({ file: 'r.jsonl', text: '{"id":"a","name":"甲","kind":"school"}\n\n{"id":"b","name":"乙","kind":"nope"}\n' });
    expect(r.problems[0]).toMatchObject({ code: 'unknown_kind', row: 3 });
    expect(parseRegistryJson('[1]', { file: 'r.json' }).problems[0]!.code).toBe('not_an_object');
    expect(parseRegistryJson('{"district":{"id":"d","name":"D"},"towns":[],"units":[{"id":"a","name":"A","kind":"school","town":"t"}]}', { file: 'r.json' }).problems[0]!.message.en).toContain('unknown town');
    expect(parseRegistryJson('['.repeat(100) + ']'.repeat(100), { file: 'deep.json' }).problems[0]!.code).toBe('too_deep');
  });
});

describe('parseActivitiesFile', () => {
  it('parses rows with Chinese labels and keeps their source', () => {
    const csv = '单位编号,活动类型,日期,时间,内容要点\ns1,疏散演练,2026-09-19,11:35,cpr；bandaging\n';
    const r = parseActivitiesFile({ file: 'a.csv', text: csv });
    expect(r.ok && r.value[0]).toMatchObject({ unitId: 's1', kind: 'evacuation-drill', date: '2026-09-19', time: '11:35', topics: ['cpr', 'bandaging'], source: { file: 'a.csv', row: 2 } });
  });

  it('rejects impossible dates and unknown kinds, naming row and column', () => {
    const r = parseActivitiesFile({ file: 'a.csv', text: 'unitId,kind,date\ns1,training,2026-02-30\ns1,party,2026-03-01\n' });
    expect(r.problems.map((p) => `${p.row}:${p.column}`)).toEqual(['2:date', '3:kind']);
  });

  it('can set aside rows whose only problem is an unknown kind, for an audit to list', () => {
    const text = 'unitId,kind,date\ns1,training,2026-05-01\ns1,party,2026-05-02\ns1,party,2026-02-30\n';
    expect(parseActivitiesFile({ file: 'a.csv', text }).ok).toBe(false);
    const r = parseActivitiesFile({ file: 'a.csv', text }, { unknownKinds: 'set-aside' });
    // Row 4 has an impossible date as well: still an error.
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => `${p.row}:${p.code}:${p.severity}`)).toEqual(['3:unknown_kind:warning', '4:unknown_kind:error', '4:invalid_date:error']);
    const ok = parseActivitiesFile({ file: 'a.csv', text: 'unitId,kind,date\ns1,training,2026-05-01\ns1,party,2026-05-02\n' }, { unknownKinds: 'set-aside' });
    expect(ok.ok && ok.value).toHaveLength(1);
    expect(ok.problems[0]).toMatchObject({ code: 'unknown_kind', severity: 'warning', row: 3, data: { unitId: 's1', kind: 'party', date: '2026-05-02' } });
  });

  it('reads JSON arrays and JSON Lines with positions', () => {
    const json = parseActivitiesFile({ file: 'a.json', text: JSON.stringify([{ unitId: 's1', kind: 'training', date: '2026-05-01', topics: ['cpr'] }]) });
    expect(json.ok && json.value[0]).toMatchObject({ topics: ['cpr'], source: { row: 1 } });
    const lines = parseActivitiesFile({ file: 'a.jsonl', text: '\n{"unitId":"s1","kind":"training","date":"2026-05-01"}\n' });
    expect(lines.ok && lines.value[0]!.source).toEqual({ file: 'a.jsonl', row: 2 });
    expect(parseActivitiesFile({ file: 'a.json', text: '{"a":1}' }).problems[0]!.code).toBe('not_an_array');
  });
});

describe('parseWaiversFile', () => {
  it('parses and validates waivers', () => {
    const ok = parseWaiversFile({ file: 'w.csv', text: '单位编号,要求编号,理由,有效期至\ns1,qp2024.school.evacuation-drill,校舍改造,2026-12-31\n' });
    expect(ok.ok && ok.value).toEqual([{ unitId: 's1', requirementId: 'qp2024.school.evacuation-drill', justification: '校舍改造', expires: '2026-12-31' }]);
    const bad = parseWaiversFile({ file: 'w.csv', text: 'unitId,requirementId,justification,expires\ns1,r,,2026-13-01\n' });
    expect(bad.problems.map((p) => p.column).sort()).toEqual(['expires', 'justification']);
  });
});

describe('activity kinds as docs/input-formats.md writes them', () => {
  it('accepts every id, label and short label of the table, and nothing else', () => {
    const doc = readFileSync(new URL('../../../../docs/input-formats.md', import.meta.url), 'utf8');
    const rows = doc.split('\n').filter((l) => /^\| `[a-z-]+` \|/.test(l)).map((l) => l.split('|').map((c) => c.trim()));
    expect(rows.length).toBe(ActivityKind.options.length);
    for (const [, id, label, short] of rows) {
      const kind = id!.replace(/`/g, '');
      expect(resolveActivityKind(kind), kind).toBe(kind);
      expect(resolveActivityKind(label!), label).toBe(kind);
      expect(resolveActivityKind(` ${short!} `), short).toBe(kind);
    }
    expect(resolveActivityKind('展示宣传')).toBe('display');
    expect(resolveActivityKind('参观人防工程')).toBe('shelter-visit');
    expect(resolveActivityKind('宣传')).toBeUndefined();
  });
});
