import DataLoader from 'dataloader';
import type { QueryOptions } from '../../clickhouse/query.ts';
import type { FilterNode } from './filters.ts';
import type { DateRange } from './range.ts';

/**
 * The run stage of analytics: DataLoaders that batch identical query shapes across owners
 * (websites, links, monitors, organizations) of one GraphQL request into one ClickHouse query,
 * then split the rows by owner (`client_id`). Each family (families/*.ts) builds its loaders
 * with these; loader.ts assembles one set per request.
 */

export type Runner = <Row>(options: QueryOptions) => Promise<Row[]>;

/** The key of a website question: its website, range and filters. */
export interface Scoped {
  websiteId: string;
  range: DateRange;
  filters: readonly FilterNode[];
}

/**
 * Groups items by a key in one pass (O(n): each item is appended once). Counts its work in
 * `work.steps` when given, so tests can check it stays linear.
 */
export function groupBy<T>(items: Iterable<T>, keyOf: (item: T) => string, work?: { steps: number }): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    if (work) work.steps++;
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/**
 * A DataLoader batched by owner: its batch function groups keys by everything but the owner id
 * (a website, link, monitor or organization), or by `batchOf` when given, runs one query per
 * group for all its owners (with the group's keys), and hands each key its owner's rows.
 */
export function perOwner<K extends { ownerId: string }, Row extends { client_id: string }, V>(
  query: (ownerIds: string[], shape: K, keys: readonly K[]) => Promise<Row[]>,
  toValue: (rows: Row[], key: K) => V,
  batchOf: (key: K) => unknown = (key) => ({ ...key, ownerId: undefined }),
) {
  const shapeOf = (key: K) => JSON.stringify(batchOf(key));
  return new DataLoader<K, V, string>(
    async (keys) => {
      const rowsByShape = new Map<string, Map<string, Row[]>>();
      await Promise.all(
        [...groupBy(keys, shapeOf)].map(async ([shape, group]) => {
          const ids = [...new Set(group.map((k) => k.ownerId))];
          rowsByShape.set(
            shape,
            groupBy(await query(ids, group[0] as K, group), (row) => row.client_id),
          );
        }),
      );
      return keys.map((key) => toValue(rowsByShape.get(shapeOf(key))?.get(key.ownerId) ?? [], key));
    },
    { cacheKeyFn: (key) => JSON.stringify(key) },
  );
}

/** Website analytics: keys name their website as `websiteId`, which is the owner. */
export function perWebsite<K extends { websiteId: string }, Row extends { client_id: string }, V>(
  query: (websiteIds: string[], shape: K, keys: readonly K[]) => Promise<Row[]>,
  toValue: (rows: Row[], key: K) => V,
  batchOf?: (key: K) => unknown,
) {
  type Keyed = Omit<K, 'websiteId'> & { ownerId: string };
  const withWebsite = ({ ownerId, ...rest }: Keyed) => ({ ...rest, websiteId: ownerId }) as unknown as K;
  const loader = perOwner<Keyed, Row, V>(
    (ids, shape, keys) => query(ids, withWebsite(shape), keys.map(withWebsite)),
    (rows, key) => toValue(rows, withWebsite(key)),
    batchOf && ((key) => batchOf({ ...withWebsite(key), websiteId: undefined })),
  );
  return {
    load: ({ websiteId, ...rest }: K) => loader.load({ ...rest, ownerId: websiteId } as Keyed),
  };
}
