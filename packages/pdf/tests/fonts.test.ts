/** Where the fonts come from (docs/templates.md "Fonts"), and Chinese output from each source. */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectArtefacts, keyDatesFor } from '@liujin/core';
import { sampleRegistry } from '@liujin/core/sample';
import { describe, expect, it } from 'vitest';
import { FONT_DIR_ENV, FONT_FILES, FontsNotFoundError, createPlanTemplateExporter, resolveFontPaths, type PlanTemplateOptions } from '../src/index';
import { runTool } from '../../../tools/config/system-tools';

const dir = mkdtempSync(join(tmpdir(), 'liujin-pdf-fonts-'));
const registry = sampleRegistry();
const school = registry.units.find((u) => u.kind === 'school' && u.routes)!;
const run = (cmd: string, args: string[]) => runTool(cmd, args);

async function plan(fonts: PlanTemplateOptions['fonts']) {
  const [file] = await collectArtefacts(createPlanTemplateExporter({ fonts }).export({ kind: 'school', mode: 'prefilled', units: [school], year: 2026, keyDates: keyDatesFor(2026), district: registry.district, now: new Date('2026-01-05T00:00:00Z') }));
  const path = join(dir, `plan-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(path, file!.content);
  return path;
}

describe('font resolution', () => {
  const found = resolveFontPaths(undefined, {});
  it('finds the three faces without configuration (the font package or, in a checkout, the development packages)', () => {
    for (const path of Object.values(found)) expect(existsSync(path.replace(/#.*$/, '')), path).toBe(true);
  });

  it('takes a directory from the option, else from LIUJIN_FONT_DIR, and never silently replaces an explicit choice', () => {
    const own = join(dir, 'own');
    mkdirSync(own, { recursive: true });
    copyFileSync(found.serif, join(own, FONT_FILES.serif));
    copyFileSync(found.serifBold, join(own, FONT_FILES.serifBold));
    copyFileSync(found.sansBold, join(own, FONT_FILES.sansBold));
    expect(resolveFontPaths(own, {}).serif).toBe(join(own, FONT_FILES.serif));
    expect(resolveFontPaths(undefined, { [FONT_DIR_ENV]: own }).sansBold).toBe(join(own, FONT_FILES.sansBold));
    expect(() => resolveFontPaths(join(dir, 'missing'), {})).toThrow(FontsNotFoundError);
    expect(() => resolveFontPaths(undefined, { [FONT_DIR_ENV]: join(dir, 'missing') })).toThrow(/LIUJIN_FONT_DIR/);
    // The option wins over the variable.
    expect(resolveFontPaths(own, { [FONT_DIR_ENV]: join(dir, 'missing') }).serif).toBe(join(own, FONT_FILES.serif));
  });

  it.runIf(existsSync('/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc'))('prints correct Chinese with the system Noto CJK collections (CFF faces in .ttc files)', async () => {
    const base = '/usr/share/fonts/opentype/noto';
    const file = await plan({ serif: `${base}/NotoSerifCJK-Regular.ttc#NotoSerifCJKsc-Regular`, serifBold: `${base}/NotoSerifCJK-Bold.ttc#NotoSerifCJKsc-Bold`, sansBold: `${base}/NotoSansCJK-Bold.ttc#NotoSansCJKsc-Bold` });
    expect(run('qpdf', ['--check', file])).toContain('No syntax or stream encoding errors');
    const fonts = run('pdffonts', [file]);
    expect(fonts).toContain('NotoSerifCJKsc-Regular');
    for (const row of fonts.trim().split('\n').slice(2)) expect(row, row).toMatch(/\byes\s+yes\s+yes\b/);
    const text = run('pdftotext', [file, '-']);
    for (const value of ['学校人民防空紧急疏散行动方案', '一、基本情况', school.name, '2026-09-18']) expect(text, value).toContain(value);
  });
});
