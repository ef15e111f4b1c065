/** Shared rendering helpers: labels, percentages and safe cells for every report format. */
import { STATUS_LABELS, UNIT_KIND_LABELS, type AuditResult, type Lang, type Status } from '@liujin/core';

export function percent(share: number | null): string {
  return share === null ? '—' : `${(Math.floor(share * 1000) / 10).toFixed(1)}%`;
}

export function kindName(kind: string, lang: Lang): string {
  return UNIT_KIND_LABELS[kind as keyof typeof UNIT_KIND_LABELS]?.[lang] ?? kind;
}

export function statusName(status: Status, lang: Lang): string {
  return STATUS_LABELS[status][lang];
}

/**
 * A spreadsheet cell that can never run as a formula: text starting with = + - @ or a tab or
 * carriage return gets a leading apostrophe (OWASP CSV injection guidance).
 */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvField(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : typeof value === 'number' ? String(value) : safeCell(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function escapeXml(text: string): string {
  // XML 1.0 forbids most control characters even when escaped.
  // eslint-disable-next-line no-control-regex
  return escapeHtml(text).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '\uFFFD');
}

export function mdCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'));
}

export function unitNames(audit: AuditResult): Map<string, string> {
  return new Map(audit.units.map((u) => [u.unitId, u.name]));
}
