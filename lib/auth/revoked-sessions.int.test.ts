import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isSessionRevoked, newSessionId, revokeSession, SESSION_MAX_AGE_SECONDS } from "./revoked-sessions";

describe("signed-out sessions", () => {
  it("are listed until every cookie that could carry them has expired, and only they are", async () => {
    const signedOut = newSessionId();
    const other = newSessionId();
    await revokeSession(signedOut);
    expect(await isSessionRevoked(signedOut)).toBe(true);
    expect(await isSessionRevoked(other)).toBe(false);
    const row = await db.revokedSession.findUniqueOrThrow({ where: { sessionId: signedOut } });
    expect(row.expiresAt.getTime()).toBeGreaterThan(Date.now() + (SESSION_MAX_AGE_SECONDS - 60) * 1000);
  });

  it("forgets entries whose cookies can no longer be valid", async () => {
    const old = newSessionId();
    await db.revokedSession.create({ data: { sessionId: old, expiresAt: new Date(Date.now() - 1000) } });
    await revokeSession(newSessionId());
    expect(await db.revokedSession.count({ where: { sessionId: old } })).toBe(0);
  });
});
