/** "Did you mean": the nearest valid value to a misspelt one, for problems a clerk can act on. */

/** Edit distance (insert, delete, substitute one character), stopping early beyond `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, current[j]!);
    }
    if (best > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The candidate closest to `value`, when it is close enough to be a slip (at most a third of
 * its characters differ, at least one); undefined when none is, or when two are equally close.
 */
export function nearest(value: string, candidates: Iterable<string>): string | undefined {
  const v = value.trim().toLowerCase();
  if (v === '') return undefined;
  const max = Math.max(1, Math.floor(v.length / 3));
  let best: string | undefined;
  let bestDistance = max + 1;
  let tie = false;
  for (const candidate of candidates) {
    const d = editDistance(v, candidate.toLowerCase(), bestDistance);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance && best !== undefined && candidate !== best) tie = true;
  }
  return tie ? undefined : best;
}

/** Whether text is written in Chinese (then valid values are listed in Chinese). */
export function looksChinese(text: string): boolean {
  return /\p{Script=Han}/u.test(text);
}
