-- Page views, engagement and tracker custom events, one row per event.
-- Columns as in the seed; added: codecs on the time columns, skip indexes for session and
-- visitor lookups, a default for created_at, and the seed's 1-year retention.
CREATE TABLE IF NOT EXISTS analytics.events (
  id UUID,
  client_id String,
  event_name String,
  anonymous_id String,
  time DateTime64(3, 'UTC') CODEC(Delta(8), ZSTD(1)),
  session_id String,

  event_type LowCardinality(String) DEFAULT 'track',
  event_id Nullable(String),
  session_start_time Nullable(DateTime64(3, 'UTC')),
  timestamp DateTime64(3, 'UTC') DEFAULT time,

  referrer Nullable(String),
  url String,
  path String,
  title Nullable(String),

  ip String,
  user_agent String,
  browser_name Nullable(String),
  browser_version Nullable(String),
  os_name Nullable(String),
  os_version Nullable(String),
  device_type Nullable(String),
  device_brand Nullable(String),
  device_model Nullable(String),
  country Nullable(String),
  region Nullable(String),
  city Nullable(String),

  screen_resolution Nullable(String),
  viewport_size Nullable(String),
  language Nullable(String),
  timezone Nullable(String),

  connection_type Nullable(String),
  rtt Nullable(Int16),
  downlink Nullable(Float32),

  time_on_page Nullable(Float32),
  scroll_depth Nullable(Float32),
  interaction_count Nullable(Int16),
  page_count UInt8 DEFAULT 1,

  utm_source Nullable(String),
  utm_medium Nullable(String),
  utm_campaign Nullable(String),
  utm_term Nullable(String),
  utm_content Nullable(String),

  load_time Nullable(Int32),
  dom_ready_time Nullable(Int32),
  dom_interactive Nullable(Int32),
  ttfb Nullable(Int32),
  connection_time Nullable(Int32),
  request_time Nullable(Int32),
  render_time Nullable(Int32),
  redirect_time Nullable(Int32),
  domain_lookup_time Nullable(Int32),

  -- Custom properties as a JSON object string.
  properties String DEFAULT '{}',

  created_at DateTime64(3, 'UTC') DEFAULT now64(3),

  INDEX idx_session_id session_id TYPE bloom_filter(0.01) GRANULARITY 1,
  INDEX idx_anonymous_id anonymous_id TYPE bloom_filter(0.01) GRANULARITY 1,
  INDEX idx_event_name event_name TYPE bloom_filter(0.01) GRANULARITY 1
) ENGINE = MergeTree()
PARTITION BY toYYYYMM(time)
ORDER BY (client_id, time, id)
TTL toDateTime(time) + INTERVAL 1 YEAR
SETTINGS index_granularity = 8192;

-- Daily page views and visitors per website (UTC days), kept 2 years. Visitors and
-- sessions are uniq states so days merge correctly into weeks and months.
CREATE TABLE IF NOT EXISTS analytics.daily_pageviews (
  client_id String CODEC(ZSTD(1)),
  date Date CODEC(Delta(2), ZSTD(1)),
  pageviews SimpleAggregateFunction(sum, UInt64),
  visitors AggregateFunction(uniq, String),
  sessions AggregateFunction(uniq, String)
) ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(date)
ORDER BY (client_id, date)
TTL date + INTERVAL 2 YEAR;

CREATE MATERIALIZED VIEW IF NOT EXISTS analytics.daily_pageviews_mv
TO analytics.daily_pageviews
AS SELECT
  client_id,
  toDate(time) AS date,
  count() AS pageviews,
  uniqState(anonymous_id) AS visitors,
  uniqState(session_id) AS sessions
FROM analytics.events
WHERE event_name = 'screen_view'
GROUP BY client_id, date;
