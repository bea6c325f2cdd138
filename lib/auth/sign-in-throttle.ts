import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { clientAddress } from "./client-address";

// Failed sign-ins are counted per account and per client in the database, so the limit holds across
// processes and restarts.
export const THROTTLE = {
  windowMinutes: 15,
  lockMinutes: 15,
  accountLimit: 5,
  clientLimit: 20,
} as const;

export class SignInThrottledError extends Error {
  constructor(public readonly retryAfterSeconds: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    super(`Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
    this.name = "SignInThrottledError";
  }
}

const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
const clientKey = (client: string) => `client:${client}`;

export async function assertNotThrottled(email: string, client: string) {
  const rows = await db.signInThrottle.findMany({
    where: { key: { in: [accountKey(email), clientKey(client)] }, lockedUntil: { gt: new Date() } },
    select: { lockedUntil: true },
  });
  if (rows.length === 0) return;
  const until = Math.max(...rows.map((r) => r.lockedUntil!.getTime()));
  throw new SignInThrottledError(Math.ceil((until - Date.now()) / 1000));
}

async function countFailure(key: string, limit: number) {
  await db.$executeRaw`
    INSERT INTO sign_in_throttles (key, failures, window_starts_at)
    VALUES (${key}, 1, now())
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN sign_in_throttles.window_starts_at < now() - make_interval(mins => ${THROTTLE.windowMinutes})
                      THEN 1 ELSE sign_in_throttles.failures + 1 END,
      window_starts_at = CASE WHEN sign_in_throttles.window_starts_at < now() - make_interval(mins => ${THROTTLE.windowMinutes})
                      THEN now() ELSE sign_in_throttles.window_starts_at END,
      locked_until = CASE
        WHEN sign_in_throttles.window_starts_at >= now() - make_interval(mins => ${THROTTLE.windowMinutes})
         AND sign_in_throttles.failures + 1 >= ${limit}
        THEN now() + make_interval(mins => ${THROTTLE.lockMinutes})
        ELSE sign_in_throttles.locked_until END`;
}

export async function recordSignInFailure(email: string, client: string) {
  await countFailure(accountKey(email), THROTTLE.accountLimit);
  await countFailure(clientKey(client), THROTTLE.clientLimit);
}

export async function recordSignInSuccess(email: string) {
  await db.signInThrottle.deleteMany({ where: { key: accountKey(email) } });
}

/** The client a failed sign-in is counted against: never what the client says about itself (see client-address). */
export function clientFromHeaders(headers: Headers): string {
  return clientAddress(headers, env().TRUST_PROXY);
}
