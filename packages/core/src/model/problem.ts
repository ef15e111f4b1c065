import type { z } from 'zod';
import type { LocalizedText } from './text';

/**
 * A validation or rule problem as data (STYLE.md habit 6): a code, where it is and a message in
 * both languages. Parsers return every problem at once; they never throw on bad input.
 */
export interface Problem {
  /** Machine-readable code, e.g. `invalid_type`, `duplicate_id`, `unknown_town`. */
  readonly code: string;
  readonly severity: 'error' | 'warning';
  /** Path inside the parsed value, e.g. `['units', 3, 'town']`. */
  readonly path: readonly (string | number)[];
  readonly message: LocalizedText;
  /** The file the value came from, when it came from one. */
  readonly file?: string;
  /** Row as a spreadsheet numbers it (the header row is 1), or the line of a JSON Lines file. */
  readonly row?: number;
  /** Column name as written in the file's header. */
  readonly column?: string;
  /** Values of the record concerned, for callers that act on it (e.g. a row set aside). */
  readonly data?: Readonly<Record<string, string>>;
}

/**
 * The result of parsing input: a value with warnings, or the problems found (all of them) and what could be read.
 */
export type ParseResult<T> =
  | { readonly ok: true; readonly value: T; readonly problems: readonly Problem[] }
  /** `partial`: the records that did parse, so a caller can still check them against other files. */
  | {
      readonly ok: false;
      readonly problems: readonly Problem[];
      readonly partial?: T;
      /** Ids of every record read, those with problems included, so other files naming them are not reported as naming unknown ones. */
      readonly knownIds?: readonly string[];
    };

/** Thrown only where a caller asked for a value and the input had errors (`parseOrThrow` style APIs). */
export class LiujinValidationError extends Error {
  override readonly name = 'LiujinValidationError';
  constructor(
    readonly problems: readonly Problem[],
    context = 'input',
  ) {
    super(`${context} is invalid:\n${problems.map((p) => `- ${formatProblem(p, 'en')}`).join('\n')}`);
  }
}

/** Renders a problem on one line: `file:row column: message`. */
export function formatProblem(problem: Problem, lang: 'zh' | 'en' = 'zh'): string {
  const where: string[] = [];
  if (problem.file) where.push(problem.file);
  if (problem.row !== undefined) where.push(lang === 'zh' ? `第 ${problem.row} 行` : `row ${problem.row}`);
  if (problem.column) where.push(lang === 'zh' ? `列「${problem.column}」` : `column "${problem.column}"`);
  // A JSON file's problem has no row: its path (e.g. 0.holidays.2.date) says where, after the file.
  if (problem.row === undefined && !problem.column && problem.path.length > 0) where.push(problem.path.join('.'));
  const prefix = where.length > 0 ? `${where.join(lang === 'zh' ? '，' : ', ')}: ` : '';
  return `${prefix}${problem.message[lang]}`;
}

/** Builds a {@link Problem} with its code, zh/en message and location. */
export function problem(
  code: string,
  message: LocalizedText,
  where: Partial<Pick<Problem, 'path' | 'file' | 'row' | 'column' | 'severity'>> = {},
): Problem {
  return { code, severity: where.severity ?? 'error', path: where.path ?? [], message, ...pickDefined(where) };
}

function pickDefined(where: Partial<Pick<Problem, 'file' | 'row' | 'column'>>) {
  const out: { file?: string; row?: number; column?: string } = {};
  if (where.file !== undefined) out.file = where.file;
  if (where.row !== undefined) out.row = where.row;
  if (where.column !== undefined) out.column = where.column;
  return out;
}

/** Turns zod issues into problems with messages in both languages. */
export function problemsFromZod(error: z.ZodError, base: Partial<Pick<Problem, 'path' | 'file' | 'row'>> = {}): Problem[] {
  return error.issues.map((issue) => {
    const path = [...(base.path ?? []), ...issue.path.map((k) => (typeof k === 'symbol' ? String(k) : k))];
    return problem(issue.code, { zh: zhMessage(issue), en: issue.message }, { ...base, path });
  });
}

/** Chinese for the model's own English messages (text.ts). */
const ZH_MESSAGES: Readonly<Record<string, string>> = {
  'no such calendar date': '日期不存在',
  'expected a date as YYYY-MM-DD': '日期应写成 YYYY-MM-DD，例如 2026-05-12',
  'expected a time as HH:MM': '时间应写成 HH:MM（24 小时制），例如 11:35',
  'ids use letters, digits, ".", "-" and "_" only': '编号只能由字母、数字和 . - _ 组成，并以字母或数字开头',
};

function zhMessage(issue: z.core.$ZodIssue): string {
  const own = ZH_MESSAGES[issue.message];
  if (own !== undefined) return own;
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? '缺少必填项' : `类型不正确，应为 ${issue.expected}`;
    case 'invalid_value':
      return `取值不在允许范围内（允许：${issue.values.map(String).join('、')}）`;
    case 'too_small':
      return issue.origin === 'string' ? '内容过短或为空' : `数值过小（最小 ${String(issue.minimum)}）`;
    case 'too_big':
      return issue.origin === 'string' ? `内容过长（最多 ${String(issue.maximum)} 个字符）` : `数值过大（最大 ${String(issue.maximum)}）`;
    case 'invalid_format':
      return `格式不正确（${issue.format}）`;
    case 'unrecognized_keys':
      return `不认识的字段：${issue.keys.join('、')}`;
    case 'invalid_union':
      return '不符合任何允许的格式';
    case 'custom':
      return issue.message;
    default:
      return issue.message;
  }
}
