/** The plan-template exporter (the Exporter contract of @liujin/core). */
import { z } from 'zod';
import type { Artefact, Exporter, KeyDate, Unit } from '@liujin/core';
import { fileNameForId, resolveExporterOptions, safeFileSegment, truncateBytes } from '@liujin/core/plugin';
import { TEMPLATE_TITLES, writePlan, type TemplateKind } from './content';
import { PlanDocument } from './document';
import { fonts } from './fonts';

/**
 * Options of the template exporter (zod schema): missing-glyph policy, PDF/A, fillable fields, author, message language.
 */
export const PlanTemplateOptions = z
  .object({
    /** Characters outside the fonts: print the declared fallback 〓 (default), or fail with MissingGlyphError. */
    onMissingGlyph: z.enum(['substitute', 'error']).default('substitute'),
    /** Write PDF/A-2b (archival) files. */
    pdfa: z.boolean().default(false),
    /** Make every blank a fillable text field (AcroForm); its ruled line still prints when empty. */
    fillable: z.boolean().default(true),
    author: z.string().max(200).default('liujin'),
    /** Also yield templates/<kind>/index.json: which file holds each unit's plan (names come from ids alone). */
    index: z.boolean().default(false),
    /** Messages only; the templates themselves are Chinese documents. */
    lang: z.enum(['zh', 'en']).default('zh'),
    /** Where the fonts come from: a directory or one file per face (see fonts.ts for the order). */
    fonts: z.union([z.string().min(1), z.object({ serif: z.string().min(1), serifBold: z.string().min(1), sansBold: z.string().min(1) }).strict()]).optional(),
  })
  .strict();
/** The template exporter's options with defaults filled in. */
export type PlanTemplateOptions = z.output<typeof PlanTemplateOptions>;

/**
 * What the template exporter renders: the template kind, blank or pre-filled for units, the year and its key dates, and `now`.
 */
export interface PlanTemplateInput {
  kind: TemplateKind;
  /** `blank`: one template with space to fill in; `prefilled`: one plan per unit. */
  mode: 'blank' | 'prefilled';
  units?: readonly Unit[];
  year: number;
  /** The year's key dates (siren test times, drill days), from `keyDatesFor`. */
  keyDates?: readonly KeyDate[];
  district?: { name: string; synthetic?: boolean };
  now: Date;
  /** Told of every character printed as the fallback 〓: the unit, the field and the character. */
  onSubstitution?: (substitution: GlyphSubstitution) => void;
}

/** A character no bundled face has, printed as 〓 (issue #21: never silently). */
export interface GlyphSubstitution {
  unitId?: string;
  unitName?: string;
  /** The field or section label the character was in. */
  field: string;
  character: string;
  /** E.g. U+20000. */
  codePoint: string;
}

/**
 * Creates the template exporter: evacuation-plan templates as PDF (`templates/<kind>-blank.pdf`, or one file per unit under `templates/<kind>/`).
 * @throws ExporterOptionsError when `options` do not match {@link PlanTemplateOptions}.
 */
export function createPlanTemplateExporter(options?: z.input<typeof PlanTemplateOptions>): Exporter<PlanTemplateInput, PlanTemplateOptions> {
  const resolved = resolveExporterOptions('pdf', PlanTemplateOptions, options);
  const render = async (input: PlanTemplateInput, unit: Unit | undefined) => {
    const document = new PlanDocument(
      fonts(resolved.fonts),
      { title: `${unit ? `${unit.name} ` : ''}${TEMPLATE_TITLES[input.kind]}（${input.year}）`, subject: '青国动〔2024〕10号', author: resolved.author, now: input.now, pdfa: resolved.pdfa, form: resolved.fillable },
      resolved.onMissingGlyph,
    );
    writePlan(document, { kind: input.kind, year: input.year, ...(unit ? { unit } : {}), ...(input.keyDates ? { keyDates: input.keyDates } : {}), ...(input.district ? { district: input.district } : {}) });
    const bytes = await document.finish();
    for (const { where, character } of document.substituted) {
      input.onSubstitution?.({ ...(unit ? { unitId: unit.id, unitName: unit.name } : {}), field: where, character, codePoint: `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` });
    }
    return bytes;
  };
  return {
    name: 'pdf',
    description: 'Evacuation-plan templates for schools, enterprises and communities, blank or pre-filled, as PDF',
    optionsSchema: PlanTemplateOptions,
    options: resolved,
    async *export(input: PlanTemplateInput): AsyncIterable<Artefact> {
      if (input.mode === 'blank') {
        yield { path: `templates/${input.kind}-blank.pdf`, mediaType: 'application/pdf', content: await render(input, undefined) };
        return;
      }
      const index: { id: string; name: string; file: string }[] = [];
      for (const unit of input.units ?? []) {
        // The part before the first space is decided by the id alone (fileNameForId never puts a
        // space in it), so names never collide; the unit's name after it helps a person find the file.
        const path = `templates/${input.kind}/${fileNameForId(unit.id, 120)} ${truncateBytes(safeFileSegment(unit.name, 40), 90).trim() || '_'}.pdf`;
        index.push({ id: unit.id, name: unit.name, file: path });
        yield { path, mediaType: 'application/pdf', content: await render(input, unit) };
      }
      if (resolved.index && index.length > 0) yield { path: `templates/${input.kind}/index.json`, mediaType: 'application/json', content: `${JSON.stringify({ units: index }, null, 2)}\n` };
    },
  };
}
