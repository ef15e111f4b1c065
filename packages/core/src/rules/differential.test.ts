/**
 * The compiled fast path must agree with json-rules-engine, the reference: on random units,
 * activity logs and as-of dates, identical statuses, reasons and evidence for every requirement.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QINGPU_2024_CATALOG } from '../catalogs/qingpu-2024';
import { addDays } from '../dates/local-date';
import { ActivityKind, type Activity } from '../model/activity';
import { UnitKind, type Unit } from '../model/unit';
import { createEvaluator } from './evaluate';

const reference = createEvaluator(QINGPU_2024_CATALOG);
const fast = createEvaluator(QINGPU_2024_CATALOG, { engine: 'compiled' });
const TOPICS = ['cpr', 'bandaging', 'gas-masks', 'siren-listening', 'books', 'posters', 'films', 'micro-exhibition', 'media-cooperation', 'community-volunteers'];

const activity = fc.record({
  kind: fc.constantFrom(...ActivityKind.options),
  day: fc.integer({ min: -400, max: 365 }),
  topics: fc.subarray(TOPICS),
  withReference: fc.boolean(),
});

describe('compiled evaluation agrees with json-rules-engine', () => {
  it('on random units, activities and as-of dates', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...UnitKind.options),
        // The unit facts applicability is cached by (town, head count, community type, attributes),
        // and two years through the same evaluators (reasons are cached per year).
        fc.record({ town: fc.constantFrom(undefined, 'zhujiajiao', 'xiayang'), headCount: fc.constantFrom(undefined, 0, 120, 5000), communityType: fc.constantFrom(undefined, 'residential' as const, 'village' as const), attributes: fc.option(fc.dictionary(fc.constantFrom('hasShelter', 'size'), fc.oneof(fc.boolean(), fc.integer({ min: 0, max: 3 }), fc.constantFrom('a', 'b'))), { nil: undefined }) }),
        fc.constantFrom(2025, 2026),
        fc.array(activity, { maxLength: 25 }),
        fc.integer({ min: 0, max: 364 }),
        async (kind, facts, year, acts, asOfDay) => {
          const unit: Unit = { id: 'u', name: 'u', kind, ...Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined)) };
          const start = `${year}-01-01`;
          const activities: Activity[] = acts.map((a, i) => ({ id: `a${i}`, unitId: 'u', kind: a.kind, date: addDays(start, a.day), ...(a.topics.length > 0 ? { topics: a.topics } : {}), ...(a.withReference ? { reference: 'r' } : {}) }));
          const asOf = addDays(start, asOfDay);
          const input = { unit, activities, year, asOf };
          expect(await fast.evaluateUnit(input)).toEqual(await reference.evaluateUnit(input));
        },
      ),
      { numRuns: 250 },
    );
  });
});
