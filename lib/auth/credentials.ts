import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { dummyPasswordHash, verifyPassword } from "./password";
import { assertNotThrottled, recordSignInFailure, recordSignInSuccess } from "./sign-in-throttle";

export const signInSchema = z.object({
  email: z.email({ message: "Enter a valid email address." }).max(254).transform((v) => v.trim().toLowerCase()),
  password: z.string().min(1, { message: "Enter your password." }).max(1024),
});

export class InvalidCredentialsError extends Error {
  constructor() {
    super("That email and password do not match an account.");
    this.name = "InvalidCredentialsError";
  }
}

/** Checks the throttle, then the password. Throws SignInThrottledError or InvalidCredentialsError. */
export async function verifyCredentials(input: { email: string; password: string }, client: string) {
  const { email, password } = signInSchema.parse(input);
  await assertNotThrottled(email, client);
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true } });
  const ok = user?.passwordHash
    ? await verifyPassword(password, user.passwordHash)
    : (await verifyPassword(password, await dummyPasswordHash()), false);
  if (!user || !ok) {
    await recordSignInFailure(email, client);
    throw new InvalidCredentialsError();
  }
  await recordSignInSuccess(email);
  return { id: user.id, email: user.email, name: user.name };
}
