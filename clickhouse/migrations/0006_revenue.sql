-- Payments from Stripe/Paddle webhooks. A later row for the same transaction (a refund,
-- a status change) replaces the earlier one: read with FINAL. No TTL: financial records.
CREATE TABLE IF NOT EXISTS analytics.revenue (
  owner_id String,
  website_id Nullable(String),

  transaction_id String,
  provider LowCardinality(String),
  type LowCardinality(String),
  status LowCardinality(String),

  amount Decimal64(4),
  original_amount Decimal64(4),
  original_currency LowCardinality(String),
  currency LowCardinality(String),

  anonymous_id Nullable(String),
  session_id Nullable(String),
  customer_id Nullable(String),

  product_id Nullable(String),
  product_name Nullable(String),

  metadata String DEFAULT '{}',

  created DateTime('UTC'),
  synced_at DateTime('UTC'),

  INDEX idx_anonymous_id anonymous_id TYPE bloom_filter(0.01) GRANULARITY 1
) ENGINE = ReplacingMergeTree(synced_at)
PARTITION BY toYYYYMM(created)
ORDER BY (owner_id, transaction_id);
