-- Web vitals samples (LCP, FCP, CLS, INP, TTFB, FPS), one row per measurement.
-- Added to the seed: browser/OS/device/country so vitals break down by them.
CREATE TABLE IF NOT EXISTS analytics.web_vitals_spans (
  client_id String CODEC(ZSTD(1)),
  anonymous_id String CODEC(ZSTD(1)),
  session_id String CODEC(ZSTD(1)),

  timestamp DateTime64(3, 'UTC') CODEC(Delta(8), ZSTD(1)),
  path String CODEC(ZSTD(1)),

  metric_name LowCardinality(String) CODEC(ZSTD(1)),
  metric_value Float64 CODEC(Gorilla, ZSTD(1)),

  browser_name LowCardinality(String) DEFAULT '' CODEC(ZSTD(1)),
  os_name LowCardinality(String) DEFAULT '' CODEC(ZSTD(1)),
  device_type LowCardinality(String) DEFAULT '' CODEC(ZSTD(1)),
  country LowCardinality(String) DEFAULT '' CODEC(ZSTD(1)),

  INDEX idx_session_id session_id TYPE bloom_filter(0.01) GRANULARITY 1,
  INDEX idx_metric_value metric_value TYPE minmax GRANULARITY 1
) ENGINE = MergeTree
PARTITION BY toDate(timestamp)
ORDER BY (client_id, metric_name, path, timestamp)
TTL toDateTime(timestamp) + INTERVAL 1 YEAR
SETTINGS index_granularity = 8192;

-- Hourly vitals rollup. The seed's SummingMergeTree added p50/p75/min/max together when
-- parts merged; here every column is an aggregate state (or a SimpleAggregateFunction
-- that merges correctly), read with quantilesMerge / avgMerge / min / max / sum.
-- percentiles holds quantiles(0.5, 0.75, 0.9, 0.95, 0.99).
CREATE TABLE IF NOT EXISTS analytics.web_vitals_hourly (
  client_id String CODEC(ZSTD(1)),
  path String CODEC(ZSTD(1)),
  metric_name LowCardinality(String) CODEC(ZSTD(1)),
  hour DateTime('UTC') CODEC(Delta(4), ZSTD(1)),

  sample_count SimpleAggregateFunction(sum, UInt64),
  percentiles AggregateFunction(quantiles(0.5, 0.75, 0.9, 0.95, 0.99), Float64),
  avg_value AggregateFunction(avg, Float64),
  min_value SimpleAggregateFunction(min, Float64),
  max_value SimpleAggregateFunction(max, Float64)
) ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(hour)
ORDER BY (client_id, metric_name, path, hour)
TTL hour + INTERVAL 1 YEAR;

CREATE MATERIALIZED VIEW IF NOT EXISTS analytics.web_vitals_hourly_mv
TO analytics.web_vitals_hourly
AS SELECT
  client_id,
  path,
  metric_name,
  toStartOfHour(timestamp) AS hour,
  count() AS sample_count,
  quantilesState(0.5, 0.75, 0.9, 0.95, 0.99)(metric_value) AS percentiles,
  avgState(metric_value) AS avg_value,
  min(metric_value) AS min_value,
  max(metric_value) AS max_value
FROM analytics.web_vitals_spans
GROUP BY client_id, path, metric_name, hour;
