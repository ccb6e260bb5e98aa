-- LLM calls (POST /v1/llm): tokens, cost, latency, tools and errors per call.
CREATE TABLE IF NOT EXISTS observability.ai_call_spans (
  owner_id String,

  timestamp DateTime64(3, 'UTC') CODEC(Delta(8), ZSTD(1)),

  type LowCardinality(String),
  model String,
  provider LowCardinality(String),
  finish_reason LowCardinality(Nullable(String)),

  input_tokens UInt32,
  output_tokens UInt32,
  total_tokens UInt32,
  cached_input_tokens Nullable(UInt32),
  cache_creation_input_tokens Nullable(UInt32),
  reasoning_tokens Nullable(UInt32),
  web_search_count Nullable(UInt16),

  input_token_cost_usd Nullable(Float64),
  output_token_cost_usd Nullable(Float64),
  total_token_cost_usd Nullable(Float64),

  tool_call_count UInt16,
  tool_result_count UInt16,
  tool_call_names Array(String),

  duration_ms UInt32,
  trace_id Nullable(String),
  http_status Nullable(UInt16),

  error_name LowCardinality(Nullable(String)),
  error_message Nullable(String),
  error_stack Nullable(String)
) ENGINE = MergeTree
PARTITION BY toDate(timestamp)
ORDER BY (owner_id, provider, model, timestamp)
TTL toDateTime(timestamp) + INTERVAL 1 YEAR;
