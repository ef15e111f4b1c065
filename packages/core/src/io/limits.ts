/**
 * Size limits on input, so a hostile or broken file ends with a clear problem in bounded memory
 * and time (docs/security.md, docs/input-formats.md). They are technical limits, not thresholds
 * of the notice: each sits well above what a district's real files hold.
 */
import { problem, type Problem } from '../model/problem';

/** The limits of one input file: bytes, rows and characters per cell (a larger input is a problem, never a crash). */
export const INPUT_LIMITS = {
  /** Bytes of one input file read whole (CSV, JSON, JSON Lines, XLSX). Larger activity logs: JSON Lines, streamed by `audit`. */
  fileBytes: 64 * 1024 * 1024,
  /** Data rows of one table: the most a spreadsheet holds (Excel: 1,048,576 rows). */
  rows: 1_048_576,
  /** Characters of one cell: Excel's own limit. */
  cellCharacters: 32_767,
  /** Bytes of one JSON Lines line read as a stream (a unit or activity record is a few KB). */
  lineBytes: 1024 * 1024,
  /** Bytes all parts of a workbook that liujin reads may decompress to (a zip bomb stops here). */
  workbookBytes: 256 * 1024 * 1024,
  /** Problems listed per file; the rest are counted in one closing problem. */
  problems: 1000,
} as const;

const MIB = 1024 * 1024;

/** "64 MiB" or "1,048,576". */
export function describeLimit(value: number, unit: 'bytes' | 'count'): string {
  return unit === 'bytes' ? `${Math.round(value / MIB)} MiB` : value.toLocaleString('en-US');
}

/** The problem for a file over the size limit, naming the limit and the streamed alternative (JSON Lines). */
export function fileTooLarge(file: string | undefined, limit: number = INPUT_LIMITS.fileBytes): Problem {
  const size = describeLimit(limit, 'bytes');
  return problem(
    'file_too_large',
    {
      zh: `文件超过 ${size} 的上限，未读取。更大的活动记录请用 JSON Lines（.jsonl），audit 会逐行读取`,
      en: `the file is larger than the ${size} limit and was not read; for larger activity logs use JSON Lines (.jsonl), which audit reads line by line`,
    },
    file !== undefined ? { file } : {},
  );
}

export function tooManyRows(file: string, limit: number = INPUT_LIMITS.rows): Problem {
  const n = describeLimit(limit, 'count');
  return problem('too_many_rows', { zh: `数据行超过 ${n} 行的上限`, en: `more than the limit of ${n} rows` }, { file });
}

/**
 * The first `limit` problems of a list, and one closing problem counting the rest (STYLE: all
 * problems at once, but a nation's broken file must not flood the terminal or the JSON answer).
 */
export function capProblems(problems: readonly Problem[], file?: string, limit: number = INPUT_LIMITS.problems): Problem[] {
  if (problems.length <= limit) return [...problems];
  const listed = problems.slice(0, limit);
  const rest = problems.length - limit;
  listed.push(problem('more_problems', { zh: `另有 ${rest} 个问题未列出`, en: `${rest} more problems not listed` }, file !== undefined ? { file } : {}));
  return listed;
}
