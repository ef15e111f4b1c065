import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectArtefacts, isSafeRelativePath, keyDatesFor, sampleRegistry, type Unit } from '@liujin/core';
import { arbitraryNow, arbitraryRegistry, testExporterConformance } from '@liujin/core/testing';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { MissingGlyphError, SECTIONS, createPlanTemplateExporter, type TemplateKind } from '../src/index';

const registry = sampleRegistry();
const keyDates = keyDatesFor(2026);
const NOW = new Date('2026-01-05T00:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'liujin-pdf-'));
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });

async function render(kind: TemplateKind, units?: Unit[], options = {}) {
  const files = await collectArtefacts(createPlanTemplateExporter(options).export({ kind, mode: units ? 'prefilled' : 'blank', ...(units ? { units } : {}), year: 2026, keyDates, district: registry.district, now: NOW }));
  return files.map((f) => {
    const path = join(dir, f.path.replace(/\//g, '_'));
    writeFileSync(path, f.content);
    return { ...f, file: path };
  });
}

testExporterConformance('pdf', {
  create: createPlanTemplateExporter as never,
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
      { ...base, id: 'd', name: 'x'.repeat(10_000) },
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
