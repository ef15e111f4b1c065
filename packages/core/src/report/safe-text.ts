/**
 * Text from users (unit, town and district names, custom catalog titles) made safe for the
 * places liujin writes it (issue #14 §5, docs/security.md): terminal and spreadsheet control
 * characters shown as visible escapes, Markdown with nothing live.
 */

/**
 * C0 controls (but tab, line feed, carriage return), DEL, C1 controls, and the bidirectional
 * formatting characters that reorder what a reader sees (Unicode TR #9: ALM, LRM, RLM,
 * LRE..RLO, LRI..PDI), plus the line and paragraph separators.
 */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;
// eslint-disable-next-line no-control-regex
const CONTROLS_AND_BREAKS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

const visible = (c: string) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Control and bidi characters replaced by a visible `\uXXXX`; tab and line breaks kept unless `breaks` is false. */
export function neutraliseControls(text: string, options: { breaks?: boolean } = {}): string {
  return text.replace(options.breaks === false ? CONTROLS_AND_BREAKS : CONTROLS, visible);
}

/** True when text holds a character `neutraliseControls` would replace. */
export function hasControls(text: string): boolean {
  CONTROLS.lastIndex = 0;
  return CONTROLS.test(text);
}

/**
 * User text as inline Markdown that renders as the same text and nothing else: every character
 * with a Markdown meaning is backslash-escaped (CommonMark §2.4), including `:` and `@` and the
 * dot of `www.` so GFM renderers make no autolinks; line breaks become spaces; controls visible.
 */
export function markdownText(text: string): string {
  return neutraliseControls(text.replace(/\r\n?|\n/g, ' '), { breaks: false })
    .replace(/[\\`*_{}[\]()<>#!|~&:@+=$^"']/g, (c) => `\\${c}`)
    .replace(/(w)(w)(w)\./gi, '$1$2$3\\.');
}
