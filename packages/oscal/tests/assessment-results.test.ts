import { createHash } from 'node:crypto';
import { QINGPU_2024_CATALOG, collectArtefacts, runAudit, type Activity, type Registry } from '@liujin/core';
import { sampleActivities, sampleRegistry } from '@liujin/core/sample';
import { SMALL_DISTRICT, SMALL_DISTRICT_ACTIVITIES, arbitraryActivities, arbitraryNow, arbitraryRegistry, testExporterConformance } from '@liujin/core/testing';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { OSCAL_PATHS, OscalInputError, createOscalExporter, type OscalAssessmentResults, type OscalCatalog } from '../src/index';
import { assessmentResultsErrors, catalogErrors } from './oscal-schema';

/**
 * The small district of the audit tests (@liujin/core/testing), with a name padded and broken over
 * lines (OSCAL titles are trimmed and kept on one line), and only the rows that are evidence.
 */
const registry: Registry = { ...SMALL_DISTRICT, units: SMALL_DISTRICT.units.map((u) => (u.id === 's2' ? { ...u, name: ' <script>alert(1)</script>\n学校 ' } : u)) };
const activities: Activity[] = SMALL_DISTRICT_ACTIVITIES.filter((x) => x.unitId !== 'x9' && x.source?.row !== 5).map(({ source: _source, ...rest }) => rest);
const a = (unitId: string, kind: Activity['kind'], date: string, extra: Partial<Activity> = {}): Activity => ({ unitId, kind, date, reference: 'r', ...extra });
const NOW = new Date('2026-12-31T08:00:00Z');

type Docs = { catalogJson: string; catalog: { catalog: OscalCatalog }; results: { 'assessment-results': OscalAssessmentResults }; resultsJson: string };
async function exportBoth(input: { registry: Registry; activities: readonly Activity[]; asOf: string }, lang: 'zh' | 'en' = 'zh'): Promise<Docs> {
  const audit = await runAudit({ catalog: QINGPU_2024_CATALOG, registry: input.registry, activities: input.activities, year: 2026, asOf: input.asOf });
  const [c, r] = await collectArtefacts(createOscalExporter({ lang }).export({ catalog: QINGPU_2024_CATALOG, audit, now: NOW }));
  expect([c!.path, r!.path]).toEqual([OSCAL_PATHS.catalog, OSCAL_PATHS['assessment-results']]);
  return { catalogJson: c!.content as string, catalog: JSON.parse(c!.content as string), resultsJson: r!.content as string, results: JSON.parse(r!.content as string) };
}

let small: Docs;
let june: Docs;
beforeAll(async () => {
  small = await exportBoth({ registry, activities, asOf: '2026-12-31' });
  june = await exportBoth({ registry, activities, asOf: '2026-06-30' }, 'en');
});
const result = (d: Docs) => d.results['assessment-results'].results[0]!;
const finding = (d: Docs, id: string, status: string) => result(d).findings!.find((f) => f.props!.some((p) => p.name === 'requirement-id' && p.value === `qp2024.${id}`) && f.props!.some((p) => p.name === 'status' && p.value === status));

describe('OSCAL assessment-results of an audit', () => {
  it('validate against the published OSCAL 1.0.6 assessment-results schema', () => {
    expect(assessmentResultsErrors(small.results)).toEqual([]);
    expect(assessmentResultsErrors(june.results)).toEqual([]);
    expect(catalogErrors(small.catalog)).toEqual([]);
  });

  it('hold one result for the audit, from the start of the year to the as-of day in the district time', () => {
    const ar = small.results['assessment-results'];
    expect(ar.results).toHaveLength(1);
    expect(result(small)).toMatchObject({ start: '2026-01-01T00:00:00+08:00', end: '2026-12-31T23:59:59+08:00' });
    expect(result(june).end).toBe('2026-06-30T23:59:59+08:00');
  });

  it('give one finding per requirement and group of units sharing a status, the status as the target state', () => {
    // School evacuation plans: s1 and s2 have one, s3 not (worked out in the audit plugin's tests).
    const met = finding(small, 'school.evacuation-plan', 'met')!;
    const notMet = finding(small, 'school.evacuation-plan', 'not-met')!;
    expect(met.target).toMatchObject({ type: 'statement-id', 'target-id': 'qp2024.school.evacuation-plan_smt', status: { state: 'satisfied', reason: 'pass' } });
    expect(notMet.target.status).toEqual({ state: 'not-satisfied', reason: 'fail' });
    expect(met['related-observations']).toHaveLength(2);
    expect(notMet['related-observations']).toHaveLength(1);
    expect(Object.fromEntries(met.props!.map((p) => [p.name, p.value]))).toMatchObject({ 'unit-count': '2', applicable: '3', target: '1', 'target-met': 'false' });
    expect(met.title).toContain('（2 个单位）');
  });

  it('never report work not yet due as a failure: pending is not-satisfied with reason "pending", not "fail"', () => {
    // In June, Education Day drills are not due yet.
    const pending = finding(june, 'school.evacuation-drill', 'pending')!;
    expect(pending.target.status).toEqual({ state: 'not-satisfied', reason: 'pending' });
    expect(pending['related-observations']).toHaveLength(3);
    expect(finding(june, 'school.evacuation-drill', 'not-met')).toBeUndefined();
    for (const f of result(june).findings!) {
      const status = f.props!.find((p) => p.name === 'status')!.value;
      if (f.target.status.reason === 'fail') expect(status).toBe('not-met');
    }
  });

  it('record each unit result as an observation with its reason, subject and the evidence used', () => {
    const obs = result(small).observations!;
    const planS1 = obs.find((o) => o.props!.some((p) => p.value === 's1') && o.props!.some((p) => p.value === 'qp2024.school.evacuation-plan'))!;
    expect(planS1.methods).toEqual(['EXAMINE']);
    expect(planS1['relevant-evidence']).toHaveLength(1);
    expect(planS1.subjects![0]!.title).toBe('=HYPERLINK("http://evil","点我")');
    const party = small.results['assessment-results'].metadata.parties!.find((p) => p.uuid === planS1.subjects![0]!['subject-uuid'])!;
    expect(party.name).toBe('=HYPERLINK("http://evil","点我")');
    // A name with line breaks and edge spaces becomes one line, as OSCAL strings must be.
    expect(small.results['assessment-results'].metadata.parties!.map((p) => p.name)).toContain('<script>alert(1)</script> 学校');
    const planS3 = obs.find((o) => o.props!.some((p) => p.value === 's3') && o.props!.some((p) => p.value === 'qp2024.school.evacuation-plan'))!;
    expect(planS3['relevant-evidence']).toBeUndefined();
    expect(planS3.description.length).toBeGreaterThan(0);
  });

  it('point reviewed-controls at the catalog written beside it, by control id and by hash', () => {
    const rc = result(small)['reviewed-controls'];
    const controlIds = new Set(small.catalog.catalog.groups.flatMap((g) => g.controls!.map((c) => c.id)));
    const statementIds = new Set(small.catalog.catalog.groups.flatMap((g) => g.controls!.flatMap((c) => c.parts!.map((p) => p.id))));
    expect(rc.links).toEqual([expect.objectContaining({ href: 'catalog.json', rel: 'catalog' })]);
    const included = rc['control-selections'][0]!['include-controls'].map((c) => c['control-id']);
    expect(included).toEqual(QINGPU_2024_CATALOG.requirements.map((r) => r.id));
    for (const id of included) expect(controlIds.has(id)).toBe(true);
    for (const f of result(small).findings!) expect(statementIds.has(f.target['target-id'])).toBe(true);
    const obsIds = new Set(result(small).observations!.map((o) => o.uuid));
    for (const f of result(small).findings!) for (const r of f['related-observations']!) expect(obsIds.has(r['observation-uuid'])).toBe(true);
    const resource = small.results['assessment-results']['back-matter']!.resources[0]!;
    expect(resource.rlinks![0]!.hashes![0]).toEqual({ algorithm: 'SHA-256', value: createHash('sha256').update(small.catalogJson).digest('hex') });
    expect(small.results['assessment-results']['import-ap'].href).toBe(`#${resource.uuid}`);
  });

  it('keep finding UUIDs across revisions while the document UUID follows the content', async () => {
    const more = await exportBoth({ registry, activities: [...activities, a('s3', 'evacuation-plan-compiled', '2026-05-05')], asOf: '2026-12-31' });
    expect(more.results['assessment-results'].uuid).not.toBe(small.results['assessment-results'].uuid);
    expect(finding(more, 'school.evacuation-plan', 'met')!.uuid).toBe(finding(small, 'school.evacuation-plan', 'met')!.uuid);
    expect(finding(more, 'school.evacuation-plan', 'not-met')).toBeUndefined();
  });

  it('refuse an audit judged against another catalog (OscalInputError), and assessment-results without an audit', async () => {
    const audit = await runAudit({ catalog: QINGPU_2024_CATALOG, registry, activities, year: 2026, asOf: '2026-12-31' });
    const other = { ...QINGPU_2024_CATALOG, version: '2025.1' };
    await expect(collectArtefacts(createOscalExporter().export({ catalog: other, audit, now: NOW }))).rejects.toBeInstanceOf(OscalInputError);
    await expect(collectArtefacts(createOscalExporter().export({ catalog: QINGPU_2024_CATALOG, now: NOW }))).rejects.toBeInstanceOf(OscalInputError);
  });
});

describe('OSCAL documents of the sample district', () => {
  it('validate, and the same input gives the same bytes', async () => {
    const input = { registry: sampleRegistry(), activities: sampleActivities(2026), asOf: '2026-12-31' };
    const first = await exportBoth(input);
    const second = await exportBoth({ registry: sampleRegistry(), activities: sampleActivities(2026), asOf: '2026-12-31' });
    expect(catalogErrors(first.catalog)).toEqual([]);
    expect(assessmentResultsErrors(first.results)).toEqual([]);
    expect(second.catalogJson).toBe(first.catalogJson);
    expect(second.resultsJson).toBe(first.resultsJson);
    const r = result(first);
    expect(r.findings!.length).toBeGreaterThan(QINGPU_2024_CATALOG.requirements.length);
    expect(r.observations!.some((o) => (o['relevant-evidence']?.length ?? 0) > 0)).toBe(true);
  });
});

describe('OSCAL assessment-results of random districts (property)', () => {
  it('validate against the schema whatever the names and records', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryRegistry({ maxUnits: 5 }).chain((reg) => fc.tuple(fc.constant(reg), arbitraryActivities(reg, 2026, { maxRows: 15 }))), async ([reg, acts]) => {
        const docs = await exportBoth({ registry: reg, activities: acts, asOf: '2026-12-31' });
        expect(assessmentResultsErrors(docs.results)).toEqual([]);
      }),
      { numRuns: 10 },
    );
  }, 60_000);
});

testExporterConformance('oscal', {
  create: createOscalExporter,
  input: async () => ({ catalog: QINGPU_2024_CATALOG, audit: await runAudit({ catalog: QINGPU_2024_CATALOG, registry, activities, year: 2026, asOf: '2026-12-31' }), now: NOW }),
  invalidOptions: [{ documents: [] }, { documents: ['ssp'] }, { lang: 'fr' }, { namespace: 'not a uri' }, { extra: 1 }],
  arbitraryInput: arbitraryRegistry({ maxUnits: 5 })
    .chain((reg) => fc.tuple(fc.constant(reg), arbitraryActivities(reg, 2026, { maxRows: 15 }), arbitraryNow))
    .map(([reg, acts, now]) => async () => ({ catalog: QINGPU_2024_CATALOG, audit: await runAudit({ catalog: QINGPU_2024_CATALOG, registry: reg, activities: acts, year: 2026, asOf: '2026-12-31' }), now })),
  numRuns: 6,
});
