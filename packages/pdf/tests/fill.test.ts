/**
 * Filling every field with realistic long Chinese text, as a user's viewer does: pdf.js (the PDF
 * viewer of Firefox and many web apps) writes each field's appearance on save; poppler then reads
 * the words back with their boxes. Every value is found whole inside its own field, wrapped over
 * the field's lines, and no glyph leaves the text block (issue #21).
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
import { PAGE, createPlanTemplateExporter } from '../src/index';

const KEEP = process.env.LIUJIN_KEEP_FILLED;

const require = createRequire(import.meta.url);
const dir = mkdtempSync(join(tmpdir(), 'liujin-pdf-fill-'));
const TEXT = '青浦区朱家角镇沙家埭路十八号东方绿舟教育基地三号楼由东侧楼梯下至一楼经食堂门口向北穿过操场到达北门外人防工程入口负责人王建国联系电话一三九一二三四五六七八';

interface Filled { page: number; rect: number[]; value: string }

async function fillWithPdfJs(input: string, output: string): Promise<Filled[]> {
  const pdfjs = (await import('pdfjs-dist/legacy/build/pdf.mjs')) as typeof PdfJs;
  const base = require.resolve('pdfjs-dist/package.json').replace(/package\.json$/, '');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(input)), cMapUrl: `${base}cmaps/`, cMapPacked: true, standardFontDataUrl: `${base}standard_fonts/`, verbosity: 0 }).promise;
  const filled: Filled[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    for (const a of (await page.getAnnotations()) as { id: string; fieldType?: string; rect: number[] }[]) {
      if (a.fieldType !== 'Tx') continue;
      const [x0, y0, x1, y1] = a.rect as [number, number, number, number];
      // As much text as the field holds at its 12-14 pt: two or three lines in the tall fields.
      const perLine = Math.floor((x1 - x0 - 4) / 15);
      const lines = Math.max(1, Math.floor((y1 - y0) / 17));
      const n = filled.length;
      const value = `${n}${TEXT.slice(n % 20)}`.slice(0, Math.max(2, perLine * lines - 1));
      doc.annotationStorage.setValue(a.id, { value });
      filled.push({ page: p, rect: a.rect, value });
    }
  }
  writeFileSync(output, await doc.saveDocument());
  await doc.destroy();
  return filled;
}

describe('every field filled with long Chinese text (pdf.js)', () => {
  it.each(['school', 'enterprise', 'community'] as const)('%s: each value whole, wrapped inside its field', async (kind) => {
    const registry = sampleRegistry();
    const [file] = await collectArtefacts(createPlanTemplateExporter().export({ kind, mode: 'blank', year: 2026, keyDates: keyDatesFor(2026), district: registry.district, now: new Date('2026-01-05T00:00:00Z') }));
    const blank = join(dir, `${kind}.pdf`);
    const out = join(dir, `${kind}-filled.pdf`);
    writeFileSync(blank, file!.content);
    const filled = await fillWithPdfJs(blank, out);
    if (KEEP) writeFileSync(join(KEEP, `${kind}-filled.pdf`), readFileSync(out));
    expect(filled.length).toBeGreaterThan(60);
    const bbox = execFileSync('pdftotext', ['-bbox', out, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const pages = bbox.split('<page ').slice(1);
    const height = PAGE.height;
    let wrapped = 0;
    for (const f of filled) {
      const [x0, y0, x1, y1] = f.rect as [number, number, number, number];
      // Words whose centre lies in the field (pdftotext measures from the top, PDF from the bottom).
      const words = [...pages[f.page - 1]!.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g)]
        .map((m) => ({ right: Number(m[3]), left: Number(m[1]), x: (Number(m[1]) + Number(m[3])) / 2, y: height - (Number(m[2]) + Number(m[4])) / 2, top: Number(m[2]), text: m[5]! }))
        .filter((w) => w.x > x0 && w.x < x1 && w.y > y0 && w.y < y1);
      expect(words.map((w) => w.text).join(''), `${f.value} in ${f.rect.join(',')}`).toBe(f.value);
      if (new Set(words.map((w) => Math.round(w.top))).size > 1) wrapped++;
      // Wrapped, not run on: every line stays within the field's width.
      for (const w of words) expect(w.left >= x0 - 1 && w.right <= x1 + 1, `${w.text} beyond ${x0}-${x1}`).toBe(true);
    }
    // The tall fields (address, route, duty, revision cells) hold their text over several lines.
    expect(wrapped).toBeGreaterThan(10);
    expect(execFileSync('qpdf', ['--check', out], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors');
  }, 120_000);
});
