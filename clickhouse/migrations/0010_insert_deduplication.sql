-- Ingest inserts each batch with an insert_deduplication_token and, after a crash, inserts the
-- batches it cannot prove stored again with the same tokens. MergeTree tables deduplicate only
-- with a window of remembered blocks; the materialized views' target tables need one too, or
-- a replayed batch would be dropped from its table but counted again in the view.
ALTER TABLE analytics.events MODIFY SETTING non_replicated_deduplication_window = 1000;
ALTER TABLE analytics.daily_pageviews MODIFY SETTING non_replicated_deduplication_window = 1000;
ALTER TABLE analytics.web_vitals_spans MODIFY SETTING non_replicated_deduplication_window = 1000;
ALTER TABLE analytics.web_vitals_hourly MODIFY SETTING non_replicated_deduplication_window = 1000;
ALTER TABLE analytics.error_spans MODIFY SETTING non_replicated_deduplication_window = 1000;
ALTER TABLE analytics.error_hourly MODIFY SETTING non_replicated_deduplication_window = 1000;
ALTER TABLE analytics.custom_events MODIFY SETTING non_replicated_deduplication_window = 1000;
ALTER TABLE analytics.revenue MODIFY SETTING non_replicated_deduplication_window = 1000;
ALTER TABLE analytics.link_clicks MODIFY SETTING non_replicated_deduplication_window = 1000;
ALTER TABLE uptime.checks MODIFY SETTING non_replicated_deduplication_window = 1000;
ALTER TABLE observability.ai_call_spans MODIFY SETTING non_replicated_deduplication_window = 1000;
