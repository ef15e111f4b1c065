// The friendly commands are shortcuts over `liujin export <name>` (issue #16): the same inputs and
// the flags given as the exporter's options write the same files, byte for byte.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { liujinAsync, tempDir } from './helpers';

const dir = tempDir('liujin-shortcuts-');
const registry = join(dir, 'registry.json');
writeFileSync(
  registry,
  JSON.stringify({
    district: { id: 'dongcheng', name: '东城区（测试）', region: 'beijing' },
    towns: [{ id: 'donghuamen', name: '东华门街道', type: 'subdistrict' }],
    units: [
      { id: 'town-dhm', name: '东华门街道国防动员工作组', kind: 'town', town: 'donghuamen' },
      { id: 'sch-1', name: '东华门测试小学', kind: 'school', town: 'donghuamen' },
      { id: 'sch-2', name: '东华门第二测试小学', kind: 'school', town: 'donghuamen' },
      { id: 'res-1', name: '东华门测试居委', kind: 'community', communityType: 'residential', town: 'donghuamen' },
    ],
  }),
);
const activities = join(dir, 'activities.csv');
writeFileSync(activities, 'unitId,kind,date\nsch-1,evacuation-drill,2026-04-20\nres-1,concentrated-publicity,2026-05-12\n');
const holidays = join(dir, 'holidays.json');
// An invented arrangement (a test of --holidays, not the State Council's): 2027 has no bundled data.
writeFileSync(holidays, JSON.stringify({ year: 2027, source: '测试用：虚构的 2027 年安排', holidays: [{ date: '2027-01-01', name: '元旦' }, { date: '2027-10-01', name: '国庆节' }], workdays: ['2027-09-26'] }));
// A district of the sample's towns as JSON Lines, read as streams by the audit (a city, a nation); one row of an
// unknown kind is set aside, one names a unit the registry does not hold.
const registryJsonl = join(dir, 'registry.jsonl');
writeFileSync(registryJsonl, ['{"id":"sch-1","name":"示例小学","kind":"学校","town":"朱家角镇"}', '{"id":"sch-2","name":"示例第二小学","kind":"学校","town":"朱家角镇"}', '{"id":"res-1","name":"示例居委","kind":"居委","town":"夏阳街道"}', ''].join('\n'));
const activitiesJsonl = join(dir, 'activities.jsonl');
writeFileSync(activitiesJsonl, ['{"unitId":"sch-1","kind":"evacuation-drill","date":"2026-04-20"}', '{"unitId":"res-1","kind":"concentrated-publicity","date":"2026-05-12"}', '{"unitId":"sch-2","kind":"烧烤","date":"2026-05-01"}', '{"unitId":"ghost","kind":"training","date":"2026-05-01"}', ''].join('\n'));
const waivers = join(dir, 'waivers.csv');
writeFileSync(waivers, 'unitId,requirementId,justification,expires\nsch-2,qp2024.school.education-day-activities,校舍改造,2026-12-31\n');

/**
 * Every file of a folder by relative path, with its bytes; the manifest only when `manifest`.
 * Claimed folders are links into `.liujin-sets/` (docs/cli.md, "Output folders"): read through the links.
 */
function files(folder: string, manifest: boolean): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  const walk = (at: string, rel: string) => {
    for (const name of readdirSync(at)) {
      const path = rel ? `${rel}/${name}` : name;
      if (path === '.liujin-sets') continue;
      const full = join(at, name);
      if (statSync(full).isDirectory()) walk(full, path);
      else if (path !== '.liujin-manifest.json' || manifest) found.set(path, readFileSync(full));
    }
  };
  walk(folder, '');
  return found;
}

async function same(shortcut: string[], name: string, options: unknown, common: string[], manifest: boolean, worklistsToo = shortcut[0] === 'audit'): Promise<string[]> {
  const a = tempDir();
  const b = tempDir();
  const [one, two] = await Promise.all([liujinAsync([...shortcut, ...common, '--out', a]), liujinAsync(['export', name, '--options', JSON.stringify(options), ...common, '--out', b])]);
  expect(one.status, one.stderr).toBe(shortcut[0] === 'audit' ? 1 : 0);
  expect(two.status, two.stderr).toBe(0);
  // `liujin audit` also writes the work lists as of its date (docs/worklists.md), which `export audit`
  // does not (nor does the audit of inputs read as streams).
  const extra = worklistsToo ? 'worklists/' : undefined;
  const left = new Map([...files(a, manifest && extra === undefined)].filter(([path]) => extra === undefined || !path.startsWith(extra)));
  const right = files(b, manifest && extra === undefined);
  if (extra !== undefined) expect([...files(a, false).keys()].some((path) => path.startsWith(extra))).toBe(true);
  expect([...right.keys()].sort()).toEqual([...left.keys()].sort());
  for (const [path, bytes] of left) expect(bytes.equals(right.get(path)!), path).toBe(true);
  return [...left.keys()];
}

describe('shortcuts write what `liujin export` writes', () => {
  it.concurrent('calendar', async () => {
    const common = ['--year', '2026', '--registry', registry, '--holidays', holidays, '--waivers', waivers];
    const written = await same(['calendar', '--alarms', '3d', '--uid-domain', 'dongcheng.example.cn'], 'calendar', { alarms: '3d', uidDomain: 'dongcheng.example.cn' }, common, true);
    expect(written).toContain('calendars/units/sch-1.ics');
  });

  it.concurrent('calendar over several years', async () => {
    const written = await same(['calendar', '--years', '2026-2027', '--year-reminder', '11-02'], 'calendar', { years: [2026, 2027], yearReminder: '11-02', feeds: ['district', 'towns', 'sectors'] }, ['--holidays', holidays], true);
    expect(written).toContain('calendars/district.ics');
  });

  it.concurrent('templates', async () => {
    const written = await same(['templates', '--kind', 'school', '--all', '--blank'], 'templates', { kinds: ['school'], units: 'all', index: true }, ['--year', '2026', '--registry', registry], false);
    expect(written.sort()).toEqual(expect.arrayContaining(['templates/school-blank.pdf', 'templates/school/index.json']));
    expect(written.filter((p) => p.startsWith('templates/school/') && p.endsWith('.pdf'))).toHaveLength(2);
  });

  it.concurrent('audit', async () => {
    const written = await same(['audit', '--format', 'json,md'], 'audit', { formats: ['json', 'md'] }, ['--year', '2026', '--as-of', '2026-06-30', '--registry', registry, '--activities', activities, '--holidays', holidays], true);
    expect(written.sort()).toEqual(['audit/audit.json', 'audit/summary.md']);
  });

  it.concurrent('audit of JSON Lines inputs, read as streams (exportStreamed of the same exporter)', async () => {
    const common = ['--year', '2026', '--as-of', '2026-06-30', '--registry', registryJsonl, '--activities', activitiesJsonl, '--holidays', holidays];
    const written = await same(['audit', '--format', 'json,csv,xlsx,md,junit', '--fail-under', '50'], 'audit', { formats: ['json', 'csv', 'xlsx', 'md', 'junit'], failUnder: 50 }, common, true, false);
    expect(written.sort()).toEqual(['.liujin-manifest.json', 'audit/audit.csv', 'audit/audit.json', 'audit/audit.xlsx', 'audit/junit.xml', 'audit/summary.md', 'audit/targets.csv']);
  });

  it.concurrent('worklist', async () => {
    const common = ['--year', '2026', '--as-of', '2026-06-30', '--registry', registry, '--activities', activities, '--holidays', holidays];
    const written = await same(['worklist', '--town', 'donghuamen', '--soon-days', '20', '--format', 'json,md'], 'worklists', { town: 'donghuamen', soonDays: 20, formats: ['json', 'md'] }, common, true);
    expect(written.sort()).toEqual(['.liujin-manifest.json', 'worklists/worklists.json', 'worklists/worklists.md']);
  });
});
