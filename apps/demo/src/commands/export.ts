/**
 * `liujin export <name>`: run an exporter by name and write what it yields. Today the one name is
 * `oscal`: the catalog as an OSCAL catalog and the year's audit as OSCAL assessment-results.
 */
import { problem, runAudit } from '@liujin/core';
import { writeArtefacts } from '../files';
import { loadActivitiesForAudit, loadCatalog, loadRegistry } from '../inputs';
import { EXIT, InputError, type GlobalOptions } from '../runtime';
import { checkRegion } from './dates';
import { asOfFor, outputFor, parseNow, parseYear } from './common';

export const EXPORTER_NAMES = ['oscal'] as const;

export async function runExport(options: Record<string, unknown>, global: GlobalOptions): Promise<number> {
  const out = outputFor(global);
  const now = parseNow(options.now);
  const year = parseYear(options.year, now);
  const region = checkRegion(String(options.region));
  const asOf = asOfFor(year, options['asOf'], now);
  const registryFile = options.registry as string | undefined;
  const activitiesFile = options.activities as string | undefined;
  if ((registryFile === undefined) !== (activitiesFile === undefined)) {
    throw new InputError([
      problem('invalid_option', { zh: '--registry 与 --activities 须同时给出（都不给则使用示例区）', en: '--registry and --activities go together (give neither for the sample district)' }, { path: ['--activities'] }),
    ]);
  }
  const [catalog, registry, { activities, setAside }] = await Promise.all([
    loadCatalog(options.catalog as string | undefined, options.tailoring as string | undefined, out),
    loadRegistry(registryFile, out),
    loadActivitiesForAudit(activitiesFile, year, out),
  ]);
  const { createOscalExporter } = await import('@liujin/oscal');
  const audit = await runAudit({ catalog, registry, activities, setAside, year, asOf, region });
  const exporter = createOscalExporter({ lang: out.lang });
  const written = await writeArtefacts(String(options.out), exporter.export({ catalog, audit, now }));
  if (global.json) out.data({ exporter: exporter.name, files: written.map((w) => w.path) });
  else for (const w of written) out.info(w.file);
  return EXIT.ok;
}
