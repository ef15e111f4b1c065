/**
 * XLSX input, loaded only when a workbook is read, so programs that never read one (and the
 * CLI's `--help`) do not load the zip and XML readers.
 */
import type { ParseResult } from '../model/problem';
import type { WorkbookOptions, WorkbookTable } from './xlsx';

export type { WorkbookOptions, WorkbookTable };

/** One worksheet of a workbook's bytes as rows of cells (header first); every problem as data. */
export async function readWorkbook(bytes: Uint8Array, options: WorkbookOptions): Promise<ParseResult<WorkbookTable>> {
  const [{ Inflate }, xlsx] = await Promise.all([import('fflate'), import('./xlsx')]);
  return xlsx.readWorkbook(bytes, options, Inflate);
}
