/**
 * JSON Lines registries and activity logs read as streams, for audits of a city or a nation:
 * lines are parsed and validated in batches with the same rules as the whole-file readers, and
 * every problem is collected; a source throws them all (InputError) when it has been read to
 * the end, before any report is written.
 */
import { open } from 'node:fs/promises';
import { INPUT_LIMITS, QINGPU_DISTRICT, QINGPU_TOWNS, capProblems, jsonLinesAsRows, parseActivityRows, parseUnitsTable, problem, renumber, type Activity, type District, type Problem, type Town, type Unit } from '@liujin/core';
import type { SetAsideRow } from './inputs';
import { unreadableFile } from './files';
import { InputError } from './runtime';

/** Lines of a JSON Lines file, parsed, in batches, with their line numbers. */
async function* jsonLineBatches(file: string, problems: Problem[], size = 10_000): AsyncGenerator<{ line: number; value: unknown }[]> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw unreadableFile(file, error);
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const buffer = Buffer.alloc(4 << 20);
  let rest = '';
  let lineNumber = 0;
  let batch: { line: number; value: unknown }[] = [];
  const take = (text: string) => {
    lineNumber++;
    const trimmed = lineNumber === 1 ? text.replace(/^\uFEFF/, '').trim() : text.trim();
    if (trimmed === '') return;
    try {
      batch.push({ line: lineNumber, value: JSON.parse(trimmed) as unknown });
    } catch (error) {
      problems.push(problem('invalid_json', { zh: `不是有效的 JSON：${(error as Error).message}`, en: `not valid JSON: ${(error as Error).message}` }, { file, row: lineNumber }));
    }
  };
  try {
    for (;;) {
      let bytesRead: number;
      try {
        ({ bytesRead } = await handle.read(buffer, 0, buffer.length, null));
      } catch (error) {
        throw unreadableFile(file, error);
      }
      let text: string;
      try {
        text = rest + decoder.decode(buffer.subarray(0, bytesRead), { stream: bytesRead > 0 });
      } catch {
        throw new InputError([problem('unknown_encoding', { zh: 'JSON Lines 文件须为 UTF-8 编码', en: 'a JSON Lines file must be UTF-8' }, { file, row: lineNumber + 1 })]);
      }
      const lines = text.split('\n');
      rest = bytesRead > 0 ? lines.pop()! : '';
      // A line without end (a device such as /dev/zero, a binary file) must not grow without bound.
      if (rest.length > INPUT_LIMITS.lineBytes) {
        const limit = `${INPUT_LIMITS.lineBytes / 1024 / 1024} MiB`;
        throw new InputError([problem('line_too_long', { zh: `一行超过 ${limit} 的上限（不是 JSON Lines 文件？）`, en: `a line longer than the ${limit} limit (not a JSON Lines file?)` }, { file, row: lineNumber + lines.length + 1 })]);
      }
      for (const line of lines) take(line);
      if (batch.length >= size || bytesRead === 0) {
        if (batch.length > 0) yield batch;
        batch = [];
      }
      if (bytesRead === 0) break;
    }
  } finally {
    await handle.close();
  }
}

/** Batches of lines as table rows (header first) with their line numbers; problems collected. */
async function* tableBatches(file: string, problems: Problem[]): AsyncGenerator<{ rows: unknown[][]; rowNumbers: number[]; lines: number }> {
  for await (const batch of jsonLineBatches(file, problems)) {
    const table = jsonLinesAsRows(batch, file);
    if (table.ok) yield { ...table.value, lines: batch.length };
    else for (const p of table.problems) problems.push(p);
  }
}

function finish(problems: Problem[], file: string, records: number): void {
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length === 0) {
    if (records === 0) throw new InputError([problem('empty_file', { zh: '文件为空', en: 'the file is empty' }, { file })]);
    return;
  }
  throw new InputError(capProblems(errors, file));
}

/** A JSON Lines registry (one unit per line): `units()` may be iterated again, giving the same units. */
export function streamRegistry(file: string, geography?: { district: District; towns: Town[] }) {
  let checked = false;
  const towns = geography?.towns ?? [...QINGPU_TOWNS];
  return {
    district: geography?.district ?? QINGPU_DISTRICT,
    towns,
    async *units(): AsyncGenerator<Unit> {
      const problems: Problem[] = [];
      const seen = new Map<string, number>();
      let count = 0;
      for await (const table of tableBatches(file, problems)) {
        const parsed = parseUnitsTable(table.rows, { file, ...(geography ? { district: geography.district, towns } : {}) });
        for (const p of renumber(parsed.problems, table.rowNumbers)) problems.push(p);
        if (!parsed.ok) continue;
        for (const [i, unit] of parsed.value.units.entries()) {
          if (!checked) {
            const first = seen.get(unit.id);
            const row = table.rowNumbers[i] ?? 0;
            if (first !== undefined) problems.push(problem('duplicate_id', { zh: `编号「${unit.id}」与第 ${first} 行重复`, en: `id "${unit.id}" repeats row ${first}` }, { file, row, column: 'id' }));
            else seen.set(unit.id, row);
          }
          count++;
          if (problems.length === 0) yield unit;
        }
      }
      checked = true;
      finish(problems, file, count);
    },
  };
}

/**
 * A JSON Lines activity log, read once. Rows whose only problem is an unknown kind go to
 * `setAside` (the audit lists them as unmatched), as with whole files.
 */
export async function* streamActivities(file: string, setAside: SetAsideRow[]): AsyncGenerator<Activity> {
  const problems: Problem[] = [];
  let count = 0;
  for await (const table of tableBatches(file, problems)) {
    const { rowNumbers } = table;
    const parsed = parseActivityRows(table.rows, { file, unknownKinds: 'set-aside' });
    const renumbered = renumber(parsed.problems, rowNumbers);
    for (const p of renumbered) {
      if (p.severity === 'warning' && p.code === 'unknown_kind' && p.data) setAside.push({ unitId: p.data.unitId ?? '', kind: p.data.kind ?? '', date: p.data.date ?? '', file, ...(p.row !== undefined ? { row: p.row } : {}) });
      else problems.push(p);
    }
    count += table.lines;
    if (!parsed.ok) continue;
    for (const a of parsed.value) {
      if (problems.length > 0) break;
      yield a.source ? { ...a, source: { file, row: rowNumbers[a.source.row - 2] ?? a.source.row } } : a;
    }
  }
  finish(problems, file, count);
}
