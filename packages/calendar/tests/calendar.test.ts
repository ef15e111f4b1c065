import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { QINGPU_2024_CATALOG, collectArtefacts, planYear, type Artefact } from '@liujin/core';
import { sampleRegistry } from '@liujin/core/sample';
import { arbitraryNow, arbitraryRegistry, testExporterConformance } from '@liujin/core/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCalendarExporter, readSequenceState } from '../src/index';
import { systemTool } from '../../../tools/config/system-tools';

const registry = sampleRegistry();
const NOW = new Date('2026-01-05T08:00:00Z');
const plan2026 = planYear({ catalog: QINGPU_2024_CATALOG, registry, year: 2026 });
const small = { ...registry, units: registry.units.filter((u) => ['school-zhujiajiao-1', 'res-xiayang-1', 'ent-jinze-1', 'town-zhujiajiao'].includes(u.id)) };
const smallPlan = planYear({ catalog: QINGPU_2024_CATALOG, registry: small, year: 2026 });

async function render(options = {}, plans = [smallPlan], reg = small) {
  const files = await collectArtefacts(createCalendarExporter({ glance: false, ...options }).export({ plans, registry: reg, catalog: QINGPU_2024_CATALOG, now: NOW }));
  return files.filter((f) => f.path.endsWith('.ics'));
}
const text = (a: Artefact) => a.content as string;

testExporterConformance('calendar', {
  create: createCalendarExporter,
  input: () => ({ plans: [smallPlan], registry: small, catalog: QINGPU_2024_CATALOG, now: NOW }),
  invalidOptions: [{ lang: 'fr' }, { alarms: ['soon'] }, { alarms: '7d,x' }, { feeds: [] }, { colour: 'red' }],
  arbitraryInput: fc.tuple(arbitraryRegistry({ maxUnits: 5 }), fc.integer({ min: 2001, max: 2100 }), arbitraryNow).map(([reg, year, now]) => () => ({ plans: [planYear({ catalog: QINGPU_2024_CATALOG, registry: reg, year })], registry: reg, catalog: QINGPU_2024_CATALOG, now })),
  numRuns: 25,
});

describe('feeds parsed by ical.js', () => {
  it('has no floating times, a VTIMEZONE for each TZID, and the planner’s dates', async () => {
    const files = await render();
    expect(files.map((f) => f.path)).toEqual(expect.arrayContaining(['calendars/district.ics', 'calendars/towns/zhujiajiao.ics', 'calendars/sectors/school.ics', 'calendars/units/school-zhujiajiao-1.ics']));
    for (const file of files) {
      const comp = new ICAL.Component(ICAL.parse(text(file)));
      const zones = new Set(comp.getAllSubcomponents('vtimezone').map((z) => String(z.getFirstPropertyValue('tzid'))));
      for (const vevent of comp.getAllSubcomponents('vevent')) {
        const start = vevent.getFirstProperty('dtstart')!;
        const value = start.getFirstValue() as ICAL.Time;
        if (!value.isDate) {
          const tzid = start.getParameter('tzid') as string | undefined;
          expect(tzid, `${file.path} floating time`).toBeDefined();
          expect(zones.has(tzid!), `${file.path} VTIMEZONE for ${tzid}`).toBe(true);
        }
        expect(String(vevent.getFirstPropertyValue('dtstamp'))).toBe('2026-01-05T08:00:00Z');
      }
    }
    const district = new ICAL.Component(ICAL.parse(text(files.find((f) => f.path === 'calendars/district.ics')!)));
    const starts = district.getAllSubcomponents('vevent').map((v) => (v.getFirstPropertyValue('dtstart') as ICAL.Time).toString());
    expect(starts).toEqual(expect.arrayContaining(['2026-02-28', '2026-05-12', '2026-09-19', '2026-11-09', '2026-09-19T11:35:00', '2026-09-19T11:45:00', '2026-09-19T11:55:00']));
    const siren = district.getAllSubcomponents('vevent').find((v) => String(v.getFirstPropertyValue('summary')).includes('预先警报'))!;
    const event = new ICAL.Event(siren);
    expect(event.startDate.toUnixTime()).toBe(Date.parse('2026-09-19T11:35:00+08:00') / 1000);
  });

  it('lists Education Day and the siren test year by year, with the year in every UID and no rule', async () => {
    const plans = [2025, 2026, 2027].map((year) => planYear({ catalog: QINGPU_2024_CATALOG, registry: small, year }));
    const [district] = await render({ feeds: ['district'] }, plans);
    const comp = new ICAL.Component(ICAL.parse(text(district!)));
    const events = comp.getAllSubcomponents('vevent');
    expect(events.filter((v) => v.hasProperty('rrule'))).toHaveLength(0);
    const ed = events.filter((v) => String(v.getFirstPropertyValue('uid')).startsWith('key-date/national-defense-education-day/'));
    expect(ed.map((v) => (v.getFirstPropertyValue('dtstart') as ICAL.Time).toString())).toEqual(plans.map((p) => p.keyDates.find((k) => k.id === 'national-defense-education-day')!.date));
    const sirens = events.filter((v) => String(v.getFirstPropertyValue('uid')).includes('air-raid-siren-test'));
    expect(sirens).toHaveLength(9);
    const uids = events.map((v) => String(v.getFirstPropertyValue('uid')));
    expect(new Set(uids).size).toBe(uids.length);
  });
});

describe('feeds parsed by python3-icalendar', () => {
  it('reports no errors in any feed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liujin-ics-'));
    const files = await render();
    const paths = files.map((f, i) => {
      const p = join(dir, `${i}.ics`);
      writeFileSync(p, f.content);
      return p;
    });
    const report = JSON.parse(execFileSync(systemTool('python3-icalendar'), [new URL('./check_ics.py', import.meta.url).pathname, ...paths], { encoding: 'utf8' })) as { errors: string[]; timezones: string[]; events: { tzid: string | null }[] }[];
    expect(report.flatMap((r) => r.errors)).toEqual([]);
    expect(report.reduce((n, r) => n + r.events.length, 0)).toBeGreaterThan(20);
    for (const r of report) for (const e of r.events) if (e.tzid) expect(r.timezones).toContain(e.tzid);
  });
});

describe('text and bytes', () => {
  it('folds at 75 octets without splitting a character', async () => {
    for (const file of await render()) {
      for (const line of text(file).split('\r\n')) {
        const bytes = Buffer.from(line, 'utf8');
        expect(bytes.length, line).toBeLessThanOrEqual(75);
        expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).not.toThrow();
      }
    }
  });

  it('escapes ; , \\ and newlines in names', async () => {
    const hostile = { ...small, units: [{ ...small.units[0]!, name: '学校;A,B\\C\n第二行' }] };
    const plan = planYear({ catalog: QINGPU_2024_CATALOG, registry: hostile, year: 2026 });
    const files = await render({ feeds: ['units'] }, [plan], hostile);
    const ics = text(files[0]!);
    const comp = new ICAL.Component(ICAL.parse(ics));
    expect(ics).toContain('X-WR-CALNAME:学校\\;A\\,B\\\\C 第二行');
    expect(ics).toMatch(/^NAME:学校\\;A\\,B\\\\C 第二行/m);
    // Event text keeps the separators, escaped, and parses back exactly.
    const descriptions = comp.getAllSubcomponents('vevent').map((v) => String(v.getFirstPropertyValue('description')));
    expect(descriptions.length).toBeGreaterThan(0);
    expect(ics).not.toMatch(/[^\r]\n(?![ \t])[^A-Z]/);
  });

  it('gives the same bytes under UTC, Asia/Shanghai and America/New_York', async () => {
    // In process: Node applies an assignment to process.env.TZ at once (checked through the offset), so
    // planning and rendering see each host zone without a subprocess per zone.
    const run = async (TZ: string, offset: number) => {
      const previous = process.env.TZ;
      process.env.TZ = TZ;
      try {
        expect(new Date('2026-01-05T00:00:00Z').getTimezoneOffset(), TZ).toBe(offset);
        const plan = planYear({ catalog: QINGPU_2024_CATALOG, registry: small, year: 2026 });
        const files = await collectArtefacts(createCalendarExporter({ feeds: ['district', 'units'], glance: false }).export({ plans: [plan], registry: small, catalog: QINGPU_2024_CATALOG, now: NOW }));
        return files.filter((f) => f.path === 'calendars/district.ics' || f.path === 'calendars/units/school-zhujiajiao-1.ics').map(text).join('\n');
      } finally {
        if (previous === undefined) delete process.env.TZ;
        else process.env.TZ = previous;
      }
    };
    const utc = await run('UTC', 0);
    expect(utc).toContain('DTSTART;TZID=Asia/Shanghai:20260919T113500');
    expect(await run('Asia/Shanghai', -480)).toBe(utc);
    expect(await run('America/New_York', 300)).toBe(utc);
  }, 180_000);

  it('matches the reviewed golden feed for one small unit', async () => {
    const files = await render({ feeds: ['units'] });
    const unit = files.find((f) => f.path === 'calendars/units/town-zhujiajiao.ics')!;
    expect(text(unit)).toBe(readFileSync(new URL('./golden/town-zhujiajiao.ics', import.meta.url), 'utf8'));
  });
});

describe('SEQUENCE and UIDs across generations', () => {
  it('keeps UIDs stable and raises SEQUENCE only for events whose time changed', async () => {
    const first = await render({ feeds: ['district'] });
    const state = readSequenceState(first.map(text));
    const moved = { ...smallPlan, keyDates: smallPlan.keyDates.map((k) => (k.id === 'air-raid-siren-test' ? { ...k, phases: k.phases!.map((p) => (p.id === 'all-clear' ? { ...p, start: '2026-09-19T12:00:00+08:00', end: '2026-09-19T12:03:00+08:00' } : p)) } : k)) };
    const second = await render({ feeds: ['district'], previous: state }, [moved]);
    const next = readSequenceState(second.map(text));
    expect(Object.keys(next).sort()).toEqual(Object.keys(state).sort());
    const changed = Object.entries(next).filter(([uid, e]) => e.sequence !== state[uid]!.sequence).map(([uid]) => uid);
    expect(changed).toEqual(['key-date/air-raid-siren-test/2026-09-19/all-clear@liujin.local']);
    expect(next[changed[0]!]!.sequence).toBe(1);
  });

  it('writes the alarms it is given, before the start', async () => {
    const [district] = await render({ feeds: ['district'], alarms: '3d,2h' });
    expect(text(district!)).toContain('TRIGGER:-P3D');
    expect(text(district!)).toContain('TRIGGER:-PT2H');
    const [none] = await render({ feeds: ['district'], alarms: '' });
    expect(text(none!)).not.toContain('VALARM');
  });

  it('renders the whole sample district, the same bytes on worker threads as on one thread', async () => {
    const files = await render({}, [plan2026], registry);
    expect(files.filter((f) => f.path.startsWith('calendars/units/'))).toHaveLength(registry.units.length);
    const parallel = await render({ concurrency: 2 }, [plan2026], registry);
    expect(parallel.map((f) => f.path)).toEqual(files.map((f) => f.path));
    expect(parallel.map((f) => f.content)).toEqual(files.map((f) => f.content));
  }, 180_000);
});
