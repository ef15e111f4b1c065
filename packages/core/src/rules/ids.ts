import type { Activity } from '../model/activity';

/** A 53-bit string hash (cyrb53): stable across platforms, no crypto dependency in core. */
function contentHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36).padStart(11, '0');
}

/** Derived ids by record: the audit asks for the id of one record several times (its rows, the evidence lists). */
const derived = new WeakMap<Activity, string>();

/** An activity's id: its own, or one derived from its content (never from its position). */
export function activityId(activity: Activity): string {
  if (activity.id) return activity.id;
  let id = derived.get(activity);
  if (id === undefined) {
    const { source: _source, ...content } = activity;
    id = `${activity.unitId}/${activity.date}/${activity.kind}/${contentHash(JSON.stringify(content))}`;
    derived.set(activity, id);
  }
  return id;
}
