-- JavaScript errors, one row per occurrence. Added to the seed: browser/OS/device/country.
CREATE TABLE IF NOT EXISTS analytics.error_spans (
  client_id String CODEC(ZSTD(1)),
  anonymous_id String CODEC(ZSTD(1)),
  session_id String CODEC(ZSTD(1)),

  timestamp DateTime64(3, 'UTC') CODEC(Delta(8), ZSTD(1)),
  path String CODEC(ZSTD(1)),

  message String CODEC(ZSTD(1)),
  filename Nullable(String) CODEC(ZSTD(1)),
  lineno Nullable(Int32) CODEC(ZSTD(1)),
  colno Nullable(Int32) CODEC(ZSTD(1)),
  stack Nullable(String) CODEC(ZSTD(1)),
  error_type LowCardinality(String) CODEC(ZSTD(1)),

  browser_name LowCardinality(String) DEFAULT '' CODEC(ZSTD(1)),
  os_name LowCardinality(String) DEFAULT '' CODEC(ZSTD(1)),
  device_type LowCardinality(String) DEFAULT '' CODEC(ZSTD(1)),
  country LowCardinality(String) DEFAULT '' CODEC(ZSTD(1)),

  INDEX idx_session_id session_id TYPE bloom_filter(0.01) GRANULARITY 1,
  INDEX idx_error_type error_type TYPE bloom_filter(0.01) GRANULARITY 1,
  INDEX idx_message message TYPE tokenbf_v1(10240, 3, 0) GRANULARITY 1
) ENGINE = MergeTree
PARTITION BY toDate(timestamp)
ORDER BY (client_id, error_type, path, timestamp)
TTL toDateTime(timestamp) + INTERVAL 1 YEAR;

-- Hourly error rollup. The seed declared error_count and sample_message as plain columns,
-- which AggregatingMergeTree does not aggregate (a merge keeps one row's value); they are
-- SimpleAggregateFunction(sum / any) here so counts stay right after merges.
CREATE TABLE IF NOT EXISTS analytics.error_hourly (
  client_id String,
  path String,
  error_type LowCardinality(String),
  message_hash UInt64,
  hour DateTime('UTC'),

  error_count SimpleAggregateFunction(sum, UInt64),
  affected_users AggregateFunction(uniq, String),
  affected_sessions AggregateFunction(uniq, String),
  sample_message SimpleAggregateFunction(any, String)
) ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(hour)
ORDER BY (client_id, error_type, path, hour, message_hash)
TTL hour + INTERVAL 1 YEAR;

CREATE MATERIALIZED VIEW IF NOT EXISTS analytics.error_hourly_mv
TO analytics.error_hourly
AS SELECT
  client_id,
  path,
  error_type,
  cityHash64(message) AS message_hash,
  toStartOfHour(timestamp) AS hour,
  count() AS error_count,
  uniqState(anonymous_id) AS affected_users,
  uniqState(session_id) AS affected_sessions,
  any(message) AS sample_message
FROM analytics.error_spans
GROUP BY client_id, path, error_type, message_hash, hour;
