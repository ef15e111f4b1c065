/**
 * Issue 19: holidays and regions from data through the CLI. `dates --year 2027` lists provisional
 * public holidays (flagged), `--holidays` replaces them, bad files are exit 2 naming file and path,
 * and `--region-file` with a profile in another time zone gives local times in the feeds (read
 * back by python3-icalendar, not by our code).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, liujinAsync } from './helpers';
import { pythonFor } from '../../../tools/config/system-tools';

interface DatesJson {
  year: number;
  region: string;
  timeZone: string;
  keyDates: { id: string; date: string; isWorkday: boolean; phases?: { start: string }[] }[];
  publicHolidays: { source: string; provisional: boolean; days: { date: string; name: { zh: string; en: string }; provisional: boolean }[]; makeUpWorkdays: string[]; warnings: { zh: string; en: string }[] };
}

// An invented arrangement for 2027 (the real one is not published yet): it must replace the provisional days.
const HOLIDAYS_2027 = {
  year: 2027,
  source: '测试用：虚构的 2027 年安排',
  holidays: [
    { date: '2027-01-01', name: '元旦' },
    { date: '2027-10-01', name: '国庆节' },
    { date: '2027-10-04', name: '国庆节' },
  ],
  workdays: ['2027-09-26'],
};

const URUMQI = {
  id: 'urumqi-example',
  name: { zh: '乌鲁木齐（示例）', en: 'Urumqi (example)' },
  timeZone: 'Asia/Urumqi',
  source: '示例数据，仅用于说明格式',
  keyDates: [
    {
      id: 'air-raid-siren-test',
      title: { zh: '防空警报试鸣', en: 'Air-raid siren test' },
      rule: { type: 'fixed', month: 9, day: 18 },
      phases: [{ id: 'pre-warning', title: { zh: '预先警报', en: 'Pre-warning' }, start: '10:00', end: '10:03' }],
      source: '示例',
      confirmed: true,
    },
  ],
};

describe('liujin dates: public holidays', () => {
  it('lists 2027 as provisional statutory holidays, flagged in text and JSON, and says make-up workdays are unknown', async () => {
    const text = await liujinAsync(['dates', '--year', '2027']);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain('2027 年公众假日（临时：法定假日）');
    expect(text.stdout).toMatch(/2027-10-01 {2}国庆节 {2}\[临时\]/);
    expect(text.stderr).toContain('调休上班日无法预知');
    const json = JSON.parse((await liujinAsync(['dates', '--year', '2027', '--json'])).stdout) as DatesJson;
    expect(json.publicHolidays.source).toBe('provisional');
    expect(json.publicHolidays.provisional).toBe(true);
    expect(json.publicHolidays.makeUpWorkdays).toEqual([]);
    // The regulation's statutory days: 13 in all (2025 revision), every one flagged.
    expect(json.publicHolidays.days).toHaveLength(13);
    expect(json.publicHolidays.days.every((d) => d.provisional)).toBe(true);
    expect(json.publicHolidays.days.map((d) => d.date)).toContain('2027-02-06'); // 春节 (lunar new year 2027-02-06)
    expect(json.publicHolidays.warnings[0]!.en).toContain('make-up workdays cannot be predicted');
  });

  it('reports 2026 from the official arrangement, with its make-up workdays', async () => {
    const json = JSON.parse((await liujinAsync(['dates', '--year', '2026', '--json'])).stdout) as DatesJson;
    expect(json.publicHolidays.source).toBe('official');
    expect(json.publicHolidays.provisional).toBe(false);
    expect(json.publicHolidays.makeUpWorkdays.length).toBeGreaterThan(0);
    expect(json.publicHolidays.warnings).toEqual([]);
  });

  it('--holidays with a 2027 file replaces the provisional days (an array of years is read too)', async () => {
    const dir = tempDir();
    const file = join(dir, 'holidays.json');
    writeFileSync(file, JSON.stringify([HOLIDAYS_2027]));
    const r = await liujinAsync(['dates', '--year', '2027', '--holidays', file, '--json']);
    expect(r.status, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as DatesJson;
    expect(json.publicHolidays.source).toBe('user');
    expect(json.publicHolidays.provisional).toBe(false);
    expect(json.publicHolidays.days.map((d) => d.date)).toEqual(['2027-01-01', '2027-10-01', '2027-10-04']);
    expect(json.publicHolidays.makeUpWorkdays).toEqual(['2027-09-26']);
    expect(json.publicHolidays.warnings).toEqual([]);
    const text = await liujinAsync(['dates', '--year', '2027', '--holidays', file]);
    expect(text.stdout).not.toContain('[临时]');
    expect(text.stdout).toContain('调休上班: 2027-09-26');
  });

  it('a bad holidays file is exit 2 naming the file and the path of each problem, all at once', async () => {
    const dir = tempDir();
    const file = join(dir, 'holidays.json');
    writeFileSync(file, JSON.stringify([{ ...HOLIDAYS_2027, holidays: [{ date: '2027-02-30', name: '春节' }] }, { year: 2027, source: 'x', holidays: [], workdays: ['2026-12-31'] }]));
    const r = await liujinAsync(['dates', '--year', '2027', '--holidays', file, '--lang', 'en']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(file);
    expect(r.stderr).toContain('0.holidays.0.date');
    expect(r.stderr).toContain('2026-12-31 is outside 2027');
    const v = await liujinAsync(['validate', '--registry', join(dir, 'missing.csv'), '--holidays', file, '--json']);
    expect(v.status).toBe(2);
    const problems = (JSON.parse(v.stdout) as { problems: { code: string; file?: string }[] }).problems;
    expect(problems.filter((p) => p.file === file).length).toBeGreaterThanOrEqual(2);
  });

  it('a region file with an unknown time zone is exit 2 naming the field', async () => {
    const dir = tempDir();
    const file = join(dir, 'region.json');
    writeFileSync(file, JSON.stringify({ ...URUMQI, timeZone: 'Asia/Atlantis' }));
    const r = await liujinAsync(['dates', '--year', '2026', '--region-file', file, '--lang', 'en']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown time zone "Asia/Atlantis"');
    expect(r.stderr).toContain('timeZone');
  });
});

describe('--region-file: a profile in another time zone', () => {
  it('gives the siren test at local time in Asia/Urumqi in the feeds (python3-icalendar)', async () => {
    const dir = tempDir();
    const profile = join(dir, 'urumqi.json');
    writeFileSync(profile, JSON.stringify(URUMQI));
    const dates = JSON.parse((await liujinAsync(['dates', '--year', '2026', '--region-file', profile, '--json'])).stdout) as DatesJson;
    expect(dates.region).toBe('urumqi-example');
    expect(dates.timeZone).toBe('Asia/Urumqi');
    expect(dates.keyDates.find((d) => d.id === 'air-raid-siren-test')!.phases![0]!.start).toBe('2026-09-18T10:00:00+06:00');
    const out = join(dir, 'out');
    const r = await liujinAsync(['calendar', '--year', '2026', '--region-file', profile, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const script = `
import icalendar, json, sys
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
found = [e for e in cal.walk('VEVENT') if 'pre-warning' in str(e.get('UID')) or '预先警报' in str(e.get('SUMMARY'))]
d = found[0].decoded('DTSTART')
print(json.dumps({'local': d.strftime('%Y-%m-%d %H:%M'), 'zone': str(d.tzinfo), 'offset': d.utcoffset().total_seconds() / 3600}))
`;
    const py = spawnSync(pythonFor(script), ['-c', script, join(out, 'calendars', 'district.ics')], { encoding: 'utf8' });
    expect(py.status, py.stderr).toBe(0);
    expect(JSON.parse(py.stdout)).toEqual({ local: '2026-09-18 10:00', zone: 'Asia/Urumqi', offset: 6 });
    expect(readFileSync(join(out, 'calendars', 'district.ics'), 'utf8')).toContain('TZID:Asia/Urumqi');
  });
});
