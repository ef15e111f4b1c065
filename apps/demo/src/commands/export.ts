/**
 * `liujin export <name>`: any installed exporter, by name (BUILTIN_EXPORTERS of @liujin/core, or a
 * package that provides `liujinExporter`), over the inputs every command reads. Without a name it
 * lists the exporters that are installed. `calendar`, `templates` and `audit` are friendlier
 * shortcuts over the same path (run-exporter.ts).
 */
import { problem } from '@liujin/core';
import { EXIT, InputError, type GlobalOptions } from '../runtime';
import { readPrevious } from './audit';
import { exportToFolder, installedExporters, loadExporter, runContext } from './run-exporter';
import { outputFor, parseNow, parseYear } from './common';

function parseOptionsJson(value: unknown): unknown {
  if (value === undefined) return {};
  try {
    return JSON.parse(String(value)) as unknown;
  } catch (error) {
    throw new InputError([problem('invalid_option', { zh: `--options：不是有效的 JSON：${(error as Error).message}`, en: `--options: not valid JSON: ${(error as Error).message}` }, { path: ['--options'] })]);
  }
}

export async function runExport(options: Record<string, unknown>, global: GlobalOptions): Promise<number> {
  const out = outputFor(global);
  const name = options.argument as string | undefined;
  if (name === undefined) {
    const exporters = await installedExporters();
    if (global.json) out.data(exporters.map((e) => ({ name: e.name, description: e.description })));
    else for (const e of exporters) out.info(`${e.name.padEnd(12)} ${e.description}`);
    return EXIT.ok;
  }
  const exporter = await loadExporter(name);
  if (!exporter) {
    const known = (await installedExporters()).map((e) => e.name);
    throw new InputError([problem('unknown_exporter', { zh: `未安装导出器「${name}」，已安装：${known.join('、')}`, en: `no exporter "${name}" is installed; installed: ${known.join(', ')}` }, { path: ['name'] })]);
  }
  const exporterOptions = parseOptionsJson(options.options);
  const now = parseNow(options.now);
  const year = parseYear(options.year, now);
  const previous = options.previous !== undefined ? await readPrevious(String(options.previous)) : undefined;
  // An exporter that can stream reads JSON Lines inputs as streams (`exportStreamed`): the audit of a city.
  const { context, inputs } = await runContext(exporter, options, out, { now, year, previous });
  const written = await exportToFolder({ exporter, context, options: exporterOptions, outDir: String(options.out), inputs: [...inputs, options.previous as string | undefined] }, out);
  if (global.json) out.data(written.map((w) => ({ path: w.path, bytes: w.bytes })));
  else for (const w of written) out.info(w.file);
  return EXIT.ok;
}
