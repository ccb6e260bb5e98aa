-- Web vitals per page view (issue 18). The tracker reports CLS and INP of a page view again at
-- each later hide, under the page view's id (view_id), so one page view and metric may have
-- several rows. A ReplacingMergeTree keyed by the page view keeps the latest (by timestamp):
-- merges drop the others, and queries read with FINAL, so percentiles and good/poor shares count
-- each page view once. Ingest always sets view_id (the tracker's page-view id, else the report's
-- own event id); rows written without one, and those copied from web_vitals_spans, stand alone.
-- Monthly partitions, so a page view's reports nearly always share one (FINAL merges across
-- partitions anyway).
CREATE TABLE IF NOT EXISTS analytics.web_vitals (
  client_id String CODEC(ZSTD(1)),
  anonymous_id String CODEC(ZSTD(1)),
  session_id String CODEC(ZSTD(1)),
  view_id String DEFAULT concat(session_id, '@', toString(timestamp)) CODEC(ZSTD(1)),

  timestamp DateTime64(3, 'UTC') CODEC(Delta(8), ZSTD(1)),
  path String CODEC(ZSTD(1)),

  metric_name LowCardinality(String) CODEC(ZSTD(1)),
  metric_value Float64 CODEC(Gorilla, ZSTD(1)),

  browser_name LowCardinality(String) DEFAULT '' CODEC(ZSTD(1)),
  os_name LowCardinality(String) DEFAULT '' CODEC(ZSTD(1)),
  device_type LowCardinality(String) DEFAULT '' CODEC(ZSTD(1)),
  country LowCardinality(String) DEFAULT '' CODEC(ZSTD(1)),

  INDEX idx_session_id session_id TYPE bloom_filter(0.01) GRANULARITY 1,
  INDEX idx_timestamp timestamp TYPE minmax GRANULARITY 1
) ENGINE = ReplacingMergeTree(timestamp)
PARTITION BY toYYYYMM(timestamp)
ORDER BY (client_id, metric_name, path, view_id)
TTL toDateTime(timestamp) + INTERVAL 1 YEAR
SETTINGS index_granularity = 8192, non_replicated_deduplication_window = 1000;

INSERT INTO analytics.web_vitals (client_id, anonymous_id, session_id, view_id, timestamp, path, metric_name, metric_value, browser_name, os_name, device_type, country)
SELECT client_id, anonymous_id, session_id, concat(session_id, '@', toString(timestamp)), timestamp, path, metric_name, metric_value, browser_name, os_name, device_type, country
FROM analytics.web_vitals_spans;

-- The hourly rollup folded each row into quantile states as it was inserted: a replaced report
-- would count twice, and a state cannot take a sample back out. No query read it.
DROP VIEW IF EXISTS analytics.web_vitals_hourly_mv;
DROP TABLE IF EXISTS analytics.web_vitals_hourly;
DROP TABLE IF EXISTS analytics.web_vitals_spans;
