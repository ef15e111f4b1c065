import { QINGPU_2024_CATALOG, QINGPU_2024_CATALOG_JSON, collectArtefacts, tailorCatalog } from '@liujin/core';
import { SECTOR_LABELS } from '@liujin/core/plugin';
import { describe, expect, it } from 'vitest';
import { OSCAL_PATHS, catalogToOscal, createOscalExporter, type OscalCatalog } from '../src/index';
import { catalogErrors } from './oscal-schema';

const NOW = new Date('2026-11-29T08:00:00Z');
const NS = 'urn:liujin:oscal';
const V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const render = (lang: 'zh' | 'en' = 'zh', catalog = QINGPU_2024_CATALOG) => catalogToOscal(catalog, { lang, now: NOW, namespace: NS });
const controls = (doc: { catalog: OscalCatalog }) => doc.catalog.groups.flatMap((g) => g.controls ?? []);

describe('OSCAL catalog of the Qingpu 2024 catalog', () => {
  it('validates against the published OSCAL 1.0.6 catalog schema, in Chinese and in English', () => {
    expect(catalogErrors(render('zh'))).toEqual([]);
    expect(catalogErrors(render('en'))).toEqual([]);
  });

  it('has one group per sector in the notice order, then the general requirements', () => {
    const doc = render('zh');
    expect(doc.catalog.groups.map((g) => g.id)).toEqual(['party-school', 'organ', 'school', 'enterprise', 'community', 'network', 'general']);
    expect(doc.catalog.groups[2]).toMatchObject({ class: 'sector', title: '进学校', props: [{ name: 'clause', ns: NS, value: '三（三）' }] });
    expect(render('en').catalog.groups[2]!.title).toBe(SECTOR_LABELS.school.en);
  });

  it('has one control per requirement, in catalog order, with statement and guidance parts', () => {
    const list = controls(render('zh'));
    expect(list.map((c) => c.id)).toEqual(QINGPU_2024_CATALOG.requirements.map((r) => r.id));
    const plan = list.find((c) => c.id === 'qp2024.school.evacuation-plan')!;
    const req = QINGPU_2024_CATALOG.requirements.find((r) => r.id === plan.id)!;
    expect(plan.title).toBe(req.title.zh);
    expect(plan.parts![0]).toEqual({ id: 'qp2024.school.evacuation-plan_smt', name: 'statement', prose: req.summary.zh });
    expect(plan.parts![1]).toMatchObject({ name: 'guidance', prose: `通知原文：「${req.basis}」` });
  });

  it('carries clause, sector and target as props (target only where the notice sets one)', () => {
    const list = controls(render('zh'));
    const props = (id: string) => Object.fromEntries(list.find((c) => c.id === id)!.props!.map((p) => [p.name, p.value]));
    expect(props('qp2024.school.evacuation-plan')).toMatchObject({ clause: '三（三）', sector: 'school', target: '1' });
    expect(props('qp2024.general.news-report')).toMatchObject({ clause: '结语', sector: 'general' });
    expect(props('qp2024.general.news-report').target).toBeUndefined();
    const withTarget = QINGPU_2024_CATALOG.requirements.filter((r) => r.target !== undefined).map((r) => r.id);
    expect(list.filter((c) => c.props!.some((p) => p.name === 'target')).map((c) => c.id)).toEqual(withTarget);
  });

  it('turns every tailorable parameter into a param with its value, and a tailoring changes it', () => {
    const news = (doc: { catalog: OscalCatalog }) => controls(doc).find((c) => c.id === 'qp2024.general.news-report')!.params!;
    expect(news(render('en'))).toEqual([
      {
        id: 'qp2024.general.news-report_prm_newsReportWorkdays',
        class: 'tailorable',
        props: [{ name: 'value-type', ns: NS, value: 'number' }],
        label: 'newsReportWorkdays',
        guidelines: [{ prose: 'Adjustable in a tailoring file: parameters."qp2024.general.news-report".newsReportWorkdays' }],
        values: ['5'],
      },
    ]);
    const paramCount = QINGPU_2024_CATALOG.requirements.reduce((n, r) => n + Object.keys(r.parameters ?? {}).length, 0);
    expect(controls(render()).flatMap((c) => c.params ?? []).length).toBe(paramCount);
    const tailored = tailorCatalog(QINGPU_2024_CATALOG_JSON, { base: 'qingpu-2024', parameters: { 'qp2024.general.news-report': { newsReportWorkdays: 3 } } });
    if (!tailored.ok) throw new Error('tailoring failed');
    const doc = render('en', tailored.value);
    expect(catalogErrors(doc)).toEqual([]);
    expect(news(doc)[0]!.values).toEqual(['3']);
    expect(doc.catalog.metadata.version).toBe('2024.2+tailored');
    expect(doc.catalog.uuid).not.toBe(render('en').catalog.uuid);
  });

  it('cites the notice in back-matter and links it from the metadata', () => {
    const { metadata, 'back-matter': back } = render('zh').catalog;
    expect(back!.resources[0]!.citation!.text).toBe('上海市青浦区国防动员办公室，青国动〔2024〕10号，2024-05-13');
    expect(metadata.links).toEqual([{ href: `#${back!.resources[0]!.uuid}`, rel: 'source', text: '青国动〔2024〕10号' }]);
    expect(metadata).toMatchObject({ 'oscal-version': '1.0.6', version: '2024.2', 'last-modified': '2026-11-29T08:00:00.000Z' });
  });

  it('uses version 5 UUIDs derived from content: the same input gives the same bytes', async () => {
    const doc = render('zh');
    expect(doc.catalog.uuid).toMatch(V5);
    const once = await collectArtefacts(createOscalExporter({ documents: ['catalog'] }).export({ catalog: QINGPU_2024_CATALOG, now: NOW }));
    const twice = await collectArtefacts(createOscalExporter({ documents: ['catalog'] }).export({ catalog: structuredClone(QINGPU_2024_CATALOG), now: NOW }));
    expect(once.map((a) => a.path)).toEqual([OSCAL_PATHS.catalog]);
    expect(twice[0]!.content).toBe(once[0]!.content);
    expect(JSON.parse(once[0]!.content as string)).toEqual(doc);
    expect(render('en').catalog.uuid).not.toBe(doc.catalog.uuid);
  });

  it('fails the schema on a broken document (the validator is not a rubber stamp)', () => {
    const doc = render('zh');
    doc.catalog.groups[0]!.controls![0]!.id = '1-not-a-token';
    doc.catalog.uuid = 'not-a-uuid';
    expect(catalogErrors(doc).length).toBeGreaterThanOrEqual(2);
  });
});
