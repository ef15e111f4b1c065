/**
 * fast-check arbitraries for property tests of liujin and its plugins: valid registries whose
 * names include the hostile strings of issue 9 (formulas, markup, paths, bidi overrides, emoji,
 * rare CJK, line breaks), and activity logs with unknown units, duplicates and dates outside the
 * year, so that every "nothing lost" and "same bytes" invariant is tried on awkward data.
 */
import fc from 'fast-check';
import { ActivityKind, type Activity } from '../model/activity';
import { Registry, UnitKind, type Unit } from '../model/unit';

/** Strings that have broken real exporters somewhere; every generated name may be one of them. */
export const HOSTILE_STRINGS: readonly string[] = [
  '=HYPERLINK("http://evil.example","点我")',
  '+1+1',
  '-2+3',
  '@SUM(A1:A9)',
  '<script>alert("x")</script>',
  '"引号" \'单引号\' & 和',
  '../../etc/passwd',
  '/etc/shadow',
  'C:\\Windows\\system32',
  '分号;逗号,反斜杠\\',
  '第一行\n第二行\r\n第三行',
  '\u202Egpj.exe学校',
  '学校🏫😀👨‍👩‍👧',
  '𪚥𠀀𠮷学校',
  'END:VCALENDAR',
  '名'.repeat(200),
];

const TOWNS = [
  { id: 'zhujiajiao', name: '朱家角镇', type: 'town' },
  { id: 'xiayang', name: '夏阳街道', type: 'subdistrict' },
  { id: 'jinze', name: '金泽镇', type: 'town' },
] as const;

/** A unit or town name: ordinary Chinese, any Unicode text, or a hostile string; never blank, at most 200 characters. */
export const arbitraryName: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 3, arbitrary: fc.constantFrom('青浦实验学校', '夏阳社区居委会', '金泽工业园区', '区委党校', 'Qingpu No. 1 School') },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }) },
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  )
  .map((name) => name.trim())
  .filter((name) => name.length > 0 && name.length <= 200);

/** Options of {@link arbitraryRegistry}: how many units and of which kinds. */
export interface RegistryArbitraryOptions {
  /** Most units (default 8). */
  maxUnits?: number;
  /** Unit kinds to draw from (default: all). */
  kinds?: readonly UnitKind[];
}

/** A valid registry: unique ids, known towns, names from `arbitraryName`. */
export function arbitraryRegistry(options: RegistryArbitraryOptions = {}): fc.Arbitrary<Registry> {
  const kinds = options.kinds ?? UnitKind.options;
  const unit = fc.record({
    name: arbitraryName,
    kind: fc.constantFrom(...kinds),
    town: fc.option(fc.constantFrom(...TOWNS.map((t) => t.id)), { nil: undefined }),
    communityType: fc.constantFrom('residential' as const, 'village' as const),
    address: fc.option(arbitraryName, { nil: undefined }),
    headCount: fc.option(fc.nat({ max: 5000 }), { nil: undefined }),
  });
  return fc
    .record({
      districtName: arbitraryName.filter((n) => n.length <= 100),
      units: fc.array(unit, { minLength: 1, maxLength: options.maxUnits ?? 8 }),
    })
    .map(({ districtName, units }) => {
      const registry: Registry = {
        district: { id: 'prop', name: districtName, region: 'shanghai' },
        towns: TOWNS.map((t) => ({ ...t })),
        units: units.map((u, i): Unit => ({
          id: `u${i}`,
          name: u.name,
          kind: u.kind,
          ...(u.town ? { town: u.town } : {}),
          ...(u.kind === 'community' ? { communityType: u.communityType } : {}),
          ...(u.address !== undefined ? { address: u.address } : {}),
          ...(u.headCount !== undefined ? { headCount: u.headCount } : {}),
        })),
      };
      return Registry.parse(registry);
    });
}

/**
 * An activity log for a registry and year: mostly the registry's units, some unknown ones; dates
 * in the year and either side of it; some exact duplicates; each row with its file and row.
 */
export function arbitraryActivities(registry: Registry, year: number, options: { maxRows?: number } = {}): fc.Arbitrary<Activity[]> {
  const unitIds = registry.units.map((u) => u.id);
  const date = fc.integer({ min: 0, max: 3 * 366 }).map((offset) => new Date(Date.UTC(year - 1, 0, 1 + offset)).toISOString().slice(0, 10));
  const row = fc.record({
    unitId: fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...unitIds) }, { weight: 1, arbitrary: fc.constantFrom('ghost-1', 'ghost-2') }),
    kind: fc.constantFrom(...ActivityKind.options),
    date,
    reference: fc.option(arbitraryName, { nil: undefined }),
    topics: fc.option(fc.subarray(['cpr', 'bandaging', 'escape-knots', 'gas-masks', 'extinguishers', 'siren-listening']), { nil: undefined }),
    duplicate: fc.boolean(),
  });
  return fc.array(row, { maxLength: options.maxRows ?? 40 }).map((rows) => {
    const out: Activity[] = [];
    for (const r of rows) {
      const activity: Activity = { unitId: r.unitId, kind: r.kind, date: r.date, ...(r.reference !== undefined ? { reference: r.reference } : {}), ...(r.topics ? { topics: r.topics } : {}) };
      out.push({ ...activity, source: { file: 'activities.csv', row: out.length + 2 } });
      if (r.duplicate) out.push({ ...activity, source: { file: 'activities.csv', row: out.length + 2 } });
    }
    return out;
  });
}

/** A `now` for generators: any instant from 2001 to 2100. */
export const arbitraryNow: fc.Arbitrary<Date> = fc.date({ min: new Date('2001-01-01T00:00:00Z'), max: new Date('2100-12-31T23:59:59Z'), noInvalidDate: true });
