/**
 * The second, example catalog (issue 19): built by tailoring the Qingpu catalog, labelled as an
 * example that invents no notice, shipped by name, and usable end to end with its own example
 * registry of real Songjiang towns (checked against the division table): it plans and audits.
 */
import { describe, expect, it } from 'vitest';
import { checkRegistryTowns } from '../geo/towns';
import { runAudit } from '../audit/run-audit';
import { parseRegistryJson } from '../io/registry';
import { planYear } from '../plan/plan-year';
import { BUILT_IN_CATALOG_NAMES, builtInCatalog } from './builtin';
import { tailorCatalog } from './load';
import { QINGPU_2024_CATALOG } from './qingpu-2024';
import { SONGJIANG_EXAMPLE_CATALOG, SONGJIANG_EXAMPLE_CATALOG_JSON } from './songjiang-example';
import registryJson from './songjiang-example/registry.json';

describe('the Songjiang example catalog', () => {
  it('says it is an example, and keeps the notice it is built from', () => {
    expect(SONGJIANG_EXAMPLE_CATALOG.id).toBe('songjiang-example');
    expect(SONGJIANG_EXAMPLE_CATALOG.title.zh).toContain('示例');
    expect(SONGJIANG_EXAMPLE_CATALOG.title.zh).toContain('并非松江区发布的文件');
    expect(SONGJIANG_EXAMPLE_CATALOG.title.en).toContain('not a document Songjiang issued');
    expect(SONGJIANG_EXAMPLE_CATALOG.source).toEqual(QINGPU_2024_CATALOG.source);
    // Every requirement is the notice's, unchanged but for the tailoring below.
    const qingpu = new Map(QINGPU_2024_CATALOG.requirements.map((r) => [r.id, r]));
    for (const r of SONGJIANG_EXAMPLE_CATALOG.requirements) expect(qingpu.get(r.id)?.basis, r.id).toBe(r.basis);
    expect(SONGJIANG_EXAMPLE_CATALOG.requirements.map((r) => r.id)).not.toContain('qp2024.general.local-brand');
    expect(SONGJIANG_EXAMPLE_CATALOG.requirements.length).toBe(QINGPU_2024_CATALOG.requirements.length - 1);
    expect(SONGJIANG_EXAMPLE_CATALOG.requirements.find((r) => r.id === 'qp2024.community.self-rescue-training')?.parameters?.minTopics).toBe(2);
  });

  it('is shipped by name, and can be tailored again from the JSON as written', () => {
    expect(BUILT_IN_CATALOG_NAMES).toEqual(['qingpu-2024', 'songjiang-example']);
    expect(builtInCatalog('songjiang-example')).toMatchObject({ catalog: SONGJIANG_EXAMPLE_CATALOG, example: true });
    expect(builtInCatalog('toString')).toBeUndefined();
    const again = tailorCatalog(SONGJIANG_EXAMPLE_CATALOG_JSON, { base: 'songjiang-example', parameters: { 'qp2024.community.self-rescue-training': { minTopics: 3 } } });
    expect(again.ok, JSON.stringify(again.problems)).toBe(true);
    if (again.ok) {
      expect(again.value.requirements.find((r) => r.id === 'qp2024.community.self-rescue-training')?.parameters?.minTopics).toBe(3);
      expect(again.value.requirements.map((r) => r.id)).not.toContain('qp2024.general.local-brand');
    }
  });

  it('plans and audits its example registry, whose real towns pass the division table', async () => {
    const parsed = parseRegistryJson(JSON.stringify(registryJson), { file: 'registry.json' });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const registry = parsed.value;
    expect(checkRegistryTowns(registry, 'registry.json')).toEqual([]);
    expect(registry.district).toMatchObject({ code: '310117', synthetic: true });
    const plan = planYear({ catalog: SONGJIANG_EXAMPLE_CATALOG, registry, year: 2026 });
    expect(plan.tasks.length).toBeGreaterThan(0);
    expect(new Set(plan.tasks.map((t) => t.requirementId)).has('qp2024.general.local-brand')).toBe(false);
    const audit = await runAudit({ catalog: SONGJIANG_EXAMPLE_CATALOG, registry, activities: [{ unitId: 'sj-sch-001', kind: 'evacuation-drill', date: '2026-09-18', reference: 'r' }], year: 2026, asOf: '2026-12-31' });
    expect(audit.catalog).toEqual({ id: 'songjiang-example', version: '2024.2-example.1' });
    expect(audit.byTown.map((t) => t.name)).toEqual(['岳阳街道', '泗泾镇', '九亭镇']);
    expect(audit.overall.met).toBeGreaterThan(0);
    expect(audit.district.synthetic).toBe(true);
  });
});
