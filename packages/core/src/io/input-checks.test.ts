/** Issue 14 §2-§4, §6 and issue 15's answers a clerk can act on, at the level of the parsers. */
import { describe, expect, it } from 'vitest';
import { parseActivitiesFile, parseActivityRows, parseWaiversFile } from './activities';
import { parseCsvRows } from './csv';
import { readDateText, readTimeText } from './date-text';
import { decodeText } from './decode';
import { INPUT_LIMITS, capProblems } from './limits';
import { parseRegistryFile, parseUnitsTable } from './registry';
import { editDistance, nearest } from './suggest';
import { problem } from '../model/problem';

describe('dates and times as Excel and WPS save them', () => {
  it.each([
    ['2026-09-18', '2026-09-18'],
    ['2026/2/25', '2026-02-25'],
    ['2026/02/25', '2026-02-25'],
    ['2026-2-5', '2026-02-05'],
    ['2026.09.18', '2026-09-18'],
    ['2026年9月18日', '2026-09-18'],
    [' 2026 年 9 月 18 日 ', '2026-09-18'],
    ['２０２６-０９-１８', '2026-09-18'],
  ])('%s → %s', (text, date) => {
    expect(readDateText(text)).toEqual({ ok: true, date });
  });

  it('a date-time gives its time; midnight is no time', () => {
    expect(readDateText('2026-09-18 09:30:00')).toEqual({ ok: true, date: '2026-09-18', time: '09:30' });
    expect(readDateText('2026/9/18 14:00')).toEqual({ ok: true, date: '2026-09-18', time: '14:00' });
    expect(readDateText('2026-09-18T00:00:00Z')).toEqual({ ok: true, date: '2026-09-18' });
  });

  it('refuses what it cannot read, showing the value and the form expected; never guesses day and month', () => {
    for (const text of ['09/10/2026', '10-09-2026', '9.10.26']) {
      const r = readDateText(text);
      expect(r.ok, text).toBe(false);
      if (!r.ok) expect(r.message.zh).toContain(`「${text}」`);
      if (!r.ok) expect(r.message.en).toContain('YYYY-MM-DD');
    }
    const impossible = readDateText('2026-02-30');
    expect(!impossible.ok && impossible.message.en).toContain('no such calendar date');
    expect(readDateText('2026-13-01').ok).toBe(false);
    expect(readDateText('next tuesday').ok).toBe(false);
    expect(readDateText('2026-09-18 25:00').ok).toBe(false);
  });

  it.each([
    ['9:05', '09:05'],
    ['09:05', '09:05'],
    ['14:00:00', '14:00'],
    ['下午2:30', '14:30'],
    ['上午12:15', '00:15'],
    ['2:30 PM', '14:30'],
    ['14：00', '14:00'],
  ])('time %s → %s', (text, time) => {
    expect(readTimeText(text)).toEqual({ ok: true, time });
  });

  it('refuses times it cannot keep exactly', () => {
    for (const text of ['25:61', '14:00:30', '13:00 PM', 'noon']) expect(readTimeText(text).ok, text).toBe(false);
  });

  it('activity rows: dates and times normalised, a date-time fills an empty time', () => {
    const rows = [['unitId', 'kind', 'date', 'time'], ['u1', '演练', '2026/9/18', '9:05'], ['u1', '演练', '2026-09-18 14:00:00', undefined], ['u1', '演练', '2026年9月18日', '14:00:00']];
    const r = parseActivityRows(rows, { file: 'a.xlsx' });
    expect(r.ok && r.value.map((a) => [a.date, a.time])).toEqual([['2026-09-18', '09:05'], ['2026-09-18', '14:00'], ['2026-09-18', '14:00']]);
  });

  it('waiver expiry dates too, and one problem per bad cell', () => {
    const r = parseWaiversFile({ file: 'w.csv', text: '单位编号,要求编号,理由,有效期至\nu1,qp2024.school.course,停课,2026/12/31\nu1,qp2024.school.course,停课,31/12/2026\n' });
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([expect.objectContaining({ code: 'invalid_date', row: 3, column: '有效期至' })]);
    expect(!r.ok && r.partial?.[0]?.expires).toBe('2026-12-31');
  });
});

/** GBK bytes (Excel's CSV on Chinese Windows) of a line `id,<name>` for the names used here. */
const GBK_NAMES: Record<string, number[]> = { 夏阳: [0xcf, 0xc4, 0xd1, 0xf4], 金泽: [0xbd, 0xf0, 0xd4, 0xf3], 青浦: [0xc7, 0xe0, 0xc6, 0xd6] };
const gbkLine = (id: string, name: string) => Buffer.from([...Buffer.from(`${id},`), ...GBK_NAMES[name]!, 0x0a]);

describe('mixed encodings are named, never garbled', () => {
  it('a UTF-8 file with GBK lines names those lines', () => {
    const bytes = Buffer.concat([Buffer.from('id,name\nu1,青浦\n'), gbkLine('u2', '夏阳'), Buffer.from('u3,练塘\n'), gbkLine('u4', '金泽')]);
    const r = decodeText(bytes, 'm.csv');
    expect(r).toMatchObject({ problem: { code: 'mixed_encoding', file: 'm.csv', row: 3 } });
    if ('problem' in r) expect(r.problem.message.zh).toContain('3、5');
  });

  it('a file wholly in GBK is still read as GBK', () => {
    expect(decodeText(Buffer.concat([Buffer.from('id,name\n'), gbkLine('u1', '青浦'), gbkLine('u2', '夏阳')]))).toMatchObject({ encoding: 'gb18030', text: 'id,name\nu1,青浦\nu2,夏阳\n' });
  });
});

describe('JSON Lines fields that are not text', () => {
  it('an object or a nested list is a problem naming the line and field; a flat list is joined', () => {
    const text = '{"id":"u1","name":"甲","kind":"school","roles":["education-bureau"]}\n{"id":"u2","name":{"a":1},"kind":"school"}\n{"id":"u3","name":"丙","kind":"school","roles":[["x"]]}\n';
    const r = parseRegistryFile({ file: 'r.jsonl', text });
    expect(r.problems).toEqual([expect.objectContaining({ code: 'not_text', row: 2, column: 'name' }), expect.objectContaining({ code: 'not_text', row: 3, column: 'roles' })]);
    expect(JSON.stringify(r.problems)).not.toContain('[object Object]');
  });

  it('a value nested 100,000 deep does not overflow the stack', () => {
    const text = `{"unitId":"u1","kind":"training","date":"2026-05-12","title":${'['.repeat(100_000)}${']'.repeat(100_000)}}\n`;
    const r = parseActivitiesFile({ file: 'a.jsonl', text });
    expect(r.problems).toEqual([expect.objectContaining({ code: 'not_text', row: 1, column: 'title' })]);
  });
});

describe('answers a clerk can act on', () => {
  it('suggests the nearest town and lists the kinds in the language of the file', () => {
    const r = parseUnitsTable([['编号', '名称', '类型', '街镇'], ['u1', '甲', '小学', '朱佳角镇'], ['u2', '乙', 'scool', 'zhujiajiao']], { file: 'r.csv' });
    const messages = r.problems.map((p) => [p.code, p.row, p.column, p.message.zh]);
    expect(messages).toContainEqual(['unknown_town', 2, '街镇', '未知的街镇「朱佳角镇」，是否应为「朱家角镇」？']);
    expect(r.problems.find((p) => p.row === 2 && p.code === 'unknown_kind')!.message.zh).toContain('可用：学校、企业、园区');
    expect(r.problems.find((p) => p.row === 3 && p.code === 'unknown_kind')!.message.en).toContain('did you mean "school"? Valid kinds: district-office');
  });

  it('a failed registry still names every id it holds, its bad rows included', () => {
    const r = parseUnitsTable([['id', 'name', 'kind'], ['u1', '甲', '学校'], ['u2', '乙', '火星']], { file: 'r.csv' });
    expect(!r.ok && r.knownIds).toEqual(['u1', 'u2']);
    expect(!r.ok && r.partial?.units.map((u) => u.id)).toEqual(['u1']);
  });

  it('names the column of the nested field: a too-long phone is the phone column', () => {
    const r = parseUnitsTable([['编号', '名称', '类型', '联系人', '联系电话'], ['u1', '甲', '学校', '王老师', '1'.repeat(60)]], { file: 'r.csv' });
    expect(r.problems).toEqual([expect.objectContaining({ code: 'too_big', row: 2, column: '联系电话' })]);
  });

  it('activities and waivers naming unknown units, and waivers of unknown requirements, at their row and header', () => {
    const unitIds = new Set(['sch-zjj-001', 'sch-zjj-002']);
    const a = parseActivitiesFile({ file: 'a.csv', text: '单位编号,活动类型,日期\nsch-zjj-001,演练,2026-05-12\nsch-zjj-0001,演练,2026-05-12\n' }, { unitIds });
    expect(a.problems).toEqual([expect.objectContaining({ code: 'unknown_unit', row: 3, column: '单位编号' })]);
    const w = parseWaiversFile({ file: 'w.csv', text: 'unitId,requirementId,justification,expires\nsch-zjj-009,qp2024.school.corse,x,2026-12-31\n' }, { unitIds, requirementIds: new Set(['qp2024.school.course', 'qp2024.school.display']) });
    expect(w.problems.map((p) => [p.code, p.row, p.column])).toEqual([['unknown_requirement', 2, 'requirementId'], ['unknown_unit', 2, 'unitId']]);
    expect(w.problems[0]!.message.en).toContain('did you mean "qp2024.school.course"');
  });

  it('names a missing column in the language of the file, and dates outside the year under its header', () => {
    expect(parseUnitsTable([['编号', '名称'], ['u1', '甲']], { file: 'r.csv' }).problems).toContainEqual(expect.objectContaining({ code: 'missing_column', column: '类型' }));
    expect(parseUnitsTable([['id', 'name'], ['u1', '甲']], { file: 'r.csv' }).problems).toContainEqual(expect.objectContaining({ code: 'missing_column', column: 'kind' }));
    const r = parseActivityRows([['单位编号', '活动类型', '日期'], ['u1', '演练', '2025-12-31'], ['u1', '演练', '2026-01-01']], { file: 'a.csv', year: 2026 });
    expect(r.ok && r.value).toHaveLength(2);
    expect(r.problems).toEqual([expect.objectContaining({ code: 'outside_year', severity: 'warning', row: 2, column: '日期' })]);
  });

  it('nearest: close slips only, no tie, case-insensitive', () => {
    expect(editDistance('朱佳角镇', '朱家角镇')).toBe(1);
    expect(nearest('Scool', ['school', 'park'])).toBe('school');
    expect(nearest('xyz', ['school', 'park'])).toBeUndefined();
    expect(nearest('ab', ['ac', 'ad'])).toBeUndefined();
  });
});

describe('limits', () => {
  it('problems are capped: the first 1,000 listed, the rest counted', () => {
    const many = Array.from({ length: 150_000 }, (_, i) => problem('x', { zh: 'x', en: 'x' }, { row: i + 2 }));
    const capped = capProblems(many, 'f.csv');
    expect(capped.length).toBe(INPUT_LIMITS.problems + 1);
    expect(capped.at(-1)).toMatchObject({ code: 'more_problems', file: 'f.csv', message: { en: '149000 more problems not listed' } });
    expect(capProblems(many.slice(0, 3))).toHaveLength(3);
  });

  it('a CSV stops one row past the limit; a cell past Excel\'s length is named', () => {
    const rows = `id\n${'x\n'.repeat(INPUT_LIMITS.rows + 5)}`;
    expect(parseCsvRows(rows, 'big.csv')).toMatchObject({ ok: false, problems: [{ code: 'too_many_rows', file: 'big.csv' }] });
    const r = parseActivitiesFile({ file: 'a.csv', text: `unitId,kind,date,title\nu1,演练,2026-05-12,${'长'.repeat(INPUT_LIMITS.cellCharacters + 1)}\n` });
    expect(r.problems).toEqual([expect.objectContaining({ code: 'cell_too_long', row: 2, column: 'title' })]);
  });
});
