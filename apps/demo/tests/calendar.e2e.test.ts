// `liujin calendar` as a user runs it: the plan's dates in the feeds (a tailored catalog, a Beijing
// registry), options that cannot be read, waivers, the last published feeds and the UID domain.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { liujin, tempDir, liujinAsync } from './helpers';

const dir = tempDir('liujin-cal-');
const registry = join(dir, 'registry.json');
writeFileSync(
  registry,
  JSON.stringify({
    district: { id: 'dongcheng', name: '东城区（测试）', nameEn: 'Dongcheng (test)', region: 'beijing' },
    towns: [{ id: 'donghuamen', name: '东华门街道', nameEn: 'Donghuamen', type: 'subdistrict' }],
    units: [
      { id: 'town-dhm', name: '东华门街道国防动员工作组', kind: 'town', town: 'donghuamen' },
      { id: 'sch-1', name: '东华门测试小学', nameEn: 'Donghuamen Test Primary School', kind: 'school', town: 'donghuamen' },
      { id: 'res-1', name: '东华门测试居委', kind: 'community', communityType: 'residential', town: 'donghuamen' },
      { id: 'ent-1', name: '东华门测试企业', kind: 'enterprise', town: 'donghuamen' },
    ],
  }),
);
// Other deadlines than the notice's, a dropped requirement, a shorter report delay.
const tailoring = join(dir, 'tailoring.json');
writeFileSync(
  tailoring,
  JSON.stringify({
    base: 'qingpu-2024',
    drop: ['qp2024.general.local-brand'],
    parameters: { 'qp2024.general.news-report': { newsReportWorkdays: 3 } },
    overrides: { 'qp2024.general.annual-plan': { due: { type: 'by-key-date', keyDate: 'annual-plan-deadline', offsetDays: -14, onNonWorkday: 'previous-workday' } } },
  }),
);

interface PlanJson {
  tasks: { id: string; requirementId: string; unitId: string; due: { type: string; date?: string; on?: string } }[];
  keyDates: { id: string; date: string; phases?: { start: string }[] }[];
  milestones: { kind: string; date: string; keyDateId?: string }[];
}

const events = (file: string) => new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8'))).getAllSubcomponents('vevent');
const uidOf = (v: ICAL.Component) => String(v.getFirstPropertyValue('uid'));

describe('liujin calendar agrees with liujin plan', () => {
  const planOut = join(dir, 'plan');
  const calOut = join(dir, 'cal');
  const plan = liujin(['plan', '--year', '2026', '--registry', registry, '--tailoring', tailoring, '--out', planOut]);
  const cal = liujin(['calendar', '--year', '2026', '--registry', registry, '--tailoring', tailoring, '--out', calOut]);

  it('on every date of a tailored catalog and a Beijing registry (its siren times, without --region)', async () => {
    expect(plan.status, plan.stderr).toBe(0);
    expect(cal.status, cal.stderr).toBe(0);
    const p = JSON.parse(readFileSync(join(planOut, 'plan.json'), 'utf8')) as PlanJson;
    expect(p.tasks.some((t) => t.requirementId === 'qp2024.general.local-brand')).toBe(false);
    let compared = 0;
    for (const unit of ['town-dhm', 'sch-1', 'res-1', 'ent-1']) {
      const feed = events(join(calOut, `calendars/units/${unit}.ics`));
      const byUid = new Map(feed.map((v) => [uidOf(v), (v.getFirstPropertyValue('dtstart') as ICAL.Time).toString()]));
      const tasks = p.tasks.filter((t) => t.unitId === unit && (t.due.type === 'deadline' || t.due.type === 'window'));
      for (const t of tasks) {
        expect(byUid.get(`${t.id}/2026@liujin.local`), t.id).toBe(t.due.date ?? t.due.on);
        compared++;
      }
      // Nothing the tailored plan dropped.
      expect(feed.filter((v) => uidOf(v).includes('qp2024.general.local-brand'))).toEqual([]);
      // The report owed after Education Day, 3 working days after it as the tailored plan says.
      const report = feed.find((v) => uidOf(v).startsWith('report/unit/') && uidOf(v).includes('/national-defense-education-day/'));
      const milestone = p.milestones.find((m) => m.kind === 'report' && m.keyDateId === 'national-defense-education-day')!;
      expect((report!.getFirstPropertyValue('dtstart') as ICAL.Time).toString(), unit).toBe(milestone.date);
      // Beijing's siren times (10:00, 10:10, 10:20), not Shanghai's.
      const siren = p.keyDates.find((k) => k.id === 'air-raid-siren-test')!;
      const phases = feed.filter((v) => uidOf(v).startsWith('key-date/air-raid-siren-test/')).map((v) => new ICAL.Event(v).startDate.toUnixTime());
      expect(phases, unit).toEqual(siren.phases!.map((ph) => Date.parse(ph.start) / 1000));
    }
    expect(compared).toBeGreaterThan(10);
    const deadline = p.tasks.find((t) => t.requirementId === 'qp2024.general.annual-plan')!;
    expect(deadline.due.date).toBe('2026-02-14'); // 14 days before 02-28: a Saturday, but a make-up working day in 2026
    expect(events(join(calOut, 'calendars/units/town-dhm.ics')).filter((v) => (v.getFirstPropertyValue('dtstart') as ICAL.Time).toString() === '2026-02-14')).toHaveLength(1);
  });
});

describe('options a user can get wrong', () => {
  it('--alarms that cannot be read, a bad --uid-domain and --year-reminder: exit 2, all at once, in Chinese and English', async () => {
    const zh = await liujinAsync(['calendar', '--alarms', 'abc,-1d', '--uid-domain', 'Not A Domain', '--out', join(dir, 'bad')]);
    expect(zh.status).toBe(2);
    expect(zh.stderr).toContain('「abc」、「-1d」');
    expect(zh.stderr).toContain('--uid-domain');
    const en = await liujinAsync(['--lang', 'en', 'calendar', '--alarms', 'abc', '--year-reminder', '13-01', '--out', join(dir, 'bad')]);
    expect(en.status).toBe(2);
    expect(en.stderr).toContain('cannot read "abc"');
    expect(en.stderr).toContain('--year-reminder');
    expect(en.stderr).not.toMatch(/internal error/i);
  });

  it('waivers take waived work out of the feeds; --uid-domain names every UID; --previous keeps SEQUENCE of unchanged events', async () => {
    const waivers = join(dir, 'waivers.csv');
    writeFileSync(waivers, 'unitId,requirementId,justification,expires\nsch-1,qp2024.school.education-day-activities,校舍改造,2026-12-31\n');
    const out = join(dir, 'waived');
    const r = await liujinAsync(['calendar', '--year', '2026', '--registry', registry, '--waivers', waivers, '--uid-domain', 'dongcheng.example.gov.cn', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const school = events(join(out, 'calendars/units/sch-1.ics'));
    expect(school.some((v) => uidOf(v).includes('education-day-activities'))).toBe(false);
    expect(school.every((v) => uidOf(v).endsWith('@dongcheng.example.gov.cn'))).toBe(true);
    const again = await liujinAsync(['calendar', '--year', '2026', '--registry', registry, '--waivers', waivers, '--uid-domain', 'dongcheng.example.gov.cn', '--previous', out, '--out', out]);
    expect(again.status, again.stderr).toBe(0);
    expect(events(join(out, 'calendars/units/sch-1.ics')).every((v) => Number(v.getFirstPropertyValue('sequence')) === 0)).toBe(true);
    const missing = await liujinAsync(['calendar', '--previous', join(dir, 'nowhere'), '--out', join(dir, 'x')]);
    expect(missing.status).toBe(2);
  });
});
