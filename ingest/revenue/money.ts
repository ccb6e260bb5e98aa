/** Currencies whose amounts providers send without a minor unit, or with three decimals (ISO 4217). */
const ZERO_DECIMAL = new Set('BIF CLP DJF GNF JPY KMF KRW MGA PYG RWF UGX VND VUV XAF XOF XPF'.split(' '));
const THREE_DECIMAL = new Set('BHD JOD KWD OMR TND'.split(' '));

/** Digits after the decimal point of a currency's minor unit. */
export function minorUnitDigits(currency: string): number {
  const code = currency.toUpperCase();
  return ZERO_DECIMAL.has(code) ? 0 : THREE_DECIMAL.has(code) ? 3 : 2;
}

/** Minor units (cents) → major units (dollars), by currency; NaN stays NaN (the event is refused). */
export function toMajor(minor: number, currency: unknown): number {
  return minor / 10 ** minorUnitDigits(typeof currency === 'string' ? currency : '');
}
