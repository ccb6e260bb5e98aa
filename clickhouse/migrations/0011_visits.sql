-- One row per visit (session), kept by ClickHouse itself from analytics.events.
--
-- Design: AggregatingMergeTree keyed by (client_id, session_id), fed by a materialized view
-- with min/max/sum/any/argMin/argMax states. Every event adds a partial row; parts merge the
-- partial rows of a visit whatever order they arrive in (the states are commutative), so a
-- page_exit after the next view, a retry or a batch replayed hours later lands in the same
-- visit, and nothing in the key depends on time, so a visit crossing midnight or a month
-- boundary stays one visit. Queries finalise with GROUP BY client_id, session_id (the sort
-- key, so aggregation streams in order) and never need FINAL.
--
-- Rejected: Plausible's sessions_v2 (VersionedCollapsingMergeTree) is written by the ingest
-- process, which must remember each session's last row to cancel it (sign -1) and write the
-- new one (sign +1); that needs a session cache with sticky routing, while ingest here is
-- stateless and scales horizontally. With the events of a visit arriving out of order or
-- replayed, a cancel row for a state the writer never saw would corrupt the visit.
-- Cost of this choice: the key has no time, so a range query reads every visit of the website
-- (about a quarter of its events) and filters on start_time after finalising. Measured by
-- `npm run bench:query` on 10M events (10 websites × 1M, 2026-12-05): 11.2 bytes per event
-- stored here; a breakdown by a visit dimension 270–300 ms p50 against 182 ms for the floor
-- (count and exact visitors and sessions over the website's events). The alternative (a
-- time-ordered session id in the key, as PostHog does with UUIDv7) needs a tracker change.
--
-- Columns: visit attributes fixed at the start (landing page, referrer, UTM: argMin over the
-- visit's page views; geo and device: the first known value, as `any` skips NULLs, and they are
-- the same for every event of a visit)
-- and facts that accumulate (page views, events, end, exit page, engagement sums).
-- Landing values store unknown as ''; geo and device stay Nullable so that `any` skips unknowns. Events stored before this migration have no
-- visits (no backfill: an INSERT racing the view would count events twice).
CREATE TABLE IF NOT EXISTS analytics.visits (
  client_id String CODEC(ZSTD(1)),
  session_id String CODEC(ZSTD(1)),
  anonymous_id SimpleAggregateFunction(any, String) CODEC(ZSTD(1)),

  start_time SimpleAggregateFunction(min, DateTime64(3, 'UTC')) CODEC(ZSTD(1)),
  end_time SimpleAggregateFunction(max, DateTime64(3, 'UTC')) CODEC(ZSTD(1)),

  -- (entry page, referrer, utm_source, utm_medium, utm_campaign, utm_term, utm_content) of the first page view.
  landing AggregateFunction(argMinIf, Tuple(String, String, String, String, String, String, String), DateTime64(3, 'UTC'), UInt8),
  exit_state AggregateFunction(argMaxIf, String, DateTime64(3, 'UTC'), UInt8),

  pageviews SimpleAggregateFunction(sum, UInt64),
  events SimpleAggregateFunction(sum, UInt64),
  outgoing_clicks SimpleAggregateFunction(sum, UInt64),
  time_on_page_sum SimpleAggregateFunction(sum, Float64),
  time_on_page_count SimpleAggregateFunction(sum, UInt64),
  scroll_depth_sum SimpleAggregateFunction(sum, Float64),
  scroll_depth_count SimpleAggregateFunction(sum, UInt64),

  country SimpleAggregateFunction(any, LowCardinality(Nullable(String))),
  region SimpleAggregateFunction(any, LowCardinality(Nullable(String))),
  city SimpleAggregateFunction(any, LowCardinality(Nullable(String))),
  browser_name SimpleAggregateFunction(any, LowCardinality(Nullable(String))),
  browser_version SimpleAggregateFunction(any, LowCardinality(Nullable(String))),
  os_name SimpleAggregateFunction(any, LowCardinality(Nullable(String))),
  os_version SimpleAggregateFunction(any, LowCardinality(Nullable(String))),
  device_type SimpleAggregateFunction(any, LowCardinality(Nullable(String))),
  screen_resolution SimpleAggregateFunction(any, LowCardinality(Nullable(String))),
  language SimpleAggregateFunction(any, LowCardinality(Nullable(String))),
  timezone SimpleAggregateFunction(any, LowCardinality(Nullable(String)))
) ENGINE = AggregatingMergeTree
ORDER BY (client_id, session_id)
TTL toDateTime(end_time) + INTERVAL 1 YEAR
SETTINGS index_granularity = 8192;

CREATE MATERIALIZED VIEW IF NOT EXISTS analytics.visits_mv
TO analytics.visits
AS SELECT
  client_id,
  session_id,
  any(anonymous_id) AS anonymous_id,
  min(time) AS start_time,
  max(time) AS end_time,
  argMinIfState(
    (path, ifNull(referrer, ''), ifNull(utm_source, ''), ifNull(utm_medium, ''), ifNull(utm_campaign, ''),
      ifNull(utm_term, ''), ifNull(utm_content, '')),
    time, event_name = 'screen_view') AS landing,
  argMaxIfState(path, time, event_name = 'screen_view') AS exit_state,
  countIf(event_name = 'screen_view') AS pageviews,
  count() AS events,
  countIf(event_name = 'outgoing_link') AS outgoing_clicks,
  sum(ifNull(time_on_page, 0)) AS time_on_page_sum,
  countIf(time_on_page IS NOT NULL) AS time_on_page_count,
  sum(ifNull(scroll_depth, 0)) AS scroll_depth_sum,
  countIf(scroll_depth IS NOT NULL) AS scroll_depth_count,
  any(country) AS country,
  any(region) AS region,
  any(city) AS city,
  any(browser_name) AS browser_name,
  any(browser_version) AS browser_version,
  any(os_name) AS os_name,
  any(os_version) AS os_version,
  any(device_type) AS device_type,
  any(screen_resolution) AS screen_resolution,
  any(language) AS language,
  any(timezone) AS timezone
FROM analytics.events
GROUP BY client_id, session_id;

-- Replayed ingest batches are deduplicated in the view's target too (see 0010).
ALTER TABLE analytics.visits MODIFY SETTING non_replicated_deduplication_window = 1000;
