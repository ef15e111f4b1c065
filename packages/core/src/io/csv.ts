/**
 * CSV text to rows of cells (csv-parse), with problems for broken quoting. A header line with
 * tabs and no comma is read as tab-separated (Excel's "Unicode text" export).
 */
import { parse } from 'csv-parse/sync';
import { problem, type ParseResult, type Problem } from '../model/problem';
import { INPUT_LIMITS, tooManyRows } from './limits';

/**
 * Splits CSV text into rows of cells (RFC 4180 quoting); a malformed file is a problem, not an exception.
 */
export function parseCsvRows(text: string, file: string): ParseResult<string[][]> {
  try {
    const newline = text.search(/\r?\n/);
    const header = newline < 0 ? text : text.slice(0, newline);
    const delimiter = header.includes('\t') && !header.includes(',') ? '\t' : ',';
    // Stop one past the limit (header + rows): memory stays bounded whatever the file holds.
    const rows = parse(text, { relax_column_count: true, skip_empty_lines: true, bom: true, delimiter, to: INPUT_LIMITS.rows + 2 }) as string[][];
    if (rows.length > INPUT_LIMITS.rows + 1) return { ok: false, problems: [tooManyRows(file)] };
    return { ok: true, value: rows, problems: [] };
  } catch (error) {
    const e = error as { message: string; lines?: number; code?: string };
    return {
      ok: false,
      problems: [
        problem(
          'invalid_csv',
          { zh: `CSV 格式错误（可能是引号不配对）：${e.message}`, en: `malformed CSV (unbalanced quotes?): ${e.message}` },
          { file, ...(e.lines !== undefined ? { row: e.lines } : {}) },
        ),
      ],
    };
  }
}

/** One line of a JSON Lines file: its value, nothing for a blank line, or the problem (the one line reader of whole and streamed files). */
export function parseJsonLine(text: string, line: number, file: string): { line: number; value: unknown } | Problem | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  try {
    return { line, value: JSON.parse(trimmed) as unknown };
  } catch (error) {
    return problem('invalid_json', { zh: `不是有效的 JSON：${(error as Error).message}`, en: `not valid JSON: ${(error as Error).message}` }, { file, row: line });
  }
}

/** JSON Lines: one JSON value per non-empty line; problems name the line. */
export function parseJsonLines(text: string, file: string): ParseResult<{ line: number; value: unknown }[]> {
  const out: { line: number; value: unknown }[] = [];
  const problems: Problem[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const parsed = parseJsonLine(lines[i]!, i + 1, file);
    if (parsed === undefined) continue;
    if ('value' in parsed) {
      if (out.length >= INPUT_LIMITS.rows) return { ok: false, problems: [tooManyRows(file)] };
      out.push(parsed);
    } else problems.push(parsed);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: out, problems: [] };
}

const MAX_DEPTH = 64;

/** JSON text to a value, refusing documents nested deeper than real inputs ever are. */
export function parseJsonText(text: string, file: string): ParseResult<unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    return { ok: false, problems: [problem('invalid_json', { zh: `不是有效的 JSON：${(error as Error).message}`, en: `not valid JSON: ${(error as Error).message}` }, { file })] };
  }
  const depth = (v: unknown, d: number): number => {
    if (d > MAX_DEPTH || typeof v !== 'object' || v === null) return d;
    let max = d;
    for (const child of Object.values(v)) max = Math.max(max, depth(child, d + 1));
    return max;
  };
  if (depth(value, 0) > MAX_DEPTH) {
    return { ok: false, problems: [problem('too_deep', { zh: `JSON 嵌套超过 ${MAX_DEPTH} 层`, en: `JSON nested deeper than ${MAX_DEPTH} levels` }, { file })] };
  }
  return { ok: true, value, problems: [] };
}
