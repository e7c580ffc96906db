-- Issue 23 part 2: rate limits counted in the database, so that several instances together allow exactly
-- what one would (platform.JdbcRateLimitBuckets). One row per limit and caller: its tokens when it was last
-- refilled. full_at is when the bucket will be full again; after it the row can be forgotten (a job deletes
-- such rows), because a missing bucket is a full one.
CREATE TABLE rate_limit_buckets (
    bucket_key   VARCHAR(200) NOT NULL PRIMARY KEY,
    tokens       DOUBLE PRECISION NOT NULL,
    refilled_at  ${ts} NOT NULL,
    full_at      ${ts} NOT NULL
);
CREATE INDEX ix_rate_limit_buckets_full_at ON rate_limit_buckets (full_at);
