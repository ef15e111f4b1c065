import type { Requirement } from '@liujin/core';
import { sectorLabel } from '@liujin/core/plugin';
import { loadCatalog } from '../inputs';
import { EXIT, type GlobalOptions } from '../runtime';
import { outputFor } from './common';

export async function runCatalog(options: Record<string, unknown>, global: GlobalOptions): Promise<number> {
  const out = outputFor(global);
  const catalog = await loadCatalog(options.catalog as string | undefined, options.tailoring as string | undefined, out, options.settings as string | undefined);
  const sector = options.sector as Requirement['sector'] | undefined;
  const requirements = catalog.requirements.filter((r) => sector === undefined || r.sector === sector);
  if (global.json) {
    out.data(requirements);
    return EXIT.ok;
  }
  out.info(out.color.bold(`${catalog.title[global.lang]} (${catalog.source.document}) — ${requirements.length}`));
  let current = '';
  for (const r of requirements) {
    if (r.sector !== current) {
      current = r.sector;
      const label = sectorLabel(r.sector, global.lang);
      out.info(`\n${out.color.bold(label)}`);
    }
    const target = r.target !== undefined ? `  ${global.lang === 'zh' ? '目标' : 'target'} ${Math.round(r.target * 100)}%` : '';
    out.info(`  ${r.clause.padEnd(6, '　')} ${r.id}  ${r.title[global.lang]}${out.color.dim(target)}`);
  }
  return EXIT.ok;
}
