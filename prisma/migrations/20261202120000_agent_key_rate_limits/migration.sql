-- The agent-key rate limit is kept in the database, like the sign-in limit, so that it holds across processes:
-- per key, the times of its requests in the last window (oldest first), when it was last checked and whether
-- that request was refused. One INSERT … ON CONFLICT decides and records each request under the row's lock.
CREATE TABLE "agent_key_rate_limits" (
  "api_key_id" UUID NOT NULL,
  "hits" TIMESTAMPTZ(3)[] NOT NULL,
  "checked_at" TIMESTAMPTZ(3) NOT NULL,
  "refused" BOOLEAN NOT NULL,
  CONSTRAINT "agent_key_rate_limits_pkey" PRIMARY KEY ("api_key_id")
);
