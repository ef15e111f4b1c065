/**
 * The shared exporter conformance suite, run by every plugin's tests the way unstorage runs
 * `testDriver` for every driver (STYLE.md habit 7), and random-input generators (fast-check).
 * @module @liujin/core/testing
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExporterOptionsError, collectArtefacts, isSafeRelativePath, type CollectedArtefact, type Exporter } from '../exporter';

export { HOSTILE_STRINGS, arbitraryActivities, arbitraryName, arbitraryNow, arbitraryRegistry, type RegistryArbitraryOptions } from './arbitraries';

/**
 * How to run the conformance suite on one exporter: its factory, an input, invalid options and random inputs.
 */
export interface ExporterConformanceCase<Input, Options> {
  /** The plugin's factory, called with no options and with each invalid option set. */
  create: (options?: never) => Exporter<Input, Options>;
  /** A valid input (with an explicit `now`), built fresh for each call. */
  input: () => Input | Promise<Input>;
  /** Option objects the schema must reject. */
  invalidOptions: readonly unknown[];
  /**
   * Random inputs (fast-check; each a function that builds the input, so it may be async), e.g.
   * from `arbitraryRegistry()` with an `arbitraryNow`: the suite
   * then checks on each that two renders give the same bytes and that paths are safe and unique.
   */
  arbitraryInput?: fc.Arbitrary<() => Input | Promise<Input>>;
  /** Runs of the property (default 20); keep the total time of the suite in seconds. */
  numRuns?: number;
}

function bytesOf(artefact: CollectedArtefact): Uint8Array {
  return typeof artefact.content === 'string' ? new TextEncoder().encode(artefact.content) : artefact.content;
}

async function runWithTimeZone<T>(timeZone: string, fn: () => Promise<T>): Promise<T> {
  const previous = process.env.TZ;
  process.env.TZ = timeZone;
  try {
    return await fn();
  } finally {
    if (previous === undefined) delete process.env.TZ;
    else process.env.TZ = previous;
  }
}

/**
 * The shared conformance suite every exporter runs (vitest): self-description, option errors, safe unique paths, the same bytes in any host time zone and on random inputs.
 */
export function testExporterConformance<Input, Options>(label: string, spec: ExporterConformanceCase<Input, Options>): void {
  const create = spec.create as (options?: unknown) => Exporter<Input, Options>;

  describe(`exporter conformance: ${label}`, () => {
    it('describes itself and its defaults validate against its options schema', () => {
      const exporter = create();
      expect(exporter.name).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(exporter.description.length).toBeGreaterThan(10);
      const parsed = exporter.optionsSchema.safeParse(exporter.options);
      expect(parsed.success).toBe(true);
    });

    it('rejects invalid options with ExporterOptionsError listing problems', () => {
      expect(spec.invalidOptions.length).toBeGreaterThan(0);
      for (const options of spec.invalidOptions) {
        let caught: unknown;
        try {
          create(options);
        } catch (error) {
          caught = error;
        }
        expect(caught, JSON.stringify(options)).toBeInstanceOf(ExporterOptionsError);
        expect((caught as ExporterOptionsError).problems.length).toBeGreaterThan(0);
      }
    });

    it('yields artefacts with safe, unique relative paths, a media type and content', async () => {
      const artefacts = await collectArtefacts(create().export(await spec.input()));
      expect(artefacts.length).toBeGreaterThan(0);
      const paths = new Set<string>();
      for (const artefact of artefacts) {
        expect(isSafeRelativePath(artefact.path), artefact.path).toBe(true);
        expect(artefact.mediaType).toMatch(/^[a-z]+\/[a-z0-9.+-]+/);
        expect(bytesOf(artefact).length).toBeGreaterThan(0);
        expect(paths.has(artefact.path), `duplicate path ${artefact.path}`).toBe(false);
        paths.add(artefact.path);
      }
    });

    it('gives the same bytes for the same input, whatever the host time zone', async () => {
      const render = async () => (await collectArtefacts(create().export(await spec.input()))).map((a) => [a.path, bytesOf(a)] as const);
      const first = await runWithTimeZone('Asia/Shanghai', render);
      const second = await runWithTimeZone('America/New_York', render);
      const third = await runWithTimeZone('UTC', render);
      expect(second.map(([p]) => p)).toEqual(first.map(([p]) => p));
      for (let i = 0; i < first.length; i++) {
        const [path, bytes] = first[i]!;
        expect(Buffer.compare(Buffer.from(bytes), Buffer.from(second[i]![1])), path).toBe(0);
        expect(Buffer.compare(Buffer.from(bytes), Buffer.from(third[i]![1])), path).toBe(0);
      }
    });

    if (spec.arbitraryInput) {
      const arbitraryInput = spec.arbitraryInput;
      it('on random inputs: the same bytes on every render, safe and unique paths (property)', async () => {
        await fc.assert(
          fc.asyncProperty(arbitraryInput, async (makeInput) => {
            const input = await makeInput();
            const first = await collectArtefacts(create().export(input));
            const second = await collectArtefacts(create().export(input));
            expect(second.map((a) => a.path)).toEqual(first.map((a) => a.path));
            expect(new Set(first.map((a) => a.path)).size).toBe(first.length);
            for (const [i, artefact] of first.entries()) {
              expect(isSafeRelativePath(artefact.path), artefact.path).toBe(true);
              expect(Buffer.compare(Buffer.from(bytesOf(artefact)), Buffer.from(bytesOf(second[i]!))), artefact.path).toBe(0);
            }
          }),
          { numRuns: spec.numRuns ?? 20 },
        );
      }, 120_000);
    }
  });
}
export { SMALL_DISTRICT, SMALL_DISTRICT_ACTIVITIES } from './district';
export { TEST_STYLES, excelSerial, rawZip, testWorkbook, workbookParts, zipParts, type TestCell, type TestSheet } from './workbooks';
