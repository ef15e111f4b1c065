/**
 * Commander's usage errors in the user's language. Commander writes them in English only
 * (`error: unknown option '--x'`, its "Did you mean" line, ...); the CLI's other messages follow
 * `--lang`, so these are translated by their known shapes (commander 14, lib/command.js). A message
 * of an unknown shape is passed on as written.
 */
import type { Lang } from '@liujin/core';

const quoted = (s: string) => `「${s}」`;

/** Each shape of commander's messages and its Chinese. */
const SHAPES: [RegExp, (...m: string[]) => string][] = [
  [/^error: unknown option '(.+)'$/, (o) => `错误：未知选项${quoted(o)}`],
  [/^error: unknown command '(.+)'$/, (c) => `错误：未知命令${quoted(c)}`],
  [/^error: missing required argument '(.+)'$/, (a) => `错误：缺少必需的参数${quoted(a)}`],
  [/^error: option '(.+)' argument missing$/, (o) => `错误：选项${quoted(o)}缺少取值`],
  [/^error: required option '(.+)' not specified$/, (o) => `错误：未给出必需的选项${quoted(o)}`],
  [/^error: option '(.+)' argument '(.*)' is invalid\. Allowed choices are (.+)\.$/, (o, v, c) => `错误：选项${quoted(o)}的取值${quoted(v)}无效，可选：${c}`],
  [/^error: option '(.+)' argument '(.*)' is invalid\.(.*)$/, (o, v, rest) => `错误：选项${quoted(o)}的取值${quoted(v)}无效${rest.trim() ? `：${rest.trim()}` : ''}`],
  [/^error: too many arguments(?: for '(.+)')?\. Expected (\d+) arguments? but got (\d+)\.$/, (c, e, g) => `错误：${c ? `命令${quoted(c)}的` : ''}参数过多：应为 ${e} 个，实际 ${g} 个`],
  [/^\(Did you mean one of (.+)\?\)$/, (l) => `（是否应为以下之一：${l}？）`],
  [/^\(Did you mean (.+)\?\)$/, (s) => `（是否应为 ${s}？）`],
];

/** One line of commander's error output, in `lang` (English as commander wrote it). */
function localizeLine(line: string, lang: Lang): string {
  if (lang === 'en') return line;
  for (const [shape, zh] of SHAPES) {
    const m = shape.exec(line);
    if (m) return zh(...m.slice(1).map((s) => s ?? ''));
  }
  return line;
}

/** Commander's error text (one or more lines) in `lang`. */
export function localizeUsageError(text: string, lang: Lang): string {
  return text
    .split('\n')
    .map((line) => localizeLine(line, lang))
    .join('\n');
}
