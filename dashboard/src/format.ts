// How figures are written on the page. The API's numbers are shown as they are: counts exactly,
// shares as percentages with one decimal, durations in minutes and seconds.
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export const formatInt = (n: number) => integer.format(n);

export const formatPercent = (share: number | null | undefined) =>
  share == null ? '—' : `${(share * 100).toFixed(1)}%`;

export function formatDuration(seconds: number | null | undefined): string {
  if (seconds == null) return '—';
  const s = Math.round(seconds);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
}

/** A relative change (0.25 → "+25.0%"); null when the previous period had nothing to compare with. */
export const formatChange = (change: number | null | undefined) =>
  change == null ? '—' : `${change >= 0 ? '+' : '−'}${Math.abs(change * 100).toFixed(1)}%`;

export const formatNumber = (n: number, digits = 2) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });

let regions: Intl.DisplayNames | undefined;
/** Country name from its ISO code, by the browser's own data (no table in the bundle). */
export function countryName(code: string): string {
  if (!/^[A-Z]{2}$/.test(code)) return code;
  regions ??= new Intl.DisplayNames(['en'], { type: 'region' });
  return regions.of(code) ?? code;
}
