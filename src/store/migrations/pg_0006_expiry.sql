-- keyward schema on PostgreSQL, version 6: account expiry, as SQLite's
-- 0006_expiry.sql. Never edit once shipped.
ALTER TABLE account ADD COLUMN expires_at BIGINT;
