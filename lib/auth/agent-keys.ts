import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { Caller } from "./access";
import { isPermission } from "./permissions";

// Agent keys: `sb_<prefix>_<secret>`; only a SHA-256 of the whole key is stored (keys are high-entropy,
// so a slow hash buys nothing), and the short prefix lets people recognise a key in the list.
export const AGENT_KEY_PATTERN = /^sb_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43}$/;

export function hashAgentKey(key: string) {
  return createHash("sha256").update(key).digest("hex");
}

export function generateAgentKey() {
  const prefix = randomBytes(6).toString("base64url").replace(/[-_]/g, "x").slice(0, 8);
  const key = `sb_${prefix}_${randomBytes(32).toString("base64url")}`;
  return { key, prefix: `sb_${prefix}`, hash: hashAgentKey(key) };
}

/** The caller for a presented agent key, or null when it is unknown, malformed or revoked. */
export async function callerForAgentKey(key: string): Promise<Caller | null> {
  if (!AGENT_KEY_PATTERN.test(key)) return null;
  const row = await db.apiKey.findUnique({
    where: { keyHash: hashAgentKey(key) },
    select: { id: true, teamId: true, projectId: true, permissions: true, revokedAt: true, lastUsedAt: true },
  });
  if (!row || row.revokedAt) return null;
  // last_used_at at minute granularity: one write a minute per key, not one per request.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return {
    kind: "apiKey",
    apiKeyId: row.id,
    teamId: row.teamId,
    projectId: row.projectId,
    permissions: row.permissions.filter(isPermission),
  };
}
