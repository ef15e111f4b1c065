/**
 * Issue #21, checked with independent tools (poppler's pdftotext -bbox, qpdf): nothing runs off the
 * page on any sample plan or on hostile long values, headings stay with what follows, the plans
 * carry their sections, values stay editable, and the PDF is tagged.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectArtefacts, keyDatesFor, type Unit } from '@liujin/core';
import { sampleRegistry } from '@liujin/core/sample';
import { describe, expect, it } from 'vitest';
import { PAGE, SECTIONS, createPlanTemplateExporter, type GlyphSubstitution, type TemplateKind } from '../src/index';
import { runTool } from '../../../tools/config/system-tools';

const registry = sampleRegistry();
const keyDates = keyDatesFor(2026);
const NOW = new Date('2026-01-05T00:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'liujin-pdf-layout-'));
const run = (cmd: string, args: string[]) => runTool(cmd, args);
const KINDS: Record<TemplateKind, readonly string[]> = { school: ['school'], enterprise: ['enterprise', 'park'], community: ['community'] };

async function pdfs(kind: TemplateKind, units: readonly Unit[] | undefined, onSubstitution?: (s: GlyphSubstitution) => void): Promise<string[]> {
  const files = await collectArtefacts(createPlanTemplateExporter().export({ kind, mode: units ? 'prefilled' : 'blank', ...(units ? { units } : {}), year: 2026, keyDates, district: registry.district, now: NOW, ...(onSubstitution ? { onSubstitution } : {}) }));
  return files.map((f, i) => {
    const path = join(dir, `${kind}-${units ? 'u' : 'b'}-${i}-${Math.random().toString(36).slice(2)}.pdf`);
    writeFileSync(path, f.content);
    return path;
  });
}

interface Word { page: number; x0: number; y0: number; x1: number; y1: number; text: string }
/** Every word poppler finds, with its box, in page coordinates (points from the top left). */
function words(files: readonly string[]): Word[] {
  const merged = join(dir, `merged-${Math.random().toString(36).slice(2)}.pdf`);
  run('qpdf', ['--empty', '--pages', ...files, '--', merged]);
  const out: Word[] = [];
  let page = 0;
  for (const line of run('pdftotext', ['-bbox', merged, '-']).split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</.exec(line);
    if (m) out.push({ page, x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]), text: m[5]! });
  }
  return out;
}

const LEFT = PAGE.left;
const RIGHT = PAGE.left + PAGE.textWidth;
const TOP = PAGE.top;
const BOTTOM = PAGE.top + PAGE.textHeight;
/** Page numbers sit below the text block by design (GB/T 9704 §7.5); everything else stays inside. */
const outside = (w: Word) => w.x0 < LEFT - 0.5 || w.x1 > RIGHT + 0.5 || w.y0 < TOP - 1 || (w.y1 > BOTTOM + 0.5 && !/^(—|\d+)$/.test(w.text));

const long = (s: string, n: number) => s.repeat(Math.ceil(n / s.length)).slice(0, n);
/** A registry of hostile long values: 200-character names, 500-character addresses and routes, unbroken Latin, many rows. */
function hostile(kind: TemplateKind): Unit[] {
  const base = { kind: KINDS[kind][0]! as Unit['kind'], town: registry.towns[0]!.id };
  return [
    { ...base, id: `${kind}-long`, name: long('上海市青浦区朱家角镇东方绿舟国防教育基地附属实验学校', 200), address: long('青浦区沙家埭路十八号东方绿舟教育基地三号楼', 500), headCount: 99999, civilDefenseWorks: [{ name: long('朱家角镇中心广场地下人防工程', 500), address: long('朱家角镇祥凝浜路', 500), capacity: 12, distanceMeters: 123456 }], routes: Array.from({ length: 12 }, (_, i) => ({ building: long(`第${i + 1}教学楼`, 80), floor: long('1-6层', 50), route: long('由东侧楼梯下至一楼经食堂门口向北穿过操场到达北门', 500), assemblyPoint: long('北门外人防工程入口', 500) })), contacts: [{ role: long('分管安全工作的副校长', 500), name: long('欧阳', 500), phone: '0'.repeat(50) }] },
    { ...base, id: `${kind}-latin`, name: 'Shanghai-Qingpu-International-Bilingual-School-of-Science-and-Technology-Experimental-Campus'.repeat(2), address: 'x'.repeat(500), contacts: [{ role: 'Principal', name: 'Alexander-Maximilian Wolfeschlegelsteinhausenbergerdorff', phone: '+86-21-5555-0000-ext-123456789' }] },
  ];
}

describe.each(['school', 'enterprise', 'community'] as const)('%s plans', (kind) => {
  it('keep every glyph inside the 156 x 225 mm text block: every sample plan, the blank and hostile long values', async () => {
    // Every sample plan with LIUJIN_FULL_GEOMETRY=1 (all passed when written: 64 schools, 99
    // enterprises and parks, every community); a spread of a dozen per kind otherwise, to keep npm test fast.
    const ofKind = registry.units.filter((u) => KINDS[kind].includes(u.kind));
    const units = process.env.LIUJIN_FULL_GEOMETRY ? ofKind : ofKind.filter((_, i) => i % Math.ceil(ofKind.length / 12) === 0);
    const files = [...(await pdfs(kind, undefined)), ...(await pdfs(kind, units)), ...(await pdfs(kind, hostile(kind)))];
    const all = words(files);
    expect(all.length).toBeGreaterThan(units.length * 150);
    expect(all.filter(outside).slice(0, 5)).toEqual([]);
    // The long values are printed, not dropped (wrapped over several lines).
    expect(all.some((w) => w.text.includes('东方绿舟'))).toBe(true);
  }, process.env.LIUJIN_FULL_GEOMETRY ? 1_200_000 : 120_000);

  it('keep each heading with what follows it, and carry the kind’s sections', async () => {
    const units = registry.units.filter((u) => KINDS[kind].includes(u.kind)).slice(0, 6);
    const all = words([...(await pdfs(kind, units)), ...(await pdfs(kind, undefined))]);
    const headings = all.filter((w) => SECTIONS[kind].includes(w.text));
    expect(new Set(headings.map((h) => h.text)).size).toBe(SECTIONS[kind].length);
    for (const h of headings) {
      const below = all.filter((w) => w.page === h.page && w.y0 > h.y1 && !/^(—|\d+)$/.test(w.text));
      expect(below.length, `${h.text} alone at the foot of a page`).toBeGreaterThan(0);
    }
  }, 60_000);
});

describe('plan contents (issue #21)', () => {
  const school = registry.units.find((u) => u.kind === 'school' && u.routes && u.contacts)!;
  it('school plans print the actual drill day: the school day before a Saturday siren test', async () => {
    expect(keyDates.find((k) => k.id === 'air-raid-siren-test')!.date).toBe('2026-09-19');
    const [file] = await pdfs('school', [school]);
    const text = run('pdftotext', [file!, '-']);
    expect(text).toContain('演练日期：');
    expect(text).toContain('2026-09-18');
    expect(text).not.toContain('逢周末可提前');
  });

  it('pre-filled values stay editable fields, with spare empty route and contact rows', async () => {
    const [file] = await pdfs('school', [school]);
    const form = (JSON.parse(run('qpdf', ['--json', '--json-key=acroform', file!])) as { acroform: { fields: { fullname: string; value: string | null; fieldflags: number }[] } }).acroform.fields;
    const value = (name: string) => form.find((f) => f.fullname === name)?.value;
    expect(value('单位名称')).toBe(`u:${school.name}`);
    expect(value('地址')).toBe(`u:${school.address}`);
    expect(form.find((f) => f.fullname === '疏散路线_1')!.value).toBe(`u:${school.routes![0]!.route}`);
    const emptyRoutes = form.filter((f) => f.fullname.startsWith('疏散路线_') && !f.value);
    const emptyContacts = form.filter((f) => f.fullname.startsWith('电话_') && !f.value);
    expect(emptyRoutes.length).toBeGreaterThanOrEqual(2);
    expect(emptyContacts.length).toBeGreaterThanOrEqual(2);
    // Multiline (bit 13) on every field: route, assembly point, duty and revision cells wrap.
    for (const f of form) expect(f.fieldflags & 4096, f.fullname).toBe(4096);
  });

  it('enterprise plans have a drill-date field among the occasions; community plans show a shelter shortfall', async () => {
    const [ent] = await pdfs('enterprise', [registry.units.find((u) => u.kind === 'enterprise')!]);
    const names = (JSON.parse(run('qpdf', ['--json', '--json-key=acroform', ent!])) as { acroform: { fields: { fullname: string }[] } }).acroform.fields.map((f) => f.fullname);
    expect(names).toContain('演练日期');
    expect(run('pdftotext', [ent!, '-']).replace(/\s+/g, '')).toContain('2026-05-12全国防灾减灾日');
    const community = { ...registry.units.find((u) => u.kind === 'community')!, headCount: 5000, civilDefenseWorks: [{ name: '示例人防工程', capacity: 3200 }] };
    const [com] = await pdfs('community', [community]);
    expect(run('pdftotext', [com!, '-']).replace(/\s+/g, '')).toContain('缺口1800人');
  });

  it('names the unit, the field and the character of every glyph the fonts lack', async () => {
    const seen: GlyphSubstitution[] = [];
    await pdfs('school', [{ ...school, id: 'odd', address: '示例路𠀀号😀' }], (s) => seen.push(s));
    expect(seen).toEqual([
      { unitId: 'odd', unitName: school.name, field: '地址', character: '𠀀', codePoint: 'U+20000' },
      { unitId: 'odd', unitName: school.name, field: '地址', character: '😀', codePoint: 'U+1F600' },
    ]);
  });

  it('is a tagged PDF 1.7: structure tree, marked content, document and per-element /Lang', async () => {
    const [file] = await pdfs('school', [{ ...school, id: 'latin', name: 'Qingpu International Academy' }]);
    expect(readFileSync(file!, 'latin1').slice(0, 8)).toBe('%PDF-1.7');
    expect(run('qpdf', ['--check', file!])).toContain('No syntax or stream encoding errors');
    const objects = JSON.stringify(JSON.parse(run('qpdf', ['--json', '--json-key=qpdf', file!])));
    expect(objects).toMatch(/"\/StructTreeRoot":"\d+ 0 R"/);
    expect(objects).toContain('"/Marked":true');
    expect(objects).toContain('"/Lang":"u:zh-CN"');
    for (const tag of ['/H1', '/Span', '/H2', '/P', '/Table', '/TR', '/TH', '/TD']) expect(objects, tag).toContain(`"/S":"${tag}"`);
    expect(objects).toContain('"/Lang":"u:en"');
    // Page numbers and rules are artifacts in the content streams.
    const qdf = join(dir, 'tagged-qdf.pdf');
    run('qpdf', ['--qdf', '--object-streams=disable', file!, qdf]);
    const raw = readFileSync(qdf, 'latin1');
    expect(raw).toMatch(/\/Artifact <<\s*\/Type \/Pagination\s*>> BDC/);
    expect(raw).toMatch(/\/Artifact <<\s*\/Type \/Layout\s*>> BDC/);
  });
});
