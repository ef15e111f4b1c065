/**
 * Renders the templates (blank and pre-filled for the sample district) to PNG with pdftoppm, for a
 * person to look at: `npm run previews -w @liujin/scripts`. Writes
 * docs/images/templates/<kind>-<mode>.png (first page) and <kind>-pages.png (every page of the
 * pre-filled plan side by side, with ImageMagick's montage).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectArtefacts, keyDatesFor } from '@liujin/core';
import { sampleRegistry } from '@liujin/core/sample';
import { createPlanTemplateExporter } from '@liujin/pdf';
import { ROOT } from './licenses';

const registry = sampleRegistry();
const year = 2026;
const keyDates = keyDatesFor(year);
const now = new Date(Date.UTC(year, 0, 1));
const exporter = createPlanTemplateExporter();
const dir = mkdtempSync(join(tmpdir(), 'liujin-previews-'));
const out = join(ROOT, 'docs/images/templates');
for (const kind of ['school', 'enterprise', 'community'] as const) {
  const unit = registry.units.find((u) => u.kind === kind && u.civilDefenseWorks && u.contacts && (kind !== 'school' || u.routes));
  for (const mode of ['blank', 'prefilled'] as const) {
    const [file] = await collectArtefacts(exporter.export({ kind, mode, ...(mode === 'prefilled' && unit ? { units: [unit] } : {}), year, keyDates, district: registry.district, now }));
    const pdf = join(dir, `${kind}-${mode}.pdf`);
    writeFileSync(pdf, file!.content);
    execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', '-singlefile', pdf, join(dir, `${kind}-${mode}`)]);
    renameSync(join(dir, `${kind}-${mode}.png`), join(out, `${kind}-${mode}.png`));
    if (mode === 'prefilled') {
      execFileSync('pdftoppm', ['-r', '40', '-png', pdf, join(dir, `${kind}-page`)]);
      const pages = readdirSync(dir).filter((f) => f.startsWith(`${kind}-page`)).sort().map((f) => join(dir, f));
      execFileSync('montage', [...pages, '-tile', `${pages.length}x1`, '-geometry', '+4+4', '-background', '#dddddd', join(out, `${kind}-pages.png`)]);
    }
  }
}
process.stdout.write(`previews written to ${out}\n`);
