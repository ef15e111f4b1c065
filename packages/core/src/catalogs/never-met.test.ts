/**
 * Catalog checks for rules that can never be met (issue 19), table-tested: each mistake as an
 * office would make it, in a copy of the built-in catalog, with the problem it gets; and the
 * built-in catalog has none.
 */
import { describe, expect, it } from 'vitest';
import { QINGPU_2024_CATALOG_JSON } from './qingpu-2024';
import { parseCatalog, tailorCatalog } from './load';

type Json = Record<string, unknown>;
const SELF_RESCUE = 'qp2024.community.self-rescue-training';
const TRAINING_AND_DRILL = 'qp2024.community.training-and-drill';

/** The built-in catalog as written, with one requirement changed by `edit`. */
function withEdit(id: string, edit: (req: Json) => void): unknown {
  const copy = structuredClone(QINGPU_2024_CATALOG_JSON) as unknown as { requirements: Json[] };
  const req = copy.requirements.find((r) => r.id === id)!;
  edit(req);
  return copy;
}
const indexOf = (id: string) => (QINGPU_2024_CATALOG_JSON.requirements as { id: string }[]).findIndex((r) => r.id === id);

describe('rules that can never be met', () => {
  it('the built-in catalog has none', () => {
    expect(parseCatalog(QINGPU_2024_CATALOG_JSON).problems).toEqual([]);
  });

  const cases: { name: string; id: string; edit: (req: Json) => void; code: string; path: (string | number)[]; en: string }[] = [
    {
      name: 'compliance counts a kind the requirement does not collect',
      id: TRAINING_AND_DRILL,
      edit: (r) => (r.evidenceKinds = ['training']),
      code: 'evidence_kind_not_collected',
      path: ['compliance', 'all', 1, 'fact'],
      en: 'counts "evacuation-drill" activities, which are not among the requirement\'s evidence kinds (evidenceKinds: training)',
    },
    {
      name: 'evidence needed while no evidence kind is listed',
      id: SELF_RESCUE,
      edit: (r) => (r.evidenceKinds = []),
      code: 'no_evidence_kinds',
      path: ['compliance', 'all', 0, 'value'],
      en: 'needs "evidenceInWindowCount" of at least 1, but the requirement lists no evidence kind',
    },
    {
      name: 'more required topics than the requirement names',
      id: SELF_RESCUE,
      edit: (r) => ((r.parameters as Json).minTopics = 7),
      code: 'count_above_ceiling',
      path: ['compliance', 'all', 1, 'value'],
      en: 'needs "requiredTopicsCovered" of at least 7, but the requirement names only 6 required topics',
    },
    {
      name: 'more occasions than the due rule has',
      id: SELF_RESCUE,
      edit: (r) => ((r.compliance as { all: unknown[] }).all[0] = { fact: 'occasionsWithEvidence', operator: 'greaterThan', value: 1 }),
      code: 'count_above_ceiling',
      path: ['compliance', 'all', 0, 'value'],
      en: 'the due rule (due: by-year-end) has at most 1 occasions a year',
    },
    {
      name: 'a count below zero',
      id: SELF_RESCUE,
      edit: (r) => ((r.compliance as { all: unknown[] }).all[0] = { fact: 'evidenceCount', operator: 'lessThan', value: 0 }),
      code: 'count_below_zero',
      path: ['compliance', 'all', 0, 'value'],
      en: '"evidenceCount" is a count and never below 0',
    },
    {
      name: 'minOccasions above its key dates',
      id: SELF_RESCUE,
      edit: (r) => (r.due = { type: 'each-key-date', keyDates: ['national-defense-education-day'], minOccasions: 2 }),
      code: 'count_above_ceiling',
      path: ['due', 'minOccasions'],
      en: 'minOccasions is 2, but only 1 key dates are listed',
    },
    {
      name: 'appliesTo whose kind tests exclude one another',
      id: SELF_RESCUE,
      edit: (r) => (r.appliesTo = { all: [{ fact: 'kind', operator: 'in', value: ['community'] }, { fact: 'kind', operator: 'equal', value: 'school' }] }),
      code: 'applies_to_no_kind',
      path: ['appliesTo'],
      en: 'no unit kind passes them',
    },
    {
      name: 'appliesTo naming a unit kind that does not exist',
      id: SELF_RESCUE,
      edit: (r) => (r.appliesTo = { all: [{ fact: 'kind', operator: 'in', value: ['communities'] }] }),
      code: 'unknown_fact_value',
      path: ['appliesTo', 'all', 0, 'value'],
      en: 'fact "kind" never has the value "communities"',
    },
  ];
  for (const c of cases) {
    it(`${c.name}: ${c.code}`, () => {
      const result = parseCatalog(withEdit(c.id, c.edit), { file: 'mine.json' });
      expect(result.ok).toBe(false);
      const found = result.problems.find((p) => p.code === c.code);
      expect(found, JSON.stringify(result.problems)).toMatchObject({ file: 'mine.json', path: ['requirements', indexOf(c.id), ...c.path], severity: 'error' });
      expect(found!.message.en).toContain(c.en);
      expect(found!.message.zh).toMatch(/[\u4e00-\u9fff]/);
    });
  }

  it('leaves alone what a unit may bypass (a leaf under any) and what can be met', () => {
    const bypass = withEdit(SELF_RESCUE, (r) => (r.compliance = { any: [{ fact: 'evidenceCount', operator: 'lessThan', value: 0 }, { fact: 'evidenceCount', operator: 'greaterThanInclusive', value: 1 }] }));
    expect(parseCatalog(bypass).problems).toEqual([]);
    const six = tailorCatalog(QINGPU_2024_CATALOG_JSON, { base: 'qingpu-2024', parameters: { [SELF_RESCUE]: { minTopics: 6 } } });
    expect(six.ok).toBe(true);
  });

  it('catches a tailoring that asks for more topics than there are', () => {
    const seven = tailorCatalog(QINGPU_2024_CATALOG_JSON, { base: 'qingpu-2024', parameters: { [SELF_RESCUE]: { minTopics: 7 } } });
    expect(seven.ok).toBe(false);
    expect(seven.problems.map((p) => p.code)).toEqual(['count_above_ceiling']);
  });
});
