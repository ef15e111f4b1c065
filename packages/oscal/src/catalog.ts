/**
 * A liujin requirement catalog as an OSCAL catalog: one group per sector of the notice (六进, 三（一）
 * to 三（六）, then the general requirements of 四 and the closing paragraph), one control per
 * requirement, the summary as the control's statement part and the notice's words as its
 * guidance, tailorable values as params, and clause, sector, target and the rest as props.
 */
import type { Catalog, Lang, Requirement } from '@liujin/core';
import { ROLE_LABELS, SECTOR_LABELS, describeDueRule } from '@liujin/core/plugin';
import { oscalString, oscalToken, stableUuid, uuidNamespace } from './ids';
import { OSCAL_VERSION, type OscalCatalog, type OscalControl, type OscalGroup, type OscalParameter, type OscalProperty } from './oscal-types';

/** Options every OSCAL document takes: language, property namespace and the timestamp. */
export interface OscalDocumentOptions {
  /** Language of titles and prose (OSCAL 1.0.6 documents carry one language). */
  lang: Lang;
  /** Written as `metadata.last-modified`: the same `now`, the same bytes. */
  now: Date;
  /** Namespace URI of liujin's own props (OSCAL asks for one on names it does not define). */
  namespace: string;
}

type CatalogSector = Requirement['sector'];

/** Group order: the six sectors in the notice's order, then the general requirements. */
const SECTOR_ORDER: readonly CatalogSector[] = [...(Object.keys(SECTOR_LABELS) as CatalogSector[]), 'general'];

// 四 of the notice is titled 有关要求. Core has no sector-label function for "general" yet (issue #16 asks
// for one); switch to it when it lands.
function sectorTitle(sector: CatalogSector, lang: Lang): string {
  return sector === 'general' ? (lang === 'zh' ? '有关要求' : 'General requirements') : SECTOR_LABELS[sector][lang];
}

/** The statement part's id of a requirement's control: the target of assessment-results findings. */
export function statementId(requirementId: string): string {
  return `${oscalToken(requirementId)}_smt`;
}

function parameterId(requirementId: string, name: string): string {
  return `${oscalToken(requirementId)}_prm_${oscalToken(name)}`;
}

export function liujinProp(namespace: string, name: string, value: string | number, extra: Partial<OscalProperty> = {}): OscalProperty {
  return { name, ns: namespace, value: oscalString(String(value)), ...extra };
}

function parameter(id: string, name: string, value: string | number | boolean, where: string, options: OscalDocumentOptions): OscalParameter {
  const zh = options.lang === 'zh';
  return {
    id,
    class: 'tailorable',
    props: [liujinProp(options.namespace, 'value-type', typeof value)],
    label: name,
    guidelines: [{ prose: zh ? `可在裁剪文件中调整：${where}` : `Adjustable in a tailoring file: ${where}` }],
    values: [oscalString(String(value))],
  };
}

function control(req: Requirement, options: OscalDocumentOptions): OscalControl {
  const { lang, namespace } = options;
  const p = (name: string, value: string | number, extra?: Partial<OscalProperty>) => liujinProp(namespace, name, value, extra);
  const props: OscalProperty[] = [
    p('clause', req.clause),
    p('sector', req.sector),
    ...(req.target !== undefined ? [p('target', req.target, { class: 'share-of-applicable-units' })] : []),
    p('cadence', req.cadence),
    p('measure', req.measure),
    p('due', describeDueRule(req.due, lang), { class: req.due.type }),
    ...req.responsibleRoles.map((role) => p('responsible-role', role)),
    ...req.evidenceKinds.map((kind) => p('evidence-kind', kind)),
  ];
  const params = Object.entries(req.parameters ?? {}).map(([name, value]) => parameter(parameterId(req.id, name), name, value, `parameters."${req.id}".${name}`, options));
  return {
    id: oscalToken(req.id),
    class: 'requirement',
    title: oscalString(req.title[lang]),
    ...(params.length > 0 ? { params } : {}),
    props,
    parts: [
      { id: statementId(req.id), name: 'statement', prose: req.summary[lang] },
      ...(req.basis ? [{ id: `${oscalToken(req.id)}_gdn`, name: 'guidance', prose: lang === 'zh' ? `通知原文：「${req.basis}」` : `The notice: 「${req.basis}」` }] : []),
    ],
  };
}

function group(sector: CatalogSector, requirements: readonly Requirement[], options: OscalDocumentOptions): OscalGroup {
  return {
    id: oscalToken(sector),
    class: 'sector',
    title: sectorTitle(sector, options.lang),
    ...(sector !== 'general' ? { props: [liujinProp(options.namespace, 'clause', SECTOR_LABELS[sector].clause)] } : {}),
    controls: requirements.map((req) => control(req, options)),
  };
}

/** The UUID of the back-matter resource that cites the source notice (the same in both documents). */
function sourceResourceUuid(catalog: Catalog, namespace: string): string {
  return stableUuid(uuidNamespace(namespace), 'source', catalog.source.document);
}

export function sourceResource(catalog: Catalog, namespace: string) {
  const { document, issuer, date } = catalog.source;
  return {
    uuid: sourceResourceUuid(catalog, namespace),
    title: oscalString(document),
    citation: { text: `${issuer}，${document}，${date}` },
    props: [liujinProp(namespace, 'source-date', date)],
  };
}

/** The catalog as an OSCAL 1.0.6 catalog document (`{ catalog: ... }`). */
export function catalogToOscal(catalog: Catalog, options: OscalDocumentOptions): { catalog: OscalCatalog } {
  const { lang, namespace } = options;
  const bySector = new Map<CatalogSector, Requirement[]>();
  for (const req of catalog.requirements) {
    const list = bySector.get(req.sector);
    if (list) list.push(req);
    else bySector.set(req.sector, [req]);
  }
  const roles = [...new Set(catalog.requirements.flatMap((r) => r.responsibleRoles))].sort();
  const catalogParams = Object.entries(catalog.parameters ?? {}).map(([name, value]) => parameter(oscalToken(`${catalog.id}_prm_${name}`), name, value, `parameters.${name}`, options));
  return {
    catalog: {
      // From the content (and the language written): a changed catalog is a new document.
      uuid: stableUuid(uuidNamespace(namespace), 'catalog', lang, JSON.stringify(catalog)),
      metadata: {
        title: oscalString(catalog.title[lang]),
        'last-modified': options.now.toISOString(),
        version: oscalString(catalog.version),
        'oscal-version': OSCAL_VERSION,
        props: [liujinProp(namespace, 'catalog-id', catalog.id), liujinProp(namespace, 'source-document', catalog.source.document), liujinProp(namespace, 'language', lang)],
        links: [{ href: `#${sourceResourceUuid(catalog, namespace)}`, rel: 'source', text: catalog.source.document }],
        roles: roles.map((role) => ({ id: oscalToken(role), title: oscalString(ROLE_LABELS[role][lang]) })),
      },
      ...(catalogParams.length > 0 ? { params: catalogParams } : {}),
      groups: SECTOR_ORDER.filter((s) => bySector.has(s)).map((s) => group(s, bySector.get(s)!, options)),
      'back-matter': { resources: [sourceResource(catalog, namespace)] },
    },
  };
}
