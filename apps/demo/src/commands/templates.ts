/** `liujin templates`: a shortcut over `liujin export templates` (run-exporter.ts), one kind at a time. */
import { EXIT, type GlobalOptions } from '../runtime';
import { builtinExporter, exportContext, exportToFolder } from './run-exporter';
import { outputFor, parseNow, parseYear } from './common';

export async function runTemplates(options: Record<string, unknown>, global: GlobalOptions): Promise<number> {
  const out = outputFor(global);
  const now = parseNow(options.now);
  const year = parseYear(options.year, now);
  const kind = String(options.kind);
  const unit = options.unit === undefined ? undefined : String(options.unit);
  const all = Boolean(options.all);
  const { context, inputs } = await exportContext(options, out, { now, year });
  // Characters no bundled font has are printed as 〓: warned about as they happen and counted here (issue #21).
  const substitutions: Readonly<Record<string, string>>[] = [];
  context.onWarning = (warning) => {
    if (warning.code === 'glyph_substituted' && warning.detail) substitutions.push(warning.detail);
  };
  // Without --unit or --all, a blank template is what the user asked for; `all` with no unit of the kind gives the blank too.
  const { unitsForTemplate } = await import('@liujin/pdf');
  const prefills = unit !== undefined || (all && unitsForTemplate(kind as 'school', context.registry.units).length > 0);
  const blank = Boolean(options.blank) || !prefills;
  const templateOptions = { kinds: [kind], blank, units: unit !== undefined ? [unit] : all ? 'all' : 'none', index: all };
  // The set a run owns: a later run of another mode (one unit, all, blank) never removes this one's files.
  const set = `templates:${kind}:${unit !== undefined ? `unit:${unit}` : all ? 'all' : 'blank'}${blank && prefills ? '+blank' : ''}`;
  const written = await exportToFolder(
    {
      exporter: await builtinExporter('templates'),
      context,
      options: templateOptions,
      flags: { kinds: '--kind', units: '--unit' },
      progress: { label: { zh: `预案（${kind}）`, en: `plans (${kind})` }, total: prefills ? context.registry.units.length : 1 },
      outDir: String(options.out),
      set,
      inputs,
    },
    out,
  );
  if (global.json) out.data({ files: written.map((w) => ({ path: w.path, bytes: w.bytes })), substitutions });
  else for (const w of written) out.info(w.file);
  if (substitutions.length > 0) {
    const chars = [...new Set(substitutions.map((s) => s.character))].join('');
    out.warn(out.lang === 'zh' ? `共 ${substitutions.length} 处字符印为〓（${chars}）${options.strict ? '；--strict：退出码 1' : ''}` : `${substitutions.length} characters printed as 〓 (${chars})${options.strict ? '; --strict: exit code 1' : ''}`);
    if (options.strict) return EXIT.targetNotMet;
  }
  return EXIT.ok;
}
