/**
 * Synthetic registries and activity logs of any size, deterministic from a seed: the sample
 * district's structure repeated with new ids. `activitiesPerUnit` activities per unit, dated in
 * the year, of kinds the unit's requirements count.
 */
import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, type Activity, type ActivityKind, type Registry, type Unit, type UnitKind } from '@liujin/core';
import { QINGPU_TOWNS } from '@liujin/core/io';
import { seededRandom } from '@liujin/core/sample';

const KINDS: readonly UnitKind[] = ['school', 'school', 'enterprise', 'enterprise', 'enterprise', 'community', 'community', 'community', 'community', 'organ', 'park', 'town'];
const EVIDENCE: Readonly<Record<string, readonly ActivityKind[]>> = {
  school: ['evacuation-plan-compiled', 'evacuation-drill', 'course', 'online-publicity', 'contest', 'activity-news-reported'],
  enterprise: ['evacuation-drill', 'team-established', 'evacuation-plan-compiled', 'training', 'concentrated-publicity', 'activity-news-reported'],
  park: ['evacuation-drill', 'site-established', 'display', 'activity-news-reported'],
  community: ['training', 'evacuation-drill', 'evacuation-plan-revised', 'site-established', 'education-base-visit', 'activity-news-reported'],
  organ: ['study-session', 'display', 'online-publicity', 'evacuation-drill', 'activity-news-reported'],
  town: ['annual-plan-submitted', 'online-publicity', 'media-product', 'liaison-mechanism', 'activity-news-reported'],
};

export function syntheticUnits(count: number, seed = 1): Unit[] {
  const rand = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const kind = KINDS[i % KINDS.length]!;
    const town = QINGPU_TOWNS[Math.floor(rand() * QINGPU_TOWNS.length)]!;
    return { id: `u${i}`, name: `${town.name}合成单位${i}`, kind, town: town.id, headCount: 50 + Math.floor(rand() * 2000), ...(kind === 'community' ? { communityType: 'residential' as const } : {}) };
  });
}

export function syntheticRegistry(count: number, seed = 1): Registry {
  return { district: { id: 'synthetic', name: '合成区（基准测试）', region: 'shanghai', synthetic: true }, towns: [...QINGPU_TOWNS], units: syntheticUnits(count, seed) };
}

/** Activities of one unit, generated on demand (never the whole nation in memory). */
export function* syntheticActivities(unit: Unit, perUnit: number, year: number, seed = 2): Generator<Activity> {
  const rand = seededRandom(seed ^ Number(unit.id.slice(1)));
  const kinds = EVIDENCE[unit.kind] ?? ['training'];
  for (let i = 0; i < perUnit; i++) {
    const kind = kinds[Math.floor(rand() * kinds.length)]!;
    yield { id: `${unit.id}-${i}`, unitId: unit.id, kind, date: addDays(`${year}-01-01`, Math.floor(rand() * 360)), reference: 'r', ...(kind === 'training' ? { topics: ['cpr', 'bandaging', 'gas-masks'] } : {}) };
  }
}

/**
 * A synthetic district of `count` units with `perUnit` activities each, written as JSON Lines
 * (registry.jsonl, activities.jsonl) unit by unit, so a nation never sits in memory. Chinese
 * labels as users write them (学校, 居委, 疏散演练 ...) are left to the whole-file tests; these
 * files use the English ids, which every reader accepts.
 */
export function writeSyntheticJsonl(dir: string, count: number, perUnit: number, year: number, seed = 1): { registry: string; activities: string; bytes: number } {
  return writeSynthetic(dir, count, perUnit, year, seed);
}

/**
 * The same registry and records as {@link writeSyntheticJsonl}, the log in another order: every
 * unit's first record, then every unit's second, and so on (as a log kept by date spreads each
 * unit's records through the file), in `activities-interleaved.jsonl`. The registry is written
 * again, the same bytes.
 */
export function writeInterleavedJsonl(dir: string, count: number, perUnit: number, year: number, seed = 1): { registry: string; activities: string; bytes: number } {
  const parts = Array.from({ length: perUnit }, (_, i) => join(dir, `interleaved-${i}.part`));
  const written = writeSynthetic(dir, count, perUnit, year, seed, parts);
  const activities = join(dir, 'activities-interleaved.jsonl');
  const out = openSync(activities, 'w');
  try {
    const buffer = Buffer.allocUnsafe(4 << 20);
    for (const part of parts) {
      const fd = openSync(part, 'r');
      try {
        for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) writeSync(out, buffer, 0, n);
      } finally {
        closeSync(fd);
      }
      rmSync(part);
    }
  } finally {
    closeSync(out);
  }
  return { ...written, activities };
}

/** Writes the registry and activities.jsonl; with `parts`, each unit's i-th record goes to parts[i] instead (no activities.jsonl). */
function writeSynthetic(dir: string, count: number, perUnit: number, year: number, seed: number, parts?: string[]): { registry: string; activities: string; bytes: number } {
  const registry = join(dir, 'registry.jsonl');
  const activities = join(dir, 'activities.jsonl');
  const units = openSync(registry, 'w');
  const targets = parts ? parts.map((part) => openSync(part, 'w')) : [openSync(activities, 'w')];
  let bytes = 0;
  const rand = seededRandom(seed);
  let u = '';
  const a = targets.map(() => '');
  const flush = () => {
    bytes += writeSync(units, u);
    u = '';
    targets.forEach((fd, i) => {
      bytes += writeSync(fd, a[i]!);
      a[i] = '';
    });
  };
  try {
    // The same units as syntheticUnits(count, seed), one at a time.
    for (let i = 0; i < count; i++) {
      const kind = KINDS[i % KINDS.length]!;
      const town = QINGPU_TOWNS[Math.floor(rand() * QINGPU_TOWNS.length)]!;
      const unit: Unit = { id: `u${i}`, name: `${town.name}合成单位${i}`, kind, town: town.id, headCount: 50 + Math.floor(rand() * 2000), ...(kind === 'community' ? { communityType: 'residential' as const } : {}) };
      u += `${JSON.stringify({ id: unit.id, name: unit.name, kind: kind === 'community' ? '居委' : kind, town: unit.town, headCount: unit.headCount })}\n`;
      let r = 0;
      for (const activity of syntheticActivities(unit, perUnit, year)) {
        const t = parts ? r++ : 0;
        a[t] += `${JSON.stringify(activity)}\n`;
      }
      if (a[0]!.length > 4 << 20) flush();
    }
    flush();
  } finally {
    closeSync(units);
    for (const fd of targets) closeSync(fd);
  }
  return { registry, activities, bytes };
}
