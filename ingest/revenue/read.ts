/** Reading fields of a provider's payload, whose values are whatever the sender sent. */

/** A non-empty string, else undefined. */
export const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

/** A number, or a numeric string (Paddle sends amounts as strings); NaN otherwise. */
export const num = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && v ? Number(v) : Number.NaN);
