import { execFileSync } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectArtefacts, isSafeRelativePath, keyDatesFor, type Unit } from '@liujin/core';
import { sampleRegistry } from '@liujin/core/sample';
import { arbitraryNow, arbitraryRegistry, testExporterConformance } from '@liujin/core/testing';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { MissingGlyphError, SECTIONS, createPlanTemplateExporter, type TemplateKind } from '../src/index';
import { runTool, systemTool } from '../../../tools/config/system-tools';

const registry = sampleRegistry();
const keyDates = keyDatesFor(2026);
const NOW = new Date('2026-01-05T00:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'liujin-pdf-'));
// Every validator through systemTool: a missing one fails with its install command. pdftotext needs
// poppler-data to extract the filled Chinese values (Adobe-GB1).
const run = (cmd: string, args: string[]) => runTool(cmd, args);
/** Fills form fields by their label with mupdf's scripting, as a user's PDF program would. */
const FILL_SCRIPT = join(dir, 'fill.js');
writeFileSync(
  FILL_SCRIPT,
  `var doc = new PDFDocument(scriptArgs[0]);
var values = JSON.parse(scriptArgs[2]);
var filled = 0;
for (var p = 0; p < doc.countPages(); p++) {
  var widgets = doc.loadPage(p).getWidgets();
  for (var i = 0; i < widgets.length; i++) {
    var label = widgets[i].getLabel();
    if (values[label] !== undefined) { widgets[i].setTextValue(values[label]); widgets[i].update(); filled++; }
  }
}
doc.save(scriptArgs[1]);
print(filled);
`,
);

async function render(kind: TemplateKind, units?: Unit[], options = {}) {
  const files = await collectArtefacts(createPlanTemplateExporter(options).export({ kind, mode: units ? 'prefilled' : 'blank', ...(units ? { units } : {}), year: 2026, keyDates, district: registry.district, now: NOW }));
  return files.map((f) => {
    const path = join(dir, f.path.replace(/\//g, '_'));
    writeFileSync(path, f.content);
    return { ...f, file: path };
  });
}

testExporterConformance('pdf', {
  create: createPlanTemplateExporter,
  input: () => ({ kind: 'school' as const, mode: 'prefilled' as const, units: registry.units.filter((u) => u.kind === 'school').slice(0, 2), year: 2026, keyDates, now: NOW }),
  invalidOptions: [{ onMissingGlyph: 'ignore' }, { pdfa: 'yes' }, { colour: 1 }],
  arbitraryInput: fc
    .tuple(arbitraryRegistry({ maxUnits: 2, kinds: ['school', 'enterprise', 'park', 'community'] }), fc.constantFrom('school' as const, 'enterprise' as const, 'community' as const), fc.constantFrom('prefilled' as const, 'blank' as const), fc.integer({ min: 2008, max: 2100 }), arbitraryNow)
    .map(([reg, kind, mode, year, now]) => () => ({ kind, mode, units: reg.units, year, keyDates: keyDatesFor(year), now })),
  numRuns: 8,
});

describe.each(['school', 'enterprise', 'community'] as const)('%s template', (kind) => {
  const unit = registry.units.find((u) => (kind === 'enterprise' ? u.kind === 'enterprise' : u.kind === kind) && u.civilDefenseWorks && u.contacts && (kind !== 'school' || u.routes))!;
  let blank: string;
  let filled: string;
  beforeAll(async () => {
    blank = (await render(kind))[0]!.file;
    filled = (await render(kind, [unit]))[0]!.file;
  });

  it('passes qpdf --check and is A4', () => {
    for (const file of [blank, filled]) {
      expect(run('qpdf', ['--check', file])).toContain('No syntax or stream encoding errors');
      expect(run('pdfinfo', [file])).toMatch(/Page size:\s+595\.2\d x 841\.8\d pts \(A4\)/);
    }
  });

  it('is compact: objects in compressed object streams with a cross-reference stream, under 150 KB (#5, #21)', () => {
    const xref = run('qpdf', ['--show-xref', filled]);
    const compressed = (xref.match(/compressed; stream = \d+/g) ?? []).length;
    const plain = (xref.match(/uncompressed; offset = \d+/g) ?? []).length;
    // Pages, fields, structure elements and font dictionaries are compressed; streams stay top level.
    expect(compressed).toBeGreaterThan(plain * 2);
    expect(JSON.stringify(JSON.parse(run('qpdf', ['--json', '--json-key=qpdf', filled])))).toContain('"/Type":"/XRef"');
    expect(statSync(filled).size).toBeLessThan(150 * 1024);
  });

  it('embeds every font as a subset with a Unicode map', () => {
    const rows = run('pdffonts', [filled]).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row, row).toMatch(/\byes\s+yes\s+yes\b/);
  });

  it('has every section heading, the siren times and the unit’s values in its text', () => {
    const text = run('pdftotext', ['-layout', filled, '-']).replace(/[ \t]+/g, ' ');
    for (const heading of SECTIONS[kind]) expect(text).toContain(heading);
    expect(text).toContain('11:35–11:38');
    expect(text).toContain('11:55–11:58');
    for (const value of [unit.name, unit.address ?? '', String(unit.headCount ?? ''), unit.civilDefenseWorks![0]!.name, unit.contacts![0]!.name, ...(unit.routes ?? []).map((r) => r.route)]) {
      if (value) expect(text, value).toContain(value);
    }
    expect(text).toMatch(/—\s*1\s*—/);
    expect(text).toMatch(/—\s*2\s*—/);
  });

  it('blank templates leave lines to write on, and carry no unit’s data', () => {
    const text = run('pdftotext', [blank, '-']);
    expect(text).toContain('单位名称：');
    expect(text).not.toContain(unit.name);
  });

  it('blank templates are fillable: named AcroForm text fields (read by qpdf), a fixed-size font a viewer has, every page font still embedded', () => {
    const form = (JSON.parse(run('qpdf', ['--json', '--json-key=acroform', blank])) as { acroform: { hasacroform: boolean; fields: { fullname: string; fieldtype: string; alternativename: string; pageposfrom1: number }[] } }).acroform;
    expect(form.hasacroform).toBe(true);
    const names = form.fields.map((f) => f.fullname);
    expect(new Set(names).size).toBe(names.length);
    for (const name of ['单位名称', '地址', '编制人', '审核人', '批准人（签字）', '日期', '修订日期_1', '职务_1', '电话_3', ...(kind === 'community' ? ['负责人_组织指挥组', '负责人_综合保障组'] : kind === 'school' ? ['负责人_总指挥', '疏散路线_1'] : [])]) {
      expect(names, name).toContain(name);
    }
    for (const f of form.fields) expect(f.fieldtype).toBe('/Tx');
    // Objects are compressed in object streams: qpdf writes them out as plain text.
    const raw = run('qpdf', ['--qdf', '--object-streams=disable', blank, '-']);
    expect(raw).toMatch(/\/DA \(\/STSong 12 Tf 0 g\)/);
    expect(raw).not.toMatch(/\/DA \(\/\w+ 0 Tf/);
    expect(raw).not.toContain('/NeedAppearances true');
    // The form font draws nothing until a field is filled: pdffonts lists only embedded subsets.
    for (const row of run('pdffonts', [blank]).trim().split('\n').slice(2)) expect(row, row).toMatch(/\byes\s+yes\s+yes\b/);
  });

  it('filled in by another program (mupdf), the values show in poppler’s and mupdf’s text', () => {
    const out = join(dir, `${kind}-filled-by-mupdf.pdf`);
    const values = { 单位名称: `${kind}青浦示例单位`, 编制人: '王建国', 修订内容_1: '按2026年新校区调整疏散路线' };
    const filledCount = run('mutool', ['run', FILL_SCRIPT, blank, out, JSON.stringify(values)]).trim();
    expect(Number(filledCount)).toBe(3);
    const text = run('pdftotext', [out, '-']);
    for (const value of Object.values(values)) expect(text, value).toContain(value);
    const drawn = execFileSync(systemTool('mutool'), ['draw', '-q', '-F', 'text', out], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    expect(drawn).toContain(values.编制人);
    expect(run('qpdf', ['--check', out])).toContain('No syntax or stream encoding errors');
  });
});

describe('scripts', () => {
  it('every field has the one line-breaking Format action, nothing else runs; PDF/A files have no JavaScript', async () => {
    const [plain] = await render('school');
    const objects = run('qpdf', ['--qdf', '--object-streams=disable', plain!.file, '-']);
    const [archival] = await render('school', undefined, { pdfa: true }); // written to the same path
    const scripts = [...objects.matchAll(/\/JS \((.*?)\)\n/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(3);
    // Only display formatting: no document-level or open actions, no data from the registry.
    for (const js of scripts) expect(js).toMatch(/^function w\\\(s,m\\\)\{.*\}event\.value=w\\\(event\.value,\d+\.\d\d\\\);$/);
    expect(objects).not.toMatch(/\/OpenAction|\/Names <<[^>]*\/JavaScript|\/Launch|\/URI/);
    expect((objects.match(/\/AA <<\s*\/F \d+ 0 R/g) ?? []).length).toBeGreaterThan(60);
    expect(run('qpdf', ['--qdf', '--object-streams=disable', archival!.file, '-'])).not.toContain('/JavaScript');
  });
});

describe('hostile and unusual text', () => {
  const base = registry.units.find((u) => u.kind === 'school')!;
  it('prints characters outside the fonts as the declared fallback, never blank, or fails when asked', async () => {
    const odd: Unit = { ...base, id: 'odd', name: '示例学校😀\u202e𠀀' };
    const [file] = await render('school', [odd]);
    const text = run('pdftotext', [file!.file, '-']);
    expect(text).toContain('示例学校〓');
    expect(text).not.toContain('\u202e');
    await expect(render('school', [odd], { onMissingGlyph: 'error' })).rejects.toBeInstanceOf(MissingGlyphError);
  });

  it('gives unique, safe file names even when names collide or try to escape', async () => {
    const units: Unit[] = [
      { ...base, id: 'a', name: '../../etc/passwd' },
      { ...base, id: 'b', name: '同名学校' },
      { ...base, id: 'c', name: '同名学校' },
      // The longest name the registry accepts (Unit.name max 200), far past the 40-character file-name segment.
      { ...base, id: 'd', name: 'x'.repeat(200) },
    ];
    const files = await collectArtefacts(createPlanTemplateExporter().export({ kind: 'school', mode: 'prefilled', units, year: 2026, keyDates, now: NOW }));
    const paths = files.map((f) => f.path);
    expect(new Set(paths).size).toBe(4);
    expect(paths.every((p) => p.startsWith('templates/school/') && isSafeRelativePath(p) && p.length < 200)).toBe(true);
  });

  it('breaks long tables across pages with the header repeated', async () => {
    const routes = Array.from({ length: 60 }, (_, i) => ({ building: `楼${i + 1}`, floor: '1层', route: `路线${i + 1}`, assemblyPoint: '操场' }));
    const [file] = await render('school', [{ ...base, id: 'many', routes }]);
    const pages = run('pdfinfo', [file!.file]).match(/Pages:\s+(\d+)/)![1];
    expect(Number(pages)).toBeGreaterThan(6);
    const text = run('pdftotext', [file!.file, '-']);
    expect(text.split('疏散路线\n').length - 1).toBeGreaterThanOrEqual(3);
    expect(text).toContain('路线60');
  });
});
