// CSV of a panel, built in the browser from the very rows the panel shows (RFC 4180 quoting).

export type Cell = string | number | boolean | null | undefined;

/**
 * Text a spreadsheet would run as a formula. Paths, referrers and event names are whatever
 * visitors' browsers send, so such cells get a leading apostrophe (OWASP's advice for CSV export).
 */
const FORMULA = /^[=+\-@\t\r]/;

const quote = (cell: Cell) => {
  const raw = cell == null ? '' : String(cell);
  const text = typeof cell === 'string' && FORMULA.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export const toCsv = (header: string[], rows: Cell[][]) =>
  `${[header, ...rows].map((row) => row.map(quote).join(',')).join('\r\n')}\r\n`;

/** Saves `text` as a file through a temporary link (no server round trip). */
export function download(filename: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
