-- Visits read with FINAL (issue 13). 0011 kept a visit's landing page view and last page view as
-- argMinIf/argMaxIf states, so every query had to finalise visits with GROUP BY client_id,
-- session_id, unpacking those states row by row. Measured on the 10M-event benchmark (one website
-- of 1M events, 250k visits): finalising by GROUP BY cost ~0.75x the floor query per visit query,
-- a REFERRER_DOMAIN breakdown (which unpacks the landing state) ~2x; reading the same visits with
-- FINAL cost 4-6x less, also with fresh unmerged parts present (5 parts: 355 ms against 1,020 ms
-- for GROUP BY, on a loaded machine).
--
-- Now the landing and the last page view are plain tuples led by their time, kept as min and max
-- (SimpleAggregateFunction): the earliest page view's tuple is the smallest, the latest's the
-- largest. Events other than page views contribute a tuple that can never win (a time in 2299
-- for the entry, 1900 for the exit). FINAL merges them like every other column. Read them with
-- tupleElement(entry_view, 'page'): the `entry_view.page` subcolumn is read before FINAL merges.
--
-- Upgrade: rows written before this migration get both columns from their states, the partial
-- row's start (end) time standing in for the time of its first (last) page view (the same for
-- every row OPTIMIZE or a merge had already finalised). The view is replaced only after existing
-- rows are rewritten, so every row keeps a value; its replacement is not atomic, so stop ingest
-- while migrating a cluster.
ALTER TABLE analytics.visits ADD COLUMN IF NOT EXISTS entry_view SimpleAggregateFunction(min,
    Tuple(time DateTime64(3, 'UTC'), page String, referrer String, utm_source String, utm_medium String,
      utm_campaign String, utm_term String, utm_content String))
  DEFAULT if(pageviews > 0,
    (start_time, tupleElement(finalizeAggregation(landing), 1), tupleElement(finalizeAggregation(landing), 2),
      tupleElement(finalizeAggregation(landing), 3), tupleElement(finalizeAggregation(landing), 4),
      tupleElement(finalizeAggregation(landing), 5), tupleElement(finalizeAggregation(landing), 6),
      tupleElement(finalizeAggregation(landing), 7)),
    (toDateTime64('2299-12-31 23:59:59.999', 3, 'UTC'), '', '', '', '', '', '', ''))
  CODEC(ZSTD(1)) AFTER end_time;
ALTER TABLE analytics.visits ADD COLUMN IF NOT EXISTS exit_view SimpleAggregateFunction(max,
    Tuple(time DateTime64(3, 'UTC'), page String))
  DEFAULT if(pageviews > 0, (end_time, finalizeAggregation(exit_state)),
    (toDateTime64('1900-01-01 00:00:00', 3, 'UTC'), ''))
  CODEC(ZSTD(1)) AFTER entry_view;
ALTER TABLE analytics.visits MATERIALIZE COLUMN entry_view, MATERIALIZE COLUMN exit_view SETTINGS mutations_sync = 2;

DROP VIEW IF EXISTS analytics.visits_mv;
CREATE MATERIALIZED VIEW IF NOT EXISTS analytics.visits_mv
TO analytics.visits
AS SELECT
  client_id,
  session_id,
  any(anonymous_id) AS anonymous_id,
  min(time) AS start_time,
  max(time) AS end_time,
  min(if(event_name = 'screen_view',
    (time, path, ifNull(referrer, ''), ifNull(utm_source, ''), ifNull(utm_medium, ''), ifNull(utm_campaign, ''),
      ifNull(utm_term, ''), ifNull(utm_content, '')),
    (toDateTime64('2299-12-31 23:59:59.999', 3, 'UTC'), '', '', '', '', '', '', ''))) AS entry_view,
  max(if(event_name = 'screen_view', (time, path), (toDateTime64('1900-01-01 00:00:00', 3, 'UTC'), ''))) AS exit_view,
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

ALTER TABLE analytics.visits MODIFY COLUMN entry_view REMOVE DEFAULT, MODIFY COLUMN exit_view REMOVE DEFAULT;
ALTER TABLE analytics.visits DROP COLUMN IF EXISTS landing, DROP COLUMN IF EXISTS exit_state;
