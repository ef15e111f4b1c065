/**
 * Deterministic identifiers: OSCAL wants UUIDs (RFC 4122 version 4 or 5); liujin derives version 5
 * UUIDs from stable names (requirement id, unit id, year...) so the same input gives the same bytes
 * and a finding keeps its UUID from one revision of a document to the next (OSCAL's "per-subject"
 * assignment). Documents themselves take a UUID from their content, so a changed document gets a
 * new one, as OSCAL asks.
 */
import { v5 } from 'uuid';

/** liujin's own UUID namespace: the version 5 UUID of its property namespace under the URL namespace. */
export const DEFAULT_PROPERTY_NAMESPACE = 'urn:liujin:oscal';

export function uuidNamespace(propertyNamespace: string): string {
  return v5(propertyNamespace, v5.URL);
}

/** A version 5 UUID of `parts` joined by `|` under the namespace. */
export function stableUuid(namespace: string, ...parts: readonly (string | number)[]): string {
  return v5(parts.map(String).join('|'), namespace);
}

/**
 * OSCAL's StringDatatype: non-empty, no leading or trailing whitespace, one line. Whitespace runs
 * (including line breaks) become one space; an empty value becomes "-" (never dropped silently).
 */
export function oscalString(value: string): string {
  const text = value.replace(/\s+/g, ' ').trim();
  return text === '' ? '-' : text;
}

/**
 * OSCAL's TokenDatatype (an XML NCName): letters, digits, `.`, `-`, `_`, starting with a letter or
 * `_`. Catalog ids already satisfy it; anything else is mapped character by character.
 */
export function oscalToken(value: string): string {
  const token = [...value].map((c) => (/[\p{L}\p{N}._-]/u.test(c) ? c : '_')).join('');
  return /^[\p{L}_]/u.test(token) ? token : `_${token}`;
}
