/** Shared rendering helpers: labels, percentages and safe cells for every report format. */
import type { AuditResult, Lang, Status } from '@liujin/core';
import { STATUS_LABELS, UNIT_KIND_LABELS } from '@liujin/core/plugin';
import { markdownText, neutraliseControls } from '@liujin/core/text';

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
 * A spreadsheet cell that can never run as a formula: text starting with = + - @ (or their
 * full-width forms ＝ ＋ － ＠, which spreadsheet software also reads as operators) or a tab or
 * carriage return gets a leading apostrophe (OWASP CSV injection guidance). Terminal control and
 * bidi characters are shown as visible `\uXXXX` escapes (issue #14 §5).
 */
export function safeCell(value: string): string {
  const text = neutraliseControls(value);
  return /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(text) ? `'${text}` : text;
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

/** User text in Markdown (a table cell or a line): nothing live, controls visible (core's markdownText). */
export const mdCell = markdownText;

export function unitNames(audit: AuditResult): Map<string, string> {
  return new Map(audit.units.map((u) => [u.unitId, u.name]));
}
