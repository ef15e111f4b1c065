/**
 * Which units each plan template serves (DOMAIN.md): the school plan for schools (三（三）), the
 * enterprise plan for enterprises and industrial parks (三（四）), the community plan for
 * residential and village committees (三（五）).
 */
import type { Unit, UnitKind } from '@liujin/core';
import type { TemplateKind } from './content';

export const KINDS_OF_TEMPLATE: Readonly<Record<TemplateKind, readonly UnitKind[]>> = {
  school: ['school'],
  enterprise: ['enterprise', 'park'],
  community: ['community'],
};

/** The template kinds, in the order of the notice's clauses. */
export const TEMPLATE_KINDS = Object.keys(KINDS_OF_TEMPLATE) as readonly TemplateKind[];

/** The units of a registry a template of `kind` is pre-filled for, in registry order. */
export function unitsForTemplate(kind: TemplateKind, units: readonly Unit[]): Unit[] {
  return units.filter((u) => KINDS_OF_TEMPLATE[kind].includes(u.kind));
}
