import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createOwner } from "@/test/fixtures";
import { InvalidCredentialsError, verifyCredentials } from "./credentials";
import { SignInThrottledError, THROTTLE } from "./sign-in-throttle";

const PASSWORD = "correct horse battery staple";

describe("password sign-in", () => {
  it("accepts the right password, case-insensitively on the email", async () => {
    const owner = await createOwner("signin");
    const user = await verifyCredentials({ email: owner.email.toUpperCase(), password: PASSWORD }, "10.0.0.1");
    expect(user.id).toBe(owner.userId);
  });

  it("refuses a wrong password and an unknown account with the same error", async () => {
    const owner = await createOwner("wrong");
    await expect(verifyCredentials({ email: owner.email, password: "nope" }, "10.0.0.2")).rejects.toBeInstanceOf(InvalidCredentialsError);
    await expect(verifyCredentials({ email: "nobody@example.test", password: "nope" }, "10.0.0.2")).rejects.toBeInstanceOf(InvalidCredentialsError);
  });

  it("throttles an account after repeated failures, even with the right password, from any client", async () => {
    const owner = await createOwner("throttled");
    for (let i = 0; i < THROTTLE.accountLimit; i++) {
      await expect(verifyCredentials({ email: owner.email, password: `bad-${i}` }, `10.1.0.${i}`)).rejects.toBeInstanceOf(InvalidCredentialsError);
    }
    const attempt = verifyCredentials({ email: owner.email, password: PASSWORD }, "10.1.9.9");
    await expect(attempt).rejects.toBeInstanceOf(SignInThrottledError);
    await expect(attempt).rejects.toThrow(/Too many failed sign-in attempts\. Try again in \d+ minutes?\./);
  });

  it("throttles a client that tries many accounts", async () => {
    const client = "10.2.0.1";
    for (let i = 0; i < THROTTLE.clientLimit; i++) {
      await verifyCredentials({ email: `spray-${i}@example.test`, password: "x" }, client).catch(() => {});
    }
    const victim = await createOwner("sprayed");
    await expect(verifyCredentials({ email: victim.email, password: PASSWORD }, client)).rejects.toBeInstanceOf(SignInThrottledError);
    // Another client is not affected.
    await expect(verifyCredentials({ email: victim.email, password: PASSWORD }, "10.2.0.2")).resolves.toMatchObject({ id: victim.userId });
  });

  it("lets the lock expire", async () => {
    const owner = await createOwner("expired-lock");
    for (let i = 0; i < THROTTLE.accountLimit; i++) {
      await verifyCredentials({ email: owner.email, password: "bad" }, "10.3.0.1").catch(() => {});
    }
    await db.signInThrottle.updateMany({ where: { key: `account:${owner.email}` }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    await expect(verifyCredentials({ email: owner.email, password: PASSWORD }, "10.3.0.2")).resolves.toMatchObject({ id: owner.userId });
  });
});
