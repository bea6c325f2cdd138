import { describe, expect, it } from "vitest";
import { bundleIdSchema, nameSchema } from "./validation";

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
