// Saving a panel's CSV in the browser. The CSV itself is written by runtime/csv.ts, the one rule
// for every export (the API's `csv` field and ZIP export use it too).

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
