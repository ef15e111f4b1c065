import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { QINGPU_2024_CATALOG, QINGPU_2024_CATALOG_JSON } from './qingpu-2024';
import { parseCatalog, tailorCatalog } from './load';
import { renderCatalogMarkdown } from './markdown';
import type { Requirement } from '../model/requirement';
import { planYear } from '../plan/plan-year';
import { sampleRegistry } from '../sample/index';

describe('the built-in catalog', () => {
  it('encodes 30 or more requirements and maps every clause', () => {
    expect(QINGPU_2024_CATALOG.requirements.length).toBeGreaterThanOrEqual(30);
    for (const clause of QINGPU_2024_CATALOG.clauses) {
      expect(QINGPU_2024_CATALOG.requirements.some((r) => r.clause === clause.clause), clause.clause).toBe(true);
    }
  });

  it("covers the notice's named asks", () => {
    const text = JSON.stringify(QINGPU_2024_CATALOG);
    for (const ask of ['书上架', '图上墙', '片进屏', '课进班', '人进馆', '共建协议', '紧急疏散行动方案', '防空疏散演练方案', '故事长廊', '微展馆', '体验角', '心肺复苏', '防空袭方案', '2月底', '融媒体', '小游戏', '专项资金', '品牌', '工作痕迹']) {
      expect(text, ask).toContain(ask);
    }
    const targets = QINGPU_2024_CATALOG.requirements.filter((r) => r.target === 1).map((r) => r.id);
    expect(targets).toEqual(expect.arrayContaining(['qp2024.school.evacuation-plan', 'qp2024.school.evacuation-drill', 'qp2024.community.plan-revision', 'qp2024.community.training-and-drill']));
  });

  it('gives each ask its own evidence: two requirements of the same units share a kind only where declared', () => {
    const kinds = (r: Requirement) => ((r.appliesTo as { all: { value: string[] }[] }).all[0]!.value);
    const overlaps: string[] = [];
    for (const a of QINGPU_2024_CATALOG.requirements) {
      for (const b of QINGPU_2024_CATALOG.requirements) {
        if (a === b || !kinds(a).some((k) => kinds(b).includes(k))) continue;
        if (a.evidenceKinds.some((k) => b.evidenceKinds.includes(k)) && !a.sharedEvidence?.with.includes(b.id)) overlaps.push(`${a.id} <-> ${b.id}`);
      }
    }
    expect(overlaps).toEqual([]);
    // The cases: each of these pairs must not share evidence.
    const byId = new Map(QINGPU_2024_CATALOG.requirements.map((r) => [r.id, r]));
    const kindsOf = (id: string) => byId.get(id)!.evidenceKinds;
    expect(kindsOf('qp2024.party-school.cobuilding-agreement')).toEqual(['cobuilding-agreement']);
    expect(kindsOf('qp2024.enterprise.daily-management')).toEqual(['management-integration']);
    expect(kindsOf('qp2024.enterprise.publicity-site')).not.toContain('display');
    expect(kindsOf('qp2024.community.shelter-visit')).toEqual(['shelter-visit']);
    expect(kindsOf('qp2024.organ.study-session')).toEqual(['study-session']);
    expect(kindsOf('qp2024.organ.cadre-training')).toEqual(['cadre-training']);
  });

  it('sets no window the notice does not set: only the annual plan and news reports are dated', () => {
    const dated = QINGPU_2024_CATALOG.requirements.filter((r) => r.due.type !== 'by-year-end' && r.due.type !== 'continuous').map((r) => r.id);
    expect(dated.sort()).toEqual(['qp2024.general.annual-plan', 'qp2024.general.news-report']);
    // Thresholds and delays the project chose are labelled as defaults.
    for (const r of QINGPU_2024_CATALOG.requirements) for (const name of r.defaults ?? []) expect(r.parameters, r.id).toHaveProperty(name);
    expect(QINGPU_2024_CATALOG.requirements.find((r) => r.id === 'qp2024.general.news-report')!.defaults).toEqual(['newsReportWorkdays']);
  });

  it('docs/catalog.md is generated from the catalog (regenerate with renderCatalogMarkdown)', () => {
    const doc = readFileSync(new URL('../../../../docs/catalog.md', import.meta.url), 'utf8');
    expect(doc).toBe(renderCatalogMarkdown(QINGPU_2024_CATALOG));
    for (const r of QINGPU_2024_CATALOG.requirements) expect(doc).toContain(`\`${r.id}\``);
    // Every requirement says whether one row may serve several requirements, and defaults are labelled.
    expect(doc.match(/^- One row for several requirements: /gm)).toHaveLength(QINGPU_2024_CATALOG.requirements.length);
    expect(doc).toContain('`newsReportWorkdays` = 5 (默认，可调整 / default, adjustable');
  });
});

describe('parseCatalog', () => {
  const clone = () => structuredClone(QINGPU_2024_CATALOG_JSON) as { requirements: Record<string, unknown>[] } & Record<string, unknown>;

  it('accepts the built-in catalog as plain JSON', () => {
    expect(parseCatalog(JSON.parse(JSON.stringify(QINGPU_2024_CATALOG_JSON))).ok).toBe(true);
  });

  it('reports unknown facts, operators, unsafe paths, key dates and fields, all at once', () => {
    const json = clone();
    json.requirements[0]!.compliance = { all: [{ fact: 'nope', operator: 'equal', value: 1 }, { fact: 'evidenceCount', operator: 'regex', value: 1 }, { fact: 'attributes', path: '$..[?(@.x)]', operator: 'equal', value: 1 }] };
    json.requirements[1]!.due = { type: 'window', keyDate: 'christmas', daysBefore: 1, daysAfter: 1 };
    json.requirements[2]!.colour = 'red';
    const result = parseCatalog(json, { file: 'c.json' });
    expect(result.ok).toBe(false);
    const codes = result.problems.map((p) => p.code);
    expect(codes).toEqual(expect.arrayContaining(['unrecognized_keys']));
    const semantic = parseCatalog({ ...clone(), requirements: [json.requirements[0], json.requirements[1]] });
    expect(semantic.problems.map((p) => p.code).sort()).toEqual(['unknown_fact', 'unknown_key_date', 'unknown_operator', 'unsafe_path']);
  });

  it('reports a rule that can never be met: a unit kind, role or community type that does not exist', () => {
    const json = clone();
    json.requirements[0]!.appliesTo = { all: [{ fact: 'kind', operator: 'in', value: ['school', 'schools'] }, { fact: 'roles', operator: 'contains', value: 'fire-brigade' }, { fact: 'communityType', operator: 'equal', value: 'rural' }] };
    const result = parseCatalog(json, { file: 'c.json' });
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => [p.code, p.path.join('.')])).toEqual([
      ['unknown_fact_value', 'requirements.0.appliesTo.all.0.value'],
      ['unknown_fact_value', 'requirements.0.appliesTo.all.1.value'],
      ['unknown_fact_value', 'requirements.0.appliesTo.all.2.value'],
    ]);
    expect(result.problems[0]!.message.en).toBe('fact "kind" never has the value "schools" (known: district-office, member-unit, town, party-school, organ, school, enterprise, park, community, media): the condition can never be met');
  });

  it('refuses huge or deeply nested conditions', () => {
    const json = clone();
    let deep: unknown = { fact: 'evidenceCount', operator: 'equal', value: 1 };
    for (let i = 0; i < 30; i++) deep = { not: deep };
    json.requirements = [{ ...json.requirements[0]!, compliance: deep }];
    expect(parseCatalog(json).problems.map((p) => p.code)).toContain('condition_too_deep');
    expect(parseCatalog({ ...clone(), requirements: [{ ...json.requirements[0], basis: 'x'.repeat(2_100_000) }] }).problems[0]!.code).toBe('catalog_too_large');
    expect(parseCatalog([]).problems[0]!.code).toBe('not_an_object');
  });
});

describe('tailorCatalog', () => {
  it('drops, selects, overrides and re-applies parameters', () => {
    const result = tailorCatalog(QINGPU_2024_CATALOG_JSON, {
      base: 'qingpu-2024',
      drop: ['qp2024.general.local-brand'],
      parameters: { 'qp2024.general.news-report': { newsReportWorkdays: 3 }, 'qp2024.community.self-rescue-training': { minTopics: 2 } },
      overrides: { 'qp2024.school.evacuation-drill': { target: 0.95 } },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const byId = new Map(result.value.requirements.map((r) => [r.id, r]));
    expect(byId.has('qp2024.general.local-brand')).toBe(false);
    expect(byId.get('qp2024.general.news-report')!.due).toMatchObject({ type: 'after-each-activity', within: 3 });
    expect(JSON.stringify(byId.get('qp2024.community.self-rescue-training')!.compliance)).toContain('"value":2');
    expect(byId.get('qp2024.school.evacuation-drill')!.target).toBe(0.95);
    expect(result.value.version).toBe('2024.2+tailored');
    const only = tailorCatalog(QINGPU_2024_CATALOG_JSON, { base: 'qingpu-2024', select: ['qp2024.school.evacuation-plan'] });
    expect(only.ok && only.value.requirements.map((r) => r.id)).toEqual(['qp2024.school.evacuation-plan']);
  });

  it('names every unknown id and the wrong base', () => {
    const result = tailorCatalog(QINGPU_2024_CATALOG_JSON, { base: 'other', drop: ['qp2024.nope'], parameters: { 'qp2024.zz': { a: 1 } } }, { file: 't.json' });
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.code).sort()).toEqual(['unknown_requirement', 'unknown_requirement', 'wrong_base']);
    expect(result.problems.every((p) => p.file === 't.json')).toBe(true);
    expect(tailorCatalog(QINGPU_2024_CATALOG_JSON, { base: 'qingpu-2024', frobnicate: true }).problems[0]!.code).toBe('unrecognized_keys');
  });

  it('takes its source explicitly: a copy tailors like the original, a parsed catalog (no parameter references) is refused', () => {
    const tailoring = { base: 'qingpu-2024', parameters: { 'qp2024.general.news-report': { newsReportWorkdays: 3 } } };
    const copy = tailorCatalog(structuredClone(QINGPU_2024_CATALOG_JSON), tailoring);
    expect(copy.ok && copy.value.requirements.find((r) => r.id === 'qp2024.general.news-report')!.due).toMatchObject({ within: 3 });
    const parsed = tailorCatalog(structuredClone(QINGPU_2024_CATALOG), tailoring);
    expect(parsed.ok).toBe(false);
    expect(parsed.problems.map((p) => [p.code, p.path.join('.')])).toEqual([['unused_parameter', 'parameters.qp2024.general.news-report.newsReportWorkdays']]);
  });
});

describe("a catalog's own key dates", () => {
  const clone = () => structuredClone(QINGPU_2024_CATALOG_JSON) as { requirements: Record<string, unknown>[] } & Record<string, unknown>;
  const weekRule = { id: 'district-education-week', title: { zh: '区国防教育宣传周', en: 'District defence education week' }, rule: { type: 'offset', from: 'national-defense-education-day', days: -5, unit: 'days' }, source: 'example' };

  it('plans a requirement due on a key date the catalog defines', () => {
    const json = clone();
    const req = json.requirements.find((r) => (r.due as { type: string }).type === 'by-key-date')!;
    req.due = { ...(req.due as object), keyDate: 'district-education-week' };
    const parsed = parseCatalog({ ...json, keyDates: [weekRule] });
    expect(parsed.problems).toEqual([]);
    const plan = planYear({ catalog: parsed.ok ? parsed.value : (undefined as never), registry: sampleRegistry(), year: 2026 });
    expect(plan.keyDates.find((k) => k.id === 'district-education-week')?.date).toBe('2026-09-14'); // Education Day 2026-09-19, minus 5 days
    expect(plan.tasks.some((t) => t.requirementId === req.id)).toBe(true);
  });

  it('reports a key date rule that refers to an unknown date, and duplicate ids', () => {
    const broken = parseCatalog({ ...clone(), keyDates: [{ ...weekRule, rule: { ...weekRule.rule, from: 'no-such-day' } }] }, { file: 'c.json' });
    expect(broken.problems.map((p) => [p.code, p.file, p.path[0]])).toContainEqual(['unknown_key_date', 'c.json', 'keyDates']);
    const twice = parseCatalog({ ...clone(), keyDates: [weekRule, weekRule] });
    expect(twice.ok).toBe(false);
  });
});
