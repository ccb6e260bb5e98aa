-- Short link clicks (GET /l/<slug> on ingest). No IP address, as everywhere.
CREATE TABLE IF NOT EXISTS analytics.link_clicks (
  link_id String,
  owner_id String,
  website_id Nullable(String),

  timestamp DateTime64(3, 'UTC') CODEC(Delta(8), ZSTD(1)),
  -- Daily salted hash of address and user agent: unique clickers per day without identifying anyone.
  visitor_hash String CODEC(ZSTD(1)),
  referrer Nullable(String) CODEC(ZSTD(1)),

  browser_name LowCardinality(String) DEFAULT '',
  os_name LowCardinality(String) DEFAULT '',
  device_type LowCardinality(String) DEFAULT '',
  country LowCardinality(String) DEFAULT ''
) ENGINE = MergeTree
PARTITION BY toYYYYMM(timestamp)
ORDER BY (link_id, timestamp)
TTL toDateTime(timestamp) + INTERVAL 1 YEAR;
