/** @liujin/audit: coverage audits a district office can act on, and their reports. */
export { readWorkbookRows, writeWorkbook, type SheetSpec } from './workbook';
