// CSV as every export of Tidemark writes it: the dashboard's panel downloads, the API's `csv`
// field and the files of GET /export/<websiteId>.zip. Pure (no Node or DOM APIs), so the
// dashboard's browser bundle and the API share this one rule.

/** A value a cell can hold. Dates are written as ISO 8601 instants in UTC, numbers unformatted. */
export type Cell = string | number | boolean | Date | null | undefined;

/** A column of a table of rows: its header and how a row gives its cell. */
export interface CsvColumn<R> {
  name: string;
  // Method syntax: a table of some row type is usable where any table is expected.
  value(row: R): Cell;
}

/** Lines end with CRLF (RFC 4180), including the last one. */
export const CSV_LINE_END = '\r\n';

/**
 * Text a spreadsheet would run as a formula. Paths, referrers and event names are whatever
 * visitors' browsers send, so such text cells get a leading apostrophe (OWASP, "CSV Injection").
 * Numbers are never prefixed: a negative number is data, and it is not text a visitor chose.
 */
const FORMULA = /^[=+\-@\t\r]/;
/** Cells holding these are quoted, with inner quotes doubled (RFC 4180). */
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(cell: Cell): string {
  let text: string;
  if (cell == null) text = '';
  else if (cell instanceof Date) text = Number.isNaN(cell.getTime()) ? '' : cell.toISOString();
  else if (typeof cell === 'number') text = Number.isFinite(cell) ? String(cell) : '';
  else if (typeof cell === 'boolean') text = String(cell);
  else text = FORMULA.test(cell) ? `'${cell}` : cell;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, with its line end. */
export const csvLine = (cells: readonly Cell[]) => `${cells.map(csvCell).join(',')}${CSV_LINE_END}`;

/** The header record of a table (names go through the same quoting as any cell). */
export const csvHeader = <R>(columns: readonly CsvColumn<R>[]) => csvLine(columns.map((column) => column.name));

/** The records of rows (no header), for writers that add rows page by page. */
export function csvRows<R>(columns: readonly CsvColumn<R>[], rows: Iterable<R>): string {
  let text = '';
  for (const row of rows) text += csvLine(columns.map((column) => column.value(row)));
  return text;
}

/** A whole table: the header, then one record per row. */
export const csvTable = <R>(columns: readonly CsvColumn<R>[], rows: Iterable<R>) =>
  csvHeader(columns) + csvRows(columns, rows);

/** A header and rows given as cells (the dashboard's panels hold their rows this way). */
export const toCsv = (header: readonly string[], rows: readonly (readonly Cell[])[]) =>
  [header, ...rows].map(csvLine).join('');
