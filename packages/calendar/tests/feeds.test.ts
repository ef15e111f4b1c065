// What a subscriber sees: identity across years and feeds, the right events in every feed, reminders.
import ICAL from 'ical.js';
import { QINGPU_2024_CATALOG, collectArtefacts, defaultWorkdayCalendar, planYear, type Plan, type RegionProfile } from '@liujin/core';
import { sampleRegistry } from '@liujin/core/sample';
import { describe, expect, it } from 'vitest';
import { createCalendarExporter } from '../src/index';

const registry = sampleRegistry();
const NOW = new Date('2026-01-05T08:00:00Z');
const workdays = defaultWorkdayCalendar();

async function feeds(plans: Plan[], options: Record<string, unknown> = {}, reg = registry) {
  const files = await collectArtefacts(createCalendarExporter({ glance: false, ...options }).export({ plans, registry: reg, catalog: QINGPU_2024_CATALOG, now: NOW }));
  return new Map(files.map((f) => [f.path, new ICAL.Component(ICAL.parse(f.content as string))]));
}
const events = (c: ICAL.Component) => c.getAllSubcomponents('vevent');
const prop = (v: ICAL.Component, name: string) => String(v.getFirstPropertyValue(name));
const start = (v: ICAL.Component) => (v.getFirstPropertyValue('dtstart') as ICAL.Time).toString();

describe('identity across years and feeds', () => {
  it('a three-year generation repeats no UID within a feed and shares a UID across feeds only for the same event', async () => {
    const plans = [2025, 2026, 2027].map((year) => planYear({ catalog: QINGPU_2024_CATALOG, registry, year }));
    const all = await feeds(plans);
    const seen = new Map<string, { path: string; text: string }>();
    let shared = 0;
    for (const [path, cal] of all) {
      const uids = events(cal).map((v) => prop(v, 'uid'));
      expect(new Set(uids).size, path).toBe(uids.length);
      for (const v of events(cal)) {
        // Everything but SEQUENCE/DTSTAMP, which are the same here anyway.
        const text = v.toString();
        const before = seen.get(prop(v, 'uid'));
        if (before) {
          shared++;
          expect(text, `${prop(v, 'uid')} in ${before.path} and ${path}`).toBe(before.text);
        } else seen.set(prop(v, 'uid'), { path, text });
      }
    }
    expect(shared).toBeGreaterThan(100); // the siren test and Education Day in many feeds
    // Every year's events are there: nothing of 2025 replaced by 2027.
    const school = events(all.get('calendars/units/school-zhujiajiao-1.ics')!);
    expect(new Set(school.map((v) => start(v).slice(0, 4)))).toEqual(new Set(['2025', '2026', '2027']));
  }, 180_000);
});

describe('the right events in every feed', () => {
  const plan = planYear({ catalog: QINGPU_2024_CATALOG, registry, year: 2026 });

  it('a school’s feed holds the siren test’s three phases, Education Day and the news report it owes', async () => {
    const school = events((await feeds([plan], { feeds: ['units'] })).get('calendars/units/school-zhujiajiao-1.ics')!);
    const siren = school.filter((v) => prop(v, 'uid').startsWith('key-date/air-raid-siren-test/'));
    expect(siren.map((v) => prop(v, 'summary'))).toEqual(['防空警报试鸣：预先警报', '防空警报试鸣：空袭警报', '防空警报试鸣：解除警报']);
    expect(siren.map((v) => new ICAL.Event(v).startDate.toUnixTime())).toEqual(['11:35', '11:45', '11:55'].map((t) => Date.parse(`2026-09-19T${t}:00+08:00`) / 1000));
    expect(school.filter((v) => prop(v, 'uid').startsWith('key-date/national-defense-education-day/')).map(start)).toEqual(['2026-09-19']);
    // general.news-report: 5 working days after the Education Day activity (2026-09-20 is a make-up working day).
    const report = school.filter((v) => prop(v, 'uid').startsWith('report/'));
    expect(report.map(start)).toEqual([workdays.addWorkdays('2026-09-19', 5)]);
    expect(prop(report[0]!, 'summary')).toContain('新闻信息');
    expect(report[0]!.getAllSubcomponents('valarm').length).toBeGreaterThan(0);
  });

  it('enterprises and communities see the siren test, Education Day and their reports too', async () => {
    const all = await feeds([plan], { feeds: ['units'] });
    for (const id of ['ent-zhujiajiao-1', 'res-xiayang-1']) {
      const uids = events(all.get(`calendars/units/${id}.ics`)!).map((v) => prop(v, 'uid'));
      expect(uids.filter((u) => u.startsWith('key-date/air-raid-siren-test/')), id).toHaveLength(3);
      expect(uids.some((u) => u.startsWith('key-date/national-defense-education-day/')), id).toBe(true);
      expect(uids.some((u) => u.startsWith('report/')), id).toBe(true);
    }
  });

  it('a town feed names the units and the sector of every work event, and carries the key dates', async () => {
    const town = events((await feeds([plan], { feeds: ['towns'] })).get('calendars/towns/zhujiajiao.ics')!);
    const unitsOf = (req: string) => plan.tasks.filter((t) => t.requirementId === req && registry.units.find((u) => u.id === t.unitId)?.town === 'zhujiajiao').map((t) => registry.units.find((u) => u.id === t.unitId)!.name);
    let checked = 0;
    for (const v of town) {
      const uid = prop(v, 'uid');
      if (uid.startsWith('key-date/') || uid.startsWith('digest/')) continue;
      const description = prop(v, 'description');
      expect(description, uid).toMatch(/涉及单位（\d+ 个）：/);
      if (uid.startsWith('group/')) {
        expect(description, uid).toMatch(/领域: 进|领域: 有关要求/);
        const req = uid.split('/')[3]!;
        for (const name of new Set(unitsOf(req))) expect(description, `${uid} names ${name}`).toContain(name);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect(town.filter((v) => prop(v, 'uid').startsWith('key-date/air-raid-siren-test/'))).toHaveLength(3);
  });

  it('a sector feed shows the reports owed after its activities', async () => {
    const school = events((await feeds([plan], { feeds: ['sectors'] })).get('calendars/sectors/school.ics')!);
    const reports = school.filter((v) => prop(v, 'uid').startsWith('report/sector/school/'));
    expect(reports.map(start)).toEqual([workdays.addWorkdays('2026-09-19', 5)]);
    expect(prop(reports[0]!, 'description')).toContain('朱家角镇示例学校1');
  });

  it('one event per deadline: the plan deadline once in the district feed, once per town', async () => {
    const all = await feeds([plan], { feeds: ['district', 'towns'] });
    expect(events(all.get('calendars/district.ics')!).filter((v) => start(v) === '2026-02-28')).toHaveLength(1);
    expect(events(all.get('calendars/towns/zhujiajiao.ics')!).filter((v) => start(v) === '2026-02-28')).toHaveLength(1);
  });

  it('English feeds use nameEn and half-width punctuation', async () => {
    const named = { ...registry, units: registry.units.map((u) => (u.id === 'school-zhujiajiao-1' ? { ...u, nameEn: 'Zhujiajiao Sample School 1' } : u)), towns: registry.towns.map((t) => (t.id === 'zhujiajiao' ? { ...t, nameEn: 'Zhujiajiao Town' } : t)) };
    const p = planYear({ catalog: QINGPU_2024_CATALOG, registry: named, year: 2026 });
    const all = await feeds([p], { lang: 'en', feeds: ['towns', 'units'] }, named);
    const school = all.get('calendars/units/school-zhujiajiao-1.ics')!;
    expect(prop(school, 'x-wr-calname')).toBe('Zhujiajiao Sample School 1 (School) 2026');
    expect(prop(all.get('calendars/towns/zhujiajiao.ics')!, 'x-wr-calname')).toContain('Zhujiajiao Town');
    expect(events(all.get('calendars/towns/zhujiajiao.ics')!).some((v) => prop(v, 'description').includes('Zhujiajiao Sample School 1'))).toBe(true);
    for (const cal of [school, all.get('calendars/towns/zhujiajiao.ics')!]) {
      for (const v of events(cal)) for (const name of ['summary', 'description']) expect(prop(v, name), prop(v, 'uid')).not.toMatch(/[（）：，；、。]/);
    }
  });
});

describe('reminders', () => {
  const plan = planYear({ catalog: QINGPU_2024_CATALOG, registry, year: 2026 });
  const fireDays = (v: ICAL.Component) => v.getAllSubcomponents('valarm').map((a) => {
    const trigger = a.getFirstPropertyValue('trigger') as ICAL.Duration;
    const t = ICAL.Time.fromDateString(start(v));
    t.addDuration(trigger);
    return t.toString().slice(0, 10);
  });

  it('year-long tasks carry no alarm each; one digest per town and year reminds at the first working day of Q4 and before the end', async () => {
    const town = events((await feeds([plan], { feeds: ['towns'] })).get('calendars/towns/zhujiajiao.ics')!);
    const yearEnd = town.filter((v) => start(v) === '2026-12-31');
    const digests = yearEnd.filter((v) => prop(v, 'uid').startsWith('digest/'));
    expect(digests).toHaveLength(1);
    expect(yearEnd.filter((v) => !prop(v, 'uid').startsWith('digest/')).every((v) => v.getAllSubcomponents('valarm').length === 0)).toBe(true);
    // 2026-10-01..07 is the National Day holiday: the first working day of Q4 is 10-08.
    expect(fireDays(digests[0]!)).toEqual(['2026-10-08', '2026-12-24', '2026-12-30']);
    expect(prop(digests[0]!, 'description')).toContain('默认，可调整');
    const perDay = new Map<string, number>();
    for (const v of town) for (const d of fireDays(v)) perDay.set(d, (perDay.get(d) ?? 0) + 1);
    expect(Math.max(...perDay.values())).toBeLessThanOrEqual(3);
  });

  it('no reminder fires on a day off: the February plan reminder leaves the Spring Festival holiday', async () => {
    const all = await feeds([plan, planYear({ catalog: QINGPU_2024_CATALOG, registry, year: 2025 })], { feeds: ['district', 'towns'] });
    const days = [...all.values()].flatMap((cal) => events(cal).flatMap(fireDays));
    expect(days.length).toBeGreaterThan(50);
    expect(days.filter((d) => !workdays.isWorkday(d))).toEqual([]);
    const deadline = events(all.get('calendars/district.ics')!).find((v) => start(v) === '2026-02-28')!;
    // 7 days before is 02-21, inside the 2026-02-15..23 holiday: the previous working day is 02-14 (a make-up Saturday).
    expect(fireDays(deadline)).toEqual(['2026-02-14', '2026-02-27']);
  });

  it('merges duplicate alarms (7d and 168h are one)', async () => {
    const district = events((await feeds([plan], { feeds: ['district'], alarms: '7d,168h,7d' })).get('calendars/district.ics')!);
    const deadline = district.find((v) => start(v) === '2026-02-28')!;
    expect(deadline.getAllSubcomponents('valarm')).toHaveLength(1);
  });
});

describe('time zone and warnings', () => {
  it('writes timed events in the region profile’s zone', async () => {
    const urumqi: RegionProfile = { id: 'test-urumqi', name: { zh: '测试', en: 'Test' }, timeZone: 'Asia/Almaty', source: 'test', keyDates: [{ id: 'air-raid-siren-test', title: { zh: '防空警报试鸣', en: 'Air-raid siren test' }, rule: { type: 'fixed', month: 9, day: 18 }, phases: [{ id: 'siren', title: { zh: '试鸣', en: 'Test' }, start: '10:00', end: '10:03' }], source: 'test', confirmed: false }] };
    const plan = planYear({ catalog: QINGPU_2024_CATALOG, registry, year: 2026, region: urumqi });
    const district = (await feeds([plan], { feeds: ['district'] })).get('calendars/district.ics')!;
    const siren = events(district).find((v) => prop(v, 'uid').startsWith('key-date/air-raid-siren-test/'))!;
    expect(siren.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Asia/Almaty');
    expect(district.getAllSubcomponents('vtimezone').map((z) => prop(z, 'tzid'))).toEqual(['Asia/Almaty']);
    expect(new ICAL.Event(siren).startDate.toUnixTime()).toBe(Date.parse(plan.keyDates.find((k) => k.id === 'air-raid-siren-test')!.phases![0]!.start) / 1000);
    // Unconfirmed siren times say so.
    expect(prop(siren, 'description')).toContain('尚待 2026 年的通知确认');
  });

  it('says when a year has no official holiday data and when a deadline falls on a day off', async () => {
    const plan = planYear({ catalog: QINGPU_2024_CATALOG, registry, year: 2027 });
    const town = events((await feeds([plan], { feeds: ['towns'] })).get('calendars/towns/zhujiajiao.ics')!);
    const deadline = town.find((v) => start(v) === '2027-02-28')!;
    expect(prop(deadline, 'description')).toContain('2027-02-28 为星期日（非工作日）');
    expect(town.every((v) => prop(v, 'description').includes('2027'))).toBe(true);
    expect(plan.warnings.length).toBeGreaterThan(0);
    expect(town.every((v) => plan.warnings.some((w) => prop(v, 'description').includes(w.zh)))).toBe(true);
  });
});

describe('reminders from the settings through `liujin export calendar`', () => {
  it('the exporter module leaves unset reminders to the catalog’s settings, and an option still wins', async () => {
    const { liujinExporter } = await import('../src/module');
    const catalog = { ...QINGPU_2024_CATALOG, adjustments: [{ id: 'calendar.alarms', label: { zh: '提醒', en: 'reminders' }, default: '7d,1d', value: '3d' }] };
    const context = { catalog, registry, year: 2026, region: 'shanghai', asOf: '2026-06-30', now: NOW, lang: 'zh' as const, waivers: [], activities: () => Promise.resolve({ activities: [], setAside: [] }) };
    const triggers = async (options: Record<string, unknown>) => {
      const files = await collectArtefacts(liujinExporter.export(context, { glance: false, concurrency: 1, ...options }));
      const district = files.find((f) => f.path === 'calendars/district.ics')!;
      const cal = new ICAL.Component(ICAL.parse(district.content as string));
      return new Set(events(cal).flatMap((v) => v.getAllSubcomponents('valarm').map((a) => String(a.getFirstPropertyValue('trigger')))));
    };
    // Reminders that would fall on a day off move earlier (e.g. 3 days becomes 4): the lead times set, not 7d/1d.
    const set = await triggers({});
    expect(set.has('-P3D')).toBe(true);
    expect([...set].sort()).toEqual(['-P3D', '-P4D', '-P5D'].filter((t) => set.has(t)));
    const option = await triggers({ alarms: '2d' });
    expect(option.has('-P2D')).toBe(true);
    expect([...option].sort()).toEqual(['-P2D', '-P3D', '-P4D'].filter((t) => option.has(t)));
  });
});
