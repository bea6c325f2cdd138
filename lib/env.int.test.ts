// The configuration module: withConfig changes what the code it runs (and what that starts) reads, nothing else.
import { describe, expect, it } from "vitest";
import { config, env, withConfig } from "./env";
import { ConfigError } from "./env-schema";
import { DELIVERY_POLICY } from "./notifications/policy";

describe("configuration", () => {
  it("withConfig applies to the code it runs, to what that starts in the background, and ends with it", async () => {
    expect(env().SMTP_URL).toBeUndefined();
    let seenLater: string | undefined;
    let background!: Promise<void>;
    await withConfig({ env: { SMTP_URL: "smtp://mail.test:25" }, deliveries: { timeoutMs: 5 } }, async () => {
      expect(env().SMTP_URL).toBe("smtp://mail.test:25");
      expect(config().deliveries).toMatchObject({ timeoutMs: 5, maxAttempts: DELIVERY_POLICY.maxAttempts });
      background = new Promise<void>((resolve) =>
        setTimeout(() => {
          seenLater = env().SMTP_URL;
          resolve();
        }, 10),
      );
    });
    expect(env().SMTP_URL).toBeUndefined();
    expect(config().deliveries.timeoutMs).toBe(DELIVERY_POLICY.timeoutMs);
    await background;
    expect(seenLater).toBe("smtp://mail.test:25");
  });

  it("validates the changed variables like the environment's, and can unset one", async () => {
    expect(() => withConfig({ env: { STARBOARD_API_RATE_LIMIT: "lots" } }, () => null)).toThrow(ConfigError);
    await withConfig({ env: { SMTP_URL: "smtp://mail.test:25" } }, () =>
      withConfig({ env: { SMTP_URL: undefined } }, async () => {
        expect(env().SMTP_URL).toBeUndefined();
      }),
    );
  });

  it("is frozen: nothing can change the configuration in effect", () => {
    expect(() => Object.assign(config().deliveries, { timeoutMs: 1 })).toThrow(TypeError);
    expect(() => (config().deliveries.backoffMs as number[]).push(1)).toThrow(TypeError);
  });
});
