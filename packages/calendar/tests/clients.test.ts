// The feeds and pages as their users meet them: khal importing year after year, python-icalendar
// reading an empty feed, Chromium printing the year at a glance, a regeneration against the last one.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { QINGPU_2024_CATALOG, collectArtefacts, planYear, type Registry } from '@liujin/core';
import { sampleRegistry } from '@liujin/core/sample';
import { chromium } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { createCalendarExporter, readSequenceState } from '../src/index';
import { systemTool } from '../../../tools/config/system-tools';

const registry = sampleRegistry();
const NOW = new Date('2026-01-05T08:00:00Z');
const render = async (years: number[], options: Record<string, unknown> = {}, reg: Registry = registry) =>
  collectArtefacts(createCalendarExporter(options).export({ plans: years.map((year) => planYear({ catalog: QINGPU_2024_CATALOG, registry: reg, year })), registry: reg, catalog: QINGPU_2024_CATALOG, now: NOW }));

describe('khal (a real client)', () => {
  it('importing the 2026 feed, then the 2027 feed, into one calendar keeps both years’ events', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liujin-khal-'));
    mkdirSync(join(dir, 'cal'));
    const config = join(dir, 'config');
    writeFileSync(config, `[calendars]\n[[liujin]]\npath = ${join(dir, 'cal')}\ntype = calendar\n[locale]\ndateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\ndatetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\ntimeformat = %H:%M\ndefault_timezone = Asia/Shanghai\nlocal_timezone = Asia/Shanghai\n`);
    const env = { ...process.env, XDG_DATA_HOME: join(dir, 'data'), XDG_CONFIG_HOME: join(dir, 'config-home'), HOME: dir };
    const counts: number[] = [];
    for (const year of [2026, 2027]) {
      const [feed] = (await render([year], { feeds: ['towns'], glance: false })).filter((f) => f.path === 'calendars/towns/zhujiajiao.ics');
      const file = join(dir, `${year}.ics`);
      writeFileSync(file, feed!.content);
      counts.push(new ICAL.Component(ICAL.parse(feed!.content as string)).getAllSubcomponents('vevent').length);
      execFileSync(systemTool('khal'), ['-c', config, 'import', '--batch', '-a', 'liujin', file], { env, encoding: 'utf8' });
    }
    // khal keeps one file per UID: a UID repeated across years would have replaced the 2026 event.
    expect(readdirSync(join(dir, 'cal'))).toHaveLength(counts[0]! + counts[1]!);
    const listed = execFileSync(systemTool('khal'), ['-c', config, 'list', '--format', '{start-date}|{title}', '--day-format', '', '2026-01-01', '2027-12-31'], { env, encoding: 'utf8' });
    const lines = listed.split('\n').filter((l) => l.includes('|'));
    for (const day of ['2026-09-19', '2027-09-18']) expect(lines.filter((l) => l.startsWith(`${day}|防空警报试鸣`)), day).toHaveLength(3);
    expect(lines.filter((l) => l.startsWith('2026-12-31|') && l.includes('全年任务年底到期'))).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith('2027-12-31|') && l.includes('全年任务年底到期'))).toHaveLength(1);
  }, 60_000);
});

describe('a feed without events', () => {
  it('still holds a component (VTIMEZONE), its properties first, and ends with CRLF; python-icalendar and ical.js read it', async () => {
    const lonely: Registry = { ...registry, units: [{ id: 'media-x', name: '无日程单位', kind: 'media' }] };
    const files = await render([2026], { feeds: ['units'], glance: false }, lonely);
    const text = files.find((f) => f.path === 'calendars/units/media-x.ics')!.content as string;
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text).not.toContain('BEGIN:VEVENT');
    const comp = new ICAL.Component(ICAL.parse(text));
    expect(comp.getAllSubcomponents('vtimezone')).toHaveLength(1);
    const lines = text.split('\r\n');
    expect(lines.findIndex((l) => l.startsWith('X-WR-TIMEZONE'))).toBeLessThan(lines.indexOf('BEGIN:VTIMEZONE'));
    const file = join(mkdtempSync(join(tmpdir(), 'liujin-empty-')), 'empty.ics');
    writeFileSync(file, text);
    const report = JSON.parse(execFileSync(systemTool('python3-icalendar'), [new URL('./check_ics.py', import.meta.url).pathname, file], { encoding: 'utf8' })) as { errors: string[]; timezones: string[] }[];
    expect(report[0]!.errors).toEqual([]);
    expect(report[0]!.timezones).toEqual(['Asia/Shanghai']);
  });
});

describe('SEQUENCE against the last published feeds', () => {
  it('keeps SEQUENCE for unchanged events and raises it for changed ones (a renamed unit changes only the events naming it)', async () => {
    const first = (await render([2026], { feeds: ['towns'], glance: false })).map((f) => f.content as string);
    const previous = readSequenceState(first);
    const again = readSequenceState((await render([2026], { feeds: ['towns'], glance: false, previous })).map((f) => f.content as string));
    expect(Object.values(again).every((e) => e.sequence === 0)).toBe(true);
    const renamed = { ...registry, units: registry.units.map((u) => (u.id === 'school-zhujiajiao-1' ? { ...u, name: '朱家角镇示例学校一' } : u)) };
    const texts = (await render([2026], { feeds: ['towns'], glance: false, previous }, renamed)).map((f) => f.content as string);
    const events = texts.flatMap((t) => new ICAL.Component(ICAL.parse(t)).getAllSubcomponents('vevent'));
    const naming = events.filter((v) => String(v.getFirstPropertyValue('description')).includes('朱家角镇示例学校一'));
    expect(naming.length).toBeGreaterThan(3);
    for (const v of events) expect(v.getFirstPropertyValue('sequence'), String(v.getFirstPropertyValue('uid'))).toBe(naming.includes(v) ? 1 : 0);
  });
});

describe('year at a glance in headless Chromium', () => {
  const browserPromise = chromium.launch({ executablePath: systemTool('chromium'), args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  afterAll(async () => (await browserPromise).close());

  it('prints twelve months on one A4 landscape sheet with days off and coloured dates, loading nothing', async () => {
    const files = await render([2026], { feeds: ['district', 'towns'] });
    const pages = files.filter((f) => f.path.endsWith('.html')).map((f) => f.path);
    expect(pages).toEqual(expect.arrayContaining(['calendars/glance/district-2026.html', 'calendars/glance/towns/zhujiajiao-2026.html']));
    expect(pages).toHaveLength(1 + registry.towns.length);
    const dir = mkdtempSync(join(tmpdir(), 'liujin-glance-'));
    const file = join(dir, 'town.html');
    writeFileSync(file, files.find((f) => f.path === 'calendars/glance/towns/zhujiajiao-2026.html')!.content);
    const browser = await browserPromise;
    const page = await browser.newPage({ viewport: { width: 1123, height: 794 } });
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => !r.url().startsWith('file:') && requests.push(r.url()));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`file://${file}`);
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('section.month').count()).toBe(12);
    // 2026's National Day holiday (1-7 October) and the make-up Sunday of 20 September.
    const october = page.locator('section.month').nth(9);
    expect(await october.locator('td.hol').count()).toBe(5); // 1, 2, 5, 6, 7 October are weekdays off
    expect(await page.locator('section.month').nth(8).locator('td.makeup').count()).toBe(1);
    expect(await page.locator('td.key').count()).toBeGreaterThanOrEqual(6);
    expect(await page.locator(".mk i").count()).toBeGreaterThan(5); // the notice's occasions (preferred, single days since issue 17), coloured by sector
    await page.screenshot({ path: process.env.LIUJIN_GLANCE_PNG ?? join(dir, 'town.png'), fullPage: true });
    // Printed: the months fit the first A4 landscape sheet, the dated list follows.
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, ...(process.env.LIUJIN_GLANCE_PNG ? { path: `${process.env.LIUJIN_GLANCE_PNG}.pdf` } : {}) });
    const sheets = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(sheets.length).toBeGreaterThanOrEqual(2);
    const box = await page.locator('.sheet').boundingBox();
    expect(box!.width / box!.height).toBeCloseTo(281 / 193, 1);
    await page.close();
  }, 60_000);
});
