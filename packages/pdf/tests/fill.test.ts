/**
 * Filling every field with realistic long Chinese text, as a user's viewer does: pdf.js (the PDF
 * viewer of Firefox and many web apps) and mupdf (`mutool run`, with JavaScript on as in mupdf's
 * viewer) each write every field's appearance on save; poppler then reads the words back with
 * their boxes. Every value is found whole inside its own field, wrapped over the field's lines,
 * and no glyph leaves the text block (issue #21). mupdf breaks lines only at spaces; the fields'
 * Format action (form.ts) gives it the breaks, and without JavaScript the text runs on in one line.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectArtefacts, keyDatesFor } from '@liujin/core';
import { sampleRegistry } from '@liujin/core/sample';
import type * as PdfJs from 'pdfjs-dist';
import { describe, expect, it } from 'vitest';
import { PAGE, createPlanTemplateExporter, type TemplateKind } from '../src/index';
import { systemTool } from '../../../tools/config/system-tools';

const KEEP = process.env.LIUJIN_KEEP_FILLED;

const require = createRequire(import.meta.url);
const dir = mkdtempSync(join(tmpdir(), 'liujin-pdf-fill-'));
const TEXT = '青浦区朱家角镇沙家埭路十八号东方绿舟教育基地三号楼由东侧楼梯下至一楼经食堂门口向北穿过操场到达北门外人防工程入口负责人王建国联系电话一三九一二三四五六七八';

interface Filled { page: number; rect: number[]; value: string }

/**
 * The n-th field's value: as much text as the field holds at its 12-14 pt (two or three lines in
 * the tall fields). Written in ES5: mupdf's scripting (mujs) runs this same function.
 */
/* eslint-disable no-var */
function valueFor(n: number, rect: number[]): string {
  var perLine = Math.floor((rect[2]! - rect[0]! - 4) / 15);
  var lines = Math.max(1, Math.floor((rect[3]! - rect[1]!) / 17));
  return (String(n) + TEXT.slice(n % 20)).slice(0, Math.max(2, perLine * lines - 1));
}
/* eslint-enable no-var */

/** Fills every text field with mupdf's scripting and saves; `js` turns on the document's JavaScript. */
const MUPDF_FILL = `var doc = new PDFDocument(scriptArgs[0]);
if (scriptArgs[2] === 'js') doc.enableJS();
var n = 0, out = [];
for (var p = 0; p < doc.countPages(); p++) {
  var page = doc.loadPage(p), h = page.bound()[3], widgets = page.getWidgets();
  for (var i = 0; i < widgets.length; i++) {
    var r = widgets[i].getRect();
    var rect = [r[0], h - r[3], r[2], h - r[1]];
    var value = valueFor(n, rect);
    widgets[i].setTextValue(value);
    widgets[i].update();
    out.push({ page: p + 1, rect: rect, value: value });
    n++;
  }
}
doc.save(scriptArgs[1]);
print(JSON.stringify(out));
`;

function fillWithMupdf(input: string, output: string, js: boolean): Filled[] {
  const script = join(dir, 'fill-mupdf.js');
  writeFileSync(script, `var TEXT = ${JSON.stringify(TEXT)};\n${valueFor.toString()}\n${MUPDF_FILL}`);
  return JSON.parse(execFileSync(systemTool('mutool'), ['run', script, input, output, js ? 'js' : 'nojs'], { encoding: 'utf8' })) as Filled[];
}

async function blankPlan(kind: TemplateKind): Promise<string> {
  const registry = sampleRegistry();
  const [file] = await collectArtefacts(createPlanTemplateExporter().export({ kind, mode: 'blank', year: 2026, keyDates: keyDatesFor(2026), district: registry.district, now: new Date('2026-01-05T00:00:00Z') }));
  const blank = join(dir, `${kind}.pdf`);
  writeFileSync(blank, file!.content);
  return blank;
}

/** What poppler reads inside each filled field: the words whose centre (or, `byStart`, first glyph) lies in it, and their lines. */
function readBack(out: string, filled: readonly Filled[], byStart = false) {
  systemTool('poppler-data'); // pdftotext needs it for mupdf's Adobe-GB1 font
  const bbox = execFileSync(systemTool('pdftotext'), ['-bbox', out, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const pages = bbox.split('<page ').slice(1);
  return filled.map((f) => {
    const [x0, y0, x1, y1] = f.rect as [number, number, number, number];
    // pdftotext measures from the top, PDF from the bottom.
    const words = [...pages[f.page - 1]!.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g)]
      .map((m) => ({ right: Number(m[3]), left: Number(m[1]), x: (Number(m[1]) + Number(m[3])) / 2, y: PAGE.height - (Number(m[2]) + Number(m[4])) / 2, top: Number(m[2]), text: m[5]! }))
      .filter((w) => (byStart ? w.left + 1 : w.x) > x0 && (byStart ? w.left + 1 : w.x) < x1 && w.y > y0 && w.y < y1);
    return { field: f, words, text: words.map((w) => w.text).join(''), lines: new Set(words.map((w) => Math.round(w.top))).size };
  });
}

/** Each value whole in its field, every word within the field's width, the tall fields on several lines. */
function expectWholeAndWrapped(out: string, filled: readonly Filled[]): void {
  expect(filled.length).toBeGreaterThan(60);
  let wrapped = 0;
  for (const { field, words, text, lines } of readBack(out, filled)) {
    const [x0, , x1] = field.rect as [number, number, number, number];
    expect(text, `${field.value} in ${field.rect.join(',')}`).toBe(field.value);
    if (lines > 1) wrapped++;
    for (const w of words) expect(w.left >= x0 - 1 && w.right <= x1 + 1, `${w.text} beyond ${x0}-${x1}`).toBe(true);
  }
  // The tall fields (address, route, duty, revision cells) hold their text over several lines.
  expect(wrapped).toBeGreaterThan(10);
  expect(execFileSync(systemTool('qpdf'), ['--check', out], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors');
}

async function fillWithPdfJs(input: string, output: string): Promise<Filled[]> {
  const pdfjs = (await import('pdfjs-dist/legacy/build/pdf.mjs')) as typeof PdfJs;
  const base = require.resolve('pdfjs-dist/package.json').replace(/package\.json$/, '');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(input)), cMapUrl: `${base}cmaps/`, cMapPacked: true, standardFontDataUrl: `${base}standard_fonts/`, verbosity: 0 }).promise;
  const filled: Filled[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    for (const a of (await page.getAnnotations()) as { id: string; fieldType?: string; rect: number[] }[]) {
      if (a.fieldType !== 'Tx') continue;
      const value = valueFor(filled.length, a.rect);
      doc.annotationStorage.setValue(a.id, { value });
      filled.push({ page: p, rect: a.rect, value });
    }
  }
  writeFileSync(output, await doc.saveDocument());
  await doc.destroy();
  return filled;
}

describe('every field filled with long Chinese text', () => {
  it.each(['school', 'enterprise', 'community'] as const)('%s, by pdf.js: each value whole, wrapped inside its field', async (kind) => {
    const blank = await blankPlan(kind);
    const out = join(dir, `${kind}-filled.pdf`);
    const filled = await fillWithPdfJs(blank, out);
    if (KEEP) writeFileSync(join(KEEP, `${kind}-filled.pdf`), readFileSync(out));
    expectWholeAndWrapped(out, filled);
  }, 120_000);

  it.each(['school', 'enterprise', 'community'] as const)('%s, by mupdf: each value whole, wrapped inside its field', async (kind) => {
    const blank = await blankPlan(kind);
    const out = join(dir, `${kind}-filled-mupdf.pdf`);
    const filled = fillWithMupdf(blank, out, true);
    if (KEEP) writeFileSync(join(KEEP, `${kind}-filled-mupdf.pdf`), readFileSync(out));
    expectWholeAndWrapped(out, filled);
  }, 120_000);

  it('mupdf without JavaScript breaks only at spaces: a Chinese value runs on in one line, past the field edge', async () => {
    // Documents mupdf's own behaviour (pdf-appearance.c break_string), which the Format action works around.
    const blank = await blankPlan('school');
    const out = join(dir, 'school-filled-mupdf-nojs.pdf');
    const filled = fillWithMupdf(blank, out, false);
    const read = readBack(out, filled, true);
    // Fields of two or more lines whose value is longer than one line at 1 em a character.
    const tall = read.filter((r) => r.field.rect[3]! - r.field.rect[1]! > 40 && r.field.value.length * 14 > r.field.rect[2]! - r.field.rect[0]! + 14);
    expect(tall.length).toBeGreaterThan(10);
    for (const r of tall) {
      expect(r.lines, r.field.value).toBe(1);
      // Runs past the field's right edge (the field's clip hides the rest on screen and paper).
      expect(Math.max(...r.words.map((w) => w.right)), r.field.value).toBeGreaterThan(r.field.rect[2]! + 1);
    }
  }, 120_000);
});
