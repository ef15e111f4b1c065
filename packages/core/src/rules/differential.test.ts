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
      fc.asyncProperty(fc.constantFrom(...UnitKind.options), fc.array(activity, { maxLength: 25 }), fc.integer({ min: 0, max: 364 }), async (kind, acts, asOfDay) => {
        const unit: Unit = { id: 'u', name: 'u', kind, town: 'zhujiajiao' };
        const activities: Activity[] = acts.map((a, i) => ({ id: `a${i}`, unitId: 'u', kind: a.kind, date: addDays('2026-01-01', a.day), ...(a.topics.length > 0 ? { topics: a.topics } : {}), ...(a.withReference ? { reference: 'r' } : {}) }));
        const asOf = addDays('2026-01-01', asOfDay);
        const input = { unit, activities, year: 2026, asOf };
        expect(await fast.evaluateUnit(input)).toEqual(await reference.evaluateUnit(input));
      }),
      { numRuns: 150 },
    );
  });
});
