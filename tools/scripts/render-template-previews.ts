/**
 * Renders the first page of each template (blank and pre-filled for the sample district) to PNG
 * with pdftoppm, for a person to look at: `npm run previews -w @liujin/scripts`.
 * Writes docs/images/templates/<kind>-<mode>.png.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, renameSync, writeFileSync } from 'node:fs';
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
  const unit = registry.units.find((u) => u.kind === kind && u.civilDefenseWorks && u.contacts);
  for (const mode of ['blank', 'prefilled'] as const) {
    const [file] = await collectArtefacts(exporter.export({ kind, mode, ...(mode === 'prefilled' && unit ? { units: [unit] } : {}), year, keyDates, district: registry.district, now }));
    const pdf = join(dir, `${kind}-${mode}.pdf`);
    writeFileSync(pdf, file!.content);
    execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', '-singlefile', pdf, join(dir, `${kind}-${mode}`)]);
    renameSync(join(dir, `${kind}-${mode}.png`), join(out, `${kind}-${mode}.png`));
  }
}
process.stdout.write(`previews written to ${out}\n`);
