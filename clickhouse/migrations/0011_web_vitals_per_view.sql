-- Web vitals per page view (issue 18). The tracker reports CLS and INP again at each later hide
-- of a page view, so one page view and metric may have several rows: the latest (by timestamp)
-- is its value, and queries read one value per (view_id, metric_name) with argMax (see
-- vitalsSql). Ingest sets view_id (the tracker's page-view id, else the event's own id); rows
-- stored before have no id of their own and keep standing alone under one derived from the row.
ALTER TABLE analytics.web_vitals_spans ADD COLUMN IF NOT EXISTS view_id String DEFAULT concat(session_id, '@', toString(timestamp)) CODEC(ZSTD(1)) AFTER session_id;

-- The hourly rollup folded each row into quantile states as it was inserted: a replaced report
-- would count twice, and a state cannot take a sample back out. No query read it; vitals are
-- read from the spans, one value per page view.
DROP VIEW IF EXISTS analytics.web_vitals_hourly_mv;
DROP TABLE IF EXISTS analytics.web_vitals_hourly;
