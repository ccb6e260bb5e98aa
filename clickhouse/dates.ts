/**
 * Instants ClickHouse's DateTime64 columns hold: [1900-01-01, 2300-01-01) UTC. Outside it a
 * parameter does not compare as the same instant (or fails the query), so every date a client
 * sends is checked against it before a query is built.
 */
export const DATETIME64_RANGE = { from: new Date('1900-01-01T00:00:00Z'), to: new Date('2300-01-01T00:00:00Z') };

export function storableInstant(date: Date): boolean {
  return date >= DATETIME64_RANGE.from && date < DATETIME64_RANGE.to;
}
