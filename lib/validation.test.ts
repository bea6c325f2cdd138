import { describe, expect, it } from "vitest";
import { bundleIdSchema, nameSchema, replyTextSchema } from "./validation";

describe("bundle ids", () => {
  it.each(["com.example.weather", "io.github.some-app", "com.Example.App2", "org.example.my_app", `com.${"a".repeat(151)}`])("accepts %s", (id) => {
    expect(bundleIdSchema.safeParse(id).success).toBe(true);
  });
  it.each(["weather", "com..example", ".com.example", "com.example.", "com example.app", "com.exämple.app", `com.${"a".repeat(152)}`, ""])(
    "refuses %j",
    (id) => {
      expect(bundleIdSchema.safeParse(id).success).toBe(false);
    },
  );
  it("trims surrounding whitespace", () => {
    expect(bundleIdSchema.parse("  com.example.app ")).toBe("com.example.app");
  });
});

describe("names", () => {
  it("requires 1-100 characters after trimming", () => {
    expect(nameSchema("Name").safeParse("  ").success).toBe(false);
    expect(nameSchema("Name").safeParse("x".repeat(101)).success).toBe(false);
    expect(nameSchema("Name").parse("  Weather ")).toBe("Weather");
  });
});

describe("characters PostgreSQL cannot store", () => {
  const halfEmoji = "🙂".slice(0, 1);
  it.each([
    ["a NUL byte", "Ops\u0000"],
    ["a high surrogate without its pair", `Ops ${halfEmoji}`],
    ["a low surrogate without its pair", `Ops ${"🙂".slice(1)}x`],
  ])("refuses %s in names and replies", (_label, text) => {
    expect(nameSchema("Team name").safeParse(text).error?.issues[0]?.message).toMatch(/^Team name contains/);
    expect(replyTextSchema.safeParse(text).error?.issues[0]?.message).toMatch(/^The reply contains/);
  });
  it("keeps whole emoji and other scripts", () => {
    expect(nameSchema("Name").parse("Équipe 🙂 東京")).toBe("Équipe 🙂 東京");
    expect(replyTextSchema.parse("Merci 🙏")).toBe("Merci 🙏");
  });
});
