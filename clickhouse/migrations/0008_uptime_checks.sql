-- One row per uptime check: outcome, HTTP status, latency and its phases where measurable.
CREATE TABLE IF NOT EXISTS uptime.checks (
  monitor_id String,
  owner_id String,
  website_id Nullable(String),

  timestamp DateTime64(3, 'UTC') CODEC(Delta(8), ZSTD(1)),
  region LowCardinality(String),
  url String CODEC(ZSTD(1)),

  -- up, down or degraded
  status LowCardinality(String),
  http_status Nullable(UInt16),
  total_ms UInt32,
  dns_ms Nullable(UInt32),
  connect_ms Nullable(UInt32),
  tls_ms Nullable(UInt32),
  first_byte_ms Nullable(UInt32),
  response_bytes Nullable(UInt64),
  error Nullable(String) CODEC(ZSTD(1))
) ENGINE = MergeTree
PARTITION BY toYYYYMM(timestamp)
ORDER BY (monitor_id, timestamp)
TTL toDateTime(timestamp) + INTERVAL 1 YEAR;
