-- Sessions are signed cookies (JWT): signing out records the session's id here until every cookie that could
-- carry it has expired, and a cookie whose session id is listed is refused.
CREATE TABLE "revoked_sessions" (
  "session_id" UUID NOT NULL,
  "expires_at" TIMESTAMPTZ(3) NOT NULL,
  CONSTRAINT "revoked_sessions_pkey" PRIMARY KEY ("session_id")
);

CREATE INDEX "revoked_sessions_expires_at_idx" ON "revoked_sessions"("expires_at");
