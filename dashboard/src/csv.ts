// Saving a panel's CSV (and the range's ZIP export) in the browser. The CSV itself is written by
// runtime/csv.ts, the one rule for every export (the API's `csv` field and ZIP export use it too).

/** Saves CSV text (or a blob already fetched) as a file through a temporary link. */
export function download(filename: string, content: string | Blob) {
  const blob = typeof content === 'string' ? new Blob([content], { type: 'text/csv;charset=utf-8' }) : content;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
