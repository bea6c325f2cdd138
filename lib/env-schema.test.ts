import { describe, expect, it } from "vitest";
import { ConfigError, decodeKey, parseEnv } from "./env-schema";

const valid = {
  DATABASE_URL: "postgresql://u:p@127.0.0.1:5432/db",
  AUTH_SECRET: "s".repeat(40),
  ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
};

describe("configuration", () => {
  it("accepts a minimal valid environment and fills defaults", () => {
    const env = parseEnv(valid);
    expect(env.ITUNES_BASE_URL).toBe("https://itunes.apple.com");
    expect(env.ASC_BASE_URL).toBe("https://api.appstoreconnect.apple.com");
    expect(env.ITUNES_CALLS_PER_MINUTE).toBe(20);
  });

  it("reports every bad value on its own line without echoing secrets", () => {
    let error: unknown;
    try {
      parseEnv({ ...valid, AUTH_SECRET: "short", ENCRYPTION_KEY: "not-a-key", ITUNES_BASE_URL: "itunes", SMTP_URL: "mail.example.com" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const lines = (error as ConfigError).lines;
    expect(lines).toHaveLength(4);
    expect(lines.find((l) => l.startsWith("AUTH_SECRET:"))).toMatch(/at least 32/);
    expect(lines.find((l) => l.startsWith("ENCRYPTION_KEY:"))).toMatch(/32 bytes/);
    expect(lines.find((l) => l.startsWith("ITUNES_BASE_URL:"))).toContain('(got "itunes")');
    expect(lines.join("\n")).not.toContain("not-a-key");
    expect(lines.join("\n")).not.toContain("short");
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ ...valid, ITUNES_BASE_URL: "", SMTP_URL: "" }).SMTP_URL).toBeUndefined();
  });

  it("reads TRUST_PROXY as a number of proxies (0 unless set) and refuses anything else", () => {
    expect(parseEnv(valid).TRUST_PROXY).toBe(0);
    expect(parseEnv({ ...valid, TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
    expect(parseEnv({ ...valid, TRUST_PROXY: "true" }).TRUST_PROXY).toBe(1);
    expect(parseEnv({ ...valid, TRUST_PROXY: "false" }).TRUST_PROXY).toBe(0);
    for (const bad of ["yes", "-1", "1.5", "11"]) {
      expect(() => parseEnv({ ...valid, TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY: must/);
    }
  });

  it("keeps notifications off private networks unless NOTIFICATIONS_ALLOW_PRIVATE_NETWORKS is 1 or true", () => {
    expect(parseEnv(valid).NOTIFICATIONS_ALLOW_PRIVATE_NETWORKS).toBe(false);
    expect(parseEnv({ ...valid, NOTIFICATIONS_ALLOW_PRIVATE_NETWORKS: "" }).NOTIFICATIONS_ALLOW_PRIVATE_NETWORKS).toBe(false);
    expect(parseEnv({ ...valid, NOTIFICATIONS_ALLOW_PRIVATE_NETWORKS: "1" }).NOTIFICATIONS_ALLOW_PRIVATE_NETWORKS).toBe(true);
    expect(() => parseEnv({ ...valid, NOTIFICATIONS_ALLOW_PRIVATE_NETWORKS: "yes" })).toThrow(/NOTIFICATIONS_ALLOW_PRIVATE_NETWORKS: must be "1", "0", "true" or "false"/);
  });

  it("validates the pool size, the agent-key rate limit and the port, with their defaults", () => {
    expect(parseEnv(valid)).toMatchObject({ DATABASE_POOL_SIZE: 10, STARBOARD_API_RATE_LIMIT: 120, PORT: 3000, HOST: "127.0.0.1", NEXT_DIST_DIR: ".next" });
    expect(parseEnv({ ...valid, DATABASE_POOL_SIZE: "25", STARBOARD_API_RATE_LIMIT: "600", PORT: "8080" })).toMatchObject({ DATABASE_POOL_SIZE: 25, STARBOARD_API_RATE_LIMIT: 600, PORT: 8080 });
    for (const [name, bad, message] of [
      ["DATABASE_POOL_SIZE", "0", "at least 1 connection"],
      ["DATABASE_POOL_SIZE", "ten", "whole number of connections"],
      ["STARBOARD_API_RATE_LIMIT", "1.5", "whole number of requests per minute"],
      ["STARBOARD_API_RATE_LIMIT", "-3", "at least 1 request"],
      ["PORT", "70000", "port number"],
    ]) {
      expect(() => parseEnv({ ...valid, [name]: bad }), `${name}=${bad}`).toThrow(new RegExp(`${name}: must .*${message}.*\\(got "${bad}"\\)`));
    }
  });

  it("decodes 32-byte keys in hex or base64 only", () => {
    expect(decodeKey("ab".repeat(32))?.length).toBe(32);
    expect(decodeKey(Buffer.alloc(32, 9).toString("base64"))?.length).toBe(32);
    expect(decodeKey(Buffer.alloc(16, 9).toString("base64"))).toBeNull();
    expect(decodeKey("ab".repeat(31))).toBeNull();
  });
});
