-- The three ClickHouse databases: page analytics, uptime checks, LLM observability.
CREATE DATABASE IF NOT EXISTS analytics;
CREATE DATABASE IF NOT EXISTS uptime;
CREATE DATABASE IF NOT EXISTS observability;
