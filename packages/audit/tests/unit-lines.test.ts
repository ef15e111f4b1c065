/**
 * units.jsonl is encoded line by line straight into 1 MiB buffers (packages/audit/src/exporter.ts):
 * the bytes must be exactly those of the joined lines encoded at once, across buffer boundaries,
 * for lines longer than a buffer, and for characters of one to four UTF-8 bytes.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QINGPU_2024_CATALOG, runAudit, type AuditResult } from '@liujin/core';
import { arbitraryActivities, arbitraryRegistry } from '@liujin/core/testing';
import { unitLines } from '../src/exporter';
import { unitJson } from '../src/judge-chunk';
import { Sink } from '../src/sink';

async function bytesOf(units: unknown[]): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of unitLines(units as AuditResult['units'])) {
    expect(chunk.byteLength).toBeGreaterThan(0);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

const expected = (units: unknown[]) => Buffer.from(units.map((u) => `${JSON.stringify(u)}\n`).join(''), 'utf8');

describe('unitLines', () => {
  it('gives the bytes of the joined lines, across buffer boundaries and for lines longer than a buffer', async () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'é', '朱', '𠀀', '"', '\\', '\n'), maxLength: 3000 });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ unitId: fc.string({ maxLength: 8 }), name: text, reason: text }), { maxLength: 1200 }), async (units) => {
        expect((await bytesOf(units)).equals(expected(units))).toBe(true);
      }),
      { numRuns: 20 },
    );
  });

  it('gives the bytes of the joined lines over many buffers (about 4 MiB of mixed one- to four-byte text)', async () => {
    const alphabet = ['a', 'é', '朱', '𠀀', '"', '\n'];
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
    const units = Array.from({ length: 2_000 }, (_, i) => ({ unitId: `u${i}`, name: Array.from({ length: next() % 2_000 }, () => alphabet[next() % alphabet.length]).join('') }));
    const bytes = await bytesOf(units);
    expect(bytes.byteLength).toBeGreaterThan(3 * 2 ** 20);
    expect(bytes.equals(expected(units))).toBe(true);
  });

  it('handles a single line of several MiB and an empty list', async () => {
    const huge = [{ unitId: 'a', name: '朱'.repeat(1_500_000) }, { unitId: 'b', name: 'x' }];
    expect((await bytesOf(huge)).equals(expected(huge))).toBe(true);
    const around = [{ unitId: 'a', name: 'x'.repeat(900_000) }, { unitId: 'b', name: '朱'.repeat(1_500_000) }, { unitId: 'c', name: 'y'.repeat(300_000) }];
    expect((await bytesOf(around)).equals(expected(around))).toBe(true);
    expect((await bytesOf([])).byteLength).toBe(0);
  });
});

describe('unitJson (the streamed audit\'s unit lines)', () => {
  it('gives the bytes JSON.stringify gives for every unit runAudit judges, waived, without a town, with shared reasons (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbitraryRegistry({ maxUnits: 8 }).chain((reg) => fc.tuple(fc.constant(reg), arbitraryActivities(reg, 2026, { maxRows: 30 }), fc.subarray(reg.units), fc.string({ unit: fc.constantFrom('a', '朱', '"', '\\', '\n', '\u2028'), minLength: 1, maxLength: 20 }))),
        async ([reg, activities, waived, justification]) => {
          // Some units lose their town (units of a city office's registry may have none).
          const registry = { ...reg, units: reg.units.map((u, i) => (i % 3 === 2 ? { ...u, town: undefined } : u)) };
          const waivers = waived.flatMap((u) => QINGPU_2024_CATALOG.requirements.filter((_, i) => i % 5 === 0).map((r) => ({ unitId: u.id, requirementId: r.id, justification: justification.trim() || 'x', expires: '2026-12-31', ...(u.name.length % 2 === 0 ? { grantedBy: '区国动办' } : {}) })));
          const audit = await runAudit({ catalog: QINGPU_2024_CATALOG, registry, activities, waivers, year: 2026, asOf: '2026-10-01' });
          for (const unit of audit.units) expect(unitJson(unit)).toBe(JSON.stringify(unit));
          // Twice: the second time the reasons come from the cache of encoded reasons.
          for (const unit of audit.units) expect(unitJson(unit)).toBe(JSON.stringify(unit));
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe('Sink.size (where a chunk\'s part of a spooled report starts and ends)', () => {
  it('counts every byte written, buffered or not, texts longer than its buffer and whole buffers too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'liujin-sink-'));
    const path = join(dir, 'spool');
    const sink = new Sink(path, 64);
    const sizes: number[] = [];
    for (const text of ['a', '朱'.repeat(30), '𠀀"\\', 'x'.repeat(200)]) {
      sink.write(text);
      sizes.push(sink.size);
    }
    sink.bytes(Buffer.from('é'.repeat(100)));
    sizes.push(sink.size);
    sink.close();
    const whole = readFileSync(path);
    expect(sink.size).toBe(whole.byteLength);
    expect(sizes).toEqual([1, 91, 97, 297, 497]);
  });
});
