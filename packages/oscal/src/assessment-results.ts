/**
 * A liujin coverage audit as OSCAL assessment-results: one result for the audit (the year, judged
 * as of a date), one observation per unit and requirement (the reason in words and the activity
 * records used as evidence), one finding per requirement and group of units sharing a status, and
 * reviewed-controls pointing at the OSCAL catalog written beside it (catalog.json, with its hash).
 *
 * OSCAL knows two target states. liujin's statuses map onto them with the status itself as the
 * reason, so nothing is lost and nothing not yet due reads as a failure (docs/plugins.md):
 * met -> satisfied/pass; not-met -> not-satisfied/fail; pending, not-assessed and waived ->
 * not-satisfied with reason `pending`, `not-assessed` or `waived` (never `fail`).
 */
import { DEFAULT_REGION, getRegionProfile, type AuditResult, type Catalog, type Status } from '@liujin/core';
import { STATUS_LABELS } from '@liujin/core/plugin';
import { liujinProp, sourceResource, statementId, type OscalDocumentOptions } from './catalog';
import { oscalString, oscalToken, stableUuid, uuidNamespace } from './ids';
import { OSCAL_VERSION, type OscalAssessmentResults, type OscalFinding, type OscalObservation, type OscalParty } from './oscal-types';
import { localDateTime } from './time';

/** The audit and the catalog it was judged against do not belong together (a misuse, named). */
export class OscalInputError extends Error {
  override readonly name = 'OscalInputError';
}

/** Statuses in the order findings are listed (not-applicable results are not part of an audit). */
const FINDING_STATUSES: readonly Status[] = ['met', 'not-met', 'pending', 'not-assessed', 'waived'];

const TARGET_STATE: Readonly<Record<Status, { state: 'satisfied' | 'not-satisfied'; reason: string }>> = {
  met: { state: 'satisfied', reason: 'pass' },
  'not-met': { state: 'not-satisfied', reason: 'fail' },
  pending: { state: 'not-satisfied', reason: 'pending' },
  'not-assessed': { state: 'not-satisfied', reason: 'not-assessed' },
  waived: { state: 'not-satisfied', reason: 'waived' },
  'not-applicable': { state: 'not-satisfied', reason: 'not-applicable' },
};

/** Options of `auditToOscal`: the catalog document it points at, besides the common ones. */
export interface AssessmentResultsOptions extends OscalDocumentOptions {
  /** Where the OSCAL catalog sits relative to this document, and the SHA-256 of its bytes. */
  catalogDocument: { href: string; sha256: string };
}

const percent = (share: number | null) => (share === null ? '-' : `${Math.round(share * 1000) / 10}%`);

function checkFits(audit: AuditResult, catalog: Catalog): void {
  if (audit.catalog.id !== catalog.id || audit.catalog.version !== catalog.version) {
    throw new OscalInputError(`the audit was judged against catalog ${audit.catalog.id} ${audit.catalog.version}, not ${catalog.id} ${catalog.version}`);
  }
  const ids = new Set(catalog.requirements.map((r) => r.id));
  const unknown = audit.byRequirement.find((r) => !ids.has(r.requirementId));
  if (unknown) throw new OscalInputError(`the audit names requirement ${unknown.requirementId}, which the catalog does not hold`);
}

/** The audit as an OSCAL 1.0.6 assessment-results document (`{ "assessment-results": ... }`). */
export function auditToOscal(audit: AuditResult, catalog: Catalog, options: AssessmentResultsOptions): { 'assessment-results': OscalAssessmentResults } {
  checkFits(audit, catalog);
  const { lang, namespace } = options;
  const zh = lang === 'zh';
  const ns = uuidNamespace(namespace);
  const p = (name: string, value: string | number, extra?: Parameters<typeof liujinProp>[3]) => liujinProp(namespace, name, value, extra);
  const subject = [audit.district.id, audit.year, catalog.id] as const;
  const timeZone = (getRegionProfile(audit.region) ?? getRegionProfile(DEFAULT_REGION)!).timeZone;
  const start = localDateTime(`${audit.year}-01-01`, '00:00:00', timeZone);
  const end = localDateTime(audit.asOf, '23:59:59', timeZone);
  const requirements = new Map(catalog.requirements.map((r) => [r.id, r]));

  const districtUuid = stableUuid(ns, 'party', audit.district.id);
  const unitUuid = (unitId: string) => stableUuid(ns, 'party', audit.district.id, unitId);
  const parties: OscalParty[] = [
    { uuid: districtUuid, type: 'organization', name: oscalString(audit.district.name), props: [p('district-id', audit.district.id), ...(audit.district.synthetic ? [p('synthetic', 'true')] : [])] },
    ...audit.units.map((u): OscalParty => ({
      uuid: unitUuid(u.unitId),
      type: 'organization',
      name: oscalString(u.name),
      props: [p('unit-id', u.unitId), p('unit-kind', u.kind), ...(u.town ? [p('town', u.town)] : [])],
      'member-of-organizations': [districtUuid],
    })),
  ];

  const observations: OscalObservation[] = [];
  /** Observation UUIDs by requirement id and status, in unit order. */
  const groups = new Map<string, string[]>();
  for (const unit of audit.units) {
    for (const r of unit.results) {
      const uuid = stableUuid(ns, 'observation', ...subject, unit.unitId, r.requirementId);
      const title = requirements.get(r.requirementId)?.title[lang] ?? r.requirementId;
      observations.push({
        uuid,
        title: oscalString(`${unit.name}${zh ? '：' : ': '}${title}`),
        description: r.reason[lang],
        props: [p('unit-id', unit.unitId), p('requirement-id', r.requirementId), p('status', r.status), p('reason-code', r.reasonCode), ...(r.dueDate ? [p('due-date', r.dueDate)] : [])],
        methods: ['EXAMINE'],
        types: ['control-objective'],
        subjects: [{ 'subject-uuid': unitUuid(unit.unitId), type: 'party', title: oscalString(unit.name) }],
        ...(r.evidence.length > 0
          ? { 'relevant-evidence': r.evidence.map((id) => ({ description: zh ? `活动记录 ${id}` : `activity record ${id}`, props: [p('activity-id', id)] })) }
          : {}),
        collected: end,
        ...(r.waiver ? { remarks: `${zh ? '豁免理由' : 'Waiver'}: ${r.waiver.justification} (${zh ? '有效至' : 'until'} ${r.waiver.expires})` } : {}),
      });
      const key = `${r.requirementId}|${r.status}`;
      const group = groups.get(key);
      if (group) group.push(uuid);
      else groups.set(key, [uuid]);
    }
  }

  const findings: OscalFinding[] = [];
  for (const cov of audit.byRequirement) {
    for (const status of FINDING_STATUSES) {
      const members = groups.get(`${cov.requirementId}|${status}`);
      if (!members) continue;
      const label = STATUS_LABELS[status][lang];
      const title = cov.title[lang];
      findings.push({
        uuid: stableUuid(ns, 'finding', ...subject, cov.requirementId, status),
        title: oscalString(zh ? `${title}：${label}（${members.length} 个单位）` : `${title}: ${label} (${members.length} ${members.length === 1 ? 'unit' : 'units'})`),
        description: zh
          ? `${cov.applicable} 个适用单位中 ${members.length} 个「${label}」；覆盖率 ${percent(cov.share)}（已完成 ${cov.met} / 应完成 ${cov.denominator}）${cov.target !== null ? `，目标 ${percent(cov.target)}` : ''}。`
          : `${members.length} of ${cov.applicable} applicable units ${label.toLowerCase()}; coverage ${percent(cov.share)} (met ${cov.met} of ${cov.denominator} due)${cov.target !== null ? `, target ${percent(cov.target)}` : ''}.`,
        props: [
          p('requirement-id', cov.requirementId),
          p('status', status),
          p('unit-count', members.length),
          p('applicable', cov.applicable),
          ...(cov.share !== null ? [p('share', cov.share)] : []),
          ...(cov.target !== null ? [p('target', cov.target)] : []),
          ...(cov.targetMet !== null ? [p('target-met', String(cov.targetMet))] : []),
        ],
        target: { type: 'statement-id', 'target-id': statementId(cov.requirementId), title: oscalString(title), status: TARGET_STATE[status] },
        'related-observations': members.map((uuid) => ({ 'observation-uuid': uuid })),
      });
    }
  }

  const catalogResource = stableUuid(ns, 'resource', 'catalog', catalog.id, catalog.version, lang);
  const title = zh ? `${audit.district.name} ${audit.year} 年“六进”工作覆盖率审计（截至 ${audit.asOf}）` : `${audit.district.name}: "six into" coverage audit ${audit.year} (as of ${audit.asOf})`;
  return {
    'assessment-results': {
      // From the content: a changed audit is a new document; findings and observations keep theirs.
      uuid: stableUuid(ns, 'assessment-results', lang, options.catalogDocument.sha256, JSON.stringify(audit)),
      metadata: {
        title: oscalString(title),
        'last-modified': options.now.toISOString(),
        version: oscalString(`${audit.year} as of ${audit.asOf}`),
        'oscal-version': OSCAL_VERSION,
        props: [p('region', audit.region), p('language', lang)],
        roles: [{ id: 'assessor', title: oscalString(zh ? '区国动办（审计方）' : 'District defence-mobilisation office (assessor)') }],
        parties,
        'responsible-parties': [{ 'role-id': 'assessor', 'party-uuids': [districtUuid] }],
        ...(audit.district.synthetic ? { remarks: zh ? '示例区：虚构数据，仅供演示。' : 'Sample district: synthetic data, for demonstration only.' } : {}),
      },
      'import-ap': {
        href: `#${catalogResource}`,
        remarks: zh
          ? '没有单独的 OSCAL 评估计划：审计按目录的每项要求评估登记表中的每个适用单位（docs/audit.md）。'
          : 'No separate OSCAL assessment plan: the audit judges every applicable unit of the registry against each requirement of the catalog (docs/audit.md).',
      },
      results: [
        {
          uuid: stableUuid(ns, 'result', ...subject, audit.asOf),
          title: oscalString(title),
          description: zh
            ? `按 ${catalog.source.document} 的要求目录（${catalog.id} ${catalog.version}）评估 ${audit.units.length} 个单位；已完成/全部适用单位 ${percent(audit.overall.shareOfAll)}，已到期工作完成率 ${percent(audit.overall.share)}。`
            : `${audit.units.length} units judged against the catalog of ${catalog.source.document} (${catalog.id} ${catalog.version}); met / all applicable units ${percent(audit.overall.shareOfAll)}, share of the work already due ${percent(audit.overall.share)}.`,
          start,
          end,
          props: [
            p('year', audit.year),
            p('as-of', audit.asOf),
            ...(audit.overall.share !== null ? [p('overall-share', audit.overall.share)] : []),
            p('activities-total', audit.activities.total),
            p('activities-used', audit.activities.used),
            p('activities-unmatched', audit.activities.unmatched),
          ],
          'reviewed-controls': {
            description: zh ? `目录 ${catalog.id} ${catalog.version} 中本次审计评估的要求。` : `The requirements of catalog ${catalog.id} ${catalog.version} this audit judged.`,
            links: [{ href: options.catalogDocument.href, rel: 'catalog', 'media-type': 'application/oscal.catalog+json', text: oscalString(catalog.title[lang]) }],
            'control-selections': [{ 'include-controls': audit.byRequirement.map((r) => ({ 'control-id': oscalToken(r.requirementId) })) }],
          },
          ...(observations.length > 0 ? { observations } : {}),
          ...(findings.length > 0 ? { findings } : {}),
        },
      ],
      'back-matter': {
        resources: [
          {
            uuid: catalogResource,
            title: oscalString(catalog.title[lang]),
            props: [p('catalog-id', catalog.id), p('catalog-version', catalog.version)],
            rlinks: [{ href: options.catalogDocument.href, 'media-type': 'application/oscal.catalog+json', hashes: [{ algorithm: 'SHA-256', value: options.catalogDocument.sha256 }] }],
          },
          sourceResource(catalog, namespace),
        ],
      },
    },
  };
}
