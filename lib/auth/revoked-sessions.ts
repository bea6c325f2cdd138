import "server-only";
// Sessions are signed cookies (JWT) that the server does not store, so signing out alone would leave a copied
// cookie working until it expired. Each session carries an id (sid); signing out lists it here, and the session
// callback refuses a cookie whose sid is listed.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export const newSessionId = () => randomUUID();

/** Lists the session as signed out for as long as any cookie of it could still be valid. */
export async function revokeSession(sessionId: string) {
  const expiresAt = new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000);
  await db.revokedSession.upsert({ where: { sessionId }, create: { sessionId, expiresAt }, update: { expiresAt } });
  await db.revokedSession.deleteMany({ where: { expiresAt: { lt: new Date() } } });
}

export async function isSessionRevoked(sessionId: string): Promise<boolean> {
  return (await db.revokedSession.count({ where: { sessionId } })) > 0;
}
