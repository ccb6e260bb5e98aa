import { type Sql, sql } from '../../../clickhouse/sql.ts';
import { perWebsite, type Runner, type Scoped } from '../batching.ts';
import { distinctIf, eventsWhere, MAX_BREAKDOWN_ROWS, type Scope, serverEventsWhere } from '../scope.ts';

/** Custom events (tracker and server-side) and their property values. SQL, rows and their mapping to the API, and loaders. */

/** Tracker custom events and server-side events (POST /v1/track) of the scope, as (client_id, name, visitor, properties). */
function customEventRowsSql(scope: Scope): Sql {
  return sql`SELECT client_id, event_name AS name, anonymous_id AS visitor, properties
      FROM analytics.events WHERE ${eventsWhere(scope)} AND event_type = 'custom'
      UNION ALL
      SELECT assumeNotNull(website_id) AS client_id, event_name AS name, ifNull(anonymous_id, '') AS visitor, properties
      FROM analytics.custom_events WHERE ${serverEventsWhere(scope)}`;
}

/**
 * Custom events (tracker and server-side) by name: occurrences and unique visitors. A server
 * event without an anonymous id counts as an occurrence but names no visitor.
 */
export function customEventsSql(scope: Scope): Sql {
  return sql`SELECT client_id, name, count() AS occurrences, ${distinctIf(sql`visitor`, sql`visitor != ''`)} AS visitors
    FROM (${customEventRowsSql(scope)})
    GROUP BY client_id, name
    ORDER BY client_id, occurrences DESC, name
    LIMIT ${sql.param(MAX_BREAKDOWN_ROWS, 'UInt32')} BY client_id`;
}

/** Property keys reported per event, most frequent first, and values per key. */
export const PROPERTY_LIMITS = { keys: 100, values: 50 } as const;

/**
 * One custom event's property values: how often each key takes each value. String values are
 * decoded from JSON (escapes included); other values keep their JSON text (`42`, `true`).
 * At most PROPERTY_LIMITS.keys keys (the most frequent first) and PROPERTY_LIMITS.values values each.
 */
export function eventPropertiesSql(scope: Scope, eventName: string): Sql {
  return sql`SELECT client_id, key, value, occurrences FROM (
      SELECT *, dense_rank() OVER (PARTITION BY client_id ORDER BY key_total DESC, key) AS key_rank FROM (
        SELECT *, sum(occurrences) OVER (PARTITION BY client_id, key) AS key_total FROM (
          SELECT client_id, kv.1 AS key,
            if(JSONType(kv.2) = 'String', JSONExtractString(kv.2), kv.2) AS value, count() AS occurrences
          FROM (${customEventRowsSql(scope)})
          ARRAY JOIN JSONExtractKeysAndValuesRaw(properties) AS kv
          WHERE name = ${eventName}
          GROUP BY client_id, key, value
        )
      )
    )
    WHERE key_rank <= ${sql.param(PROPERTY_LIMITS.keys, 'UInt32')}
    ORDER BY client_id, key_rank, occurrences DESC, value
    LIMIT ${sql.param(PROPERTY_LIMITS.values, 'UInt32')} BY client_id, key`;
}

type NamedCount = { client_id: string; name: string; occurrences: number; visitors: number };

type PropertyRow = { client_id: string; key: string; value: string; occurrences: number };

/** The loaders of this family (see batching.ts), for createAnalyticsLoaders. */
export function customEventsLoaders(run: Runner) {
  return {
    customEvents: perWebsite<Scoped, NamedCount, Omit<NamedCount, 'client_id'>[]>(
      (websiteIds, key) => run({ name: 'analytics_custom_events', query: customEventsSql({ ...key, websiteIds }) }),
      (rows) => rows.map(({ client_id: _, ...row }) => row),
    ),

    eventProperties: perWebsite<Scoped & { eventName: string }, PropertyRow, Omit<PropertyRow, 'client_id'>[]>(
      (websiteIds, key) =>
        run({ name: 'analytics_event_properties', query: eventPropertiesSql({ ...key, websiteIds }, key.eventName) }),
      (rows) => rows.map(({ client_id: _, ...row }) => row),
    ),
  };
}
